// Event table: filters, one row per event, the evidence sentence (trigger marked) under each row.
import { describe, downloadHref, get, VOCAB } from "../api.js";
import { actorLabel, codeLabel, displayText, eventDate, h, message, QUAD, reportedBy } from "../dom.js";
import { onChange } from "../live.js";
import { link, navigate } from "../nav.js";

const FIELDS = {
  actor: { label: "Actor", placeholder: "USA, IRNMIL, Soleimani" },
  source: { label: "Source", placeholder: "USA" },
  target: { label: "Target", placeholder: "IRN" },
  country: { label: "Country", placeholder: "IRQ" },
  root: { label: "CAMEO root", placeholder: "19" },
  code: { label: "CAMEO code", placeholder: "190" },
  quad_class: { label: "Quad class", options: () => ["", ...VOCAB.quad_class] },
  modality: { label: "Modality", options: () => ["", ...VOCAB.modality] },
  since: { label: "Since", type: "date" },
  until: { label: "Until", type: "date" },
  min_confidence: { label: "Min. confidence", placeholder: "0.5" },
  place: { label: "Place", placeholder: "Baghdad" },
  // news of the day by default: what the articles recall (historical) or announce (planned) only when asked for
  timing: { label: "Timing", options: () => ["", "historical", "planned", "all"], empty: "current news" },
};

// The table's columns and the field each shows; a header's tooltip is the field's description from the API schema.
const COLUMNS = [["Date", "date"], ["Source", "source_name"], ["Event", "code"], ["Target", "target_name"],
  ["Modality", "modality"], ["Conf.", "confidence"], ["Place", "place_name"], ["Reported by", "article_source"],
  ["Evidence", "sentence_text"], ["", null]];

// A phone shows the filters folded (the results first); a wide screen shows them open.
export const NARROW = "(max-width: 700px)";

// The filter form, folded under "Filters (N set)"; applying it puts every value in the address bar.
export function filterForm(route, params, names) {
  const form = h("form", { class: "filters" });
  for (const name of names) {
    const f = FIELDS[name];
    const input = f.options
      ? h("select", { name }, f.options().map((o) => h("option", { value: o, selected: params[name] === o },
        o ? (name === "quad_class" ? `${o} ${QUAD[o].label}` : o) : f.empty || "any")))
      : h("input", { name, type: f.type || "text", placeholder: f.placeholder || "", value: params[name] || "" });
    form.append(h("label", {}, f.label, input));
  }
  form.append(h("button", { type: "submit" }, "Apply"));
  form.addEventListener("submit", (ev) => {
    ev.preventDefault();
    const values = Object.fromEntries([...new FormData(form).entries()].filter(([, v]) => v !== ""));
    navigate(route, { ...extraParams(params, names), ...values });
  });
  const set = names.filter((n) => params[n]).length;
  const box = h("details", { class: "filters-box" },
    h("summary", {}, "Filters", set ? h("span", { class: "muted" }, ` (${set} set)`) : null), form);
  box.open = !window.matchMedia(NARROW).matches;
  return box;
}

// Parameters of the address that are not the form's (a view's own, such as the network's level and size) stay.
function extraParams(params, names) {
  return Object.fromEntries(Object.entries(params).filter(([k]) => !names.includes(k)));
}

export function evidence(e) {
  const s = displayText(e.sentence_display ?? e.sentence_text ?? "");
  const t = e.trigger_text;
  const i = t ? s.indexOf(t) : -1;
  const sentence = i >= 0 ? [s.slice(0, i), h("mark", { class: "trigger" }, t), s.slice(i + t.length)] : [s];
  const quote = h("blockquote", { class: "evidence" }, sentence);
  // how the coder coded it: the ids of its rules, in order (`wirescope rules` describes them)
  const trace = Array.isArray(e.trace) ? e.trace : [];
  if (trace.length === 0) return quote;
  return [quote, h("small", { class: "muted trace", title: "the event coder's rules that made or changed this event" },
    `coded by: ${trace.join(" \u00b7 ")}`)];
}

export async function eventsView(box, params) {
  box.append(h("h1", {}, "Events"));
  const names = ["actor", "source", "target", "country", "root", "code", "quad_class", "modality", "since", "until",
    "min_confidence", "place", "timing"];
  box.append(filterForm("/events", params, names));
  const filters = { ...params };
  box.append(h("p", { class: "downloads" }, "Download this set: ",
    ["csv", "jsonl", "parquet"].map((f) => [h("a", { href: downloadHref("events", filters, f), class: "dl" }, f), " "])));
  const table = h("table", { class: "events" }, h("thead", {}, h("tr", {},
    COLUMNS.map(([label, field]) => h("th", { title: field ? describe("ListedEvent", field) : "" }, label)))));
  const body = h("tbody");
  table.append(body);
  box.append(table);
  const more = h("button", { class: "more", type: "button" }, "Load more");
  box.append(more);
  let cursor = null;
  const shown = new Set();
  const empty = message("No events match these filters.");
  const load = async () => {
    const page = await get("events", { ...filters, limit: 100, cursor });
    if (!cursor && page.items.length === 0) box.insertBefore(empty, table);
    for (const e of page.items) if (!shown.has(eventKey(e))) addRow(body, e, shown);
    cursor = page.next_cursor;
    more.hidden = !cursor;
  };
  more.addEventListener("click", load);
  await load();
  // Live: when the store changed, the first page again; events not on the table yet go on top, marked new.
  onChange(async () => {
    const page = await get("events", { ...filters, limit: 100 });
    const fresh = page.items.filter((e) => !shown.has(eventKey(e)));
    if (!fresh.length) return;
    empty.remove();
    const top = document.createDocumentFragment();
    for (const e of fresh) addRow(top, e, shown, true);
    body.prepend(top);
  });
}

function eventKey(e) {
  return `${e.article_id}:${e.idx}`;
}

function addRow(body, e, shown, isNew = false) {
  shown.add(eventKey(e));
  const row = h("tr", { class: isNew ? "event new" : "event", tabindex: 0, "data-q": e.quad_class, "data-code": e.code,
    "data-timing": e.timing || "current",
    "data-article": e.article_id },
    h("td", { class: "c-date", "data-label": "Date" }, eventDate(e)),
    h("td", { class: "c-source", "data-label": "Source" }, actorLabel(e, "source"), e.source_code ? h("small", {}, ` ${e.source_code}`) : null),
    h("td", { class: "c-event", "data-label": "Event" }, h("i", { class: "swatch", "data-q": e.quad_class }),
      e.trigger_text ? h("q", { class: "trigger" }, e.trigger_text) : null, " ", codeLabel(e.code, e.plover)),
    h("td", { class: "c-target", "data-label": "Target" }, actorLabel(e, "target"), e.target_code ? h("small", {}, ` ${e.target_code}`) : null),
    h("td", { class: "c-modality", "data-label": "Modality" }, e.modality || ""),
    h("td", { class: "c-confidence", "data-label": "Conf." }, e.confidence !== null && e.confidence !== undefined ? Number(e.confidence).toFixed(2) : ""),
    h("td", { class: "c-place", "data-label": "Place" }, e.place_name || ""),
    h("td", { class: "c-reported", "data-label": "Reported by" }, reportedBy(e.article_source, e.article_url)),
    h("td", { class: "evidence-cell", "data-label": "Evidence", title: displayText(e.sentence_display ?? e.sentence_text) },
      displayText(e.sentence_display ?? e.sentence_text)),
    h("td", { class: "c-link" }, h("a", { href: link(`/article/${e.article_id}`), title: e.article_title || "" }, "article")));
  const detail = h("tr", { class: "evidence-row" }, h("td", { colspan: COLUMNS.length }, evidence(e),
    h("small", { class: "muted" }, `article ${e.article_id}, sentence ${e.sentence}`)));
  detail.hidden = true;
  const toggle = (ev) => {
    if (ev.target.closest && ev.target.closest("a")) return;
    detail.hidden = !detail.hidden;
    row.classList.toggle("open", !detail.hidden);
  };
  row.addEventListener("click", toggle);
  row.addEventListener("keydown", (ev) => { if (ev.key === "Enter") toggle(ev); });
  body.append(row, detail);
}
