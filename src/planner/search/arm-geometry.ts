import type { ObservedObject, SceneObservation } from '../../perception/observation.ts';

/**
 * Geometry the arm schemas reason with: world-aligned boxes (an object's parts, or the object
 * itself), a held tool as boxes relative to the gripper, sweeps and clearances. Everything is
 * computed from the observation; nothing here knows a task or an object by name.
 */

export type V3 = [number, number, number];

export interface Box {
  min: V3;
  max: V3;
}

/** Axis-aligned horizontal directions a tool can push or drag along. */
export type Axis = 0 | 1;
export interface Dir {
  axis: Axis;
  sign: 1 | -1;
}

export const DIRS: Dir[] = [
  { axis: 0, sign: -1 },
  { axis: 0, sign: 1 },
  { axis: 1, sign: -1 },
  { axis: 1, sign: 1 },
];

export const dirName = (d: Dir): string => `${d.sign > 0 ? '+' : '-'}${d.axis === 0 ? 'x' : 'y'}`;
export const dirVec = (d: Dir, len = 1): V3 => (d.axis === 0 ? [d.sign * len, 0, 0] : [0, d.sign * len, 0]);

/**
 * The space a down-pointing parallel gripper occupies around its tool centre point (m): the palm
 * and closed fingers. Fingertips are 15 mm below the centre point; the palm reaches 65 mm above it.
 */
export const GRIPPER_BOX: Box = { min: [-0.02, -0.055, -0.015], max: [0.02, 0.055, 0.065] };

export const boxOf = (center: readonly number[], size: readonly number[]): Box => ({
  min: [0, 1, 2].map((i) => center[i]! - size[i]! / 2) as V3,
  max: [0, 1, 2].map((i) => center[i]! + size[i]! / 2) as V3,
});

/** An object's solid boxes: its parts when it has any (a tool's handle and head), else its bounding box. */
export function boxesOf(o: ObservedObject): Box[] {
  return o.parts.length > 0 ? o.parts.map((p) => boxOf(p.center, p.size)) : [boxOf(o.center, o.size)];
}

export const shift = (b: Box, d: readonly number[]): Box => ({
  min: [b.min[0] + d[0]!, b.min[1] + d[1]!, b.min[2] + d[2]!],
  max: [b.max[0] + d[0]!, b.max[1] + d[1]!, b.max[2] + d[2]!],
});

export const grow = (b: Box, m: number, mz = m): Box => ({
  min: [b.min[0] - m, b.min[1] - m, b.min[2] - mz],
  max: [b.max[0] + m, b.max[1] + m, b.max[2] + mz],
});

/** The box swept by `b` moving by `d`. */
export const sweep = (b: Box, d: readonly number[]): Box => {
  const e = shift(b, d);
  return {
    min: [0, 1, 2].map((i) => Math.min(b.min[i]!, e.min[i]!)) as V3,
    max: [0, 1, 2].map((i) => Math.max(b.max[i]!, e.max[i]!)) as V3,
  };
};

export const overlaps3 = (a: Box, b: Box): boolean => [0, 1, 2].every((i) => a.min[i]! < b.max[i]! && b.min[i]! < a.max[i]!);
export const overlapsXY = (a: Box, b: Box): boolean => [0, 1].every((i) => a.min[i]! < b.max[i]! && b.min[i]! < a.max[i]!);

/** Horizontal separation of two boxes: the larger of the x and y gaps (negative when they overlap). */
export function separationXY(a: Box, b: Box): number {
  return Math.max(a.min[0] - b.max[0], b.min[0] - a.max[0], a.min[1] - b.max[1], b.min[1] - a.max[1]);
}

export const centreOf = (b: Box): V3 => [0, 1, 2].map((i) => (b.min[i]! + b.max[i]!) / 2) as V3;

export type Workspace = SceneObservation extends { robot: infer R } ? (R extends { kind: 'arm'; workspace: infer W } ? W : never) : never;

/** Whether a gripper position lies in the workspace's x–y range, `m` inside its edges. */
export function inWorkspaceXY(p: readonly number[], ws: Workspace, m = 0.005): boolean {
  return [0, 1].every((i) => p[i]! >= ws.min[i]! + m && p[i]! <= ws.max[i]! - m);
}

/** The move that brings point `p` at least `m` inside the workspace's x–y range (zero where it already is). */
export function intoWorkspace(p: readonly number[], ws: Workspace, m: number): V3 {
  const v: V3 = [0, 0, 0];
  for (const i of [0, 1] as const) {
    const lo = ws.min[i]! + m;
    const hi = ws.max[i]! - m;
    if (p[i]! < lo) v[i] = lo - p[i]!;
    else if (p[i]! > hi) v[i] = hi - p[i]!;
  }
  return v;
}

/** A held tool: its solid boxes relative to the gripper's centre point when grasped at its graspable point. */
export interface ToolShape {
  object: string;
  boxes: Box[];
  /** Height of the grasp above the tool's lowest point (m). */
  below: number;
  /** Where the gripper closes on it (world, m): its graspable point, or a point further along its handle. */
  grasp: V3;
}

export function toolShape(o: ObservedObject, at?: readonly number[]): ToolShape | null {
  const g = at ?? o.graspablePoint;
  if (!g) return null;
  const neg = g.map((v) => -v);
  const boxes = boxesOf(o).map((b) => shift(b, neg));
  return { object: o.name, boxes, below: -Math.min(...boxes.map((b) => b.min[2])), grasp: [g[0]!, g[1]!, g[2]!] };
}

/** The part of an object a point lies in (in 3-D first, else under or over it), or undefined. */
export function partAt(o: ObservedObject, p: readonly number[]): Box | undefined {
  const boxes = boxesOf(o);
  const inside = (b: Box, dims: number[]): boolean => dims.every((i) => p[i]! >= b.min[i]! - 1e-6 && p[i]! <= b.max[i]! + 1e-6);
  return boxes.find((b) => inside(b, [0, 1, 2])) ?? boxes.find((b) => inside(b, [0, 1]));
}

/** Fingers hold a bar this far inside its end (m): most of the fingers' 20 mm stay on it. */
const END_HOLD = 0.012;

/**
 * The ways to hold a tool: at its graspable point, and along the bar that point lies on (a
 * handle), towards either end. Held nearer one end, a tool reaches further on the other side: a
 * short hook held at the end of its handle gets behind a target that it misses held in the middle.
 */
export function toolGrasps(o: ObservedObject): ToolShape[] {
  const g = o.graspablePoint;
  if (!g) return [];
  const out: ToolShape[] = [];
  const base = toolShape(o);
  if (base) out.push(base);
  const bar = partAt(o, g);
  if (!bar) return out;
  const len = [bar.max[0] - bar.min[0], bar.max[1] - bar.min[1]];
  const axis = len[0]! >= len[1]! ? 0 : 1;
  if (len[axis]! < 2.5 * len[1 - axis]!) return out; // not a bar: no handle to slide along
  for (const end of [bar.min[axis]! + END_HOLD, bar.max[axis]! - END_HOLD]) {
    for (const f of [0.5, 1]) {
      const at: V3 = [g[0]!, g[1]!, g[2]!];
      at[axis] = g[axis]! + f * (end - g[axis]!);
      if (Math.abs(at[axis] - g[axis]!) < 0.01) continue;
      const t = toolShape(o, at);
      if (t) out.push(t);
    }
  }
  return out;
}

/** Whether an object is long and thin in the horizontal plane (a stick, a handle). */
export function elongated(o: ObservedObject): boolean {
  const long = Math.max(o.size[0], o.size[1]);
  const short = Math.min(o.size[0], o.size[1]);
  return long >= 0.15 && long >= 2.5 * short;
}

export const r3 = (v: number): number => Math.round(v * 1000) / 1000;
export const fmt = (v: readonly number[]): string => `(${v.map((x) => r3(x).toFixed(3)).join(', ')})`;
