// Quotation browser: speakers by number of quotations; a speaker's quotations with their articles.
import { get, maybe } from "../api.js";
import { displayText, fmtNum, h, isResolvedSpeaker, mergedQuote, message, reportedBy, speakerLabel } from "../dom.js";
import { link } from "../nav.js";
import { NARROW } from "./events.js";

export async function quotesView(box, params) {
  box.append(h("h1", {}, "Quotations"));
  const speakers = await maybe("speakers", { limit: 200 });
  if (speakers === null) {
    box.append(message("No quotations yet: the quote stage has not run on this store."));
    return;
  }
  const layout = h("div", { class: "split" });
  box.append(layout);
  // A pronoun ("he", "I") is no speaker: those quotations count under "unresolved", which lists no one.
  const named = speakers.items.filter((s) => isResolvedSpeaker(s.speaker));
  const unresolved = speakers.items.filter((s) => !isResolvedSpeaker(s.speaker)).reduce((n, s) => n + s.quotes, 0);
  const list = h("ul", { class: "plain speakers" },
    h("li", {}, h("a", { href: link("/quotes"), class: params.speaker ? "" : "active" }, "All speakers")),
    named.map((s) => h("li", {},
      h("a", { href: link("/quotes", { speaker: s.speaker }), class: params.speaker === s.speaker ? "active" : "" }, s.speaker),
      h("span", { class: "muted" }, ` ${fmtNum(s.quotes)}`))),
    unresolved ? h("li", { class: "unresolved muted" }, `unresolved ${fmtNum(unresolved)}`) : null);
  // On a phone the speakers fold (the quotations first), as the filters do.
  const pick = h("details", { class: "speakers-box" },
    h("summary", {}, "Speakers", h("span", { class: "muted" }, ` (${params.speaker || "all"})`)), list);
  pick.open = !window.matchMedia(NARROW).matches;
  layout.append(pick);
  const quotes = await get("quotes", { speaker: params.speaker, limit: 200 });
  layout.append(h("div", {}, quotes.items.length ? quotes.items.map((q) => h("figure", { class: "quote" },
    h("blockquote", {}, displayText(q.text_display ?? q.text)),
    h("figcaption", {}, h("strong", { class: "speaker" }, speakerLabel(q)),
      q.cue_text ? ` (${q.cue_text})` : "", ` · ${q.type} · `,
      h("a", { href: link(`/article/${q.article_id}`) }, displayText(q.article_title) || "article"),
      q.article_source || q.article_url ? [" · ", reportedBy(q.article_source, q.article_url)] : null,
      q.published ? ` · ${q.published}` : "", mergedQuote(q)))) : message("No quotations.")));
}
