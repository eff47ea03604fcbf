import type { Goal } from '../../scene/schema.ts';
import type { ObservedObject, SceneObservation } from '../../perception/observation.ts';
import { ProgramBuilder, type Candidate } from './candidate.ts';
import {
  GROUND,
  STEP_TOLERANCE,
  groundPath,

  centreOf,
  gapBetween,
  overlapsXY,
  route,
  supportOf,
  surfaceOf,
  surfacesOf,
  type Limits,
  type Surface,
} from './surfaces.ts';

const G = 9.81;
/** Clearance left between a pushed object and what it is pushed against (m). */
const FLUSH = 0.01;
/** How far a bridge must rest on each side (m). */
const BEARING = 0.15;
/**
 * Gap left between a landing cushion and the side of what the fragile object falls from (m):
 * the cushion slides along that side on its way without scraping it, and the object, pushed
 * off with some speed, lands a little out from the edge anyway.
 */
const LANDING_CLEARANCE = 0.03;
/** Further out, when the cushion pinned against the support's side does not slide along it. */
const LANDING_CLEARANCES = [LANDING_CLEARANCE, 0.07];
/** Room the robot keeps from a support's edges while it lines up behind what it pushes (m). */
const EDGE_ROOM = 0.04;
/** How far in front of a first step the robot lines up, beyond its body (m). */
const APPROACH = 0.12;
/** Margin kept between a pushed object's swept footprint and other objects (m). */
const SWEEP_MARGIN = 0.02;
/** A plank thinner than this is cloth or paper: it cannot carry the robot across a gap (m). */
const MIN_PLANK_THICKNESS = 0.02;
/** Clearance between where the robot stands and an edge or a plank's end (m). */
const STAND_MARGIN = 0.05;
/** Cost of each tool used, in metres of motion: one tool beats two when distances are similar. */
const TOOL_PENALTY = 3;

interface Move {
  object: string;
  to: [number, number];
  /** Object-centre waypoints pushed to first, in order (a corner of the route). */
  via?: [number, number][];
  /** Extra cost of this placement (m), e.g. a step slid off the middle of a side. */
  penalty?: number;
  why: string;
}

interface World {
  obs: SceneObservation;
  lim: Limits;
  surfaces: Surface[];
  start: Surface;
  robotXY: [number, number];
}

function worldOf(obs: SceneObservation): World {
  if (obs.robot.kind !== 'quadruped') throw new Error('quadruped schemas need a quadruped');
  const lim: Limits = { stepUp: obs.robot.stepUp, maxGap: obs.robot.maxGap, stepDown: obs.robot.stepUp };
  const surfaces = surfacesOf(obs);
  return { obs, lim, surfaces, start: supportOf(obs, surfaces), robotXY: [obs.robot.position[0], obs.robot.position[1]] };
}

/** Half the robot's body length (m). */
function bodyHalfLength(w: World): number {
  return w.obs.robot.kind === 'quadruped' ? w.obs.robot.bodySize[0] / 2 : 0;
}

const obj = (w: World, name: string): ObservedObject => {
  const o = w.obs.objects.find((x) => x.name === name);
  if (!o) throw new Error(`no object ${name}`);
  return o;
};

function moved(s: Surface, to: [number, number]): Surface {
  const [cx, cy] = centreOf(s);
  const dx = to[0] - cx;
  const dy = to[1] - cy;
  return { ...s, min: [s.min[0] + dx, s.min[1] + dy], max: [s.max[0] + dx, s.max[1] + dy] };
}

/**
 * Places box `b` flush against side `side` of surface `t` (outside it): centred on t's side
 * (`slide` 0), or slid along it to either end (-1, +1) where the side is longer than the box.
 */
function flushAgainst(b: Surface, t: Surface, side: '-x' | '+x' | '-y' | '+y', slide: -1 | 0 | 1 = 0): [number, number] {
  const [bx, by] = [b.max[0] - b.min[0], b.max[1] - b.min[1]];
  let [cx, cy] = centreOf(t);
  if (slide !== 0) {
    if (side === '-x' || side === '+x') cy = slide < 0 ? t.min[1] + by / 2 + SLIDE_INSET : t.max[1] - by / 2 - SLIDE_INSET;
    else cx = slide < 0 ? t.min[0] + bx / 2 + SLIDE_INSET : t.max[0] - bx / 2 - SLIDE_INSET;
  }
  switch (side) {
    case '-x':
      return [t.min[0] - bx / 2 - FLUSH, cy];
    case '+x':
      return [t.max[0] + bx / 2 + FLUSH, cy];
    case '-y':
      return [cx, t.min[1] - by / 2 - FLUSH];
    case '+y':
      return [cx, t.max[1] + by / 2 + FLUSH];
  }
}

const SIDES = ['-x', '+x', '-y', '+y'] as const;
/** A step slid along a side keeps this far inside its ends (m). */
const SLIDE_INSET = 0.02;
/** Stairs: at most this many objects moved, and this many placements looked at in all. */
const MAX_STAIR_MOVES = 4;
const MAX_STAIR_NODES = 4000;
/** A step slid off the middle of a side costs this much more (m): centred, the robot climbs it head-on. */
const SLIDE_PENALTY = 1;

/** Other objects' footprints that a placement must not overlap. */
function collides(w: World, placed: Surface, ignore: string[]): boolean {
  return w.obs.objects.some((o) => {
    if (ignore.includes(o.name)) return false;
    const s = surfaceOf(o);
    // Objects standing on something else (a fragile object on furniture) are above ground level: check footprints on the ground only.
    if (o.center[2] - o.size[2] / 2 > 0.02) return false;
    return overlapsXY({ ...s, min: [s.min[0] + 0.005, s.min[1] + 0.005], max: [s.max[0] - 0.005, s.max[1] - 0.005] }, placed);
  });
}

/**
 * Walking waypoints through a chain of surfaces: the centre of each surface after the first.
 * A chain that starts on the ground first walks round whatever stands on the ground to a point
 * in front of the first step, on the side away from the step after it, so that the robot climbs
 * the stairs head-on rather than across their corners.
 */
function walkRoute(b: ProgramBuilder, w: World, from: [number, number], path: Surface[], finalXY?: [number, number]): number {
  let dist = 0;
  let prev = from;
  const go = (xy: [number, number], z: number, description: string, derivation: string): void => {
    b.call('walk_to_position', [[xy[0], xy[1], z]], description, { name: description.replace(/^walk /, ''), derivation });
    dist += Math.hypot(xy[0] - prev[0], xy[1] - prev[1]);
    prev = xy;
  };
  const first = path[1];
  if (path[0]?.name === GROUND.name && first) {
    const c = centreOf(first);
    const next = path[2] ? centreOf(path[2]) : null;
    const d0: [number, number] = next ? [next[0] - c[0], next[1] - c[1]] : [c[0] - from[0], c[1] - from[1]];
    const n = Math.hypot(d0[0], d0[1]) || 1;
    const d: [number, number] = [d0[0] / n, d0[1] / n];
    const extent = (Math.abs(d[0]) * (first.max[0] - first.min[0])) / 2 + (Math.abs(d[1]) * (first.max[1] - first.min[1])) / 2;
    const back = extent + bodyHalfLength(w) + APPROACH;
    const approach: [number, number] = [c[0] - d[0] * back, c[1] - d[1] * back];
    const obstacles = w.surfaces.filter((s) => s.name !== GROUND.name && s.z > w.lim.stepUp + STEP_TOLERANCE);
    const halfWidth = w.obs.robot.kind === 'quadruped' ? w.obs.robot.bodySize[1] / 2 : 0;
    for (const p of groundPath(from, approach, obstacles, halfWidth + 0.1, bodyHalfLength(w) + 0.05)) {
      go(p, 0, 'walk round the obstacles on the ground', `in front of ${first.name}, facing the way up`);
    }
  }
  path.slice(1).forEach((s, i) => {
    const last = i === path.length - 2;
    const xy = last && finalXY ? finalXY : centreOf(s);
    go(xy, s.z, `walk onto ${s.name}`, last && finalXY ? 'target point on the goal surface' : `centre of ${s.name}'s top face at height ${s.z.toFixed(3)} m`);
  });
  return dist;
}

/** Where the robot stands after pushing `o` to `to` along the last leg from `from`: behind it. */
function afterPush(w: World, o: ObservedObject, from: [number, number], to: [number, number]): [number, number] {
  const n = Math.hypot(to[0] - from[0], to[1] - from[1]) || 1;
  const d = [(to[0] - from[0]) / n, (to[1] - from[1]) / n];
  const extent = (Math.abs(d[0]!) * o.size[0]) / 2 + (Math.abs(d[1]!) * o.size[1]) / 2 + bodyHalfLength(w);
  return [to[0] - d[0]! * extent, to[1] - d[1]! * extent];
}

/** Plans to get the robot onto `target`, moving at most `maxMoves` boxes or one bridge. */
interface ReachPlan {
  moves: Move[];
  surfaces: Surface[];
  schemas: string[];
  cost: number;
  /** Where to stand on the target surface, when its centre is not a good place (a plank covers it). */
  finalXY?: [number, number];
}

function reachPlans(w: World, target: Surface, maxMoves = 2): ReachPlan[] {
  const plans: ReachPlan[] = [];
  const direct = route(w.start, target, w.surfaces, w.lim);
  if (direct) plans.push({ moves: [], surfaces: w.surfaces, schemas: ['walk-route'], cost: 0 });
  // Stairs: push movable boxes on the ground flush against a surface so that a route appears.
  const boxes = w.surfaces.filter((s) => s.movable && s.name !== target.name && isOnGround(w, s.name) && s.z <= 1);
  let nodes = 0;
  let depth = 1;
  const search = (surfaces: Surface[], moves: Move[], used: Set<string>): void => {
    if (moves.length >= depth) return;
    for (const b of boxes) {
      if (used.has(b.name)) continue;
      const cur = surfaces.find((s) => s.name === b.name)!;
      for (const t of surfaces) {
        if (t.name === b.name || t.name === 'ground' || t.z <= cur.z) continue;
        if (t.z - cur.z > w.lim.stepUp + STEP_TOLERANCE) continue; // useless as the step below t
        for (const side of SIDES) {
          const along = side === '-x' || side === '+x' ? 1 : 0;
          const room = t.max[along] - t.min[along] - (cur.max[along] - cur.min[along]);
          for (const slide of room > 0.1 ? ([0, -1, 1] as const) : ([0] as const)) {
            if (++nodes > MAX_STAIR_NODES) return;
            const to = flushAgainst(cur, t, side, slide);
            const placed = moved(cur, to);
            if (collides(w, placed, [b.name, ...moves.map((m) => m.object)])) continue;
            if (surfaces.some((s) => s.name !== b.name && s.name !== 'ground' && moves.some((m) => m.object === s.name) && overlapsXY(s, placed))) continue;
            const next = surfaces.map((s) => (s.name === b.name ? placed : s));
            const nextMoves = [...moves, { object: b.name, to, penalty: SLIDE_PENALTY * Math.abs(slide), why: `${b.name} (top ${cur.z.toFixed(2)} m) becomes a step below ${t.name} (top ${t.z.toFixed(2)} m) on its ${side} side` }];
            const pushDist = nextMoves.reduce((d, m) => {
              const s = w.surfaces.find((x) => x.name === m.object)!;
              const c = centreOf(s);
              return d + Math.hypot(m.to[0] - c[0], m.to[1] - c[1]);
            }, 0);
            if (route(w.start, target, next, w.lim)) {
              if (nextMoves.length < depth) continue; // found at a shallower depth already
              plans.push({ moves: nextMoves, surfaces: next, schemas: ['make-stairs', 'walk-route'], cost: pushDist + TOOL_PENALTY * nextMoves.length + nextMoves.reduce((p, m) => p + (m.penalty ?? 0), 0) });
            } else {
              search(next, nextMoves, new Set([...used, b.name]));
            }
          }
        }
      }
    }
  };
  // Iterative deepening: the fewest moves first, each depth with its own budget of placements.
  if (!direct) {
    for (depth = 1; depth <= maxMoves && plans.length === 0; depth++) {
      nodes = 0;
      search(w.surfaces, [], new Set());
    }
  }
  // Bridges: push a long flat movable object across a gap between two surfaces. The plank may lie
  // anywhere the robot can walk to (on the surface by the gap, or on another one at nearly the
  // same height beside it); it is first pushed across, in line with the gap, then along its length.
  if (!direct) {
    const reachable = w.surfaces.filter((s) => s.name === w.start.name || route(w.start, s, w.surfaces, w.lim));
    for (const p of w.surfaces.filter((s) => s.movable)) {
      const pObj = obj(w, p.name);
      // Thick enough to be stiff (a cloth or a sheet of paper would sag), low enough to step onto.
      if (pObj.size[2] > w.lim.stepUp || pObj.size[2] < MIN_PLANK_THICKNESS) continue;
      const bottom = pObj.center[2] - pObj.size[2] / 2;
      // What it lies on: a surface under its centre, its top at the plank's bottom (a cloth between allowed).
      const pc = centreOf(p);
      const bed = w.surfaces.find((s) => s.name !== p.name && s.name !== GROUND.name && Math.abs(s.z - bottom) < 0.03 && pc[0] >= s.min[0] && pc[0] <= s.max[0] && pc[1] >= s.min[1] && pc[1] <= s.max[1]);
      if (!bed || !reachable.some((s) => s.name === bed.name)) continue;
      for (const a of reachable) {
        if (a.name === GROUND.name || a.name === p.name || Math.abs(a.z - bed.z) > 0.02) continue;
        if (a.name !== bed.name && gapBetween(a, bed) > 0.01) continue; // it slides from its bed onto a across a seam only
        for (const bSurf of w.surfaces) {
          if (bSurf.name === a.name || bSurf.name === p.name || bSurf.name === GROUND.name) continue;
          const gap = gapBetween(a, bSurf);
          if (gap <= w.lim.maxGap || Math.abs(a.z - bSurf.z) > w.lim.stepUp) continue;
          const axis: 0 | 1 = a.max[0] <= bSurf.min[0] || bSurf.max[0] <= a.min[0] ? 0 : 1;
          const length = pObj.size[axis];
          // Pushed across, the plank must reach b before its centre leaves a, and then rest
          // BEARING on b with at least as much left on a.
          if (length < 2 * gap + 0.05 || length - gap - BEARING < BEARING) continue;
          const forward = a.max[axis] <= bSurf.min[axis] ? 1 : -1;
          const edgeB = forward > 0 ? bSurf.min[axis] : bSurf.max[axis];
          const farB = forward > 0 ? bSurf.max[axis] : bSurf.min[axis];
          // Its far end rests BEARING onto b, which leaves most of b free to stand on.
          const farEnd = edgeB + forward * BEARING;
          const along = farEnd - (forward * length) / 2;
          const other: 0 | 1 = axis === 0 ? 1 : 0;
          const lo = Math.max(a.min[other], bSurf.min[other]);
          const hi = Math.min(a.max[other], bSurf.max[other]);
          if (hi - lo < 0.35) continue;
          const otherCoord = Math.min(Math.max(pc[other], lo + 0.2), hi - 0.2);
          const to: [number, number] = axis === 0 ? [along, otherCoord] : [otherCoord, along];
          const placed = { ...moved(p, to), z: Math.max(a.z, bSurf.z) + pObj.size[2] };
          const next = w.surfaces.map((s) => (s.name === p.name ? placed : s));
          if (!route(w.start, target, next, { ...w.lim })) continue;
          // Where to stand on b: past the plank's end with the body centre, forefeet still on b.
          const half = bodyHalfLength(w);
          const bCentre = centreOf(bSurf)[axis];
          const lo2 = forward > 0 ? farEnd + STAND_MARGIN : farB + 0.6 * half + STAND_MARGIN;
          const hi2 = forward > 0 ? farB - 0.6 * half - STAND_MARGIN : farEnd - STAND_MARGIN;
          if (lo2 > hi2) continue;
          const standAlong = Math.min(Math.max(bCentre, lo2), hi2);
          const stand: [number, number] = axis === 0 ? [standAlong, otherCoord] : [otherCoord, standAlong];
          // Off the gap's line: first across, into line (staying on its own level), then along.
          const across = Math.abs(pc[other] - otherCoord) > 0.05;
          const corner: [number, number] = axis === 0 ? [pc[0], otherCoord] : [otherCoord, pc[1]];
          const routes: { via: [number, number][]; extra: number }[] = across ? [{ via: [corner], extra: 0 }, { via: [], extra: 1 }] : [{ via: [], extra: 0 }];
          for (const r of routes) {
            const dist = r.via.length ? Math.hypot(corner[0] - pc[0], corner[1] - pc[1]) + Math.hypot(to[0] - corner[0], to[1] - corner[1]) : Math.hypot(to[0] - pc[0], to[1] - pc[1]);
            plans.push({
              moves: [{ object: p.name, to, via: r.via, why: `${p.name} (${length.toFixed(2)} m long) spans the ${gap.toFixed(2)} m gap between ${a.name} and ${bSurf.name}, resting ${BEARING} m on ${bSurf.name}` }],
              surfaces: next,
              schemas: ['bridge-gap', 'walk-route'],
              cost: dist + TOOL_PENALTY + r.extra,
              ...(bSurf.name === target.name ? { finalXY: stand } : {}),
            });
          }
        }
      }
    }
  }
  return plans.sort((x, y) => x.cost - y.cost);
}

/**
 * Object-centre waypoints for pushing `o` on the ground to `to`, each leg along x or y (a box
 * stays on the robot's flat front that way): straight, an L, or a sidestep and an L; the fewest
 * legs, then the shortest, whose swept footprints keep clear of everything else on the ground;
 * null when none does.
 */
function pushLegs(w: World, o: ObservedObject, to: [number, number]): [number, number][][] {
  const from: [number, number] = [o.center[0], o.center[1]];
  const half: [number, number] = [o.size[0] / 2 + SWEEP_MARGIN, o.size[1] / 2 + SWEEP_MARGIN];
  const obstacles = w.obs.objects.filter((x) => x.name !== o.name && x.center[2] - x.size[2] / 2 < 0.02).map(surfaceOf);
  const clear = (a: [number, number], b: [number, number]): boolean => {
    const sweep: Surface = {
      name: 'sweep',
      z: 0,
      min: [Math.min(a[0], b[0]) - half[0], Math.min(a[1], b[1]) - half[1]],
      max: [Math.max(a[0], b[0]) + half[0], Math.max(a[1], b[1]) + half[1]],
      movable: false,
    };
    return !obstacles.some((s) => overlapsXY(s, sweep));
  };
  const straight = Math.abs(to[0] - from[0]) < 0.05 || Math.abs(to[1] - from[1]) < 0.05;
  const options: [number, number][][] = straight ? [[to]] : [[[to[0], from[1]], to], [[from[0], to[1]], to]];
  // Or a sidestep first, then an L: a lane shifted off the start in steps of the object's size.
  for (let k = 1; k <= 3; k++) {
    for (const sign of [1, -1]) {
      const dx = sign * k * o.size[0];
      const dy = sign * k * o.size[1];
      options.push([[from[0] + dx, from[1]], [from[0] + dx, to[1]], to], [[from[0], from[1] + dy], [to[0], from[1] + dy], to]);
    }
  }
  const length = (legs: [number, number][]): number =>
    legs.reduce((d, p, i) => d + Math.hypot(p[0] - (i ? legs[i - 1]![0] : from[0]), p[1] - (i ? legs[i - 1]![1] : from[1])), 0);
  const ok = options.filter((legs) => legs.every((p, i) => clear(i ? legs[i - 1]! : from, p)));
  return ok.sort((a, b) => a.length - b.length || length(a) - length(b));
}

function isOnGround(w: World, name: string): boolean {
  const o = obj(w, name);
  return o.center[2] - o.size[2] / 2 < 0.02;
}

/** Emits the pushes; returns where the robot stands afterwards. */
function emitMoves(b: ProgramBuilder, w: World, moves: Move[], from: [number, number]): [number, number] {
  let robot = from;
  for (const m of moves) {
    const o = obj(w, m.object);
    let from: [number, number] = [o.center[0], o.center[1]];
    for (const v of m.via ?? []) {
      b.call('push_to_position', [m.object, [v[0], v[1], o.center[2]]], `push ${m.object} to the corner of its route`, {
        name: `${m.object} waypoint`,
        derivation: `first across, into line with where it goes, then along`,
      });
      from = v;
    }
    b.call('push_to_position', [m.object, [m.to[0], m.to[1], o.center[2]]], `push ${m.object}: ${m.why}`, {
      name: `${m.object} target centre`,
      derivation: m.why,
    });
    robot = afterPush(w, o, from, m.to);
  }
  return robot;
}

function robotOnCandidates(w: World, goal: Extract<Goal, { type: 'robot-on' }>): Candidate[] {
  const target = w.surfaces.find((s) => s.name === goal.object);
  if (!target) return [];
  return reachPlans(w, target, MAX_STAIR_MOVES).slice(0, 10).map((plan) => {
    const b = new ProgramBuilder();
    const robot = emitMoves(b, w, plan.moves, w.robotXY);
    const path = route(w.start, target, plan.surfaces, w.lim)!;
    // After pushing, the robot stands on whatever it pushed from; plan the walk from where it started.
    const dist = walkRoute(b, w, robot, path, plan.finalXY);
    return b.build(plan.schemas, plan.cost + dist);
  });
}

function safeDrop(o: ObservedObject, breakSpeed: number): number {
  return (breakSpeed * breakSpeed) / (2 * G);
}

/**
 * Landing spots just off each edge of the support, in line with the fragile object, `k` out from
 * the edge. Only edges the robot can push towards: its body centre must fit on the support behind
 * the object (opposite the push), and its width to either side of the object's line.
 */
function landingSpots(w: World, support: Surface, f: ObservedObject, c: ObservedObject, k: number) {
  const spots: { edge: '-x' | '+x' | '-y' | '+y'; cushion: [number, number]; push: [number, number]; dist: number }[] = [];
  const [fx, fy] = [f.center[0], f.center[1]];
  const hc = [c.size[0] / 2, c.size[1] / 2];
  const hf = [f.size[0] / 2, f.size[1] / 2];
  const body = w.obs.robot.kind === 'quadruped' ? w.obs.robot.bodySize : [0.65, 0.3, 0.3];
  const fits = (axis: 0 | 1, sign: number): boolean => {
    const other = axis === 0 ? 1 : 0;
    const line = f.center[other]!;
    if (line - body[1]! / 2 - EDGE_ROOM < support.min[other] || line + body[1]! / 2 + EDGE_ROOM > support.max[other]) return false;
    // The body centre lines up behind the object on the support (its rear may overhang a step).
    const back = f.center[axis]! - sign * (f.size[axis]! / 2 + body[0]! / 2 + EDGE_ROOM);
    return back >= support.min[axis] && back <= support.max[axis];
  };
  if (fits(1, 1)) spots.push({ edge: '+y', cushion: [fx, support.max[1] + hc[1]! + k], push: [fx, support.max[1] + hf[1]! + 0.1], dist: support.max[1] - fy });
  if (fits(1, -1)) spots.push({ edge: '-y', cushion: [fx, support.min[1] - hc[1]! - k], push: [fx, support.min[1] - hf[1]! - 0.1], dist: fy - support.min[1] });
  if (fits(0, 1)) spots.push({ edge: '+x', cushion: [support.max[0] + hc[0]! + k, fy], push: [support.max[0] + hf[0]! + 0.1, fy], dist: support.max[0] - fx });
  if (fits(0, -1)) spots.push({ edge: '-x', cushion: [support.min[0] - hc[0]! - k, fy], push: [support.min[0] - hf[0]! - 0.1, fy], dist: fx - support.min[0] });
  return spots.sort((a, b) => a.dist - b.dist);
}

function groundCandidates(w: World, goal: Extract<Goal, { type: 'on-ground-intact' }>, breakSpeed: number): Candidate[] {
  const f = obj(w, goal.object);
  const supportName = f.onTopOf.find((n) => n !== 'ground');
  if (!supportName) return [];
  const support = w.surfaces.find((s) => s.name === supportName);
  if (!support) return [];
  const drop = f.center[2] - f.size[2] / 2;
  const candidates: Candidate[] = [];
  const softs = w.obs.objects.filter((o) => o.soft && o.movable && o.name !== f.name && isOnGround(w, o.name));
  const needCushion = drop > safeDrop(f, breakSpeed) * 0.9;
  const options = needCushion ? softs : [undefined, ...softs];
  for (const c of options) {
    for (const [kIndex, k] of (c ? LANDING_CLEARANCES : [0]).entries()) {
      const spots = landingSpots(w, support, f, c ?? f, k);
      for (const spot of spots) {
        const placed = c ? moved(surfaceOf(c), spot.cushion) : null;
        if (c && placed && collides(w, placed, [c.name])) continue;
        const routes = c ? pushLegs(w, c, spot.cushion).slice(0, 2) : [[]];
        for (const [rIndex, legs] of routes.entries()) {
          const b = new ProgramBuilder();
          let cost = spot.dist + 0.6 * kIndex + 0.8 * rIndex;
          const schemas: string[] = [];
          let surfaces = w.surfaces;
          let robot = w.robotXY;
          if (c && placed) {
            legs.forEach((leg, i) => {
              const last = i === legs.length - 1;
              b.call(
                'push_to_position',
                [c.name, [leg[0], leg[1], c.center[2]]],
                last ? `push ${c.name} under the ${spot.edge} edge of ${support.name} to soften ${f.name}'s fall` : `push ${c.name} round what stands in its way`,
                last
                  ? {
                      name: `${c.name} landing position`,
                      derivation: `${f.name} would fall ${drop.toFixed(2)} m (safe: ${safeDrop(f, breakSpeed).toFixed(2)} m); ${c.name} goes ${k} m off ${support.name}'s ${spot.edge} side, in line with ${f.name}`,
                    }
                  : { name: `${c.name} waypoint`, derivation: 'corner of an L-shaped push whose legs clear the other objects' },
              );
            });
            // Measured, not assumed: a push that stalled on the way is finished from where the cushion is.
            b.code('closed-loop', `if ${c.name} stopped short of its landing spot, push it there again from where it is`, [
              `{ const at = get_position(${JSON.stringify(c.name)}); if (Math.hypot(at[0] - ${r4(spot.cushion[0])}, at[1] - ${r4(spot.cushion[1])}) > 0.08) push_to_position(${JSON.stringify(c.name)}, [${r4(spot.cushion[0])}, ${r4(spot.cushion[1])}, ${r4(c.center[2])}]); }`,
            ]);
            robot = afterPush(w, c, legs.length > 1 ? legs[legs.length - 2]! : [c.center[0], c.center[1]], spot.cushion);
            cost += Math.hypot(spot.cushion[0] - c.center[0], spot.cushion[1] - c.center[1]) + TOOL_PENALTY;
            schemas.push('soft-landing');
            surfaces = surfaces.map((s) => (s.name === c.name ? placed : s));
          }
          // Get onto the support: the robot now stands on the ground beside the cushion (or where it started).
          const start = c ? GROUND : w.start;
          const sub: World = { ...w, surfaces, start };
          const plans = reachPlans(sub, support, 1);
          const plan = plans[0];
          if (!plan) continue;
          robot = emitMoves(b, sub, plan.moves, robot);
          const path = route(start, support, plan.surfaces, w.lim)!;
          cost += walkRoute(b, sub, robot, path) + plan.cost;
          schemas.push(...plan.schemas);
          b.call('push_to_position', [f.name, [spot.push[0], spot.push[1], f.center[2]]], `push ${f.name} off the ${spot.edge} edge of ${support.name}${c ? ` onto ${c.name}` : ''}`, {
            name: `${f.name} push target`,
            derivation: `past the ${spot.edge} edge so that its centre leaves ${support.name}`,
          });
          schemas.push('push-off');
          candidates.push(b.build(schemas, cost));
        }
      }
    }
  }
  return candidates;
}

const r4 = (v: number): number => Math.round(v * 1e4) / 1e4;

/** Every quadruped strategy for the goal, cheapest first. */
export function quadrupedCandidates(obs: SceneObservation, goal: Goal, fragileBreakSpeed = 2.43): Candidate[] {
  const w = worldOf(obs);
  switch (goal.type) {
    case 'robot-on':
      return robotOnCandidates(w, goal).sort((a, b) => a.cost - b.cost);
    case 'on-ground-intact':
      return groundCandidates(w, goal, fragileBreakSpeed).sort((a, b) => a.cost - b.cost);
    default:
      return [];
  }
}

