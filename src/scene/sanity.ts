import type { Goal, RobotKind, Scene, SceneObject, Vec3 } from './schema.ts';

/**
 * Sanity of a scene that already fits the schema: is it a world the simulator can start from?
 * Objects inside one another or inside the robot, below the ground or floating, grasp points off
 * their object, numbers no robot cell has, names the simulator reserves, goals the robot cannot
 * have. Each problem names its JSON path, like the schema's.
 *
 * Geometry is judged on each object's parts (or its single primitive): boxes as oriented boxes
 * in x-y, cylinders and spheres as discs, each with a vertical extent. Contact is allowed:
 * two solids overlap only when they interpenetrate by more than OVERLAP_TOLERANCE on every axis.
 */

/** One thing wrong with a scene: where (a JSON path such as `objects[2].size[0]`) and why. */
export interface SanityProblem {
  path: string;
  message: string;
}

/** How far two solids may interpenetrate, and how far off a resting surface an object may start (m). */
export const OVERLAP_TOLERANCE = 0.002;
/** How far outside its object's bounding box a graspable point may lie (m). */
export const GRASP_TOLERANCE = 0.005;

/** Plausible ranges: a robot cell on a table or a room floor, not a planet. */
export const LIMITS = {
  /** Most objects in one scene (each is a rigid body the planner reasons about). */
  objects: 200,
  /** Most parts of one compound object. */
  parts: 20,
  keepOut: 50,
  /** |x| and |y| of any position (m): the viewer's ground grid is 20 m square. */
  horizontal: 10,
  /** Highest z of any position (m). */
  height: 5,
  /** Largest and smallest extent of an object or part (m). */
  maxSize: 5,
  minSize: 0.001,
  /** Mass range (kg). */
  minMass: 0.001,
  maxMass: 1000,
  maxFriction: 2,
  /** Arm gripper speed (m/s). */
  armSpeed: [0.01, 2] as const,
  /** Quadruped walking speed (m/s). */
  quadrupedSpeed: [0.05, 3] as const,
  quadrupedMass: [1, 200] as const,
  stepUp: 0.5,
  maxGap: 1,
  /** How far from the arm's base the workspace may reach (m): the arm's links are 1.3 m end to end. */
  armReach: 1.5,
  buttonTravel: 0.2,
  buttonStiffness: 1e6,
  breakSpeed: 100,
  timeLimit: 3600,
  nameLength: 64,
} as const;

/** Names the simulator or the sandbox uses itself, or that break plain JavaScript objects. */
const RESERVED_NAMES = new Set(['ground', 'world', 'robot', '__proto__', 'constructor', 'prototype', 'hasOwnProperty', 'toString', 'valueOf']);

/** The goals each robot can reach. */
const GOALS_OF: Record<RobotKind, readonly Goal['type'][]> = {
  arm: ['grasped', 'pressed', 'within-reach', 'on', 'near', 'on-ground-intact'],
  quadruped: ['robot-on', 'on', 'near', 'on-ground-intact'],
};

/** The arm's base and shoulder column: a box around `base` (half-width 0.07 m, 0.28 m tall). */
const ARM_BASE = { half: 0.07, height: 0.28 };
/** The quadruped's body at its start: 0.65 m long, 0.3 m wide, 0.3 m tall, 1 cm above the surface it stands on. */
const QUADRUPED_BODY = { halfLength: 0.325, halfWidth: 0.15, height: 0.3, clearance: 0.01 };

/** A solid as the checks see it: a footprint (oriented box or disc) and a vertical extent. */
interface Solid {
  kind: 'box' | 'disc';
  cx: number;
  cy: number;
  /** Box: half extents along its own axes; disc: hx = hy = radius. */
  hx: number;
  hy: number;
  yaw: number;
  z0: number;
  z1: number;
}

const fmt = (v: number): string => String(Number(v.toFixed(4)));
const fmtVec = (v: readonly number[]): string => `(${v.map(fmt).join(', ')})`;

/** Every sanity problem of a schema-valid scene (empty when it is sane). */
export function sceneSanityProblems(scene: Scene): SanityProblem[] {
  const problems: SanityProblem[] = [];
  const add = (path: string, message: string): void => void problems.push({ path, message });

  if (scene.objects.length > LIMITS.objects) {
    add('objects', `${scene.objects.length} objects; at most ${LIMITS.objects}`);
    // Pairwise checks over thousands of objects would take long: the count is problem enough.
    return problems;
  }
  if (scene.keepOut.length > LIMITS.keepOut) add('keepOut', `${scene.keepOut.length} keep-out boxes; at most ${LIMITS.keepOut}`);
  if (scene.timeLimit > LIMITS.timeLimit) add('timeLimit', `${fmt(scene.timeLimit)} s; at most ${LIMITS.timeLimit} simulated seconds`);

  let numbersOk = checkRobot(scene, add);
  scene.objects.forEach((o, i) => {
    if (!checkObjectNumbers(o, `objects[${i}]`, add)) numbersOk = false;
  });
  scene.keepOut.forEach((k, i) => {
    const p = `keepOut[${i}]`;
    k.min.forEach((v, a) => {
      if (v >= k.max[a]!) add(`${p}.min[${a}]`, `keep-out box "${k.name}" is inverted or empty: min ${fmt(v)} is not below max ${fmt(k.max[a]!)} on ${'xyz'[a]}`);
    });
    [...k.min, ...k.max].forEach((v, j) => {
      if (Math.abs(v) > 100) add(`${p}.${j < 3 ? 'min' : 'max'}[${j % 3}]`, `${fmt(v)} m is out of any robot cell (|value| at most 100 m)`);
    });
  });
  checkGoal(scene, add);
  // Geometry needs sane numbers: with 1e308 sizes every object overlaps every other.
  if (numbersOk) checkGeometry(scene, add);
  return problems;
}

function inRange(v: number, lo: number, hi: number): boolean {
  return Number.isFinite(v) && v >= lo && v <= hi;
}

function checkPosition(p: Vec3, path: string, add: (path: string, message: string) => void): boolean {
  let ok = true;
  p.forEach((v, a) => {
    const limit = a < 2 ? LIMITS.horizontal : LIMITS.height;
    const lo = a < 2 ? -limit : -LIMITS.height;
    if (!inRange(v, lo, limit)) {
      add(`${path}[${a}]`, `${fmt(v)} m is outside the plausible range ${a < 2 ? `−${limit} to ${limit}` : `−${LIMITS.height} to ${limit}`} m`);
      ok = false;
    }
  });
  return ok;
}

function checkRobot(scene: Scene, add: (path: string, message: string) => void): boolean {
  const r = scene.robot;
  let ok = true;
  if (r.kind === 'arm') {
    ok = checkPosition(r.base, 'robot.base', add) && ok;
    ok = checkPosition(r.home, 'robot.home', add) && ok;
    ok = checkPosition(r.workspace.min, 'robot.workspace.min', add) && ok;
    ok = checkPosition(r.workspace.max, 'robot.workspace.max', add) && ok;
    if (!inRange(r.maxSpeed, ...LIMITS.armSpeed)) add('robot.maxSpeed', `${fmt(r.maxSpeed)} m/s; an arm's gripper moves at ${LIMITS.armSpeed[0]} to ${LIMITS.armSpeed[1]} m/s`);
    if (!ok) return false;
    const far = [r.workspace.min, r.workspace.max].flatMap((corner, c) => corner.map((v, a) => ({ c, a, d: Math.abs(v - r.base[a]!) }))).find((x) => x.d > LIMITS.armReach);
    if (far) add(`robot.workspace.${far.c === 0 ? 'min' : 'max'}[${far.a}]`, `the workspace reaches ${fmt(far.d)} m from the base on ${'xyz'[far.a]}; the arm reaches at most ${LIMITS.armReach} m`);
    const outside = r.home.findIndex((v, a) => v < r.workspace.min[a]! - GRASP_TOLERANCE || v > r.workspace.max[a]! + GRASP_TOLERANCE);
    if (outside >= 0) add(`robot.home[${outside}]`, `home ${fmtVec(r.home)} is outside the workspace ${fmtVec(r.workspace.min)}–${fmtVec(r.workspace.max)}`);
  } else {
    ok = checkPosition(r.start, 'robot.start', add) && ok;
    if (!inRange(r.yawDeg, -360, 360)) add('robot.yawDeg', `${fmt(r.yawDeg)}°; give a yaw between −360 and 360`);
    if (!inRange(r.maxSpeed, ...LIMITS.quadrupedSpeed)) add('robot.maxSpeed', `${fmt(r.maxSpeed)} m/s; a quadruped walks at ${LIMITS.quadrupedSpeed[0]} to ${LIMITS.quadrupedSpeed[1]} m/s`);
    if (!inRange(r.mass, ...LIMITS.quadrupedMass)) add('robot.mass', `${fmt(r.mass)} kg; a quadruped weighs ${LIMITS.quadrupedMass[0]} to ${LIMITS.quadrupedMass[1]} kg`);
    if (r.stepUp > LIMITS.stepUp) add('robot.stepUp', `${fmt(r.stepUp)} m; at most ${LIMITS.stepUp} m (the body is 0.3 m tall)`);
    if (r.maxGap > LIMITS.maxGap) add('robot.maxGap', `${fmt(r.maxGap)} m; at most ${LIMITS.maxGap} m (the body is 0.65 m long)`);
    if (r.start[2] < -OVERLAP_TOLERANCE) add('robot.start[2]', `the quadruped would start ${fmt(-r.start[2])} m below the ground`);
  }
  return ok;
}

function checkObjectNumbers(o: SceneObject, path: string, add: (path: string, message: string) => void): boolean {
  let ok = true;
  if (RESERVED_NAMES.has(o.name) || o.name.startsWith('__')) add(`${path}.name`, `"${o.name}" is reserved (${o.name === 'ground' ? 'the ground is an object of its own' : 'the simulator and the sandbox use it'}); choose another name`);
  if (o.name.length > LIMITS.nameLength) add(`${path}.name`, `a name of ${o.name.length} characters; at most ${LIMITS.nameLength}`);
  ok = checkPosition(o.position, `${path}.position`, add) && ok;
  o.size.forEach((v, a) => {
    if (!inRange(v, LIMITS.minSize, LIMITS.maxSize)) {
      add(`${path}.size[${a}]`, `${fmt(v)} m; an object measures ${LIMITS.minSize} to ${LIMITS.maxSize} m along each axis`);
      ok = false;
    }
  });
  if (!inRange(o.yawDeg, -360, 360)) {
    add(`${path}.yawDeg`, `${fmt(o.yawDeg)}°; give a yaw between −360 and 360`);
    ok = false;
  }
  if (!inRange(o.mass, LIMITS.minMass, LIMITS.maxMass)) add(`${path}.mass`, `${fmt(o.mass)} kg; an object weighs ${LIMITS.minMass} to ${LIMITS.maxMass} kg`);
  if (o.friction > LIMITS.maxFriction) add(`${path}.friction`, `${fmt(o.friction)}; friction coefficients run from 0 to ${LIMITS.maxFriction}`);
  if (o.shape !== 'box' && !o.parts && Math.abs(o.size[0] - o.size[1]) > 1e-9) add(`${path}.size[1]`, `a ${o.shape}'s size is [diameter, diameter, ${o.shape === 'sphere' ? 'diameter' : 'height'}]: size[0] and size[1] differ`);
  if (o.shape === 'sphere' && !o.parts && Math.abs(o.size[0] - o.size[2]) > 1e-9) add(`${path}.size[2]`, `a sphere's size is [d, d, d]: size[2] differs from size[0]`);
  if (o.fragile && o.fragile.breakSpeed > LIMITS.breakSpeed) add(`${path}.fragile.breakSpeed`, `${fmt(o.fragile.breakSpeed)} m/s; at most ${LIMITS.breakSpeed} m/s`);
  if (o.button) {
    if (o.button.travel > LIMITS.buttonTravel) add(`${path}.button.travel`, `${fmt(o.button.travel)} m; a button travels at most ${LIMITS.buttonTravel} m`);
    if (o.button.pressDepth >= o.button.travel) add(`${path}.button.pressDepth`, `${fmt(o.button.pressDepth)} m is not less than the travel ${fmt(o.button.travel)} m: the button could never read as pressed`);
    if (o.button.stiffness > LIMITS.buttonStiffness) add(`${path}.button.stiffness`, `${fmt(o.button.stiffness)} N/m; at most ${LIMITS.buttonStiffness} N/m`);
  }
  if (o.parts) {
    if (o.parts.length > LIMITS.parts) add(`${path}.parts`, `${o.parts.length} parts; at most ${LIMITS.parts}`);
    const seen = new Set<string>();
    o.parts.forEach((part, j) => {
      const pp = `${path}.parts[${j}]`;
      if (seen.has(part.name)) add(`${pp}.name`, `duplicate part name "${part.name}"`);
      seen.add(part.name);
      part.size.forEach((v, a) => {
        if (!inRange(v, LIMITS.minSize, LIMITS.maxSize)) {
          add(`${pp}.size[${a}]`, `${fmt(v)} m; a part measures ${LIMITS.minSize} to ${LIMITS.maxSize} m along each axis`);
          ok = false;
        }
      });
      if (!ok) return;
      // A part sticks out of the object's bounding box: the box the planner reasons about is wrong.
      const a = part.offset.findIndex((off, ax) => Math.abs(off) + part.size[ax]! / 2 > o.size[ax]! / 2 + OVERLAP_TOLERANCE);
      if (a >= 0) add(`${pp}.offset[${a}]`, `part "${part.name}" reaches ${fmt(Math.abs(part.offset[a]!) + part.size[a]! / 2)} m from the centre on ${'xyz'[a]}, outside the object's size ${fmt(o.size[a]! / 2)} m (half)`);
    });
  }
  if (ok && o.graspablePoint) {
    const g = o.graspablePoint;
    // The point is in world coordinates; in the object's frame it must lie in or on its bounding box.
    const yaw = (o.yawDeg * Math.PI) / 180;
    const dx = g[0] - o.position[0];
    const dy = g[1] - o.position[1];
    const local = [Math.cos(yaw) * dx + Math.sin(yaw) * dy, -Math.sin(yaw) * dx + Math.cos(yaw) * dy, g[2] - o.position[2]];
    const off = local.map((v, a) => Math.abs(v) - o.size[a]! / 2);
    const worst = off.reduce((b, v, a) => (v > off[b]! ? a : b), 0);
    if (off[worst]! > GRASP_TOLERANCE) {
      add(
        `${path}.graspablePoint`,
        `${fmtVec(g)} lies ${fmt(off[worst]!)} m outside "${o.name}" (centre ${fmtVec(o.position)}, size ${fmtVec(o.size)}); the point is in world coordinates: move it with the object (tolerance ${GRASP_TOLERANCE} m)`,
      );
    }
  }
  return ok;
}

function checkGoal(scene: Scene, add: (path: string, message: string) => void): void {
  const g = scene.goal;
  const kind = scene.robot.kind;
  if (!GOALS_OF[kind].includes(g.type)) {
    add('goal.type', `a "${g.type}" goal does not fit the ${kind}; its goals: ${GOALS_OF[kind].join(', ')}`);
    return;
  }
  const i = scene.objects.findIndex((o) => o.name === g.object);
  const o = scene.objects[i];
  if (!o) return;
  if (g.type === 'grasped' && !o.graspablePoint) add('goal.object', `"${g.object}" has no graspablePoint (objects[${i}]): it cannot be grasped`);
  if ((g.type === 'grasped' || g.type === 'within-reach' || g.type === 'on-ground-intact' || g.type === 'on' || g.type === 'near') && !o.movable) add('goal.object', `"${g.object}" is fixed (objects[${i}].movable is false): a ${g.type} goal needs it to move`);
  if (g.type === 'pressed' && !o.button) add('goal.object', `"${g.object}" is not a button (objects[${i}] has no "button")`);
  if (g.type === 'grasped' && g.minLift > 1) add('goal.minLift', `${fmt(g.minLift)} m; at most 1 m`);
  if (g.type === 'on-ground-intact' && g.maxHeight > LIMITS.height) add('goal.maxHeight', `${fmt(g.maxHeight)} m; at most ${LIMITS.height} m`);
  if (g.type === 'on' && g.support === g.object) add('goal.support', `"${g.object}" cannot rest on itself`);
  if (g.type === 'near' && g.target === g.object) add('goal.target', `"${g.object}" cannot stand beside itself`);
  if (g.type === 'near' && g.maxDistance > LIMITS.horizontal) add('goal.maxDistance', `${fmt(g.maxDistance)} m; at most ${LIMITS.horizontal} m`);
}

/** The solids of an object: its parts, or its single primitive. */
function solidsOf(o: SceneObject): Solid[] {
  const yaw = (o.yawDeg * Math.PI) / 180;
  const c = Math.cos(yaw);
  const s = Math.sin(yaw);
  const prims = o.parts ?? [{ shape: o.shape, size: o.size, offset: [0, 0, 0] as Vec3 }];
  return prims.map((p) => {
    const cx = o.position[0] + c * p.offset[0] - s * p.offset[1];
    const cy = o.position[1] + s * p.offset[0] + c * p.offset[1];
    const z = o.position[2] + p.offset[2];
    const disc = p.shape !== 'box';
    return { kind: disc ? 'disc' : 'box', cx, cy, hx: p.size[0] / 2, hy: disc ? p.size[0] / 2 : p.size[1] / 2, yaw, z0: z - p.size[2] / 2, z1: z + p.size[2] / 2 };
  });
}

/** How deep two footprints interpenetrate in x-y (≤ 0: apart or touching). */
function footprintOverlap(a: Solid, b: Solid): number {
  if (a.kind === 'disc' && b.kind === 'disc') return a.hx + b.hx - Math.hypot(a.cx - b.cx, a.cy - b.cy);
  if (a.kind === 'disc') return discBoxOverlap(a, b);
  if (b.kind === 'disc') return discBoxOverlap(b, a);
  // Separating axes of two oriented rectangles: the smallest overlap along any axis.
  let least = Infinity;
  for (const yaw of [a.yaw, b.yaw]) {
    for (const axis of [
      [Math.cos(yaw), Math.sin(yaw)],
      [-Math.sin(yaw), Math.cos(yaw)],
    ] as const) {
      const ra = projectedHalf(a, axis);
      const rb = projectedHalf(b, axis);
      const d = Math.abs((a.cx - b.cx) * axis[0] + (a.cy - b.cy) * axis[1]);
      least = Math.min(least, ra + rb - d);
    }
  }
  return least;
}

function projectedHalf(s: Solid, axis: readonly [number, number]): number {
  const ux = [Math.cos(s.yaw), Math.sin(s.yaw)];
  const uy = [-Math.sin(s.yaw), Math.cos(s.yaw)];
  return s.hx * Math.abs(ux[0]! * axis[0] + ux[1]! * axis[1]) + s.hy * Math.abs(uy[0]! * axis[0] + uy[1]! * axis[1]);
}

function discBoxOverlap(d: Solid, b: Solid): number {
  const c = Math.cos(b.yaw);
  const s = Math.sin(b.yaw);
  const dx = d.cx - b.cx;
  const dy = d.cy - b.cy;
  const lx = c * dx + s * dy;
  const ly = -s * dx + c * dy;
  const qx = Math.abs(lx) - b.hx;
  const qy = Math.abs(ly) - b.hy;
  // Signed distance from the disc's centre to the rectangle (negative inside).
  const dist = qx > 0 || qy > 0 ? Math.hypot(Math.max(qx, 0), Math.max(qy, 0)) : Math.max(qx, qy);
  return d.hx - dist;
}

function overlapDepth(a: Solid, b: Solid): number {
  return Math.min(footprintOverlap(a, b), Math.min(a.z1, b.z1) - Math.max(a.z0, b.z0));
}

/** The robot's body at the start, as a solid. */
function robotSolid(scene: Scene): Solid {
  const r = scene.robot;
  if (r.kind === 'arm') return { kind: 'box', cx: r.base[0], cy: r.base[1], hx: ARM_BASE.half, hy: ARM_BASE.half, yaw: 0, z0: r.base[2], z1: r.base[2] + ARM_BASE.height };
  return {
    kind: 'box',
    cx: r.start[0],
    cy: r.start[1],
    hx: QUADRUPED_BODY.halfLength,
    hy: QUADRUPED_BODY.halfWidth,
    yaw: (r.yawDeg * Math.PI) / 180,
    z0: r.start[2] + QUADRUPED_BODY.clearance,
    z1: r.start[2] + QUADRUPED_BODY.clearance + QUADRUPED_BODY.height,
  };
}

function checkGeometry(scene: Scene, add: (path: string, message: string) => void): void {
  const solids = scene.objects.map(solidsOf);
  const tol = OVERLAP_TOLERANCE;
  const robot = robotSolid(scene);
  const robotWord = scene.robot.kind === 'arm' ? `the arm's base (${fmtVec(scene.robot.base)}, ${ARM_BASE.half * 2} m square, ${ARM_BASE.height} m tall)` : `the quadruped's body at its start`;
  scene.objects.forEach((o, i) => {
    const mine = solids[i]!;
    const path = `objects[${i}]`;
    const bottom = Math.min(...mine.map((s) => s.z0));
    if (bottom < -tol) {
      add(`${path}.position[2]`, `"${o.name}" reaches ${fmt(-bottom)} m below the ground (its bottom is at z ${fmt(bottom)}; tolerance ${tol} m)`);
      return;
    }
    if (mine.some((s) => overlapDepth(s, robot) > tol)) add(`${path}.position`, `"${o.name}" at ${fmtVec(o.position)} is inside ${robotWord}`);
    for (let j = 0; j < i; j++) {
      // Two fixed objects never move, so the simulator ignores their contact (stairs built into a sofa).
      if (!o.movable && !scene.objects[j]!.movable) continue;
      const depth = Math.max(...mine.flatMap((a) => solids[j]!.map((b) => overlapDepth(a, b))));
      if (depth > tol) add(`${path}.position`, `"${o.name}" and "${scene.objects[j]!.name}" (objects[${j}]) are inside one another by ${fmt(depth)} m (tolerance ${tol} m)`);
    }
    // A movable object must rest on the ground or on something: else it falls at the start.
    if (o.movable && bottom > tol) {
      const lowest = mine.filter((s) => s.z0 - bottom <= tol);
      const supported = lowest.some((s) => solids.some((other, j) => j !== i && other.some((b) => Math.abs(b.z1 - s.z0) <= tol && footprintOverlap(s, b) > 0)));
      if (!supported) add(`${path}.position[2]`, `"${o.name}" floats: its bottom is ${fmt(bottom)} m above the ground and rests on no object (a movable object starts on the ground or on another object, within ${tol} m)`);
    }
  });
  if (scene.robot.kind === 'quadruped' && scene.robot.start[2] > tol) {
    const z = scene.robot.start[2];
    const foot: Solid = { ...robot, z0: z, z1: z };
    const under = solids.some((ss) => ss.some((s) => Math.abs(s.z1 - z) <= tol && footprintOverlap(foot, s) > 0));
    if (!under) add('robot.start[2]', `the quadruped starts ${fmt(z)} m up but no object's top is at that height under it (tolerance ${tol} m)`);
  }
}
