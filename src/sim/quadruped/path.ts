/** Planar geometry for the quadruped's own short paths: getting behind an object without bumping it. */

export type XY = [number, number];

/** An axis-aligned rectangle in the ground plane. */
export interface Rect {
  min: XY;
  max: XY;
}

export function inflate(r: Rect, by: number): Rect {
  return { min: [r.min[0] - by, r.min[1] - by], max: [r.max[0] + by, r.max[1] + by] };
}

export function inside(p: XY, r: Rect): boolean {
  return p[0] > r.min[0] && p[0] < r.max[0] && p[1] > r.min[1] && p[1] < r.max[1];
}

/** Whether the segment a→b passes through the open rectangle (Liang–Barsky clipping). */
export function segmentHitsRect(a: XY, b: XY, r: Rect): boolean {
  let t0 = 0;
  let t1 = 1;
  const d: XY = [b[0] - a[0], b[1] - a[1]];
  for (let i = 0; i < 2; i++) {
    const di = d[i]!;
    const lo = r.min[i]! - a[i]!;
    const hi = r.max[i]! - a[i]!;
    if (Math.abs(di) < 1e-12) {
      if (lo >= 0 || hi <= 0) return false;
      continue;
    }
    let ta = lo / di;
    let tb = hi / di;
    if (ta > tb) [ta, tb] = [tb, ta];
    t0 = Math.max(t0, ta);
    t1 = Math.min(t1, tb);
    if (t0 >= t1) return false;
  }
  return true;
}

const dist = (a: XY, b: XY): number => Math.hypot(b[0] - a[0], b[1] - a[1]);

function length(path: XY[]): number {
  let s = 0;
  for (let i = 1; i < path.length; i++) s += dist(path[i - 1]!, path[i]!);
  return s;
}

/**
 * Waypoints from `from` to `to` that keep the robot's centre out of `keepOut` (an object's
 * footprint grown by the robot's half width and a margin), going round its corners on the
 * rectangle grown by `round`. A start inside `keepOut` first backs straight out through the
 * nearest side. The result ends with `to` and does not include `from`.
 */
export function detour(from: XY, to: XY, keepOut: Rect, round: number): XY[] {
  const out: XY[] = [];
  let start = from;
  if (inside(start, keepOut)) {
    const exits: XY[] = [
      [keepOut.min[0] - round, start[1]],
      [keepOut.max[0] + round, start[1]],
      [start[0], keepOut.min[1] - round],
      [start[0], keepOut.max[1] + round],
    ];
    start = exits.reduce((best, e) => (dist(start, e) < dist(start, best) ? e : best));
    out.push(start);
  }
  if (!segmentHitsRect(start, to, keepOut)) return [...out, to];
  const g = inflate(keepOut, round);
  const corners: XY[] = [
    [g.min[0], g.min[1]],
    [g.max[0], g.min[1]],
    [g.max[0], g.max[1]],
    [g.min[0], g.max[1]],
  ];
  const clear = (path: XY[]): boolean => path.every((p, i) => i === 0 || !segmentHitsRect(path[i - 1]!, p, keepOut));
  const options: XY[][] = [];
  for (let i = 0; i < 4; i++) {
    options.push([start, corners[i]!, to]);
    options.push([start, corners[i]!, corners[(i + 1) % 4]!, to]);
    options.push([start, corners[(i + 1) % 4]!, corners[i]!, to]);
  }
  const best = options.filter(clear).sort((a, b) => length(a) - length(b))[0];
  return [...out, ...(best ?? [start, to]).slice(1)];
}
