import type { ObjectPart, Scene, ShapeKind, Vec3 } from '../scene/schema.ts';
import type { ObservedObject, ObservedRobot, SceneObservation } from './observation.ts';
import { depthToCloud, type CloudPoint, type DepthImage } from './cloud.ts';

/**
 * What may be in the scene: the objects the user named, with the sizes, shapes and rough poses
 * they gave. Sizes and shapes are the object's model; the pose is only a prior for naming what
 * the cameras see. Nothing here is read from the simulator.
 */
export interface CatalogueEntry {
  name: string;
  shape: ShapeKind;
  size: Vec3;
  position: Vec3;
  yawDeg: number;
  parts: ObjectPart[];
  graspablePoint?: Vec3;
  movable: boolean;
  magnetic: boolean;
  soft: boolean;
  fragile: boolean;
  button: boolean;
}

/** A scene file's object list as a catalogue. */
export function catalogueOf(scene: Scene): CatalogueEntry[] {
  return scene.objects.map((o) => ({
    name: o.name,
    shape: o.shape,
    size: o.size,
    position: o.position,
    yawDeg: o.yawDeg,
    parts: o.parts ?? [],
    ...(o.graspablePoint ? { graspablePoint: o.graspablePoint } : {}),
    movable: o.movable,
    magnetic: o.magnetic,
    soft: o.soft,
    fragile: o.fragile !== undefined,
    button: o.button !== undefined,
  }));
}

/** Where an object was last estimated (tracking): the prior for naming it next time. */
export interface Prior {
  center: Vec3;
  yawDeg: number;
}

/** An object the robot holds, posed by its kinematics; its points are the robot's load, not the scene. */
export interface HeldObject {
  name: string;
  center: Vec3;
  size: Vec3;
  yawDeg: number;
}

export interface PerceiveInput {
  images: readonly DepthImage[];
  catalogue: readonly CatalogueEntry[];
  /** The robot's own state (proprioception). */
  robot: ObservedRobot;
  /** Last estimates by name; absent names use the catalogue's pose. */
  priors?: ReadonlyMap<string, Prior>;
  held?: readonly HeldObject[];
}

export interface PerceptionResult {
  observation: SceneObservation;
  /** Catalogue objects no cluster was matched to (reported at their prior pose, with a warning). */
  missed: string[];
  /** Clusters that matched nothing in the catalogue (`unknown_N`). */
  unknown: string[];
  warnings: string[];
  /** Height of the estimated support plane (m). */
  groundZ: number;
  /** Wall-clock milliseconds of the pipeline (not the rendering). */
  ms: number;
}

/** A cost above this leaves a cluster unnamed and the catalogue object missed. */
const MATCH_GATE = 1.6;

interface Rect {
  cx: number;
  cy: number;
  /** Extent along the angle `theta`, and across it. */
  len: number;
  wid: number;
  theta: number;
}

interface Region {
  up: CloudPoint[];
  side: CloudPoint[];
  top: number;
  rect: Rect;
  bottom: number;
  supportTop: number;
  spacing: number;
}

interface Segment {
  regions: number[];
  rect: Rect;
  top: number;
  bottom: number;
  round: boolean;
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length === 0 ? NaN : s[Math.floor(s.length / 2)]!;
};

/** Convex hull of points in the plane (Andrew's monotone chain). */
function convexHull(pts: readonly { x: number; y: number }[]): { x: number; y: number }[] {
  if (pts.length <= 3) return [...pts];
  const s = [...pts].sort((a, b) => a.x - b.x || a.y - b.y);
  const cross = (o: { x: number; y: number }, a: { x: number; y: number }, b: { x: number; y: number }): number => (a.x - o.x) * (b.y - o.y) - (a.y - o.y) * (b.x - o.x);
  const lower: { x: number; y: number }[] = [];
  for (const p of s) {
    while (lower.length >= 2 && cross(lower[lower.length - 2]!, lower[lower.length - 1]!, p) <= 0) lower.pop();
    lower.push(p);
  }
  const upper: { x: number; y: number }[] = [];
  for (let i = s.length - 1; i >= 0; i--) {
    const p = s[i]!;
    while (upper.length >= 2 && cross(upper[upper.length - 2]!, upper[upper.length - 1]!, p) <= 0) upper.pop();
    upper.push(p);
  }
  return [...lower.slice(0, -1), ...upper.slice(0, -1)];
}

/** The rectangle at angle `t` (rad) around the points, padded by `pad`, and its area. */
function rectAt(pts: readonly { x: number; y: number }[], t: number, pad: number): { rect: Rect; area: number } {
  const c = Math.cos(t);
  const s = Math.sin(t);
  let a0 = Infinity, a1 = -Infinity, b0 = Infinity, b1 = -Infinity;
  for (const p of pts) {
    const a = p.x * c + p.y * s;
    const b = -p.x * s + p.y * c;
    if (a < a0) a0 = a;
    if (a > a1) a1 = a;
    if (b < b0) b0 = b;
    if (b > b1) b1 = b;
  }
  const am = (a0 + a1) / 2;
  const bm = (b0 + b1) / 2;
  const rect = { cx: am * c - bm * s, cy: am * s + bm * c, len: a1 - a0 + pad, wid: b1 - b0 + pad, theta: t };
  return { rect, area: rect.len * rect.wid };
}

/**
 * The smallest rectangle (yaw only) around the points, searched in 1 degree steps, padded by
 * `pad`. An angle in `prefer` (the catalogue's yaws) wins when its rectangle is at most 8%
 * larger: a few noisy edge points should not turn a box the user placed square.
 */
function fitRect(all: readonly { x: number; y: number }[], pad: number, prefer: readonly number[] = []): Rect {
  // A rectangle around the points is a rectangle around their convex hull: far fewer points.
  const pts = convexHull(all);
  let best = rectAt(pts, 0, pad);
  for (let deg = 1; deg < 90; deg++) {
    const r = rectAt(pts, (deg * Math.PI) / 180, pad);
    if (r.area < best.area - 1e-12) best = r;
  }
  let chosen = best;
  for (const t of prefer) {
    const r = rectAt(pts, t, pad);
    if (r.area <= 1.08 * best.area && (chosen === best || r.area < chosen.area)) chosen = r;
  }
  return chosen.rect;
}

function inRect(r: Rect, x: number, y: number, margin: number): boolean {
  const c = Math.cos(r.theta);
  const s = Math.sin(r.theta);
  const dx = x - r.cx;
  const dy = y - r.cy;
  return Math.abs(dx * c + dy * s) <= r.len / 2 + margin && Math.abs(-dx * s + dy * c) <= r.wid / 2 + margin;
}

/**
 * Edges are sampled only every pixel: the outermost sample lies on average half a sample inside
 * the edge. On a flat top that is half the pixel footprint across the line of sight and half of
 * it divided by the sine of the elevation along it; the rectangle grows by that much.
 */
function padRect(r: Rect, up: readonly CloudPoint[]): Rect {
  if (up.length === 0) return r;
  const spacing = median(up.map((p) => p.spacing));
  const elevation = median(up.map((p) => p.elevation));
  const from = up[0]!.from;
  const view = Math.atan2(r.cy - from[1], r.cx - from[0]);
  const along = (0.5 * spacing) / Math.max(elevation, 0.25);
  const across = 0.5 * spacing;
  const c = Math.abs(Math.cos(view - r.theta));
  const s = Math.abs(Math.sin(view - r.theta));
  return { ...r, len: r.len + c * along + s * across, wid: r.wid + s * along + c * across };
}

/**
 * Moves each edge of a top's rectangle out to the wall below it where the cameras saw that wall:
 * to the median of the wall's points across the edge (depth noise scatters them both ways along
 * the ray, so the median, not the extreme, is where the wall is). Edges without a seen wall keep
 * the padded top's edge.
 */
function withWalls(padded: Rect, top: Rect, side: readonly CloudPoint[]): Rect {
  const c = Math.cos(top.theta);
  const s = Math.sin(top.theta);
  const a = side.map((p) => (p.x - top.cx) * c + (p.y - top.cy) * s);
  const b = side.map((p) => -(p.x - top.cx) * s + (p.y - top.cy) * c);
  // Start from the padded rectangle's edges, in the top's frame.
  const pc = (padded.cx - top.cx) * c + (padded.cy - top.cy) * s;
  const pd = -(padded.cx - top.cx) * s + (padded.cy - top.cy) * c;
  let a0 = pc - padded.len / 2, a1 = pc + padded.len / 2, b0 = pd - padded.wid / 2, b1 = pd + padded.wid / 2;
  const wall = (coord: number[], other: number[], edge: number, sign: number, half: number): number | null => {
    const pts = coord.filter((v, i) => sign * (v - edge) > -0.01 && Math.abs(other[i]!) <= half);
    return pts.length >= 5 ? median(pts) : null;
  };
  const e1 = wall(a, b, top.len / 2, 1, top.wid / 2);
  const e0 = wall(a, b, -top.len / 2, -1, top.wid / 2);
  const f1 = wall(b, a, top.wid / 2, 1, top.len / 2);
  const f0 = wall(b, a, -top.wid / 2, -1, top.len / 2);
  if (e1 !== null) a1 = Math.max(top.len / 2, e1);
  if (e0 !== null) a0 = Math.min(-top.len / 2, e0);
  if (f1 !== null) b1 = Math.max(top.wid / 2, f1);
  if (f0 !== null) b0 = Math.min(-top.wid / 2, f0);
  const am = (a0 + a1) / 2;
  const bm = (b0 + b1) / 2;
  return { cx: top.cx + am * c - bm * s, cy: top.cy + am * s + bm * c, len: a1 - a0, wid: b1 - b0, theta: top.theta };
}

/** How far a point lies outside a rectangle (0 inside). */
function rectDistance(r: Rect, x: number, y: number): number {
  const c = Math.cos(r.theta);
  const s = Math.sin(r.theta);
  const a = Math.abs((x - r.cx) * c + (y - r.cy) * s) - r.len / 2;
  const b = Math.abs(-(x - r.cx) * s + (y - r.cy) * c) - r.wid / 2;
  return Math.hypot(Math.max(0, a), Math.max(0, b));
}

function rectCorners(r: Rect): [number, number][] {
  const c = Math.cos(r.theta);
  const s = Math.sin(r.theta);
  return [
    [1, 1],
    [1, -1],
    [-1, 1],
    [-1, -1],
  ].map(([i, j]) => [r.cx + (i! * r.len * c) / 2 - (j! * r.wid * s) / 2, r.cy + (i! * r.len * s) / 2 + (j! * r.wid * c) / 2]);
}

/** Gap between two rectangles' world-aligned boxes (0 when they overlap). */
function rectGap(a: Rect, b: Rect): number {
  const box = (r: Rect): [number, number, number, number] => {
    const cs = rectCorners(r);
    return [Math.min(...cs.map((p) => p[0])), Math.max(...cs.map((p) => p[0])), Math.min(...cs.map((p) => p[1])), Math.max(...cs.map((p) => p[1]))];
  };
  const [ax0, ax1, ay0, ay1] = box(a);
  const [bx0, bx1, by0, by1] = box(b);
  return Math.hypot(Math.max(0, bx0 - ax1, ax0 - bx1), Math.max(0, by0 - ay1, ay0 - by1));
}

/** Union-find clustering of points: linked when close in the plane and at nearly the same height. */
function clusterUp(points: CloudPoint[]): CloudPoint[][] {
  const n = points.length;
  const link = new Float64Array(n);
  const tol = new Float64Array(n);
  points.forEach((p, k) => {
    link[k] = Math.max(0.008, (2.5 * p.spacing) / Math.max(p.elevation, 0.25));
    tol[k] = Math.max(0.003, 4 * p.sigma);
  });
  let cell = 0.02;
  for (let k = 0; k < n; k++) if (link[k]! > cell) cell = link[k]!;
  const grid = new Map<number, number[]>();
  const key = (i: number, j: number): number => i * 1_000_003 + j;
  const ci = new Int32Array(n);
  const cj = new Int32Array(n);
  points.forEach((p, k) => {
    ci[k] = Math.floor(p.x / cell);
    cj[k] = Math.floor(p.y / cell);
    const kk = key(ci[k]!, cj[k]!);
    const list = grid.get(kk);
    if (list) list.push(k);
    else grid.set(kk, [k]);
  });
  const parent = new Int32Array(n);
  for (let k = 0; k < n; k++) parent[k] = k;
  const find = (i: number): number => {
    while (parent[i] !== i) {
      parent[i] = parent[parent[i]!]!;
      i = parent[i]!;
    }
    return i;
  };
  for (let k = 0; k < n; k++) {
    const p = points[k]!;
    for (let di = -1; di <= 1; di++) {
      for (let dj = -1; dj <= 1; dj++) {
        const list = grid.get(key(ci[k]! + di, cj[k]! + dj));
        if (!list) continue;
        for (const m of list) {
          if (m <= k) continue;
          const q = points[m]!;
          if (Math.abs(p.z - q.z) > Math.max(tol[k]!, tol[m]!)) continue;
          const r = Math.max(link[k]!, link[m]!);
          const dx = p.x - q.x;
          const dy = p.y - q.y;
          if (dx * dx + dy * dy > r * r) continue;
          const a = find(k);
          const b = find(m);
          if (a !== b) parent[a] = b;
        }
      }
    }
  }
  const groups = new Map<number, CloudPoint[]>();
  points.forEach((p, k) => {
    const r = find(k);
    const g = groups.get(r);
    if (g) g.push(p);
    else groups.set(r, [p]);
  });
  return [...groups.values()];
}

/** The support plane: the lowest height holding at least 5% of the upward-facing points, near z 0. */
function estimateGround(up: CloudPoint[], warnings: string[]): number {
  const bins = new Map<number, number>();
  for (const p of up) {
    const b = Math.round(p.z / 0.005);
    bins.set(b, (bins.get(b) ?? 0) + 1);
  }
  // The fullest height bin (with its neighbours: noise spreads a plane over several) within 5 cm of z 0.
  let best: [number, number] | undefined;
  for (const [b, n] of bins) {
    if (Math.abs(b * 0.005) > 0.05) continue;
    const around = n + (bins.get(b - 1) ?? 0) + (bins.get(b + 1) ?? 0);
    if (!best || around > best[1]) best = [b, around];
  }
  if (best && best[1] >= 0.05 * up.length) {
    const z0 = best[0] * 0.005;
    return median(up.filter((p) => Math.abs(p.z - z0) < 0.01).map((p) => p.z));
  }
  warnings.push('no support plane found near z 0: assuming the floor at z 0');
  return 0;
}

const yawDiff = (a: number, b: number): number => Math.abs(((((a - b) % 360) + 540) % 360) - 180);

/**
 * Depth images to a SceneObservation: back-projection, support-plane removal, clustering of
 * upward-facing surfaces, a yaw-only box and a shape guess per cluster, naming by association
 * with the catalogue, unknown clusters as `unknown_N`, and catalogue objects no camera saw
 * reported at their prior pose with a warning.
 */
export function perceive(input: PerceiveInput): PerceptionResult {
  const t0 = performance.now();
  const warnings: string[] = [];
  const held = input.held ?? [];
  const isHeldPoint = (p: CloudPoint): boolean =>
    held.some((h) => [0, 1, 2].every((i) => Math.abs([p.x, p.y, p.z][i]! - h.center[i]!) <= h.size[i]! / 2 + 0.004));
  const cloud = depthToCloud(input.images).filter((p) => !isHeldPoint(p));
  const prefer = [...new Set([...input.catalogue.map((e) => e.yawDeg), ...[...(input.priors?.values() ?? [])].map((p) => p.yawDeg)].map((d) => (((d % 90) + 90) % 90)))].map((d) => (d * Math.PI) / 180);
  const upAll = cloud.filter((p) => p.up);
  const groundZ = estimateGround(upAll, warnings);
  const above = (p: CloudPoint): boolean => p.z > groundZ + Math.max(0.002, 3 * p.sigma);
  const regions: Region[] = clusterUp(upAll.filter(above))
    .filter((g) => g.length >= 4)
    .map((up) => {
      const spacing = median(up.map((p) => p.spacing));
      return { up, side: [], top: median(up.map((p) => p.z)), rect: fitRect(up, 0, prefer), bottom: groundZ, supportTop: groundZ, spacing };
    });
  // Depth noise moves a point along its ray: slide each point of a flat top back along its ray
  // onto the top's height, which leaves the top's outline sharp instead of frayed by noise.
  for (const r of regions) {
    // Points well off the top's height (a wall's foot read as flat at a concave corner) are dropped.
    const near = r.up.filter((p) => Math.abs(p.z - r.top) <= Math.max(0.003, 2 * p.sigma));
    if (near.length >= 4) r.up = near;
    r.up = r.up.map((p) => {
      const dz = p.z - p.from[2];
      if (Math.abs(dz) < 1e-6) return p;
      const t = (r.top - p.from[2]) / dz;
      return { ...p, x: p.from[0] + t * (p.x - p.from[0]), y: p.from[1] + t * (p.y - p.from[1]), z: r.top };
    });
    r.rect = fitRect(r.up, 0, prefer);
  }
  // Side points (walls of objects) widen the footprint of the surface they hang from.
  // Walls beyond ~4 m are left out: there depth noise (along the ray) smears a wall over centimetres.
  for (const p of cloud) {
    if (p.up || !above(p) || p.sigma > 0.008) continue;
    let best: Region | undefined;
    let bestGap = Infinity;
    for (const r of regions) {
      if (r.top < p.z - Math.max(0.01, 3 * p.sigma)) continue;
      const margin = Math.max(0.01, 2 * r.spacing);
      if (!inRect(r.rect, p.x, p.y, margin)) continue;
      const gap = rectDistance(r.rect, p.x, p.y);
      if (gap < bestGap - 1e-4 || (gap < bestGap + 1e-4 && best && r.top < best.top)) {
        best = r;
        bestGap = gap;
      }
    }
    best?.side.push(p);
  }
  for (const r of regions) r.rect = withWalls(padRect(r.rect, r.up), r.rect, r.side);
  // What each surface rests on: the highest lower surface under its centre, else the support plane.
  for (const r of regions) {
    let support = groundZ;
    for (const b of regions) {
      if (b === r || b.top >= r.top - 0.005) continue;
      if (b.top > support && inRect(b.rect, r.rect.cx, r.rect.cy, 0.01)) support = b.top;
    }
    r.supportTop = support;
    r.bottom = support;
  }
  const segmentOf = (ids: number[]): Segment => {
    const rs = ids.map((i) => regions[i]!);
    const pts = rs.flatMap((r) => [...r.up, ...r.side]);
    const rect = ids.length === 1 ? rs[0]!.rect : padRect(fitRect(pts, 0, prefer), rs.flatMap((r) => r.up));
    const up = rs.flatMap((r) => r.up);
    const tight = fitRect(up, 0);
    // Round or square: a rectangle's corners hold about 21% of its area, a disc's none.
    const c = Math.cos(tight.theta);
    const s = Math.sin(tight.theta);
    const corner = up.filter((p) => {
      const a = ((p.x - tight.cx) * c + (p.y - tight.cy) * s) / (tight.len / 2);
      const b = (-(p.x - tight.cx) * s + (p.y - tight.cy) * c) / (tight.wid / 2);
      return a * a + b * b > 1.1;
    }).length;
    return {
      regions: ids,
      rect,
      top: Math.max(...rs.map((r) => r.top)),
      bottom: Math.min(...rs.map((r) => r.bottom)),
      round: up.length >= 12 && corner / up.length < 0.04,
    };
  };
  const segments: Segment[] = regions.map((_, i) => segmentOf([i]));
  const compound = input.catalogue.some((e) => e.parts.length > 1);
  if (compound) {
    for (let i = 0; i < regions.length; i++) {
      for (let j = i + 1; j < regions.length; j++) {
        if (rectGap(regions[i]!.rect, regions[j]!.rect) < 0.015) segments.push(segmentOf([i, j]));
      }
    }
  }
  // Association: every (catalogue object, segment) pair gets a cost from sizes and distance to the prior.
  const priorOf = (e: CatalogueEntry): Prior => input.priors?.get(e.name) ?? { center: e.position, yawDeg: e.yawDeg };
  const heldNames = new Set(held.map((h) => h.name));
  const pairs: { e: CatalogueEntry; s: Segment; cost: number }[] = [];
  for (const e of input.catalogue) {
    if (heldNames.has(e.name)) continue;
    const [le, we] = e.size[0] >= e.size[1] ? [e.size[0], e.size[1]] : [e.size[1], e.size[0]];
    const he = e.size[2];
    const prior = priorOf(e).center;
    for (const s of segments) {
      if (s.regions.length > 1 && e.parts.length < 2) continue;
      const [l, w] = s.rect.len >= s.rect.wid ? [s.rect.len, s.rect.wid] : [s.rect.wid, s.rect.len];
      const h = s.top - s.bottom;
      const dist = Math.hypot(s.rect.cx - prior[0], s.rect.cy - prior[1]);
      const cost = Math.abs(l - le) / Math.max(le, 0.03) + Math.abs(w - we) / Math.max(we, 0.03) + Math.abs(h - he) / Math.max(he, 0.03) + dist / 0.3;
      if (cost < MATCH_GATE) pairs.push({ e, s, cost });
    }
  }
  pairs.sort((a, b) => a.cost - b.cost);
  const used = new Set<number>();
  const matched = new Map<string, Segment>();
  for (const { e, s } of pairs) {
    if (matched.has(e.name) || s.regions.some((r) => used.has(r))) continue;
    matched.set(e.name, s);
    for (const r of s.regions) used.add(r);
  }
  // A surface an occluder split in two: a leftover piece at the same height right beside a named
  // object joins it when the object stays within its catalogue size.
  for (const [name, s] of matched) {
    const e = input.catalogue.find((x) => x.name === name)!;
    const maxL = Math.max(e.size[0], e.size[1]) + 0.02;
    for (let i = 0; i < regions.length; i++) {
      if (used.has(i)) continue;
      const r = regions[i]!;
      if (Math.abs(r.top - s.top) > Math.max(0.004, 3 * median(r.up.map((p) => p.sigma)))) continue;
      if (rectGap(r.rect, s.rect) > 0.015) continue;
      const merged = segmentOf([...s.regions, i]);
      if (Math.max(merged.rect.len, merged.rect.wid) > maxL) continue;
      matched.set(name, { ...merged, round: s.round });
      used.add(i);
    }
  }
  const objects: ObservedObject[] = [];
  const missed: string[] = [];
  for (const e of input.catalogue) {
    const h = held.find((x) => x.name === e.name);
    const s = matched.get(e.name);
    if (h) objects.push(observed(e, h.center, h.yawDeg));
    else if (s) {
      const yaw = chooseYaw(e, s.rect, priorOf(e).yawDeg);
      const obj = observed(e, [s.rect.cx, s.rect.cy, (s.top + s.bottom) / 2], yaw.deg, [yaw.dx, yaw.dy, s.top - s.bottom]);
      objects.push(obj);
      if (s.round !== (e.shape !== 'box') && e.parts.length === 0) {
        warnings.push(`${e.name} looks ${s.round ? 'round' : 'box-shaped'} but the catalogue says ${e.shape}`);
      }
    } else {
      missed.push(e.name);
      const p = priorOf(e);
      const from = input.priors?.has(e.name) ? 'where it was last seen' : "at the scene file's pose";
      warnings.push(`${e.name} not seen by any camera: reported ${from}`);
      objects.push(observed(e, p.center, p.yawDeg));
    }
  }
  const unknown: string[] = [];
  // Slivers (under 1 cm across, or a handful of points) are noise at edges, not objects.
  const leftover = segments.filter(
    (s) => s.regions.length === 1 && !used.has(s.regions[0]!) && Math.min(s.rect.len, s.rect.wid) >= 0.01 && regions[s.regions[0]!]!.up.length >= 8,
  );
  leftover.sort((a, b) => a.rect.cx - b.rect.cx || a.rect.cy - b.rect.cy);
  for (const s of leftover) {
    const name = `unknown_${unknown.length + 1}`;
    unknown.push(name);
    const c = Math.abs(Math.cos(s.rect.theta));
    const sn = Math.abs(Math.sin(s.rect.theta));
    objects.push({
      name,
      center: r3([s.rect.cx, s.rect.cy, (s.top + s.bottom) / 2]),
      size: r3([c * s.rect.len + sn * s.rect.wid, sn * s.rect.len + c * s.rect.wid, s.top - s.bottom]),
      yawDeg: round((s.rect.theta * 180) / Math.PI),
      graspablePoint: null,
      movable: false,
      magnetic: false,
      soft: false,
      fragile: false,
      button: false,
      parts: [],
      onTopOf: [],
      inContactWith: [],
    });
  }
  relate(objects, groundZ);
  return {
    observation: { source: 'depth-camera', robot: input.robot, objects },
    missed,
    unknown,
    warnings,
    groundZ,
    ms: performance.now() - t0,
  };
}

const round = (v: number): number => Math.round(v * 1e4) / 1e4;
const r3 = (v: readonly number[]): Vec3 => [round(v[0]!), round(v[1]!), round(v[2]!)];

/** The yaw (deg) that lines the catalogue's x and y sizes up with the rectangle, nearest the prior on ties. */
function chooseYaw(e: CatalogueEntry, r: Rect, priorDeg: number): { deg: number; dx: number; dy: number } {
  const base = (r.theta * 180) / Math.PI;
  let best = { deg: priorDeg, dx: e.size[0], dy: e.size[1], score: Infinity };
  for (let k = -2; k <= 2; k++) {
    const deg = base + k * 90;
    const [dx, dy] = k % 2 === 0 ? [r.len, r.wid] : [r.wid, r.len];
    const score = Math.abs(dx - e.size[0]) + Math.abs(dy - e.size[1]) + 0.001 * yawDiff(deg, priorDeg);
    if (score < best.score) best = { deg, dx, dy, score };
  }
  const deg = ((((best.deg + 180) % 360) + 360) % 360) - 180;
  return { deg, dx: best.dx, dy: best.dy };
}

const rotZ = (deg: number, v: readonly number[]): Vec3 => {
  const t = (deg * Math.PI) / 180;
  return [Math.cos(t) * v[0]! - Math.sin(t) * v[1]!, Math.sin(t) * v[0]! + Math.cos(t) * v[1]!, v[2]!];
};
const aabbOf = (deg: number, size: readonly number[]): Vec3 => {
  const t = (deg * Math.PI) / 180;
  const c = Math.abs(Math.cos(t));
  const s = Math.abs(Math.sin(t));
  return [c * size[0]! + s * size[1]!, s * size[0]! + c * size[1]!, size[2]!];
};

/**
 * A catalogue object at an estimated pose: its graspable point and parts (the object's model)
 * re-posed from the catalogue's pose to the estimate; `objSize` is the measured box in the
 * object's frame (the catalogue's when the object was not measured).
 */
function observed(e: CatalogueEntry, center: Vec3, yawDeg: number, objSize: Vec3 = e.size): ObservedObject {
  const repose = (world: Vec3): Vec3 => {
    const local = rotZ(-e.yawDeg, [world[0] - e.position[0], world[1] - e.position[1], world[2] - e.position[2]]);
    const w = rotZ(yawDeg, local);
    return r3([w[0] + center[0], w[1] + center[1], w[2] + center[2]]);
  };
  return {
    name: e.name,
    center: r3(center),
    size: r3(aabbOf(yawDeg, objSize)),
    yawDeg: round(yawDeg),
    graspablePoint: e.graspablePoint ? repose(e.graspablePoint) : null,
    movable: e.movable,
    magnetic: e.magnetic,
    soft: e.soft,
    fragile: e.fragile,
    button: e.button,
    parts: e.parts.map((p) => {
      const c = rotZ(yawDeg - e.yawDeg, rotZ(e.yawDeg, p.offset));
      return { name: p.name, center: r3([c[0] + center[0], c[1] + center[1], c[2] + center[2]]), size: r3(aabbOf(yawDeg, p.size)) };
    }),
    onTopOf: [],
    inContactWith: [],
  };
}

/** `onTopOf` and `inContactWith` from the estimated boxes, with tolerances for estimation error. */
function relate(objects: ObservedObject[], groundZ: number): void {
  const box = (o: ObservedObject): { min: Vec3; max: Vec3 } => ({
    min: [0, 1, 2].map((i) => o.center[i]! - o.size[i]! / 2) as Vec3,
    max: [0, 1, 2].map((i) => o.center[i]! + o.size[i]! / 2) as Vec3,
  });
  const overlap = (a0: number, a1: number, b0: number, b1: number, tol: number): boolean => a0 <= b1 + tol && b0 <= a1 + tol;
  for (const o of objects) {
    const a = box(o);
    if (a.min[2] < groundZ + 0.015) o.onTopOf.push('ground');
    for (const other of objects) {
      if (other === o) continue;
      const b = box(other);
      const rests = Math.abs(a.min[2] - b.max[2]) < 0.015 && overlap(a.min[0], a.max[0], b.min[0], b.max[0], -0.005) && overlap(a.min[1], a.max[1], b.min[1], b.max[1], -0.005);
      if (rests) o.onTopOf.push(other.name);
      else if ([0, 1, 2].every((i) => overlap(a.min[i]!, a.max[i]!, b.min[i]!, b.max[i]!, 0.01))) o.inContactWith.push(other.name);
    }
  }
}

