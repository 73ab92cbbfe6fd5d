import { get } from "../api.js";
import { displayText, h, message } from "../dom.js";
import { link } from "../nav.js";

export async function searchView(box, params) {
  box.append(h("h1", {}, `Search: ${params.q || ""}`));
  const res = await get("search", { q: params.q, limit: 50 });
  if (!res.items.length) box.append(message("No article holds all these words."));
  box.append(h("ol", { class: "results" }, res.items.map((r) => h("li", {},
    h("a", { href: link(`/article/${r.id}`) }, displayText(r.title) || r.id), h("span", { class: "muted" }, ` ${r.published || ""}`),
    h("p", { class: "snippet" }, displayText(r.snippet))))));
}
