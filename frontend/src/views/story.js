// Stories: the list, and one story's timeline of events and quotations with evidence.
import { get, maybe } from "../api.js";
import { actorLabel, codeLabel, displayText, eventDate, fmtNum, h, mergedQuote, message, reportedBy, speakerLabel } from "../dom.js";
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
  // The story's own days first; what its articles recall or announce (events the article's window flagged) and
  // what has no date fold apart, so the timeline does not open on background or undated items.
  const background = items.filter((it) => it.kind === "event" && it.e.timing && it.e.timing !== "current");
  const undated = items.filter((it) => !it.when && !background.includes(it));
  const dated = items.filter((it) => it.when && !background.includes(it));
  const timeline = h("ol", { class: "timeline" });
  box.append(timeline);
  pageInto(timeline, dated, box);
  for (const [cls, label, list] of [["background", "Background: recalled or announced", background], ["undated", "Undated", undated]]) {
    if (list.length) {
      box.append(h("details", { class: `timeline-fold ${cls}` }, h("summary", {}, `${label} (${fmtNum(list.length)})`),
        h("ol", { class: "timeline" }, list.map(timelineItem))));
    }
  }
  box.append(h("h2", {}, "Articles"), h("ul", { class: "plain" }, s.articles.map((a) => h("li", {},
    h("a", { href: link(`/article/${a.id}`) }, displayText(a.title) || a.id), " ", reportedBy(a.source, a.url),
    h("span", { class: "muted" }, ` ${a.published || ""}`)))));
}

const PAGE = 100; // timeline items drawn at a time: a story of 800 items stays readable and quick

function pageInto(list, items, box) {
  let shown = 0;
  const more = h("button", { type: "button", class: "more" }, "Show more");
  const next = () => {
    list.append(...items.slice(shown, shown + PAGE).map(timelineItem));
    shown = Math.min(items.length, shown + PAGE);
    more.hidden = shown >= items.length;
    more.textContent = `Show more (${fmtNum(items.length - shown)} left)`;
  };
  more.addEventListener("click", next);
  next();
  box.append(more);
}

function timelineItem(it) {
  if (it.kind === "event") {
    const e = it.e;
    return h("li", { class: "tl-event", "data-q": e.quad_class, "data-timing": e.timing || "current" }, eventDate(e), " ",
      h("i", { class: "swatch", "data-q": e.quad_class }),
      h("strong", {}, `${actorLabel(e, "source")} — `, e.trigger_text ? h("q", { class: "trigger" }, e.trigger_text) : null, " ",
        codeLabel(e.code, e.plover), ` — ${actorLabel(e, "target")}`),
      evidence(e), h("a", { href: link(`/article/${e.article_id}`) }, "article"), " ",
      reportedBy(e.article_source, e.article_url));
  }
  const q = it.q;
  return h("li", { class: "tl-quote" }, h("time", {}, it.when),
    h("strong", { class: "speaker" }, speakerLabel(q)), " ",
    h("q", {}, displayText(q.text_display ?? q.text)), " ", h("a", { href: link(`/article/${q.article_id}`) }, "article"), " ",
    reportedBy(q.article_source, q.article_url), mergedQuote(q));
}
