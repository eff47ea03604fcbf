import { sceneSanityProblems } from './sanity.ts';
import type { Scene, SceneObject, Vec3 } from './schema.ts';
import { jitter, seededRandom } from './random.ts';

export interface NoiseOptions {
  seed: number;
  /** Uniform noise on every object's x and y (m); the paper's scenes are perturbed by ±1 cm in tests. */
  poseNoise?: number;
}

/** A copy of the scene with every object's x, y shifted by seeded uniform noise (graspable points move along); a movable object pushed into a neighbour is moved back out. */
export function withPoseNoise(scene: Scene, { seed, poseNoise = 0.01 }: NoiseOptions): Scene {
  const rand = seededRandom(seed);
  const copy = structuredClone(scene);
  for (const o of copy.objects) shift(o, [jitter(rand, poseNoise), jitter(rand, poseNoise), 0]);
  // A movable object the noise pushed into a neighbour (a box standing against a sofa) is moved
  // back out to touching it, where the solver's first steps would put it anyway.
  separate(copy.objects);
  return copy;
}

function shift(o: SceneObject, d: Vec3): void {
  o.position = [o.position[0] + d[0], o.position[1] + d[1], o.position[2] + d[2]];
  if (o.graspablePoint) o.graspablePoint = [o.graspablePoint[0] + d[0], o.graspablePoint[1] + d[1], o.graspablePoint[2] + d[2]];
}

export interface VariantOptions {
  seed: number;
  /** Uniform x, y noise per cluster of touching objects (m). */
  positionNoise?: number;
  /** Relative size noise of movable objects (0.1 = ±10%). */
  sizeNoise?: number;
  /** How many distractor objects to add (0 to this many). */
  maxDistractors?: number;
  /** Rename every object to a meaningless identifier (and the command with it). */
  rename?: boolean;
}

const bottom = (o: SceneObject): number => o.position[2] - o.size[2] / 2;
const top = (o: SceneObject): number => o.position[2] + o.size[2] / 2;

function overlapXY(a: SceneObject, b: SceneObject, margin: number): boolean {
  return [0, 1].every((i) => Math.abs(a.position[i]! - b.position[i]!) < (a.size[i]! + b.size[i]!) / 2 + margin);
}

/** a rests on b, or touches it side by side: they must move together so nothing interpenetrates. */
function attached(a: SceneObject, b: SceneObject): boolean {
  const stacked = (Math.abs(bottom(a) - top(b)) < 0.01 || Math.abs(bottom(b) - top(a)) < 0.01) && overlapXY(a, b, 0);
  const sideBySide = overlapXY(a, b, 0.005) && bottom(a) < top(b) && bottom(b) < top(a);
  return stacked || sideBySide;
}

/** Groups of objects that rest on or touch each other. */
function clusters(objects: SceneObject[]): number[][] {
  const parent = objects.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i]!)));
  objects.forEach((a, i) =>
    objects.forEach((b, j) => {
      if (j > i && attached(a, b)) parent[find(i)] = find(j);
    }),
  );
  const groups = new Map<number, number[]>();
  objects.forEach((_, i) => groups.set(find(i), [...(groups.get(find(i)) ?? []), i]));
  return [...groups.values()];
}

/**
 * A randomised variant of a task for benchmarks: clusters of touching objects shifted together
 * (so nothing interpenetrates), movable objects rescaled and re-seated on their supports,
 * distractors added in free space, and every name replaced when `rename` is on.
 */
export function randomVariant(scene: Scene, opts: VariantOptions): Scene {
  const { seed, positionNoise = 0.03, sizeNoise = 0.1, maxDistractors = 2, rename = true } = opts;
  const rand = seededRandom(seed * 7919 + 17);
  const s = structuredClone(scene);
  let objs = s.objects;
  // Which object each one rests on, before anything changes.
  // The highest of what it rests on: a board lying on a 4 mm cloth on a sofa rests on the cloth.
  const support = objs.map((o) =>
    objs.reduce((best, b, j) => (b !== o && Math.abs(bottom(o) - top(b)) < 0.01 && overlapXY(o, b, 0) && (best < 0 || top(b) > top(objs[best]!)) ? j : best), -1),
  );
  const movable = objs.map((o) => o.movable && !o.parts);
  const climbable = stepRelation(s);
  // Size noise must not change what the task is: a variant keeps every height step the robot
  // could or could not climb (e.g. a 0.12 m box stays climbable for a 0.12 m step-up). Draws
  // that flip one are redrawn; after 100 draws the heights keep their nominal values.
  let rescaled = objs;
  for (let attempt = 0; ; attempt++) {
    const ks = objs.map((_, i) => (movable[i] ? 1 + jitter(rand, sizeNoise) : 1));
    const keepHeight = attempt >= 100;
    rescaled = rescale(objs, support, ks, keepHeight);
    if (keepHeight || sameRelation(climbable, stepRelation({ ...s, objects: rescaled }))) break;
  }
  s.objects = objs = rescaled;
  const robotCluster = new Set<number>();
  if (s.robot.kind === 'quadruped') {
    const [rx, ry, rz] = s.robot.start;
    objs.forEach((o, i) => {
      if (Math.abs(top(o) - rz) < 0.01 && Math.abs(o.position[0] - rx) < o.size[0] / 2 && Math.abs(o.position[1] - ry) < o.size[1] / 2)
        robotCluster.add(i);
    });
  }
  // Shifts that leave two solids inside one another (compound objects, which `separate` leaves
  // alone, or a push-out into a third object) are drawn again; the first draw stands for every
  // variant that had none.
  const unshifted = structuredClone(objs);
  const start = s.robot.kind === 'quadruped' ? s.robot.start : undefined;
  for (let attempt = 0; ; attempt++) {
    objs = structuredClone(unshifted);
    if (s.robot.kind === 'quadruped' && start) s.robot.start = start;
    for (const group of clusters(objs)) {
      const d: Vec3 = [jitter(rand, positionNoise), jitter(rand, positionNoise), 0];
      for (const i of group) shift(objs[i]!, d);
      if (s.robot.kind === 'quadruped' && group.some((i) => robotCluster.has(i))) {
        const [rx, ry, rz] = s.robot.start;
        s.robot.start = [rx + d[0], ry + d[1], rz];
      }
    }
    separate(objs);
    s.objects = objs;
    if (attempt >= 50 || !sceneSanityProblems(s).some((p) => p.message.includes('inside'))) break;
  }
  addDistractors(s, rand, Math.floor(rand() * (maxDistractors + 1)));
  return rename ? renameObjects(s, rand) : s;
}

/**
 * Pushes movable objects out of whatever they now overlap side by side (a box that grew against
 * a wall, or a group shifted apart from a neighbour it no longer touched after rescaling), along
 * x or y, whichever is the shorter way out. Without this a variant could start with a box inside
 * the sofa, and the solver's first steps would throw it somewhere the planner does not know.
 */
function separate(objs: SceneObject[]): void {
  const penetration = (a: SceneObject, b: SceneObject, i: 0 | 1): number => (a.size[i] + b.size[i]) / 2 - Math.abs(a.position[i] - b.position[i]);
  for (let pass = 0; pass < 5; pass++) {
    let moved = false;
    for (const a of objs) {
      // Compound objects (a hook, a sheet with a tab) are not their bounding boxes: left alone.
      if (!a.movable || a.parts) continue;
      for (const b of objs) {
        if (b === a || b.parts || !(bottom(a) < top(b) - 0.001 && bottom(b) < top(a) - 0.001)) continue;
        const px = penetration(a, b, 0);
        const py = penetration(a, b, 1);
        if (px <= 0 || py <= 0) continue;
        const axis = px < py ? 0 : 1;
        const sign = a.position[axis] >= b.position[axis] ? 1 : -1;
        const d: Vec3 = [0, 0, 0];
        d[axis] = sign * ((axis === 0 ? px : py) + 0.001);
        shift(a, d);
        moved = true;
      }
    }
    if (!moved) return;
  }
}

/** Copies of the objects scaled by ks (x, y and, unless keepHeight, z), re-seated on their supports, lowest first. */
function rescale(objects: SceneObject[], support: number[], ks: number[], keepHeight: boolean): SceneObject[] {
  const objs = structuredClone(objects);
  objs.forEach((o, i) => {
    const k = ks[i]!;
    if (k === 1) return;
    const kz = keepHeight ? 1 : k;
    const c = o.position;
    const g = o.graspablePoint;
    const base = bottom(o);
    o.size = [o.size[0] * k, o.size[1] * k, o.size[2] * kz];
    o.position = [c[0], c[1], base + o.size[2] / 2];
    // The graspable point keeps its place relative to the (rescaled) object.
    if (g) o.graspablePoint = [g[0] + (g[0] - c[0]) * (k - 1), g[1] + (g[1] - c[1]) * (k - 1), base + (g[2] - base) * kz] as Vec3;
  });
  const order = objs.map((_, i) => i).sort((a, b) => bottom(objs[a]!) - bottom(objs[b]!));
  for (const i of order) {
    const j = support[i]!;
    if (j >= 0) shift(objs[i]!, [0, 0, top(objs[j]!) - bottom(objs[i]!)]);
  }
  return objs;
}

/**
 * For a legged robot: for every pair of surface heights (the floor and each object's top),
 * whether the robot can step between them. Arms have no such limit (empty relation).
 */
function stepRelation(s: Scene): boolean[] {
  if (s.robot.kind !== 'quadruped') return [];
  const stepUp = s.robot.stepUp;
  const heights = [0, ...s.objects.map(top)];
  const rel: boolean[] = [];
  for (let i = 0; i < heights.length; i++)
    for (let j = i + 1; j < heights.length; j++) rel.push(Math.abs(heights[i]! - heights[j]!) <= stepUp + 1e-9);
  return rel;
}

const sameRelation = (a: boolean[], b: boolean[]): boolean => a.length === b.length && a.every((v, i) => v === b[i]);

function addDistractors(s: Scene, rand: () => number, count: number): void {
  const arm = s.robot.kind === 'arm';
  for (let n = 0, tries = 0; n < count && tries < 200; tries++) {
    const size: Vec3 = arm
      ? [0.03 + rand() * 0.04, 0.03 + rand() * 0.04, 0.03 + rand() * 0.05]
      : [0.15 + rand() * 0.15, 0.15 + rand() * 0.15, 0.05 + rand() * 0.05];
    const pos: Vec3 = arm
      ? [0.05 + rand() * 0.7, -0.35 + rand() * 0.7, size[2] / 2]
      : [-1 + rand() * 5, -1.5 + rand() * 3.5, size[2] / 2];
    const candidate: SceneObject = {
      name: `distractor_${n}`,
      shape: 'box',
      size,
      position: pos,
      yawDeg: 0,
      mass: arm ? 0.1 : 1,
      friction: 0.6,
      restitution: 0,
      movable: true,
      magnetic: false,
      soft: false,
      tags: ['distractor'],
    };
    const margin = arm ? 0.08 : 0.6;
    if (s.objects.some((o) => overlapXY(candidate, o, margin))) continue;
    if (arm && Math.hypot(pos[0], pos[1]) < 0.15) continue; // not on the arm's base
    if (s.robot.kind === 'quadruped' && Math.hypot(pos[0] - s.robot.start[0], pos[1] - s.robot.start[1]) < 0.8) continue;
    s.objects.push(candidate);
    n++;
  }
}

function renameObjects(s: Scene, rand: () => number): Scene {
  const map = new Map<string, string>();
  for (const o of s.objects) {
    let name: string;
    do name = `obj_${Math.floor(rand() * 0xffffff).toString(36)}`;
    while ([...map.values()].includes(name));
    map.set(o.name, name);
  }
  const re = new RegExp(`\\b(${[...map.keys()].sort((a, b) => b.length - a.length).join('|')})\\b`, 'g');
  const swap = (text: string): string => text.replace(re, (m) => map.get(m) ?? m);
  for (const o of s.objects) o.name = map.get(o.name)!;
  s.goal = { ...s.goal, object: map.get(s.goal.object)! };
  s.command = swap(s.command);
  s.description = swap(s.description);
  s.keepOut = s.keepOut.map((k) => ({ ...k, name: swap(k.name) }));
  return s;
}
