// The dashboard's only network access: the JSON API of the server that served it.

export class ApiError extends Error {
  constructor(status, code, message) {
    super(message);
    this.status = status;
    this.code = code;
  }
}

export function qs(params) {
  const sp = new URLSearchParams();
  for (const [k, v] of Object.entries(params || {})) {
    if (v === undefined || v === null || v === "") continue;
    if (Array.isArray(v)) v.forEach((x) => sp.append(k, x));
    else sp.append(k, v);
  }
  const s = sp.toString();
  return s ? `?${s}` : "";
}

export async function get(path, params) {
  const res = await fetch(`/api/${path}${qs(params)}`, { headers: { Accept: "application/json" } });
  let body = null;
  try {
    body = await res.json();
  } catch (_) {
    throw new ApiError(res.status, "bad_response", `GET /api/${path}: not JSON (${res.status})`);
  }
  if (!res.ok) throw new ApiError(res.status, body.code || "error", body.message || res.statusText);
  return body;
}

// GET that answers null when the store has no such table yet (404 no_*).
export async function maybe(path, params) {
  try {
    return await get(path, params);
  } catch (err) {
    if (err instanceof ApiError && err.status === 404 && err.code.startsWith("no_")) return null;
    throw err;
  }
}

export function downloadHref(path, params, format) {
  return `/api/${path}${qs({ ...params, format, cursor: undefined, limit: undefined })}`;
}

// The vocabularies (modalities, quad classes) are defined once, on the server (wirescope.records), and reach the
// dashboard as enums of the API schema; loadVocabulary() reads them before the first view renders.
// The field descriptions come the same way (the table specs' column descriptions): describe("EventRow", "code").
export const VOCAB = { modality: [], quad_class: [] };
const SCHEMAS = {};

// CAMEO codes with their names and PLOVER classes (GET /api/codes): the labels shown next to every bare code.
export const CODES = {};

export async function loadVocabulary() {
  const [res, codes] = await Promise.all([
    fetch("/api/openapi.json", { headers: { Accept: "application/json" } }),
    get("codes").catch((err) => { console.error(err); return { codes: {} }; }),
  ]);
  Object.assign(CODES, codes.codes);
  Object.assign(SCHEMAS, (await res.json()).components.schemas);
  const props = SCHEMAS.EventRow.properties;
  const values = (p) => ((p.anyOf || [p]).find((s) => s.enum) || { enum: [] }).enum;
  VOCAB.modality = values(props.modality).map(String);
  VOCAB.quad_class = values(props.quad_class).map(String);
}

export function describe(model, field) {
  return ((SCHEMAS[model] || {}).properties || {})[field]?.description || "";
}
