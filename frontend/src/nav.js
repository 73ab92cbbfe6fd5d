// Navigation between views (hash routes with query parameters).

export function navigate(path, params = {}) {
  const sp = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    if (v === undefined || v === null || v === "") continue;
    if (Array.isArray(v)) v.forEach((x) => sp.append(k, x));
    else sp.append(k, v);
  }
  const q = sp.toString();
  location.hash = `#${path}${q ? `?${q}` : ""}`;
}

export function link(path, params = {}) {
  const sp = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== "") sp.append(k, v);
  const q = sp.toString();
  return `#${path}${q ? `?${q}` : ""}`;
}
