// Safe DOM building: every string from the store becomes a text node; nothing is parsed as HTML.

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
