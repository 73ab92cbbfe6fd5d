// Map of located events on Natural Earth country shapes: each circle says how precisely its events are located
// (a place, an administrative area, or only the country: a dashed ring on the country's centroid), overlapping
// circles are clustered, the biggest are labelled; zoom and reset buttons, a time slider, a "located in" filter
// (the place's country, not the actors') and the export of what is shown. Every filter lives in the address bar.
import { geoGraticule10, geoNaturalEarth1, geoPath } from "d3-geo";
import { scaleSqrt } from "d3-scale";
import { select } from "d3-selection";
import { zoom, zoomIdentity } from "d3-zoom";
import { feature, mesh } from "topojson-client";
import { get, qs } from "../api.js";
import { codeLabel, displayText, fmtNum, h, message, QUAD, quadColor } from "../dom.js";
import { link, navigate } from "../nav.js";
import { filterForm } from "./events.js";
import { clusterPoints, dominant, PRECISION, precisionsOf, visibleBox } from "./mapmarks.js";
import { useStyle } from "./viewstyle.js";

// The drawing is as wide as its box (at most 960), so labels and circles keep their size on a phone.
let WIDTH = 960;
let HEIGHT = 500;
// Zooms are measured against a 960-pixel world (k × width / 960), so a phone and a desktop zoomed "the same" show
// the same part of the world at the same pixels per degree.
const ZOOMED_IN = 4; // from this zoom on, country-level circles (centroids) hide unless asked for
const geoZoom = (k) => (k * WIDTH) / 960;
const DAY = 86400000;
const CSS = `
.map-view .map-controls { display: flex; flex-wrap: wrap; gap: .4rem .9rem; align-items: center; margin: .3rem 0; }
.map-view .map-controls button { min-width: 2.4rem; min-height: 32px; }
.map-view .map-controls label { display: inline-flex; align-items: center; gap: .25rem; }
.map-view .slider { display: flex; flex-wrap: wrap; gap: .3rem 1rem; align-items: center; margin: .3rem 0; }
.map-view .slider input[type=range] { width: min(22rem, 80vw); }
.map-view svg.map text.label { font-size: 11px; paint-order: stroke; stroke: #fff; stroke-width: 3px; pointer-events: none; }
.map-view svg.map text.count { font-size: 10px; fill: #fff; font-weight: 600; pointer-events: none; }
@media (max-width: 700px) {
  .map-view .map-controls button, .map-view .map-controls label, .map-view .map-controls a { min-height: 44px; min-width: 44px; }
  .map-view .map-controls a { display: inline-flex; align-items: center; }
}
`;

let world = null;
async function loadWorld() {
  if (!world) {
    const res = await fetch("/assets/countries-110m.json");
    if (!res.ok) throw new Error(`country shapes missing (${res.status}); rebuild the dashboard`);
    world = await res.json();
  }
  return world;
}

// The API's parameters for the address's: precision=place,admin is one address parameter, repeated for the API.
function apiParams(params) {
  const { precision, country_level: _cl, ...rest } = params;
  return { ...rest, precision: precision ? precisionsOf(precision) : undefined };
}

export async function mapView(box, params) {
  useStyle("map-style", CSS);
  box.classList.add("map-view");
  box.append(h("h1", {}, "Map"));
  box.append(filterForm("/map", params, ["actor", "country", "root", "quad_class", "modality", "since", "until"]));
  const [topo, data] = await Promise.all([loadWorld(), get("map/view", apiParams(params))]);
  box.append(locatedIn(params), precisionFilter(params, data), timeSlider(params, data));
  const state = { params, data, k: 1, transform: zoomIdentity };
  WIDTH = Math.round(Math.max(320, Math.min(960, box.clientWidth || 960)));
  HEIGHT = Math.round(WIDTH < 600 ? WIDTH * 0.9 : (WIDTH * 500) / 960);
  const projection = geoNaturalEarth1().fitSize([WIDTH, HEIGHT], { type: "Sphere" });
  const path = geoPath(projection);
  const svg = select(box).append("svg").attr("class", "map").attr("viewBox", `0 0 ${WIDTH} ${HEIGHT}`)
    .attr("role", "img").attr("aria-label", "map of events");
  const g = svg.append("g").attr("class", "world");
  g.append("path").attr("class", "sphere").attr("d", path({ type: "Sphere" }));
  g.append("path").attr("class", "graticule").attr("d", path(geoGraticule10()));
  g.append("g").selectAll("path").data(feature(topo, topo.objects.countries).features).join("path")
    .attr("class", "country").attr("d", path).append("title").text((d) => d.properties.name);
  g.append("path").attr("class", "borders").attr("d", path(mesh(topo, topo.objects.countries, (a, b) => a !== b)));
  const marks = g.append("g").attr("class", "marks");
  const points = data.points.map((p) => ({ ...p, xy: projection([p.lon, p.lat]) }));
  const maxEv = Math.max(1, ...points.map((p) => p.events));
  const r = scaleSqrt().domain([0, maxEv]).range([3, 15]);
  const detail = h("div", { class: "panel", id: "map-detail" },
    message(points.length ? "Click a circle to list its events; a numbered circle groups overlapping ones." : "No located events for these filters."));
  const hidden = h("p", { class: "note", id: "map-hidden" });
  const exports = exportLinks();
  const controls = h("div", { class: "map-controls" });
  box.append(controls, hidden);
  box.append(legend());
  box.append(detail);

  const draw = () => drawMarks(marks, points, state, { r, detail, hidden, svg, zoomer });
  const zoomer = zoom().scaleExtent([1, (60 * 960) / WIDTH]).on("zoom", (ev) => {
    g.attr("transform", ev.transform);
    state.transform = ev.transform;
    marks.selectAll("circle").attr("r", (d) => d.radius / ev.transform.k);
    marks.selectAll("text").attr("transform", (d) => `translate(${d.x},${d.y}) scale(${1 / ev.transform.k})`);
  }).on("end", (ev) => {
    // A click is a zoom gesture too (mousedown, mouseup): redrawing then would remove the circle being clicked.
    const t = ev.transform;
    if (state.drawn && state.drawn.k === t.k && state.drawn.x === t.x && state.drawn.y === t.y) return;
    state.drawn = t;
    state.k = ev.transform.k;
    svg.attr("data-zoom", ev.transform.k.toFixed(2)).attr("data-geo-zoom", geoZoom(ev.transform.k).toFixed(2));
    draw();
    updateExports(exports, params, visibleBox(ev.transform, projection, WIDTH, HEIGHT), hiddenPrecisions(state));
  });
  svg.call(zoomer);
  const home = fitTo(points, projection);
  controls.append(
    h("button", { type: "button", class: "zoom-in", title: "zoom in", "aria-label": "zoom in", on: { click: () => svg.call(zoomer.scaleBy, 2) } }, "+"),
    h("button", { type: "button", class: "zoom-out", title: "zoom out", "aria-label": "zoom out", on: { click: () => svg.call(zoomer.scaleBy, 0.5) } }, "−"),
    h("button", { type: "button", class: "zoom-reset", title: "back to the located events", on: { click: () => svg.call(zoomer.transform, home) } }, "Reset"),
    h("span", { class: "muted" }, "Export what is shown: "), exports.geojson, exports.csv);
  svg.call(zoomer.transform, home);
}

// Country-level circles hidden at this zoom (unless the address asks for them: country_level=1).
function hiddenPrecisions(state) {
  return geoZoom(state.k) >= ZOOMED_IN && state.params.country_level !== "1" ? ["country"] : [];
}

function drawMarks(marks, points, state, { r, detail, hidden, svg, zoomer }) {
  const hide = hiddenPrecisions(state);
  const shown = points.filter((p) => !hide.includes(p.precision));
  const nHidden = points.length - shown.length;
  hidden.replaceChildren(...(nHidden ? [`${fmtNum(points.filter((p) => hide.includes(p.precision)).reduce((a, p) => a + p.events, 0))} country-level events (on the country's centroid) hidden at this zoom. `,
    h("a", { href: link("/map", { ...state.params, country_level: "1" }), class: "show-country-level" }, "Show them")] : []));
  const k = state.transform.k;
  const clusters = clusterPoints(shown, state.transform, 22);
  marks.selectAll("*").remove();
  for (const c of clusters) {
    c.x = c.xy[0];
    c.y = c.xy[1];
    c.radius = c.members.length > 1 ? 9 + Math.min(12, Math.sqrt(c.events)) : r(c.events);
  }
  const single = clusters.filter((c) => c.members.length === 1).map((c) => ({ ...c.members[0], x: c.x, y: c.y, radius: c.radius }));
  const groups = clusters.filter((c) => c.members.length > 1);
  marks.selectAll("circle.event-point").data(single.sort((a, b) => b.events - a.events)).join("circle")
    .attr("class", (d) => `event-point prec-${d.precision}`)
    .attr("data-name", (d) => d.name || "").attr("data-events", (d) => d.events)
    .attr("data-precision", (d) => d.precision).attr("data-country", (d) => d.country || "")
    .attr("cx", (d) => d.x).attr("cy", (d) => d.y).attr("r", (d) => d.radius / k)
    .attr("fill", (d) => (d.precision === "country" ? "none" : quadColor(dominant(d))))
    .attr("pointer-events", "visible") // a ring is clicked inside too
    .attr("fill-opacity", (d) => (d.precision === "admin" ? 0.45 : 0.85))
    .attr("stroke", (d) => (d.precision === "place" ? "#fff" : quadColor(dominant(d))))
    .attr("stroke-width", (d) => (d.precision === "place" ? 0.8 : 2.5) / k)
    .attr("stroke-dasharray", (d) => (d.precision === "country" ? `${4 / k} ${3 / k}` : null))
    .on("click", (_, d) => showPoint(detail, d, state.params))
    .append("title").text((d) => `${d.name || "?"} (${PRECISION[d.precision]}): ${d.events} events, ${d.first_day || "?"} to ${d.last_day || "?"}`);
  marks.selectAll("circle.cluster").data(groups).join("circle").attr("class", "cluster")
    .attr("data-events", (d) => d.events).attr("data-members", (d) => d.members.length)
    .attr("data-names", (d) => d.members.map((m) => m.name || "?").join("|"))
    .attr("cx", (d) => d.x).attr("cy", (d) => d.y).attr("r", (d) => d.radius / k)
    .attr("fill", (d) => quadColor(dominant(d))).attr("fill-opacity", 0.75).attr("stroke", "#fff").attr("stroke-width", 1.5 / k)
    .on("click", (_, d) => svg.call(zoomer.transform, fitTo(d.members, null, Math.max(k * 3, 1), (60 * 960) / WIDTH)))
    .append("title").text((d) => `${d.members.length} locations, ${d.events} events: ${d.members.slice(0, 5).map((m) => m.name).join(", ")}${d.members.length > 5 ? ", …" : ""} (click to zoom in)`);
  marks.selectAll("text.count").data(groups).join("text").attr("class", "count").attr("text-anchor", "middle").attr("dy", "0.35em")
    .attr("transform", (d) => `translate(${d.x},${d.y}) scale(${1 / k})`).text((d) => fmtNum(d.events));
  // Labels for the busiest marks in view (a cluster is named by its busiest member).
  const labelled = [...single, ...groups.map((c) => ({ ...c, name: `${c.members[0].name || "?"} +${c.members.length - 1}` }))]
    .filter((d) => d.name).sort((a, b) => b.events - a.events).slice(0, 12);
  marks.selectAll("text.label").data(labelled).join("text").attr("class", "label").attr("data-name", (d) => d.name)
    .attr("transform", (d) => `translate(${d.x},${d.y}) scale(${1 / k})`).attr("dx", (d) => d.radius + 3).attr("dy", "0.35em")
    .text((d) => (d.precision === "country" ? `${d.name} (country)` : d.name));
}

function exportLinks() {
  const geojson = h("a", { class: "export export-geojson", href: "/api/map/export" }, "GeoJSON");
  const csv = h("a", { class: "export export-csv", href: "/api/map/export" }, "CSV");
  geojson.setAttribute("download", "wirescope-map.geojson");
  csv.setAttribute("download", "wirescope-map.csv");
  return { geojson, csv };
}

// The export asks for what is on screen: the filters, the visible box and the precisions drawn.
function updateExports(exports, params, bbox, hide) {
  const api = apiParams(params);
  const shown = (api.precision || Object.keys(PRECISION)).filter((p) => !hide.includes(p));
  const base = { ...api, precision: shown, bbox: bbox || undefined };
  exports.geojson.setAttribute("href", `/api/map/export${qs({ ...base, format: "geojson" })}`);
  exports.csv.setAttribute("href", `/api/map/export${qs({ ...base, format: "csv" })}`);
}

function locatedIn(params) {
  const input = h("input", { name: "located_in", value: params.located_in || "", placeholder: "SYR" });
  const f = h("form", { class: "filters located-in" },
    h("label", { title: "the country where the event took place (its place), not the actors' countries" }, "Located in (ISO3)", input),
    h("button", { type: "submit" }, "Apply"));
  f.addEventListener("submit", (ev) => {
    ev.preventDefault();
    navigate("/map", { ...params, located_in: input.value.trim().toUpperCase() || undefined });
  });
  return f;
}

function precisionFilter(params, data) {
  const chosen = params.precision ? precisionsOf(params.precision) : Object.keys(PRECISION);
  const box = h("div", { class: "map-controls precision-filter" }, h("span", { class: "muted" }, "Located at: "));
  for (const [p, label] of Object.entries(PRECISION)) {
    const cb = h("input", { type: "checkbox", name: "precision", value: p, checked: chosen.includes(p) });
    cb.addEventListener("change", () => {
      const next = [...box.querySelectorAll("input[name=precision]")].filter((x) => x.checked).map((x) => x.value);
      if (!next.length) { cb.checked = true; return; } // at least one precision stays drawn
      navigate("/map", { ...params, precision: next.length === 3 ? undefined : next.join(",") });
    });
    box.append(h("label", { "data-precision": p }, cb, `${label} (${fmtNum((data.precisions || {})[p] || 0)})`));
  }
  const cl = h("input", { type: "checkbox", name: "country_level", checked: params.country_level === "1" });
  cl.addEventListener("change", () => navigate("/map", { ...params, country_level: cl.checked ? "1" : undefined }));
  box.append(h("label", { title: "country-level events sit on the country's centroid; zoomed in they hide unless this is ticked" },
    cl, "country-level when zoomed in"));
  return box;
}

// Two handles over the days of the events (under the other filters): they set since and until in the address.
function timeSlider(params, data) {
  if (!data.first_day || !data.last_day) return h("div");
  const t0 = Date.parse(`${data.first_day}T00:00:00Z`);
  const n = Math.round((Date.parse(`${data.last_day}T00:00:00Z`) - t0) / DAY);
  const dayOf = (i) => new Date(t0 + i * DAY).toISOString().slice(0, 10);
  const indexOf = (d, dflt) => (d ? Math.max(0, Math.min(n, Math.round((Date.parse(`${d}T00:00:00Z`) - t0) / DAY))) : dflt);
  const from = h("input", { type: "range", name: "slider-from", min: 0, max: n, step: 1, value: indexOf(params.since, 0), "aria-label": "from day" });
  const to = h("input", { type: "range", name: "slider-to", min: 0, max: n, step: 1, value: indexOf(params.until, n), "aria-label": "to day" });
  const out = h("output", { class: "slider-days" });
  const show = () => out.replaceChildren(`${dayOf(Math.min(+from.value, +to.value))} to ${dayOf(Math.max(+from.value, +to.value))}`);
  show();
  const apply = () => {
    const a = Math.min(+from.value, +to.value);
    const b = Math.max(+from.value, +to.value);
    navigate("/map", { ...params, since: a > 0 ? dayOf(a) : undefined, until: b < n ? dayOf(b) : undefined });
  };
  for (const el of [from, to]) {
    el.addEventListener("input", show);
    el.addEventListener("change", apply);
  }
  return h("div", { class: "slider" }, h("span", { class: "muted" }, "Time: "), h("label", {}, "from ", from), h("label", {}, "to ", to), out);
}

function legend() {
  return h("div", { class: "legend" }, Object.entries(QUAD).map(([q, v]) => h("span", {}, h("i", { class: "swatch", "data-q": q }), v.label)),
    h("span", {}, "● place · ◍ administrative area (pale, thick edge) · ◌ country only (dashed ring on its centroid) · numbered: overlapping circles"));
}

// Start zoomed on the located events (at most 12x), so a regional crisis does not sit in a corner of the world; a
// cluster's click fits its members the same way, up to the closest zoom.
function fitTo(items, projection, least = 1, most = (12 * 960) / WIDTH) {
  if (!items.length) return zoomIdentity;
  const xy = items.map((d) => d.xy || projection([d.lon, d.lat]));
  const [x0, x1] = [Math.min(...xy.map((p) => p[0])), Math.max(...xy.map((p) => p[0]))];
  const [y0, y1] = [Math.min(...xy.map((p) => p[1])), Math.max(...xy.map((p) => p[1]))];
  const k = Math.max(least, Math.min(most, 0.6 / Math.max((x1 - x0) / WIDTH, (y1 - y0) / HEIGHT, 1 / most)));
  return zoomIdentity.translate(WIDTH / 2 - (k * (x0 + x1)) / 2, HEIGHT / 2 - (k * (y0 + y1)) / 2).scale(k);
}

async function showPoint(detail, p, params) {
  const d = 0.01;
  const bbox = [p.lon - d, p.lat - d, p.lon + d, p.lat + d].map((x) => x.toFixed(4)).join(",");
  const evs = await get("events", { ...apiParams(params), precision: [p.precision], bbox, limit: 50 });
  detail.replaceChildren(h("h2", {}, `${p.name || "Location"} · ${fmtNum(p.events)} events`),
    h("p", { class: "muted precision-note" }, `Located at: ${PRECISION[p.precision]}${p.precision === "country" ? " — the report names only the country; the circle sits on its centroid" : ""}.`),
    h("ul", { class: "plain" }, evs.items.map((e) => h("li", {},
      h("i", { class: "swatch", "data-q": e.quad_class }),
      `${e.date || ""} ${e.source_name || e.source_text || "?"} — `, codeLabel(e.code, e.plover),
      ` — ${e.target_name || e.target_text || "?"}: `,
      h("q", {}, e.sentence_display || displayText(e.sentence_text || "")), " ",
      h("a", { href: link(`/article/${e.article_id}`) }, "article")))));
}
