// A view's own style sheet, added once to <head> (the shared style.css belongs to the layout; these rules only
// concern the escalation and map views' controls and marks).
export function useStyle(id, css) {
  if (document.getElementById(id)) return;
  const el = document.createElement("style");
  el.id = id;
  el.textContent = css;
  document.head.append(el);
}
