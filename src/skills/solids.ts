/**
 * Geometry for the envelope's whole-body keep-out check: the robot and what it holds as
 * oriented boxes (`Solid`), tested against world-aligned keep-out boxes grown by a margin.
 * Every test errs on the side of a hit: touching counts, rounding is absorbed by EPS, and a
 * zone grown by a radius is grown as a box (its corners are not rounded off).
 */

export type Vec3 = [number, number, number];

/** An oriented box in the world frame (m): one link, finger, or collider of a held object. */
export interface Solid {
  name: string;
  centre: Vec3;
  /** Half extents along the box's own axes. */
  half: Vec3;
  /** Unit quaternion [x, y, z, w] from the box's axes to the world's. */
  rotation: readonly [number, number, number, number];
}

export interface Box {
  name: string;
  min: Vec3;
  max: Vec3;
}

/** Slack for floating-point rounding (m): boundaries within this count as touching. */
export const EPS = 1e-9;

/** Columns of the rotation matrix of quaternion q: the box's axes in world coordinates. */
function axes(q: readonly [number, number, number, number]): [Vec3, Vec3, Vec3] {
  const [x, y, z, w] = q;
  return [
    [1 - 2 * (y * y + z * z), 2 * (x * y + z * w), 2 * (x * z - y * w)],
    [2 * (x * y - z * w), 1 - 2 * (x * x + z * z), 2 * (y * z + x * w)],
    [2 * (x * z + y * w), 2 * (y * z - x * w), 1 - 2 * (x * x + y * y)],
  ];
}

/** The 8 corners of a solid in world coordinates. */
export function corners(s: Solid): Vec3[] {
  const u = axes(s.rotation);
  const out: Vec3[] = [];
  for (const a of [-1, 1]) for (const b of [-1, 1]) for (const c of [-1, 1]) {
    out.push([0, 1, 2].map((i) => s.centre[i]! + a * s.half[0] * u[0][i]! + b * s.half[1] * u[1][i]! + c * s.half[2] * u[2][i]!) as Vec3);
  }
  return out;
}

/**
 * Whether the oriented box `s` meets `box` grown by `grow` on every side (separating-axis test
 * over the 15 axes of two boxes). Touching counts as meeting.
 */
export function solidHitsBox(s: Solid, box: Box, grow: number): boolean {
  const e: Vec3 = [0, 1, 2].map((i) => (box.max[i]! - box.min[i]!) / 2 + grow + EPS) as Vec3;
  const t: Vec3 = [0, 1, 2].map((i) => s.centre[i]! - (box.min[i]! + box.max[i]!) / 2) as Vec3;
  const u = axes(s.rotation);
  const h = s.half;
  // R[i][j] = world axis i · box axis j, with a small term against parallel-axis degeneracy.
  const R = [0, 1, 2].map((i) => [0, 1, 2].map((j) => u[j]![i]!));
  const A = R.map((row) => row.map((v) => Math.abs(v) + 1e-12));
  for (let i = 0; i < 3; i++) {
    if (Math.abs(t[i]!) > e[i]! + h[0] * A[i]![0]! + h[1] * A[i]![1]! + h[2] * A[i]![2]!) return false;
  }
  for (let j = 0; j < 3; j++) {
    const proj = t[0] * R[0]![j]! + t[1] * R[1]![j]! + t[2] * R[2]![j]!;
    if (Math.abs(proj) > e[0] * A[0]![j]! + e[1] * A[1]![j]! + e[2] * A[2]![j]! + h[j]!) return false;
  }
  for (let i = 0; i < 3; i++) {
    const i1 = (i + 1) % 3;
    const i2 = (i + 2) % 3;
    for (let j = 0; j < 3; j++) {
      const j1 = (j + 1) % 3;
      const j2 = (j + 2) % 3;
      const ra = e[i1]! * A[i2]![j]! + e[i2]! * A[i1]![j]!;
      const rb = h[j1]! * A[i]![j2]! + h[j2]! * A[i]![j1]!;
      if (Math.abs(t[i2]! * R[i1]![j]! - t[i1]! * R[i2]![j]!) > ra + rb) return false;
    }
  }
  return true;
}

/** The largest distance any point of a solid moves between two poses of it (at a corner: the motion is affine). */
export function largestMove(a: readonly Solid[], b: readonly Solid[]): number {
  if (a.length !== b.length) return Infinity;
  let most = 0;
  for (let k = 0; k < a.length; k++) {
    const ca = corners(a[k]!);
    const cb = corners(b[k]!);
    for (let c = 0; c < 8; c++) most = Math.max(most, Math.hypot(ca[c]![0] - cb[c]![0], ca[c]![1] - cb[c]![1], ca[c]![2] - cb[c]![2]));
  }
  return most;
}

/** Farthest horizontal distance of any corner of `solids` from `centre`: the radius of a footprint disc. */
export function footprintRadius(solids: readonly Solid[], centre: Vec3): number {
  let r = 0;
  for (const s of solids) for (const c of corners(s)) r = Math.max(r, Math.hypot(c[0] - centre[0], c[1] - centre[1]));
  return r;
}

/** `box` grown by `d` on every side (in x and y only when `planar`). */
export function grown(box: Box, d: number, planar = false): Box {
  const dz = planar ? 0 : d;
  return { name: box.name, min: [box.min[0] - d, box.min[1] - d, box.min[2] - dz], max: [box.max[0] + d, box.max[1] + d, box.max[2] + dz] };
}
