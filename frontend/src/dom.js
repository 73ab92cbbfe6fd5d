// Safe DOM building: every string from the store becomes a text node; nothing is parsed as HTML.
import { CODES } from "./api.js";

const PROPS = new Set(["value", "checked", "selected", "disabled", "type", "name", "placeholder"]);
const SAFE_ATTR = /^(class|id|title|role|colspan|rowspan|for|min|max|step|tabindex|aria-[a-z-]+|data-[a-z0-9-]+)$/;

export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === undefined || value === null || value === false) continue;
    if (key === "on") {
      for (const [ev, fn] of Object.entries(value)) el.addEventListener(ev, fn);
    } else if (key === "href") {
      el.setAttribute("href", safeHref(value));
    } else if (PROPS.has(key)) {
      el[key] = value;
    } else if (SAFE_ATTR.test(key)) {
      el.setAttribute(key, String(value));
    } else {
      throw new Error(`attribute ${key} is not allowed`);
    }
  }
  append(el, children);
  return el;
}

export function append(el, children) {
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return el;
}

// Only in-app links and http(s) URLs: a stored "javascript:" URL must not become a live link.
export function safeHref(value) {
  const s = String(value);
  if (s.startsWith("#/") || s.startsWith("/api/")) return s;
  try {
    const url = new URL(s);
    if (url.protocol === "http:" || url.protocol === "https:") return url.href;
  } catch (_) { /* not a URL */ }
  return "#/";
}

export function clear(el) {
  while (el.firstChild) el.removeChild(el.firstChild);
  return el;
}

export const SVG = "http://www.w3.org/2000/svg";

export const QUAD = {
  1: { label: "verbal cooperation", color: "#2e8b57" },
  2: { label: "material cooperation", color: "#1f6fb2" },
  3: { label: "verbal conflict", color: "#e08a00" },
  4: { label: "material conflict", color: "#c0262d" },
};

export function quadColor(q) {
  return (QUAD[q] || { color: "#777" }).color;
}

export function fmtNum(n) {
  return n === null || n === undefined ? "–" : Number(n).toLocaleString("en");
}

export function message(text, cls = "note") {
  return h("p", { class: cls }, text);
}

export function actorLabel(e, side) {
  return e[`${side}_name`] || e[`${side}_code`] || e[`${side}_text`] || "–";
}

// Who reported it: the outlet, and a link to the original article when its address is known.
export function reportedBy(outlet, url) {
  if (!outlet && !url) return null;
  const name = outlet || new URL(safeHref(url), location.href).hostname || "original";
  return h("span", { class: "outlet" }, url ? h("a", { href: url, class: "original", title: `the original: ${url}` }, name) : name);
}

// "N reports from M outlets, K independent" of a merged event (wire copies count once among the independent).
export function reportCount(e) {
  const n = e.num_articles ?? 0;
  const plural = (k, one, many) => `${fmtNum(k)} ${k === 1 ? one : many}`;
  const parts = [plural(n, "report", "reports")];
  if (e.num_outlets !== null && e.num_outlets !== undefined) parts.push(`from ${plural(e.num_outlets, "outlet", "outlets")}`);
  const text = parts.join(" ") + (e.num_independent !== null && e.num_independent !== undefined ? `, ${fmtNum(e.num_independent)} independent` : "");
  return h("span", { class: "reports", "data-reports": n, "data-outlets": e.num_outlets, "data-independent": e.num_independent,
    title: "independent: wire copies (near-duplicate texts, or texts crediting AP, Reuters, AFP ...) count once" }, text);
}

// An event's date, and a badge when the article's window flagged it as no news of the day (historical: what the
// article recalls; planned: what it announces), with the reason as its tooltip.
export function eventDate(e) {
  const flagged = e.timing && e.timing !== "current";
  return [h("time", {}, e.date || ""), flagged ? [" ", h("span", { class: `timing timing-${e.timing}`,
    "data-timing": e.timing, title: e.date_note || `${e.timing}: not news of the day` }, e.timing)] : null];
}

// -- labels of codes ------------------------------------------------------------------------------------------------

// The CAMEO name of a code ("190" -> "Use conventional military force"); an unknown sub-code falls back to its base
// and root code, as the coder does. GDELT's "..., not specified below" says nothing to a reader and is dropped.
export function cameoName(code) {
  const s = String(code || "");
  for (const c of [s, s.slice(0, 3), s.slice(0, 2)]) {
    if (c && CODES[c]) return CODES[c].name.replace(/,?\s*not specified below$/i, "");
  }
  return "";
}

// An event code with its labels: the CAMEO code, its name and the PLOVER class (the event's own when it has one: a
// threatened act is THREATEN whatever the verb's code maps to).
export function codeLabel(code, plover) {
  const entry = CODES[String(code || "")] || CODES[String(code || "").slice(0, 3)] || {};
  const pl = plover || entry.plover || "";
  const name = cameoName(code);
  return h("span", { class: "code", "data-code": code || "", "data-plover": pl,
    title: `CAMEO ${code}${name ? `: ${name}` : ""}${pl ? ` · PLOVER ${pl}` : ""}` },
  h("span", { class: "cameo" }, String(code ?? "–")), name ? [" ", h("span", { class: "cameo-label" }, name)] : null,
  pl ? [" ", h("span", { class: "plover", title: "PLOVER event class" }, pl)] : null);
}

// -- text for display -----------------------------------------------------------------------------------------------
// Stored texts keep what the source sent (markdown, image links, addresses); they are shown without it. The API gives
// display forms of most fields (sentence_display, text_display, summary_display, title_display: nlp/display.py) and
// the views prefer them; this is the same cleaning for what has none (an article's text and title, search
// snippets, stores served by an older API), applied on top of the API's (it leaves clean text as it is). The ranges to
// hide are computed on the stored text, so an article's highlights keep their offsets into it (see hiddenRanges).
// Each pattern hides its whole match, or with `keep` only the marks around the words it keeps.
const HIDDEN = [
  { re: /!\[[^\]\n]*\]\([^)\s]*(?:\s+"[^"\n]*")?\)/g }, // markdown image, with its alt text
  { re: /\[([^\]\n]*)\]\([^)\s]*(?:\s+"[^"\n]*")?\)/g, keep: (m) => [1, m[1].length] }, // link: the words stay
  // what is left of a link or image cut by a snippet's edge: "...alt text](address)", "![alt", "[words](addr"
  { re: /\]\([^)\s]*(?:\s+"[^"\n]*")?\)?/g },
  { re: /!\[/g },
  { re: /<?(?:https?:\/\/|www\.)[^\s<>()\]]*[^\s<>()\].,;:!?'"]>?/g }, // bare addresses
  { re: /^[ \t]{0,3}#{1,6}[ \t]+/gm }, // heading marks
  { re: /^[ \t]{0,3}>[ \t]?/gm }, // quote marks
  { re: /(?<=^|[\s(])(\*\*|__)(?=\S)([^\n*_]{0,200}?\S)\1(?=$|[\s).,;:!?])/gm, keep: (m) => [m[1].length, m[2].length] }, // bold
  { re: /^[ \t]*[-*_]{3,}[ \t]*$/gm }, // rules
  // lines that are page furniture, not the story: sharing prompts, newsletter sign-ups, photo credits
  { re: /^[ \t]*(?:share (?:this|on)\b|sign up\b|subscribe\b|follow us\b|click here\b|read more\b|related:|advertisement[ \t]*$|(?:photograph|photo|image|illustration)s?:|\u00a9).*$/gim },
];

// [start, end) ranges of `text` that display hides, sorted and merged.
export function hiddenRanges(text) {
  const out = [];
  const s = String(text || "");
  for (const { re, keep } of HIDDEN) {
    for (const m of s.matchAll(re)) {
      const end = m.index + m[0].length;
      if (keep) {
        const [skip, len] = keep(m);
        out.push([m.index, m.index + skip], [m.index + skip + len, end]);
      } else if (m[0].length) out.push([m.index, end]);
    }
  }
  out.sort((a, b) => a[0] - b[0]);
  const merged = [];
  for (const r of out) {
    const last = merged[merged.length - 1];
    if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
    else merged.push([...r]);
  }
  return merged;
}

// The text as shown: markdown, image links, addresses and boilerplate lines removed, spaces tidied.
export function displayText(text) {
  const s = String(text ?? "");
  let out = "";
  let at = 0;
  for (const [from, to] of hiddenRanges(s)) {
    out += s.slice(at, from);
    at = to;
  }
  out += s.slice(at);
  return out.split("\n").map((line) => line.trimEnd()).join("\n")
    .replace(/[ \t]{2,}/g, " ").replace(/\n{3,}/g, "\n\n").trim();
}

// -- speakers -------------------------------------------------------------------------------------------------------
const PRONOUNS = new Set(["i", "me", "we", "us", "you", "he", "him", "she", "her", "it", "they", "them", "one",
  "this", "that", "who", "someone", "somebody"]);

export function isResolvedSpeaker(name) {
  const s = String(name || "").trim();
  return s !== "" && !PRONOUNS.has(s.toLowerCase());
}

// The speaker as shown: the resolved name (or the phrase describing the speaker), or "unresolved" when the API's
// speaker_status says so (a pronoun whose antecedent was not found, or no speaker); stores without the status are
// judged here by the same pronoun rule.
export function speakerLabel(q) {
  if (q.speaker_status === "unresolved") return "unresolved";
  for (const name of [q.speaker_name, q.speaker_text]) if (isResolvedSpeaker(name)) return name;
  return "unresolved";
}

// "said in 3 articles" of a quotation that stands for its duplicates (the API's merged counts).
export function mergedQuote(q) {
  if (!q.merged || q.merged < 2) return null;
  const arts = q.merged_articles || 1;
  return h("span", { class: "merged-quote", "data-merged": q.merged,
    title: "the same words by the same speaker, reported more than once: shown once" },
  ` · ${fmtNum(q.merged)} reports${arts > 1 ? ` in ${fmtNum(arts)} articles` : ""}`);
}
