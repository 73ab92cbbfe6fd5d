// Map of events (coloured by dominant quad class, sized by count) and places, on Natural Earth country shapes.
import { geoNaturalEarth1, geoPath, geoGraticule10 } from "d3-geo";
import { scaleSqrt } from "d3-scale";
import { select } from "d3-selection";
import { zoom, zoomIdentity } from "d3-zoom";
import { feature, mesh } from "topojson-client";
import { get } from "../api.js";
import { fmtNum, h, message, QUAD, quadColor } from "../dom.js";
import { link } from "../nav.js";
import { filterForm } from "./events.js";

let world = null;
async function loadWorld() {
  if (!world) {
    const res = await fetch("/assets/countries-110m.json");
    if (!res.ok) throw new Error(`country shapes missing (${res.status}); rebuild the dashboard`);
    world = await res.json();
  }
  return world;
}

function dominant(p) {
  let best = 0;
  let q = 0;
  for (const k of [1, 2, 3, 4]) if (p[`q${k}`] > best) { best = p[`q${k}`]; q = k; }
  return q;
}

export async function mapView(box, params) {
  box.append(h("h1", {}, "Map"));
  box.append(filterForm("/map", params, ["actor", "country", "root", "quad_class", "modality", "since", "until"]));
  const [topo, data] = await Promise.all([loadWorld(), get("map", params)]);
  const width = 960;
  const height = 500;
  const projection = geoNaturalEarth1().fitSize([width, height], { type: "Sphere" });
  const path = geoPath(projection);
  const svg = select(box).append("svg").attr("class", "map").attr("viewBox", `0 0 ${width} ${height}`)
    .attr("role", "img").attr("aria-label", "map of events");
  const g = svg.append("g");
  g.append("path").attr("class", "sphere").attr("d", path({ type: "Sphere" }));
  g.append("path").attr("class", "graticule").attr("d", path(geoGraticule10()));
  g.append("g").selectAll("path").data(feature(topo, topo.objects.countries).features).join("path")
    .attr("class", "country").attr("d", path).append("title").text((d) => d.properties.name);
  g.append("path").attr("class", "borders").attr("d", path(mesh(topo, topo.objects.countries, (a, b) => a !== b)));

  const maxPlace = Math.max(1, ...data.places.map((p) => p.mentions));
  const rPlace = scaleSqrt().domain([0, maxPlace]).range([0, 5]);
  g.append("g").selectAll("circle").data(data.places).join("circle")
    .attr("class", "place")
    .attr("data-name", (d) => d.name)
    .attr("cx", (d) => projection([d.lon, d.lat])[0]).attr("cy", (d) => projection([d.lon, d.lat])[1])
    .attr("r", (d) => 1.5 + rPlace(d.mentions))
    .append("title").text((d) => `${d.name}: ${d.mentions} mentions in ${d.articles} articles`);

  const maxEv = Math.max(1, ...data.points.map((p) => p.events));
  const r = scaleSqrt().domain([0, maxEv]).range([0, 12]);
  const radius = (d) => 3 + r(d.events);
  const points = [...data.points].sort((a, b) => b.events - a.events); // small circles drawn on top
  const detail = h("div", { class: "panel", id: "map-detail" },
    message(data.points.length ? "Click a circle to list its events." : "No located events for these filters."));
  g.append("g").selectAll("circle").data(points).join("circle")
    .attr("class", "event-point")
    .attr("data-name", (d) => d.name || "")
    .attr("data-events", (d) => d.events)
    .attr("cx", (d) => projection([d.lon, d.lat])[0]).attr("cy", (d) => projection([d.lon, d.lat])[1])
    .attr("r", radius)
    .attr("fill", (d) => quadColor(dominant(d)))
    .on("click", (_, d) => showPoint(detail, d, params))
    .append("title").text((d) => `${d.name || "?"}: ${d.events} events`);

  // Circles keep their size on screen while the map zooms.
  const zoomer = zoom().scaleExtent([1, 60]).on("zoom", (ev) => {
    const { k } = ev.transform;
    g.attr("transform", ev.transform);
    g.selectAll("circle.event-point").attr("r", (d) => radius(d) / k);
    g.selectAll("circle.place").attr("r", (d) => (1.5 + rPlace(d.mentions)) / k);
  });
  svg.call(zoomer);
  svg.call(zoomer.transform, fitTo(points.length ? points : data.places, projection, width, height));
  box.append(h("div", { class: "legend" }, Object.entries(QUAD).map(([q, v]) =>
    h("span", {}, h("i", { class: "swatch", "data-q": q }), v.label)),
  h("span", {}, h("i", { class: "swatch place-swatch" }), "place named in articles")));
  box.append(detail);
}

// Start zoomed on the located events (at most 12x), so a regional crisis does not sit in a corner of the world.
function fitTo(items, projection, width, height) {
  if (!items.length) return zoomIdentity;
  const xy = items.map((d) => projection([d.lon, d.lat]));
  const [x0, x1] = [Math.min(...xy.map((p) => p[0])), Math.max(...xy.map((p) => p[0]))];
  const [y0, y1] = [Math.min(...xy.map((p) => p[1])), Math.max(...xy.map((p) => p[1]))];
  const k = Math.max(1, Math.min(12, 0.6 / Math.max((x1 - x0) / width, (y1 - y0) / height, 1 / 12)));
  return zoomIdentity.translate(width / 2 - (k * (x0 + x1)) / 2, height / 2 - (k * (y0 + y1)) / 2).scale(k);
}

async function showPoint(detail, p, params) {
  const d = 0.01;
  const bbox = [p.lon - d, p.lat - d, p.lon + d, p.lat + d].map((x) => x.toFixed(4)).join(",");
  const evs = await get("events", { ...params, bbox, limit: 50 });
  detail.replaceChildren(h("h2", {}, `${p.name || "Location"} · ${fmtNum(p.events)} events`),
    h("ul", { class: "plain" }, evs.items.map((e) => h("li", {},
      h("i", { class: "swatch", "data-q": e.quad_class }),
      `${e.date || ""} ${e.source_name || e.source_text || "?"} — ${e.code} — ${e.target_name || e.target_text || "?"}: `,
      h("q", {}, e.sentence_text || ""), " ",
      h("a", { href: link(`/article/${e.article_id}`) }, "article")))));
}
