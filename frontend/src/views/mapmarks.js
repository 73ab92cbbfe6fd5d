// The map's marks, apart from the drawing: place precision labels, the clustering of overlapping circles on screen
// and the visible box (for exporting what is shown).

export const PRECISION = { place: "place", admin: "admin area", country: "country only" };

// precision=place,admin in the address -> ["place", "admin"] (unknown values dropped).
export function precisionsOf(value) {
  return String(value || "").split(",").map((s) => s.trim()).filter((s) => s in PRECISION);
}

export function dominant(p) {
  let best = 0;
  let q = 0;
  for (const k of [1, 2, 3, 4]) if (p[`q${k}`] > best) { best = p[`q${k}`]; q = k; }
  return q;
}

// Greedy clustering in screen space: the busiest point starts a cluster, and every point whose circle centre falls
// within `radius` screen pixels of a cluster's centre joins it. A grid of radius-sized cells keeps it near-linear.
export function clusterPoints(points, transform, radius) {
  const { k, x: tx, y: ty } = transform;
  const grid = new Map();
  const clusters = [];
  const key = (i, j) => `${i},${j}`;
  for (const p of [...points].sort((a, b) => b.events - a.events)) {
    const sx = p.xy[0] * k + tx;
    const sy = p.xy[1] * k + ty;
    const ci = Math.floor(sx / radius);
    const cj = Math.floor(sy / radius);
    let found = null;
    for (let di = -1; di <= 1 && !found; di += 1) {
      for (let dj = -1; dj <= 1 && !found; dj += 1) {
        for (const c of grid.get(key(ci + di, cj + dj)) || []) {
          if (Math.hypot(c.sx - sx, c.sy - sy) <= radius) { found = c; break; }
        }
      }
    }
    if (found) {
      found.members.push(p);
      found.events += p.events;
      for (const q of [1, 2, 3, 4]) found[`q${q}`] += p[`q${q}`];
    } else {
      const c = { xy: p.xy, sx, sy, members: [p], events: p.events, q1: p.q1, q2: p.q2, q3: p.q3, q4: p.q4 };
      clusters.push(c);
      const cell = key(ci, cj);
      grid.set(cell, [...(grid.get(cell) || []), c]);
    }
  }
  return clusters;
}

// min_lon,min_lat,max_lon,max_lat of the visible part of the map, or null when the whole world is in view.
export function visibleBox(transform, projection, width, height) {
  if (transform.k < 1.5) return null;
  const inv = (sx, sy) => projection.invert([(sx - transform.x) / transform.k, (sy - transform.y) / transform.k]);
  const corners = [inv(0, 0), inv(width, 0), inv(0, height), inv(width, height)];
  if (corners.some((c) => !c || c.some((v) => !Number.isFinite(v)))) return null;
  const lons = corners.map((c) => c[0]);
  const lats = corners.map((c) => c[1]);
  const clamp = (v, lo, hi) => Math.max(lo, Math.min(hi, v));
  const box = [clamp(Math.min(...lons), -180, 180), clamp(Math.min(...lats), -90, 90),
    clamp(Math.max(...lons), -180, 180), clamp(Math.max(...lats), -90, 90)];
  return box.map((v) => v.toFixed(4)).join(",");
}
