// Stories: the list, and one story's timeline of events and quotations with evidence.
import { get, maybe } from "../api.js";
import { actorLabel, codeLabel, displayText, fmtNum, h, mergedQuote, message, reportedBy, speakerLabel } from "../dom.js";
import { link } from "../nav.js";
import { evidence } from "./events.js";

export async function storiesView(box) {
  box.append(h("h1", {}, "Stories"));
  const stories = await maybe("stories", { limit: 200 });
  if (stories === null) {
    box.append(message("No stories yet: the aggregation has not run on this store."));
    return;
  }
  box.append(h("ul", { class: "plain stories" }, stories.items.map((s) => h("li", {},
    h("a", { href: link(`/story/${encodeURIComponent(s.id)}`) }, displayText(s.title_display ?? s.title) || s.id),
    h("span", { class: "muted" }, ` ${fmtNum(s.size)} articles`,
      Array.isArray(s.sources) && s.sources.length ? ` from ${fmtNum(s.sources.length)} outlets` : "",
      ` · ${[s.first_date, s.last_date].filter(Boolean).join(" – ")}`),
    s.summary ? h("p", { class: "summary" }, displayText(s.summary_display ?? s.summary)) : null))));
}

export async function storyView(box, _params, id) {
  const s = await get(`stories/${encodeURIComponent(id)}`);
  box.append(h("h1", {}, displayText(s.title_display ?? s.title) || `Story ${s.id}`));
  if (s.summary) box.append(h("p", { class: "summary" }, displayText(s.summary_display ?? s.summary)));
  box.append(h("p", { class: "muted" }, `${fmtNum(s.articles.length)} articles · ${fmtNum(s.events.length)} events · ${fmtNum(s.quotes.length)} quotations`));
  const items = [
    ...s.events.map((e) => ({ when: e.date || "", kind: "event", e })),
    ...s.quotes.map((q) => ({ when: q.published || "", kind: "quote", q })),
  ].sort((a, b) => (a.when < b.when ? -1 : a.when > b.when ? 1 : 0));
  if (!items.length) box.append(message("No events or quotations in this story yet."));
  box.append(h("ol", { class: "timeline" }, items.map((it) => it.kind === "event"
    ? h("li", { class: "tl-event", "data-q": it.e.quad_class }, h("time", {}, it.when),
      h("i", { class: "swatch", "data-q": it.e.quad_class }),
      h("strong", {}, `${actorLabel(it.e, "source")} — `, it.e.trigger_text ? h("q", { class: "trigger" }, it.e.trigger_text) : null, " ",
        codeLabel(it.e.code, it.e.plover), ` — ${actorLabel(it.e, "target")}`),
      evidence(it.e), h("a", { href: link(`/article/${it.e.article_id}`) }, "article"), " ",
      reportedBy(it.e.article_source, it.e.article_url))
    : h("li", { class: "tl-quote" }, h("time", {}, it.when),
      h("strong", { class: "speaker" }, speakerLabel(it.q)), " ",
      h("q", {}, displayText(it.q.text_display ?? it.q.text)), " ", h("a", { href: link(`/article/${it.q.article_id}`) }, "article"), " ",
      reportedBy(it.q.article_source, it.q.article_url), mergedQuote(it.q)))));
  box.append(h("h2", {}, "Articles"), h("ul", { class: "plain" }, s.articles.map((a) => h("li", {},
    h("a", { href: link(`/article/${a.id}`) }, displayText(a.title) || a.id), " ", reportedBy(a.source, a.url),
    h("span", { class: "muted" }, ` ${a.published || ""}`)))));
}
