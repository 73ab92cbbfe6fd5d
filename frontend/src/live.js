// Live updates: the dashboard polls /api/changes (one cheap request that every open dashboard shares) and, when
// the store's version changed, lets the open view fetch what is new. The header shows how fresh the page is
// ("updated 4 s ago") and how many events, merged events, stories and alerts arrived since they were last seen.
import { get } from "./api.js";
import { clear, h } from "./dom.js";

export const POLL_MS = 3000;
// [count key of /api/changes, singular, plural]: what counts as a new item in the header.
const NEW_KINDS = [["events", "event", "events"], ["merged_events", "merged event", "merged events"],
  ["stories", "story", "stories"], ["alerts", "alert", "alerts"]];

const state = { seen: null, last: null, checkedAt: null, failedAt: null };
let listener = null;

// The open view's handler of a change (called with the /api/changes answer); the router drops it on navigation.
export function onChange(fn) { listener = fn; }
export function dropListener() { listener = null; }
export function hasListener() { return listener !== null; }

// New items per kind since the user last marked them seen (a table rebuilt smaller counts nothing new).
export function newItems() {
  if (!state.seen || !state.last) return [];
  return NEW_KINDS.map(([key, one, many]) => {
    const n = Math.max(0, (state.last.counts[key] || 0) - (state.seen[key] || 0));
    return { key, n, label: `${n} ${n === 1 ? one : many}` };
  }).filter((k) => k.n > 0);
}

async function poll(el) {
  try {
    const answer = await get("changes");
    const changed = state.last !== null && answer.version !== state.last.version;
    state.seen = state.seen || answer.counts;
    state.last = answer;
    state.checkedAt = Date.now();
    state.failedAt = null;
    if (changed && listener) await listener(answer);
  } catch (err) {
    state.failedAt = state.failedAt || Date.now();
    console.warn("live updates:", err);
  }
  render(el);
}

function ago(ms) {
  const s = Math.max(0, Math.round(ms / 1000));
  return s < 90 ? `${s} s` : s < 5400 ? `${Math.round(s / 60)} min` : `${Math.round(s / 3600)} h`;
}

function render(el) {
  clear(el);
  if (state.checkedAt === null && state.failedAt === null) return;
  const now = Date.now();
  const fresh = state.failedAt
    ? h("span", { class: "stale", title: "the server did not answer; retrying" },
      state.checkedAt ? `not updated for ${ago(now - state.checkedAt)}` : "server unreachable")
    : h("span", { class: "updated", "data-checked": state.checkedAt,
      title: state.last.latest_ingested_at ? `newest article stored ${state.last.latest_ingested_at} UTC` : "" },
    `updated ${ago(now - state.checkedAt)} ago`);
  const items = newItems();
  const total = items.reduce((sum, k) => sum + k.n, 0);
  el.append(fresh);
  if (total > 0) {
    el.append(" ", h("button", { type: "button", class: "new-items", "data-new": total,
      title: `${items.map((k) => k.label).join(", ")} since you last looked; click to mark them seen`,
      on: { click: () => { state.seen = state.last.counts; render(el); } } }, `${total} new`));
  }
}

export function startLive(el) {
  poll(el);
  setInterval(() => poll(el), POLL_MS);
  setInterval(() => render(el), 1000);
}
