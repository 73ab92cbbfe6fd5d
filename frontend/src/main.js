// Hash router: each view is a function (container, params) -> Promise.
import { ApiError, loadVocabulary } from "./api.js";
import { clear, h } from "./dom.js";
import { dropListener, hasListener, onChange, startLive } from "./live.js";
import { navigate } from "./nav.js";
import { articleView, articlesView } from "./views/article.js";
import { escalationView } from "./views/escalation.js";
import { eventsView } from "./views/events.js";
import { mapView } from "./views/map.js";
import { mergedView } from "./views/merged.js";
import { networkView } from "./views/network.js";
import { overviewView } from "./views/overview.js";
import { quotesView } from "./views/quotes.js";
import { searchView } from "./views/search.js";
import { storiesView, storyView } from "./views/story.js";

// [pattern, view name (set on <body data-view> once the view has rendered), view]
const ROUTES = [
  [/^\/?$/, "overview", overviewView],
  [/^\/map$/, "map", mapView],
  [/^\/escalation$/, "escalation", escalationView],
  [/^\/events$/, "events", eventsView],
  [/^\/merged$/, "merged", mergedView],
  [/^\/stories$/, "stories", storiesView],
  [/^\/story\/(.+)$/, "story", storyView],
  [/^\/network$/, "network", networkView],
  [/^\/quotes$/, "quotes", quotesView],
  [/^\/articles$/, "articles", articlesView],
  [/^\/article\/(.+)$/, "article", articleView],
  [/^\/search$/, "search", searchView],
];

// Views that are redrawn when the store changes (summaries); the events table adds its new rows itself, and the
// map, network, escalation and article views keep what the user is looking at (the header counts what is new).
const REDRAWN = new Set(["overview", "stories", "story", "quotes", "merged"]);

let current = 0;

// Draws the view again off-screen, then swaps it in: no blank page while the new figures load.
function redrawOnChange(box, fn, params, args, token) {
  let shown = box;
  onChange(async () => {
    const next = h("section", { class: "view" });
    await fn(next, params, ...args);
    if (token === current) {
      shown.replaceWith(next);
      shown = next;
    }
  });
}

async function route() {
  const raw = location.hash.replace(/^#/, "") || "/";
  const [path, query] = raw.split("?");
  const params = Object.fromEntries(new URLSearchParams(query || ""));
  const view = document.getElementById("view");
  const token = ++current;
  clear(view);
  dropListener();
  document.body.dataset.view = "loading";
  for (const a of document.querySelectorAll("#nav a")) {
    a.classList.toggle("active", a.getAttribute("href") === `#${path}` || (path === "/" && a.getAttribute("href") === "#/"));
  }
  for (const [re, name, fn] of ROUTES) {
    const m = path.match(re);
    if (!m) continue;
    const box = h("section", { class: "view" });
    view.append(box);
    try {
      await fn(box, params, ...m.slice(1).map(decodeURIComponent));
    } catch (err) {
      console.error(err);
      box.append(h("p", { class: "error" }, err instanceof ApiError ? `${err.code}: ${err.message}` : String(err)));
    }
    if (token === current) {
      document.body.dataset.view = name;
      if (REDRAWN.has(name) && !hasListener()) redrawOnChange(box, fn, params, m.slice(1).map(decodeURIComponent), token);
    }
    return;
  }
  view.append(h("p", { class: "error" }, `No view at ${path}`));
  document.body.dataset.view = "missing";
}

document.getElementById("search").addEventListener("submit", (ev) => {
  ev.preventDefault();
  const q = new FormData(ev.target).get("q");
  if (q) navigate("/search", { q });
});
window.addEventListener("hashchange", route);
// The filter forms list the server's vocabularies; without the schema they offer only "any".
loadVocabulary().catch((err) => console.error(err)).finally(route);
startLive(document.getElementById("live"));
