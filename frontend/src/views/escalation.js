// Escalation: up to four dyads, each with its reverse direction, on one chart of the daily escalation index
// (higher = more hostile, the API's one convention), events per day under it, a table of the very same points and the
// alerts in plain words, each linked to its events. The window (since, until) applies to all of it.
import { max } from "d3-array";
import { axisBottom, axisLeft } from "d3-axis";
import { scaleLinear, scaleUtc } from "d3-scale";
import { select } from "d3-selection";
import { line } from "d3-shape";
import { utcFormat } from "d3-time-format";
import { get, maybe } from "../api.js";
import { h, message } from "../dom.js";
import { link, navigate } from "../nav.js";
import { useStyle } from "./viewstyle.js";

const COLORS = ["#c0262d", "#1f6fb2", "#2e8b57", "#8a4fb5"];
const DAY = 86400000;
const CSS = `
.escalation-view .convention { background: #fff; border-left: 4px solid #c0262d; padding: .3rem .6rem; }
.escalation-view .dyad-pick a { margin-right: .6rem; display: inline-block; min-height: 28px; }
.escalation-view ul.alerts li { margin: .3rem 0; }
.escalation-view .table-wrap { overflow-x: auto; max-width: 100%; }
.escalation-view svg.chart { display: block; margin: .4rem 0; }
.escalation-view .legend i.swatch.reverse { background: none !important; border: 2px dashed currentColor; }
@media (max-width: 700px) { .escalation-view .dyad-pick a { min-height: 44px; line-height: 44px; } }
`;

const parseDay = (d) => new Date(`${d}T00:00:00Z`);
const fmtDay = utcFormat("%Y-%m-%d");

// The dyads of the address: dyads=USA-IRN,ISR-IRN (up to four), or the older source= and target=.
export function dyadsOf(params) {
  const raw = params.dyads || (params.source && params.target ? `${params.source}-${params.target}` : "");
  return raw.split(",").map((d) => d.trim().toUpperCase()).filter((d) => /^[A-Z0-9]{2,40}-[A-Z0-9]{2,40}$/.test(d))
    .filter((d, i, all) => all.indexOf(d) === i).slice(0, 4);
}

export async function escalationView(box, params) {
  useStyle("escalation-style", CSS);
  box.classList.add("escalation-view");
  box.append(h("h1", {}, "Escalation"));
  const window_ = { since: params.since, until: params.until };
  const both = params.both !== "0";
  const dyadList = await get("dyads", { top: 30, ...window_ });
  let dyads = dyadsOf(params);
  if (!dyads.length && dyadList.items.length) dyads = [`${dyadList.items[0].source}-${dyadList.items[0].target}`];
  box.append(form(params, dyads, both));
  box.append(dyadPicker(dyadList.items, dyads, params));
  if (!dyads.length) {
    box.append(message("No dyad with events between two countries in this window."));
    return;
  }
  const data = await get("escalation/chart", { dyad: dyads, both: both ? undefined : "false", ...window_ });
  box.append(h("p", { class: "convention", id: "convention" }, "Escalation index: ", h("strong", {}, "higher = more hostile"),
    " (+100 nothing but maximal material conflict, −100 nothing but maximal cooperation, 0 neutral). ",
    h("span", { class: "muted" }, `Window: ${data.since || "…"} to ${data.until || "…"}. Days without events are left blank.`)));
  const series = data.series.map((s, i) => ({ ...s, i, color: COLORS[dyads.indexOf(dyadKey(s, dyads)) % 4], reverse: isReverse(s, dyads) }));
  if (!series.some((s) => s.points.length)) {
    box.append(message(`No dated events for ${dyads.join(", ")} in this window.`));
  } else {
    const width = Math.max(320, Math.min(1100, box.clientWidth || 900));
    box.append(chart(series, data, width));
    box.append(legend(series));
  }
  box.append(indexTable(series));
  await alertsList(box, series, window_);
  box.append(h("p", {}, dyads.map((d) => {
    const [source, target] = d.split("-");
    return h("a", { href: link("/events", { source, target, ...window_ }), class: "dyad-events" }, `Events ${source} → ${target} `);
  })));
}

function dyadKey(s, dyads) {
  const fwd = `${s.source}-${s.target}`;
  return dyads.includes(fwd) ? fwd : `${s.target}-${s.source}`;
}

function isReverse(s, dyads) {
  return !dyads.includes(`${s.source}-${s.target}`);
}

function form(params, dyads, both) {
  const f = h("form", { class: "filters" },
    h("label", {}, "Dyads (up to 4, SOURCE-TARGET)", h("input", { name: "dyads", value: dyads.join(","), placeholder: "USA-IRN,ISR-IRN" })),
    h("label", {}, "Both directions", h("input", { name: "both", type: "checkbox", checked: both })),
    h("label", {}, "Since", h("input", { name: "since", type: "date", value: params.since || "" })),
    h("label", {}, "Until", h("input", { name: "until", type: "date", value: params.until || "" })),
    h("button", { type: "submit" }, "Show"));
  f.addEventListener("submit", (ev) => {
    ev.preventDefault();
    const v = Object.fromEntries(new FormData(f).entries());
    navigate("/escalation", { dyads: v.dyads, both: v.both ? undefined : "0", since: v.since, until: v.until });
  });
  return f;
}

// The busiest dyads of the window: a click shows one, "+" adds it to the comparison (up to four).
function dyadPicker(items, dyads, params) {
  const keep = { since: params.since, until: params.until, both: params.both };
  return h("p", { class: "dyad-pick" }, "Busiest dyads in this window: ", items.slice(0, 12).map((d) => {
    const key = `${d.source}-${d.target}`;
    const add = dyads.includes(key) || dyads.length >= 4 ? null
      : h("a", { href: link("/escalation", { ...keep, dyads: [...dyads, key].join(",") }), title: `compare with ${key}`, class: "add-dyad" }, "+");
    return h("span", {}, h("a", { href: link("/escalation", { ...keep, dyads: key }) }, `${d.source}→${d.target} (${d.events})`), add);
  }));
}

// Two panels sharing the time axis: the index (lines broken where a day has no events) and the events per day.
function chart(series, data, width) {
  const m = { top: 22, right: 16, bottom: 40, left: 54 };
  const hTop = 260;
  const hBars = 110;
  const height = hTop + hBars + m.bottom;
  const days = series.flatMap((s) => s.points.map((p) => p.day)).sort();
  const d0 = parseDay(data.since || days[0]);
  const d1 = parseDay(data.until || days[days.length - 1]);
  const x = scaleUtc().domain([+d0 - DAY / 2, +d1 + DAY / 2]).range([m.left, width - m.right]);
  const all = series.flatMap((s) => s.points.map((p) => p.index));
  const y = scaleLinear().domain([Math.min(0, ...all), Math.max(0, ...all)]).nice().range([hTop - 10, m.top]);
  const yBar = scaleLinear().domain([0, max(series.flatMap((s) => s.points.map((p) => p.events))) || 1]).nice()
    .range([hTop + hBars - 6, hTop + 14]);
  const svg = select(document.createElementNS("http://www.w3.org/2000/svg", "svg"))
    .attr("class", "chart escalation").attr("viewBox", `0 0 ${width} ${height}`)
    .attr("data-since", fmtDay(d0)).attr("data-until", fmtDay(d1))
    .attr("role", "img").attr("aria-label", "escalation index per day, higher = more hostile, and events per day");
  const span = (+d1 - +d0) / DAY + 1;
  const ticks = Math.max(2, Math.min(Math.floor(width / 90), span));
  const fmt = utcFormat(span > 400 ? "%Y-%m" : "%b %d");
  svg.append("g").attr("class", "axis axis-x").attr("transform", `translate(0,${hTop + hBars - 6})`)
    .call(axisBottom(x).ticks(ticks).tickFormat(fmt));
  svg.append("text").attr("class", "axis-label x-label").attr("x", width - m.right).attr("y", height - 6)
    .attr("text-anchor", "end").text("Day (UTC)");
  svg.append("g").attr("class", "axis axis-y index-axis").attr("transform", `translate(${m.left},0)`).call(axisLeft(y).ticks(6));
  svg.append("text").attr("class", "axis-label y-label").attr("x", 4).attr("y", 12)
    .text("Escalation index (higher = more hostile, −100 … +100)");
  svg.append("line").attr("class", "zero").attr("x1", m.left).attr("x2", width - m.right)
    .attr("y1", y(0)).attr("y2", y(0)).attr("stroke", "#888").attr("stroke-dasharray", "3 3");
  const most = yBar.domain()[1];
  svg.append("g").attr("class", "axis axis-y events-axis").attr("transform", `translate(${m.left},0)`)
    .call(axisLeft(yBar).ticks(Math.min(3, most)).tickFormat((v) => (Number.isInteger(v) ? String(v) : "")));
  svg.append("text").attr("class", "axis-label y-label").attr("x", 4).attr("y", hTop + 10).text("Events per day");
  const barW = Math.max(2, Math.min(12, (x(+d0 + DAY) - x(+d0)) / (series.length + 1)));
  series.forEach((s, k) => drawSeries(svg, s, k, series.length, { x, y, yBar, d0, d1, barW, base: hTop + hBars - 6 }));
  return svg.node();
}

function drawSeries(svg, s, k, n, { x, y, yBar, d0, d1, barW, base }) {
  const byDay = new Map(s.points.map((p) => [p.day, p]));
  // Every day of the window, so a day without events breaks the line instead of being bridged.
  const full = [];
  for (let t = +d0; t <= +d1; t += DAY) full.push(byDay.get(fmtDay(new Date(t))) || null);
  const g = svg.append("g").attr("class", `series s${s.i}`).attr("data-series", `${s.source}-${s.target}`);
  g.selectAll("rect").data(s.points).join("rect").attr("class", "bar")
    .attr("x", (p) => x(parseDay(p.day)) + (k - n / 2) * barW).attr("width", barW - 1)
    .attr("y", (p) => yBar(p.events)).attr("height", (p) => base - yBar(p.events))
    .attr("fill", s.color).attr("opacity", s.reverse ? 0.35 : 0.7)
    .append("title").text((p) => `${s.source} → ${s.target} ${p.day}: ${p.events} events`);
  g.append("path").attr("class", "line").datum(full).attr("fill", "none").attr("stroke", s.color).attr("stroke-width", 2)
    .attr("stroke-dasharray", s.reverse ? "6 4" : null)
    .attr("d", line().defined((p) => p !== null).x((p) => x(parseDay(p.day))).y((p) => y(p.index)));
  g.selectAll("circle").data(s.points).join("circle").attr("class", "point")
    .attr("data-day", (p) => p.day).attr("data-index", (p) => p.index)
    .attr("cx", (p) => x(parseDay(p.day))).attr("cy", (p) => y(p.index)).attr("r", 4)
    .attr("fill", s.reverse ? "#fff" : s.color).attr("stroke", s.color).attr("stroke-width", 2)
    .append("title").text((p) => `${s.source} → ${s.target} ${p.day}: index ${p.index} (higher = more hostile), ${p.events} events${p.alert ? ", alert" : ""}`);
}

function legend(series) {
  return h("div", { class: "legend" }, series.map((s) => {
    const sw = h("i", { class: `swatch${s.reverse ? " reverse" : ""}` });
    sw.style.background = s.reverse ? "none" : s.color;
    sw.style.color = s.color;
    return h("span", {}, sw, `${s.source} → ${s.target}${s.reverse ? " (reverse)" : ""}`);
  }), h("span", {}, "lines: escalation index; bars: events per day"));
}

// The chart's own points as a table: same series, same days, same values.
function indexTable(series) {
  const rows = series.flatMap((s) => s.points.map((p) => ({ s, p })));
  if (!rows.length) return h("div");
  return h("div", { class: "table-wrap" }, h("h2", {}, "Escalation index per day"),
    h("table", { class: "events index" },
      h("thead", {}, h("tr", {}, ["Dyad", "Day", "Events", "Index (higher = more hostile)", "Baseline", "z", "Alert"].map((c) => h("th", {}, c)))),
      h("tbody", {}, rows.map(({ s, p }) => h("tr", {
        class: p.alert ? "alert-row" : "", "data-series": `${s.source}-${s.target}`, "data-day": p.day, "data-index": p.index,
      },
      h("td", {}, `${s.source} → ${s.target}`), h("td", {}, p.day), h("td", {}, p.events),
      h("td", { class: "index-value" }, Number(p.index).toFixed(1)),
      h("td", {}, p.baseline === null ? "–" : Number(p.baseline).toFixed(1)),
      h("td", {}, p.z === null ? "–" : Number(p.z).toFixed(1)), h("td", {}, p.alert ? "alert" : ""))))));
}

// The alerts of the window for the charted directions, in plain words, each linked to the events of its day.
async function alertsList(box, series, window_) {
  const found = await Promise.all(series.map((s) => maybe("alerts", {
    source: s.source, target: s.target, level: /^[A-Z]{3}$/.test(s.source) && /^[A-Z]{3}$/.test(s.target) ? "country" : "actor",
    limit: 20, ...window_ })));
  const items = found.flatMap((r) => (r ? r.items : []));
  box.append(h("h2", {}, "Alerts"));
  if (!items.length) {
    box.append(message(found.every((r) => r === null) ? "No alerts yet: run the aggregation (wirescope aggregate)." : "No alert in this window."));
    return;
  }
  box.append(h("ul", { class: "alerts plain" }, items.map((a) => h("li", { class: "alert", "data-day": a.day },
    a.summary || a.reason, " — ",
    h("a", { href: link("/events", { source: a.source, target: a.target, since: a.day, until: a.day }), class: "alert-events" },
      "see its events")))));
}
