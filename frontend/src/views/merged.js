// Merged events: one real-world event with all its reports, "N reports from M outlets, K independent", and under
// each the reports themselves (outlet, link to the original, the sentence).
import { get, maybe } from "../api.js";
import { actorLabel, codeLabel, displayText, h, message, reportCount, reportedBy } from "../dom.js";
import { link } from "../nav.js";
import { filterForm } from "./events.js";

export async function mergedView(box, params) {
  box.append(h("h1", {}, "Merged events"));
  box.append(filterForm("/merged", params, ["actor", "country", "root", "since", "until", "min_confidence"]));
  const first = await maybe("merged-events", { ...params, limit: 100 });
  if (first === null) {
    box.append(message("No merged events yet: the aggregation has not run on this store."));
    return;
  }
  if (!first.items.length) box.append(message("No merged events match these filters."));
  const list = h("ul", { class: "plain merged" });
  box.append(list);
  const more = h("button", { class: "more", type: "button" }, "Load more");
  box.append(more);
  let page = first;
  const show = () => {
    for (const e of page.items) list.append(item(e));
    more.hidden = !page.next_cursor;
  };
  more.addEventListener("click", async () => {
    page = await get("merged-events", { ...params, limit: 100, cursor: page.next_cursor });
    show();
  });
  show();
}

function item(e) {
  const reports = h("ol", { class: "plain mentions" });
  reports.hidden = true;
  const toggle = h("button", { type: "button", class: "link" }, "reports");
  toggle.addEventListener("click", async () => {
    reports.hidden = !reports.hidden;
    if (reports.hidden || reports.childElementCount) return;
    const detail = await get(`merged-events/${encodeURIComponent(e.id)}`);
    for (const m of detail.mentions.filter((x) => x.sentence_text)) {
      reports.append(h("li", { "data-origin": m.origin || "" }, h("time", {}, m.published || ""), " ",
        reportedBy(m.outlet || m.source_key, m.url),
        m.origin && m.origin.startsWith("wire:") ? h("small", {}, ` via ${m.origin.slice(5).toUpperCase()}`) : null,
        m.duplicate_of ? h("small", {}, " (copy)") : null, " ",
        h("a", { href: link(`/article/${m.article_id}`) }, "article"),
        h("blockquote", { class: "evidence" }, displayText(m.sentence_display ?? m.sentence_text))));
    }
  });
  return h("li", { class: "merged-event", "data-id": e.id, "data-q": e.quad_class },
    h("i", { class: "swatch", "data-q": e.quad_class }), h("time", {}, e.date || "undated"), " ",
    h("strong", {}, `${actorLabel(e, "source")} — `, codeLabel(e.code, e.plover), ` — ${actorLabel(e, "target")}`),
    e.place_name ? ` · ${e.place_name}` : "", " · ", reportCount(e), " ",
    e.first_url ? h("a", { href: e.first_url, class: "original", title: e.first_url }, "first report") : null, " ",
    toggle, reports);
}
