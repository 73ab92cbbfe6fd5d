// Escalation chart for a dyad: daily Goldstein sum (line, both directions) over event counts (bars).
import { extent, max, min } from "d3-array";
import { axisBottom, axisLeft } from "d3-axis";
import { scaleBand, scaleLinear, scaleUtc } from "d3-scale";
import { select } from "d3-selection";
import { line } from "d3-shape";
import { utcFormat } from "d3-time-format";
import { get } from "../api.js";
import { h, message } from "../dom.js";
import { link, navigate } from "../nav.js";

const COLORS = ["#c0262d", "#1f6fb2"];

export async function escalationView(box, params) {
  box.append(h("h1", {}, "Escalation"));
  const dyads = await get("dyads", { top: 30 });
  let { source, target } = params;
  if ((!source || !target) && dyads.items.length) ({ source, target } = dyads.items[0]);
  const form = h("form", { class: "filters" },
    h("label", {}, "Source", h("input", { name: "source", value: source || "", placeholder: "USA" })),
    h("label", {}, "Target", h("input", { name: "target", value: target || "", placeholder: "IRN" })),
    h("label", {}, "Since", h("input", { name: "since", type: "date", value: params.since || "" })),
    h("label", {}, "Until", h("input", { name: "until", type: "date", value: params.until || "" })),
    h("button", { type: "submit" }, "Show"));
  form.addEventListener("submit", (ev) => {
    ev.preventDefault();
    navigate("/escalation", Object.fromEntries(new FormData(form).entries()));
  });
  box.append(form);
  box.append(h("p", { class: "dyads" }, "Busiest dyads: ", dyads.items.slice(0, 12).map((d) => [
    h("a", { href: link("/escalation", { source: d.source, target: d.target }) }, `${d.source}→${d.target}`),
    ` (${d.events}) `])));
  if (!source || !target) {
    box.append(message("No dyad with events between two countries yet."));
    return;
  }
  const data = await get("escalation", { source, target, since: params.since, until: params.until });
  const withPoints = data.series.filter((s) => s.points.length);
  if (!withPoints.length) {
    box.append(message(`No dated events between ${source} and ${target}.`));
    return;
  }
  box.append(chart(data.series));
  box.append(h("div", { class: "legend" }, data.series.map((s, i) =>
    h("span", {}, h("i", { class: "swatch", "data-series": i }), `${s.source} → ${s.target}: Goldstein sum per day (line), events (bars)`))));
  for (const s of data.series.filter((x) => x.index && x.index.length)) {
    box.append(h("h2", {}, `Escalation index ${s.source} → ${s.target}`),
      h("table", { class: "events index" }, h("thead", {}, h("tr", {}, ["Day", "Events", "Index", "Baseline", "z", "Alert"].map((c) => h("th", {}, c)))),
        h("tbody", {}, s.index.map((r) => h("tr", { class: r.alert ? "alert-row" : "" }, h("td", {}, r.day), h("td", {}, r.events),
          h("td", {}, Number(r.index_value).toFixed(1)), h("td", {}, Number(r.baseline).toFixed(1)),
          h("td", {}, Number(r.z).toFixed(1)), h("td", {}, r.alert ? "alert" : ""))))));
  }
  box.append(h("p", {}, h("a", { href: link("/events", { source, target }) }, `Events ${source} → ${target}`)));
}

function chart(series) {
  const width = 900;
  const height = 360;
  const m = { top: 16, right: 16, bottom: 40, left: 48 };
  const days = [...new Set(series.flatMap((s) => s.points.map((p) => p.day)))].sort();
  const parse = (d) => new Date(`${d}T00:00:00Z`);
  const [d0, d1] = extent(days, parse);
  const x = scaleUtc().domain([+d0 - 86400000, +d1 + 86400000]).range([m.left, width - m.right]);
  const all = series.flatMap((s) => s.points.map((p) => p.goldstein_sum || 0));
  const y = scaleLinear().domain([Math.min(0, min(all)), Math.max(0, max(all))]).nice().range([height - m.bottom, m.top]);
  const yCount = scaleLinear().domain([0, max(series.flatMap((s) => s.points.map((p) => p.events))) || 1])
    .range([height - m.bottom, height - m.bottom - (height - m.top - m.bottom) * 0.35]);
  const band = scaleBand().domain(series.map((_, i) => i)).range([-4, 4]);
  const svg = select(document.createElementNS("http://www.w3.org/2000/svg", "svg"))
    .attr("class", "chart escalation").attr("viewBox", `0 0 ${width} ${height}`);
  const span = (+d1 - +d0) / 86400000 + 2;
  svg.append("g").attr("transform", `translate(0,${height - m.bottom})`)
    .call(axisBottom(x).ticks(Math.min(8, span)).tickFormat(utcFormat(span > 400 ? "%Y-%m" : "%b %d")));
  svg.append("line").attr("class", "zero").attr("x1", m.left).attr("x2", width - m.right)
    .attr("y1", y(0)).attr("y2", y(0)).attr("stroke", "#888").attr("stroke-dasharray", "3 3");
  svg.append("g").attr("transform", `translate(${m.left},0)`).call(axisLeft(y).ticks(6));
  series.forEach((s, i) => {
    const g = svg.append("g").attr("class", `series s${i}`);
    g.selectAll("rect").data(s.points).join("rect").attr("class", "bar")
      .attr("x", (p) => x(parse(p.day)) + band(i)).attr("width", 4)
      .attr("y", (p) => yCount(p.events)).attr("height", (p) => height - m.bottom - yCount(p.events))
      .attr("fill", COLORS[i % 2]).attr("opacity", 0.3);
    g.append("path").datum(s.points).attr("fill", "none").attr("stroke", COLORS[i % 2]).attr("stroke-width", 2)
      .attr("d", line().x((p) => x(parse(p.day))).y((p) => y(p.goldstein_sum || 0)));
    g.selectAll("circle").data(s.points).join("circle").attr("class", "point")
      .attr("cx", (p) => x(parse(p.day))).attr("cy", (p) => y(p.goldstein_sum || 0)).attr("r", 4)
      .attr("fill", COLORS[i % 2])
      .append("title").text((p) => `${s.source}→${s.target} ${p.day}: ${p.events} events, Goldstein sum ${p.goldstein_sum}, mean ${p.goldstein_mean}`);
  });
  svg.append("text").attr("x", m.left).attr("y", 12).attr("class", "axis-label").text("Goldstein sum per day");
  return svg.node();
}
