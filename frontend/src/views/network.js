// Actor network: the busiest dyads first (the `top` strongest edges, adjustable in the address), directed edges
// weighted by event count and coloured by dominant quad class; every node labelled where its label does not cover
// another, and the counts in a table below the graph (no hover needed). A node's tooltip says what it folds
// together (the API's `fold`: demonym, capital as metonym, alias, spelling variant).
import { forceCenter, forceCollide, forceLink, forceManyBody, forceSimulation, forceX, forceY } from "d3-force";
import { scaleSqrt } from "d3-scale";
import { select } from "d3-selection";
import { get } from "../api.js";
import { fmtNum, h, message, QUAD, quadColor } from "../dom.js";
import { link, navigate } from "../nav.js";
import { filterForm } from "./events.js";

const FILTERS = ["actor", "country", "root", "quad_class", "modality", "since", "until"];
export const DEFAULT_TOP = 25;
const CHAR_W = 6.4; // width of a label character at 11 px, for placing labels without measuring them

export async function networkView(box, params) {
  box.append(h("h1", {}, "Actor network"));
  box.append(filterForm("/network", params, FILTERS));
  const level = params.level === "country" ? "country" : "actor";
  const top = Math.max(1, Math.min(500, Number.parseInt(params.top, 10) || DEFAULT_TOP));
  box.append(controls(params, level, top));
  const { level: _l, top: _t, ...filters } = params;
  const data = await get("network", { ...filters, level, top });
  if (!data.edges.length) {
    box.append(message("No events with both a source and a target for these filters."));
    return;
  }
  const links = data.edges.filter((e) => e.source !== e.target).map((e) => ({ ...e }));
  box.append(h("p", { class: "muted network-note" }, `The ${fmtNum(data.edges.length)} busiest dyads` +
    `${data.edges.length < top ? "" : ` (of the ${top} asked for)`}; the table below gives every count.`));
  const graph = h("div", { class: "network-graph" });
  box.append(graph);
  drawGraph(graph, data.nodes.map((n) => ({ ...n })), links, level, box.clientWidth || 900);
  box.append(h("div", { class: "legend" }, Object.entries(QUAD).map(([q, v]) =>
    h("span", {}, h("i", { class: "swatch", "data-q": q }), v.label))));
  box.append(edgeTable(data.edges, filters));
  // The folds again in words, for a phone, where nothing hovers.
  const folded = data.nodes.filter((n) => Array.isArray(n.fold) && n.fold.length);
  if (folded.length) {
    box.append(h("h2", {}, "One actor, several names"), h("ul", { class: "plain folds" }, folded.map((n) =>
      h("li", { "data-id": n.id }, h("strong", {}, n.id), ` also named ${foldText(n.fold)}`))));
  }
}

function controls(params, level, top) {
  const size = h("input", { type: "number", name: "top", min: 1, max: 500, value: String(top), "aria-label": "busiest dyads shown" });
  const form = h("form", { class: "network-controls" },
    h("span", {}, "Nodes: ",
      h("a", { href: link("/network", { ...params, level: "actor" }), class: level === "actor" ? "active" : "" }, "actors"), " · ",
      h("a", { href: link("/network", { ...params, level: "country" }), class: level === "country" ? "active" : "" }, "countries")),
    h("label", {}, "Busiest dyads ", size), h("button", { type: "submit" }, "Show"));
  form.addEventListener("submit", (ev) => {
    ev.preventDefault();
    navigate("/network", { ...params, top: size.value });
  });
  return form;
}

// The fold of a node as a sentence: the API lists {name, reason, events} per folded name ("Syrian (demonym, 5
// events); Damascus (capital as metonym, 2 events)").
export function foldText(fold) {
  if (!Array.isArray(fold)) return typeof fold === "string" ? fold : "";
  return fold.map((f) => (typeof f === "string" ? f
    : `${f.name} (${[f.reason, f.events ? `${fmtNum(f.events)} event${f.events === 1 ? "" : "s"}` : ""].filter(Boolean).join(", ")})`))
    .join("; ");
}

function nodeTitle(d) {
  const fold = foldText(d.fold);
  return `${d.label || d.id}: ${fmtNum(d.events)} events${fold ? `\none actor, also named: ${fold}` : ""}`;
}

function drawGraph(el, nodes, links, level, avail) {
  const width = Math.max(340, Math.min(1100, avail));
  // a phone's graph is taller than wide: the labels need the room the width does not give
  const height = width < 600 ? Math.round(width * 1.35) : Math.round(Math.max(420, Math.min(620, width * 0.62)));
  const w = scaleSqrt().domain([1, Math.max(...links.map((l) => l.events), 1)]).range([1, 8]);
  const rn = scaleSqrt().domain([1, Math.max(...nodes.map((n) => n.events), 1)]).range([4, 14]);
  const labelW = (d) => String(d.label || d.id).length * CHAR_W;
  const sim = forceSimulation(nodes)
    .force("link", forceLink(links).id((d) => d.id).distance(Math.min(140, width / 5)))
    .force("charge", forceManyBody().strength(-320))
    .force("center", forceCenter(width / 2, height / 2))
    .force("x", forceX(width / 2).strength(0.04)).force("y", forceY(height / 2).strength(0.06))
    // room for a node's label beside it, so labels do not pile up
    .force("collide", forceCollide().radius((d) => rn(d.events) + Math.min(60, labelW(d) / 2) + 6).iterations(2))
    .stop();
  for (let i = 0; i < 400; i += 1) sim.tick();
  const pad = 16;
  for (const d of nodes) {
    d.x = Math.max(pad, Math.min(width - pad, d.x));
    d.y = Math.max(pad, Math.min(height - pad, d.y));
  }
  const svg = select(el).append("svg").attr("class", "network").attr("viewBox", `0 0 ${width} ${height}`)
    .attr("width", width).attr("height", height);
  const defs = svg.append("defs");
  for (const q of [0, 1, 2, 3, 4]) {
    defs.append("marker").attr("id", `arrow${q}`).attr("viewBox", "0 -4 8 8").attr("refX", 8).attr("refY", 0)
      .attr("markerUnits", "userSpaceOnUse").attr("markerWidth", 12).attr("markerHeight", 12).attr("orient", "auto")
      .append("path").attr("d", "M0,-4L8,0L0,4").attr("fill", quadColor(q));
  }
  // Edges stop at the rim of the target node so the arrowhead stays visible.
  const end = (d) => {
    const len = Math.hypot(d.target.x - d.source.x, d.target.y - d.source.y) || 1;
    const back = rn(d.target.events) + 2;
    return [d.target.x - ((d.target.x - d.source.x) * back) / len, d.target.y - ((d.target.y - d.source.y) * back) / len];
  };
  const edge = svg.append("g").selectAll("line").data(links).join("line").attr("class", "edge")
    .attr("stroke", (d) => quadColor(d.quad_class)).attr("stroke-width", (d) => w(d.events))
    .attr("marker-end", (d) => `url(#arrow${d.quad_class || 0})`)
    .attr("x1", (d) => d.source.x).attr("y1", (d) => d.source.y)
    .attr("x2", (d) => end(d)[0]).attr("y2", (d) => end(d)[1]);
  edge.append("title").text((d) => `${d.source.id} → ${d.target.id}: ${d.events} events, mean Goldstein ${d.goldstein}`);
  const node = svg.append("g").selectAll("g").data(nodes).join("g").attr("class", "node")
    .attr("data-id", (d) => d.id).attr("data-fold", (d) => foldText(d.fold))
    .attr("transform", (d) => `translate(${d.x},${d.y})`);
  node.append("circle").attr("r", (d) => rn(d.events));
  node.append("title").text(nodeTitle);
  placeLabels(nodes, rn, labelW, width, height);
  node.append("text").attr("x", (d) => d.lx).attr("y", (d) => d.ly).attr("text-anchor", (d) => d.anchor)
    .attr("class", (d) => (d.crowded ? "crowded" : null)).text((d) => d.label || d.id);
  node.on("click", (_, d) => { location.hash = link("/events", level === "country" ? { country: d.id } : { actor: d.id }); });
}

// Each label goes to the first of eight places around its node where it covers no label placed before it and no
// node; the busiest nodes are placed first. A label with no free place keeps the right side and is marked crowded.
function placeLabels(nodes, rn, labelW, width, height) {
  const boxes = nodes.map((d) => ({ x0: d.x - rn(d.events), y0: d.y - rn(d.events), x1: d.x + rn(d.events), y1: d.y + rn(d.events) }));
  const hits = (b) => boxes.some((o) => b.x0 < o.x1 && b.x1 > o.x0 && b.y0 < o.y1 && b.y1 > o.y0);
  for (const d of [...nodes].sort((a, b) => b.events - a.events)) {
    const r = rn(d.events);
    const lw = labelW(d);
    const spots = [[r + 4, 4, "start"], [-r - 4, 4, "end"], [0, -r - 5, "middle"], [0, r + 13, "middle"],
      [r + 2, -r - 2, "start"], [-r - 2, -r - 2, "end"], [r + 2, r + 11, "start"], [-r - 2, r + 11, "end"]];
    let chosen = null;
    for (const [dx, dy, anchor] of spots) {
      const x0 = d.x + dx - (anchor === "end" ? lw : anchor === "middle" ? lw / 2 : 0);
      const b = { x0, y0: d.y + dy - 10, x1: x0 + lw, y1: d.y + dy + 2 };
      if (b.x0 < 0 || b.x1 > width || b.y0 < 0 || b.y1 > height || hits(b)) continue;
      chosen = [dx, dy, anchor, b];
      break;
    }
    d.crowded = chosen === null;
    const [dx, dy, anchor, b] = chosen || [r + 4, 4, "start", null];
    Object.assign(d, { lx: dx, ly: dy, anchor });
    if (b) boxes.push(b);
  }
}

function edgeTable(edges, filters) {
  const row = (e) => h("tr", { class: "edge-row", "data-source": e.source, "data-target": e.target, "data-events": e.events },
    h("td", { class: "name", "data-label": "Source" }, e.source), h("td", { class: "name", "data-label": "Target" }, e.target),
    h("td", { class: "num", "data-label": "Events" }, fmtNum(e.events)),
    h("td", { "data-label": "Mix" }, [1, 2, 3, 4].filter((q) => e[`q${q}`]).map((q) =>
      [h("span", { class: "mix", title: QUAD[q].label }, h("i", { class: "swatch", "data-q": q }), fmtNum(e[`q${q}`])), " "])),
    h("td", { class: "c-mostly", "data-label": "Mostly" }, e.quad_class ? QUAD[e.quad_class].label : "–"),
    h("td", { class: "num", "data-label": "Goldstein" }, e.goldstein ?? "–"),
    h("td", {}, h("a", { href: link("/events", { ...filters, source: e.source, target: e.target }) }, "events")));
  const heads = [["Source"], ["Target"], ["Events", "num"], ["Mix"], ["Mostly", "c-mostly"], ["Goldstein", "num", "mean Goldstein value of the dyad's events"], [""]];
  return h("div", { class: "table-wrap" }, h("table", { class: "edges" },
    h("caption", {}, "Dyads, busiest first"),
    h("thead", {}, h("tr", {}, heads.map(([c, cls, title]) => h("th", { class: cls, title }, c)))),
    h("tbody", {}, edges.map(row))));
}
