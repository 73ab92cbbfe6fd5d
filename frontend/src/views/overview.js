import { get, maybe } from "../api.js";
import { displayText, fmtNum, h, message, QUAD } from "../dom.js";
import { link } from "../nav.js";

export async function overviewView(box) {
  const stats = await get("stats");
  box.append(h("h1", {}, "Overview"));
  const t = stats.tables;
  const cards = [
    ["articles", t.articles],
    ["events", t.events],
    ["quotations", t.quotes],
    ["places", t.places],
    ["entities", stats.entities],
    ["stories", t.stories],
  ].filter(([, n]) => n !== undefined);
  box.append(h("div", { class: "cards" }, cards.map(([label, n]) =>
    h("div", { class: "card", "data-count": label }, h("div", { class: "num" }, fmtNum(n)), h("div", {}, label)))));
  const [from, to] = stats.published_range || [];
  if (from) box.append(message(`Articles published ${from} to ${to}.`));
  if (stats.events_by_quad_class) {
    box.append(h("div", { class: "quadbar" }, Object.entries(stats.events_by_quad_class).map(([q, n]) =>
      h("span", { class: `quad q${q}`, title: (QUAD[q] || {}).label },
        h("i", { class: "swatch", "data-q": q }), `${(QUAD[q] || {}).label || q}: ${fmtNum(n)}`))));
  }
  const grid = h("div", { class: "grid2" });
  box.append(grid);

  const alerts = await maybe("alerts", { limit: 10 });
  grid.append(h("div", { class: "panel" }, h("h2", {}, "Latest alerts"),
    alerts === null ? message("No alerts yet: the aggregation has not run on this store.")
      : alerts.items.length === 0 ? message("No alerts.")
        : h("ul", { class: "plain" }, alerts.items.map(alertItem))));

  const stories = await maybe("stories", { limit: 8 });
  grid.append(h("div", { class: "panel" }, h("h2", {}, "Top stories"),
    stories === null ? message("No stories yet: the aggregation has not run on this store.")
      : h("ul", { class: "plain" }, stories.items.map((s) => h("li", {},
        h("a", { href: link(`/story/${encodeURIComponent(s.id)}`) }, displayText(s.title) || s.id),
        h("span", { class: "muted" }, ` · ${fmtNum(s.size ?? s.article_count)} articles`,
          s.first_date ? ` · ${s.first_date}${s.last_date && s.last_date !== s.first_date ? ` – ${s.last_date}` : ""}` : ""))))));

  const entities = await get("entities", { limit: 12 });
  grid.append(h("div", { class: "panel" }, h("h2", {}, "Most mentioned"),
    h("ul", { class: "plain" }, entities.items.map((e) => h("li", {},
      h("a", { href: link("/events", { actor: e.name }) }, e.name),
      h("span", { class: "muted" }, ` ${e.type} · ${fmtNum(e.mention_count)} mentions`))))));

  const articles = await get("articles", { limit: 10 });
  grid.append(h("div", { class: "panel" }, h("h2", {}, "Latest articles"),
    h("ul", { class: "plain" }, articles.items.map((a) => h("li", {},
      h("a", { href: link(`/article/${a.id}`) }, displayText(a.title) || a.id),
      h("span", { class: "muted" }, ` ${a.published || "undated"}`))))));
}

// An alert in plain words (the API's summary: "US → Iran: most hostile day since ..., 3 events from 5 outlets"),
// linked to the dyad's chart and to the events of its day.
function alertItem(a) {
  const dyad = [a.source, a.target].filter(Boolean).join(" → ");
  const when = a.day || a.date || "";
  const what = a.summary || a.message || a.reason || a.kind || "";
  return h("li", { class: "alert" }, h("i", { class: "swatch", "data-q": 4 }),
    dyad ? h("a", { href: link("/escalation", { source: a.source, target: a.target }) }, dyad) : null,
    ` ${when}`, h("div", { class: "muted" }, what),
    dyad && when ? h("a", { href: link("/events", { source: a.source, target: a.target, since: when, until: when }),
      class: "alert-events" }, "its events") : null);
}
