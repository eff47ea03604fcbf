import type { ObservedObject } from '../../perception/observation.ts';
import {
  GRIPPER_BOX,
  boxOf,
  boxesOf,
  dirVec,
  grow,
  inWorkspaceXY,
  overlaps3,
  separationXY,
  shift,
  sweep,
  type Box,
  type Dir,
  type ToolShape,
  type V3,
  type Workspace,
} from './arm-geometry.ts';

/**
 * The placement search behind every "move a target with a held tool" schema. Pulling a target
 * towards the robot with a hook and pushing it sideways with a stick are the same act: some part
 * of the tool is set down on the trailing side of the target, the rest of the tool and the
 * gripper clear of it, and the gripper travels along the direction of motion. Only geometry
 * decides which part touches, which side the handle passes on and where the gripper goes.
 */

/** Gap left between the tool's contact face and the target before the sweep starts (m). */
export const CONTACT_GAP = 0.02;
/** Smaller gaps tried when a tool only just reaches behind the target (m). */
export const CONTACT_GAPS = [CONTACT_GAP, 0.01, 0.004];
/** Smallest horizontal clearance between the rest of the tool and the target (m). */
const MIN_CLEARANCE = 0.008;
/** Clearance wanted between the target and a part the tool passes beside it with (m); more adds nothing. */
const WANTED_CLEARANCE = 0.02;
/** How far inside the workspace's edges the gripper stays (m). */
const WS_MARGIN = 0.001;
/** Scan step for the gripper's position across the direction of motion (m). */
const SCAN = 0.002;

export interface Obstacle {
  name: string;
  box: Box;
}

/** Every other object's solid boxes, shrunk by a millimetre so that resting contact does not count. */
export function obstaclesOf(objects: readonly ObservedObject[], exclude: readonly string[]): Obstacle[] {
  return objects
    .filter((o) => !exclude.includes(o.name))
    .flatMap((o) => boxesOf(o).map((b) => ({ name: o.name, box: grow(b, -0.001) })));
}

export interface PushPlacement {
  /** Gripper (tool centre point) where the tool is set down, and where the sweep ends. */
  start: V3;
  end: V3;
  /** Index of the tool box that touches the target. */
  contact: number;
  /** Which side of the target the gripper passes on, across the motion: -1, 0 (in line) or +1. */
  side: -1 | 0 | 1;
  /** Higher is better: the smaller of the clearance beside the target and the contact face's overhang past it. */
  score: number;
  /** Share of the target's width the contact part spans (1 = all of it). */
  cover: number;
  /** Gap left before the sweep (m). */
  gap: number;
  /** Objects the tool, the gripper or the pushed target would run into on the way. */
  blockedBy: string[];
}

export interface PushRequest {
  shape: ToolShape;
  target: Box;
  dir: Dir;
  /** How far the target must travel (m). */
  travel: number;
  /** Height of the tool's bottom above the target's bottom (m). */
  clearance: number;
  ws: Workspace;
  /** Obstacles for the tool and the gripper. */
  obstacles: Obstacle[];
  /** Obstacles for the pushed target (its supports and the carrier it goes onto left out). */
  targetObstacles: Obstacle[];
  /** Gap between the contact face and the target before the sweep (default `CONTACT_GAP`). */
  gap?: number;
  /** Where the gripper is coming from (the tool's graspable point): among equally good placements, the nearest wins. */
  from: readonly number[];
}

/**
 * Fewest millimetres of the target's width the contact part must cover (as a share of that
 * width, negative = the part's end stops short of the far edge): a hook's foot shorter than the
 * target still drags it, turning it a little, as long as its end reaches past the target's
 * middle.
 */
const MIN_COVER = -0.6;

interface Scored {
  g: V3;
  contact: number;
  side: -1 | 0 | 1;
  score: number;
  overhang: number;
  clearance: number;
}

/**
 * Every feasible way to set the tool down behind the target and sweep it along `dir`, best
 * first: per side the placement with the best balance of clearance and coverage, then the one
 * that covers most of the target, then the one that keeps most clearance. Geometry alone
 * decides: any part of any tool (a head across a handle, an L's foot, a T's bar, a plain stick's end)
 * whose face meets the target in height can be the contact.
 */
export function pushPlacements(req: PushRequest): PushPlacement[] {
  const { shape, target: T, dir, travel, ws } = req;
  const a = dir.axis;
  const b = a === 0 ? 1 : 0;
  const s = dir.sign;
  const tz = T.min[2] + req.clearance + shape.below;
  const trailing = s > 0 ? T.min[a] : T.max[a];
  const width = T.max[b] - T.min[b];
  const centreB = (T.min[b] + T.max[b]) / 2;
  const gap = req.gap ?? CONTACT_GAP;
  const stroke = travel + gap;
  const move = dirVec(dir, stroke);
  const all: Scored[] = [];
  shape.boxes.forEach((k, ki) => {
    // The contact part must meet the target in height.
    if (k.min[2] + tz >= T.max[2] || k.max[2] + tz <= T.min[2]) return;
    const lead = s > 0 ? k.max[a] : k.min[a];
    const ga = trailing - s * gap - lead;
    for (let gb = T.min[b] - k.max[b]; gb <= T.max[b] - k.min[b] + 1e-9; gb += SCAN) {
      const g: V3 = [0, 0, tz];
      g[a] = ga;
      g[b] = gb;
      const end: V3 = [g[0] + move[0], g[1] + move[1], tz];
      if (!inWorkspaceXY(g, req.ws, WS_MARGIN) || !inWorkspaceXY(end, ws, WS_MARGIN)) continue;
      const kw = shift(k, g);
      const overhang = Math.min(kw.max[b] - T.max[b], T.min[b] - kw.min[b]);
      if (overhang < MIN_COVER * width) continue; // its end does not reach past the target's middle
      let clearance = WANTED_CLEARANCE;
      let ok = true;
      shape.boxes.forEach((o, oi) => {
        if (oi === ki) return;
        const w = shift(o, g);
        if (w.min[2] >= T.max[2]) return; // passes above the target
        const sep = separationXY(w, T);
        if (sep < MIN_CLEARANCE) ok = false;
        clearance = Math.min(clearance, sep);
      });
      const gripper = shift(GRIPPER_BOX, g);
      if (gripper.min[2] < T.max[2] && separationXY(gripper, T) < 0.005) ok = false;
      if (!ok) continue;
      const side = Math.abs(gb - centreB) < 0.005 ? 0 : gb < centreB ? -1 : 1;
      all.push({ g, contact: ki, side, score: Math.min(clearance, overhang + 0.01), overhang, clearance });
    }
  });
  const far = (p: readonly number[]): number => Math.hypot(p[0]! - req.from[0]!, p[1]! - req.from[1]!);
  const pick = (xs: Scored[], key: (x: Scored) => number): Scored | undefined =>
    xs.reduce<Scored | undefined>((best, x) => (!best || key(x) > key(best) + 1e-3 || (key(x) >= key(best) - 1e-3 && far(x.g) < far(best.g)) ? x : best), undefined);
  const chosen: Scored[] = [];
  for (const side of [-1, 0, 1] as const) {
    const xs = all.filter((x) => x.side === side);
    for (const key of [(x: Scored) => x.score, (x: Scored) => x.overhang, (x: Scored) => x.clearance + 0.2 * x.overhang]) {
      const x = pick(xs, key);
      if (x && !chosen.some((c) => Math.hypot(c.g[0] - x.g[0], c.g[1] - x.g[1]) < 0.004)) chosen.push(x);
    }
  }
  const out: PushPlacement[] = chosen.map((x) => ({
    start: x.g,
    end: [x.g[0] + move[0], x.g[1] + move[1], tz] as V3,
    contact: x.contact,
    side: x.side,
    score: x.score,
    cover: Math.min(width, width + x.overhang) / width,
    gap,
    blockedBy: [],
  }));
  for (const p of out) {
    const hits = new Set<string>();
    const swept = [...shape.boxes, GRIPPER_BOX].map((bx) => sweep(shift(bx, p.start), move));
    for (const o of req.obstacles) if (swept.some((w) => overlaps3(w, o.box))) hits.add(o.name);
    const tSwept = sweep(T, dirVec(dir, travel));
    for (const o of req.targetObstacles) if (overlaps3(tSwept, o.box)) hits.add(o.name);
    p.blockedBy = [...hits];
  }
  return out.sort((x, y) => x.blockedBy.length - y.blockedBy.length || y.score - x.score);
}

/** The highest top among objects whose footprint meets `region` (the target's top at least), for carrying over them. */
export function highestTop(objects: readonly ObservedObject[], region: Box, skip: readonly string[], floor: number): number {
  let top = floor;
  for (const o of objects) {
    if (skip.includes(o.name)) continue;
    const ob = boxOf(o.center, o.size);
    if (ob.min[0] < region.max[0] && region.min[0] < ob.max[0] && ob.min[1] < region.max[1] && region.min[1] < ob.max[1]) top = Math.max(top, ob.max[2]);
  }
  return top;
}
