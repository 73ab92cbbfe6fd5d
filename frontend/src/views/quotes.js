// Quotation browser: speakers by number of quotations; a speaker's quotations with their articles.
import { get, maybe } from "../api.js";
import { fmtNum, h, message, reportedBy } from "../dom.js";
import { link } from "../nav.js";

export async function quotesView(box, params) {
  box.append(h("h1", {}, "Quotations"));
  const speakers = await maybe("speakers", { limit: 200 });
  if (speakers === null) {
    box.append(message("No quotations yet: the quote stage has not run on this store."));
    return;
  }
  const layout = h("div", { class: "split" });
  box.append(layout);
  layout.append(h("ul", { class: "plain speakers" },
    h("li", {}, h("a", { href: link("/quotes"), class: params.speaker ? "" : "active" }, "All speakers")),
    speakers.items.map((s) => h("li", {},
      h("a", { href: link("/quotes", { speaker: s.speaker }), class: params.speaker === s.speaker ? "active" : "" }, s.speaker),
      h("span", { class: "muted" }, ` ${fmtNum(s.quotes)}`)))));
  const quotes = await get("quotes", { speaker: params.speaker, limit: 200 });
  layout.append(h("div", {}, quotes.items.length ? quotes.items.map((q) => h("figure", { class: "quote" },
    h("blockquote", {}, q.text),
    h("figcaption", {}, h("strong", {}, q.speaker_name || q.speaker_text || "unattributed"),
      q.cue_text ? ` (${q.cue_text})` : "", ` · ${q.type} · `,
      h("a", { href: link(`/article/${q.article_id}`) }, q.article_title || "article"),
      q.article_source || q.article_url ? [" · ", reportedBy(q.article_source, q.article_url)] : null,
      q.published ? ` · ${q.published}` : ""))) : message("No quotations.")));
}
