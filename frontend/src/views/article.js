// Article view: the text with entities, event triggers, quotations and places highlighted; the records beside it.
// The text is cut into segments at span boundaries and each segment is a text node: nothing is parsed as HTML.
import { get } from "../api.js";
import { actorLabel, cameoName, codeLabel, displayText, fmtNum, h, hiddenRanges, message, speakerLabel } from "../dom.js";
import { link } from "../nav.js";
import { evidence } from "./events.js";

const KINDS = {
  entity: "entity mention",
  event: "event trigger",
  quote: "quotation",
  speaker: "speaker",
  place: "place",
};

export function spansOf(a) {
  const spans = [];
  const add = (start, end, kind, title) => {
    if (Number.isInteger(start) && Number.isInteger(end) && end > start) spans.push({ start, end, kind, title });
  };
  for (const m of a.mentions) add(m.start_char, m.end_char, "entity", `${m.name || m.text} (${m.type || m.label})`);
  for (const e of a.events) add(e.trigger_start, e.trigger_end, "event", `${e.code} ${cameoName(e.code)}${e.plover ? ` (PLOVER ${e.plover})` : ""}: ${actorLabel(e, "source")} → ${actorLabel(e, "target")}`);
  for (const q of a.quotes) {
    add(q.start, q.end, "quote", `quotation (${q.type}) by ${speakerLabel(q)}`);
    add(q.speaker_start, q.speaker_end, "speaker", `speaker: ${speakerLabel(q)}`);
  }
  for (const p of a.places) add(p.start_char, p.end_char, "place", `${p.name || p.text}${p.country ? `, ${p.country}` : ""}`);
  return spans;
}

// The text with its highlights; what display hides (markdown, image links, addresses: hiddenRanges) is left out piece
// by piece, so the records' offsets still point into the stored text.
export function highlighted(text, spans) {
  const hidden = hiddenRanges(text);
  const cuts = new Set([0, text.length]);
  for (const [from, to] of hidden) cuts.add(from).add(to);
  for (const s of spans) {
    cuts.add(Math.max(0, Math.min(text.length, s.start)));
    cuts.add(Math.max(0, Math.min(text.length, s.end)));
  }
  const points = [...cuts].sort((x, y) => x - y);
  const out = h("div", { class: "article-text" });
  for (let i = 0; i < points.length - 1; i += 1) {
    const [from, to] = [points[i], points[i + 1]];
    const piece = text.slice(from, to);
    if (hidden.some(([a, b]) => a <= from && b >= to)) continue;
    const over = spans.filter((s) => s.start <= from && s.end >= to);
    if (!over.length) {
      out.append(document.createTextNode(piece));
      continue;
    }
    const kinds = [...new Set(over.map((s) => s.kind))];
    out.append(h("span", { class: kinds.map((k) => `hl hl-${k}`).join(" "), title: over.map((s) => s.title).join("\n") }, piece));
  }
  return out;
}

export async function articleView(box, _params, id) {
  const a = await get(`articles/${encodeURIComponent(id)}`);
  box.append(h("h1", { class: "article-title" }, displayText(a.title) || a.id));
  box.append(h("p", { class: "muted" }, [a.published || "undated", a.source, a.status].filter(Boolean).join(" · "), " ",
    a.url ? h("a", { href: a.url }, "source") : null,
    a.stories && a.stories.length ? [" · story: ", a.stories.map((s) => h("a", { href: link(`/story/${encodeURIComponent(s.id)}`) }, displayText(s.title) || s.id))] : null));
  const toggles = h("div", { class: "legend toggles" }, Object.entries(KINDS).map(([k, label]) => {
    const input = h("input", { type: "checkbox", checked: true, name: k });
    input.addEventListener("change", () => box.classList.toggle(`hide-${k}`, !input.checked));
    return h("label", { class: `key key-${k}` }, input, label);
  }));
  box.append(toggles);
  const layout = h("div", { class: "split wide" });
  box.append(layout);
  layout.append(highlighted(a.text || "", spansOf(a)));
  const side = h("aside", {});
  layout.append(side);
  side.append(h("h2", {}, `Events (${fmtNum(a.events.length)})`), a.events.length ? h("ul", { class: "plain" }, a.events.map((e) =>
    h("li", { class: "side-event" }, h("i", { class: "swatch", "data-q": e.quad_class }),
      `${actorLabel(e, "source")} — `, e.trigger_text ? h("q", { class: "trigger" }, e.trigger_text) : null, " ",
      codeLabel(e.code, e.plover), ` — ${actorLabel(e, "target")} `,
      h("small", { class: "muted" }, [e.modality, e.date, e.place_name].filter(Boolean).join(" · ")), evidence(e)))) : message("none"));
  side.append(h("h2", {}, `Quotations (${fmtNum(a.quotes.length)})`), a.quotes.length ? h("ul", { class: "plain" }, a.quotes.map((q) =>
    h("li", {}, h("strong", { class: "speaker" }, speakerLabel(q)), ": ", h("span", { class: "quote-text" }, displayText(q.text_display ?? q.text)),
      h("small", { class: "muted" }, ` ${q.type}`)))) : message("none"));
  const ents = new Map();
  for (const m of a.mentions) {
    const key = m.entity_id || m.text;
    const e = ents.get(key) || { name: m.name || m.text, type: m.type || m.label, n: 0 };
    e.n += 1;
    ents.set(key, e);
  }
  side.append(h("h2", {}, `Entities (${fmtNum(ents.size)})`), h("ul", { class: "plain" }, [...ents.values()].sort((x, y) => y.n - x.n).map((e) =>
    h("li", {}, e.name, h("span", { class: "muted" }, ` ${e.type} ×${e.n}`)))));
  const places = new Map();
  for (const p of a.places) {
    const key = p.geonameid ?? `${p.name || p.text}`;
    const e = places.get(key) || { ...p, n: 0 };
    e.n += 1;
    places.set(key, e);
  }
  side.append(h("h2", {}, `Places (${fmtNum(places.size)})`), h("ul", { class: "plain" }, [...places.values()].sort((x, y) => y.n - x.n).map((p) =>
    h("li", {}, p.name || p.text, h("span", { class: "muted" }, ` ${[p.country, p.feature].filter(Boolean).join(" ")} ×${p.n}`)))));
}

export async function articlesView(box, params) {
  box.append(h("h1", {}, "Articles"));
  const list = h("ul", { class: "plain" });
  box.append(list);
  const more = h("button", { class: "more", type: "button" }, "Load more");
  box.append(more);
  let cursor = null;
  const load = async () => {
    const page = await get("articles", { status: params.status, limit: 100, cursor });
    for (const a of page.items) list.append(h("li", {}, h("a", { href: link(`/article/${a.id}`) }, displayText(a.title) || a.id),
      h("span", { class: "muted" }, ` ${a.published || "undated"} · ${a.status}`)));
    cursor = page.next_cursor;
    more.hidden = !cursor;
  };
  more.addEventListener("click", load);
  await load();
}
