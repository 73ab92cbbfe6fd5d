// Actor network: directed edges weighted by event count, coloured by dominant quad class.
import { forceCenter, forceCollide, forceLink, forceManyBody, forceSimulation } from "d3-force";
import { scaleSqrt } from "d3-scale";
import { select } from "d3-selection";
import { get } from "../api.js";
import { h, message, QUAD, quadColor } from "../dom.js";
import { link } from "../nav.js";
import { filterForm } from "./events.js";

export async function networkView(box, params) {
  box.append(h("h1", {}, "Actor network"));
  box.append(filterForm("/network", params, ["actor", "country", "root", "quad_class", "modality", "since", "until"]));
  const level = params.level === "country" ? "country" : "actor";
  box.append(h("p", {}, "Nodes: ",
    h("a", { href: link("/network", { ...params, level: "actor" }), class: level === "actor" ? "active" : "" }, "actors"), " · ",
    h("a", { href: link("/network", { ...params, level: "country" }), class: level === "country" ? "active" : "" }, "countries")));
  const { level: _, ...filters } = params;
  const data = await get("network", { ...filters, level, top: 150 });
  if (!data.edges.length) {
    box.append(message("No events with both a source and a target for these filters."));
    return;
  }
  const width = 900;
  const height = 560;
  const nodes = data.nodes.map((n) => ({ ...n }));
  const links = data.edges.filter((e) => e.source !== e.target).map((e) => ({ ...e }));
  const w = scaleSqrt().domain([1, Math.max(...links.map((l) => l.events), 1)]).range([1, 8]);
  const rn = scaleSqrt().domain([1, Math.max(...nodes.map((n) => n.events), 1)]).range([4, 16]);
  const svg = select(box).append("svg").attr("class", "network").attr("viewBox", `0 0 ${width} ${height}`);
  const defs = svg.append("defs");
  for (const q of [0, 1, 2, 3, 4]) {
    defs.append("marker").attr("id", `arrow${q}`).attr("viewBox", "0 -4 8 8").attr("refX", 8).attr("refY", 0)
      .attr("markerUnits", "userSpaceOnUse").attr("markerWidth", 12).attr("markerHeight", 12).attr("orient", "auto")
      .append("path").attr("d", "M0,-4L8,0L0,4").attr("fill", quadColor(q));
  }
  const edge = svg.append("g").selectAll("line").data(links).join("line").attr("class", "edge")
    .attr("stroke", (d) => quadColor(d.quad_class)).attr("stroke-width", (d) => w(d.events))
    .attr("marker-end", (d) => `url(#arrow${d.quad_class || 0})`);
  edge.append("title").text((d) => `${d.source} → ${d.target}: ${d.events} events, mean Goldstein ${d.goldstein}`);
  const node = svg.append("g").selectAll("g").data(nodes).join("g").attr("class", "node");
  node.append("circle").attr("r", (d) => rn(d.events));
  node.append("text").attr("x", (d) => rn(d.events) + 4).attr("y", 4).text((d) => d.id);
  node.append("title").text((d) => `${d.id}: ${d.events} events`);
  const sim = forceSimulation(nodes)
    .force("link", forceLink(links).id((d) => d.id).distance(110))
    .force("charge", forceManyBody().strength(-260))
    .force("center", forceCenter(width / 2, height / 2))
    .force("collide", forceCollide().radius((d) => rn(d.events) + 6))
    .stop();
  for (let i = 0; i < 300; i += 1) sim.tick();
  const clampX = (v) => Math.max(10, Math.min(width - 60, v));
  const clampY = (v) => Math.max(10, Math.min(height - 10, v));
  // Edges stop at the rim of the target node so the arrowhead stays visible.
  const end = (d) => {
    const [x1, y1, x2, y2] = [clampX(d.source.x), clampY(d.source.y), clampX(d.target.x), clampY(d.target.y)];
    const len = Math.hypot(x2 - x1, y2 - y1) || 1;
    const back = rn(d.target.events) + 2;
    return [x2 - ((x2 - x1) * back) / len, y2 - ((y2 - y1) * back) / len];
  };
  edge.attr("x1", (d) => clampX(d.source.x)).attr("y1", (d) => clampY(d.source.y))
    .attr("x2", (d) => end(d)[0]).attr("y2", (d) => end(d)[1]);
  node.attr("transform", (d) => `translate(${clampX(d.x)},${clampY(d.y)})`);
  node.on("click", (_, d) => { location.hash = link("/events", level === "country" ? { country: d.id } : { actor: d.id }); });
  box.append(h("div", { class: "legend" }, Object.entries(QUAD).map(([q, v]) =>
    h("span", {}, h("i", { class: "swatch", "data-q": q }), v.label))));
}
