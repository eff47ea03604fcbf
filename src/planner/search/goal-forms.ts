import type { Goal } from '../../scene/schema.ts';
import type { ObservedObject, SceneObservation } from '../../perception/observation.ts';
import { ProgramBuilder, type Candidate } from './candidate.ts';

/**
 * Strategies for the goal forms that place one object relative to another: put X on Y (`on`)
 * and put / push X next to Y (`near`). The arm picks X up, carries it above the spot and lets
 * go; the quadruped pushes X to the side of Y that faces it. Everything comes from the
 * observation; nothing here knows a task or an object by name. The twin decides which works.
 */

type V3 = [number, number, number];

/** Gap (m) left between X and Y when X is set down beside Y; `near` allows 0.05 by default. */
const BESIDE_GAP = 0.02;
/** How far above the spot (m) the arm lets go, so that X does not land inside its support. */
const RELEASE_DROP = 0.005;
/** Clearance (m) over everything on the way while carrying. */
const CARRY_CLEARANCE = 0.04;
/** Extra cost per spot that is not the nearest side: prefer short moves. */
const SIDE_PENALTY = 0.05;

const half = (o: ObservedObject, i: number): number => o.size[i]! / 2;
const bottom = (o: ObservedObject): number => o.center[2] - half(o, 2);
const top = (o: ObservedObject): number => o.center[2] + half(o, 2);
const clamp = (v: number, lo: number, hi: number): number => Math.min(hi, Math.max(lo, v));
const dist2 = (a: readonly number[], b: readonly number[]): number => Math.hypot(a[0]! - b[0]!, a[1]! - b[1]!);

/** Whether X's footprint centred at (x, y) would overlap any object other than those skipped. */
function footprintFree(obs: SceneObservation, x: ObservedObject, at: readonly number[], skip: readonly string[], z: [number, number]): boolean {
  return obs.objects.every((o) => {
    if (skip.includes(o.name)) return true;
    if (top(o) <= z[0] + 0.002 || bottom(o) >= z[1]) return true;
    return [0, 1].some((i) => Math.abs(o.center[i]! - at[i]!) >= half(o, i) + half(x, i));
  });
}

/** The spots beside Y where X's centre can go, nearest to X first: one per side of Y. */
function besideSpots(x: ObservedObject, y: ObservedObject): { spot: V3; side: string }[] {
  const out: { spot: V3; side: string }[] = [];
  for (const axis of [0, 1] as const) {
    const other = axis === 0 ? 1 : 0;
    for (const sign of [-1, 1] as const) {
      const spot: V3 = [0, 0, 0];
      spot[axis] = y.center[axis]! + sign * (half(y, axis) + half(x, axis) + BESIDE_GAP);
      // Along the side: where X is now, kept within Y's extent so that the gap is the side's.
      spot[other] = clamp(x.center[other]!, y.center[other]! - half(y, other), y.center[other]! + half(y, other));
      spot[2] = x.center[2];
      out.push({ spot, side: `${sign > 0 ? '+' : '-'}${axis === 0 ? 'x' : 'y'}` });
    }
  }
  return out.sort((a, b) => dist2(a.spot, x.center) - dist2(b.spot, x.center));
}

function armPlace(obs: SceneObservation, goal: Extract<Goal, { type: 'on' | 'near' }>): Candidate[] {
  if (obs.robot.kind !== 'arm') return [];
  const ws = obs.robot.workspace;
  const x = obs.objects.find((o) => o.name === goal.object);
  const y = obs.objects.find((o) => o.name === (goal.type === 'on' ? goal.support : goal.target));
  if (!x?.graspablePoint || !x.movable || !y) return [];
  const g = x.graspablePoint as V3;
  const inWs = (p: readonly number[]): boolean => [0, 1, 2].every((i) => p[i]! >= ws.min[i]! - 1e-9 && p[i]! <= ws.max[i]! + 1e-9);
  if (!inWs(g)) return [];
  // Height of the grasp point above X's bottom: where the gripper must be for X to stand at a height.
  const hold = g[2] - bottom(x);
  const spots =
    goal.type === 'on'
      ? [{ spot: [y.center[0], y.center[1], top(y)] as V3, side: 'top' }]
      : besideSpots(x, y)
          .map(({ spot, side }) => ({ spot: [spot[0], spot[1], bottom(y)] as V3, side }))
          .filter(({ spot }) => footprintFree(obs, x, spot, [x.name, y.name], [spot[2], spot[2] + x.size[2]]));
  const highest = Math.max(...obs.objects.filter((o) => o.name !== x.name).map(top), top(y));
  const carry = Math.min(ws.max[2], Math.max(g[2] + 0.05, highest + hold + CARRY_CLEARANCE));
  const out: Candidate[] = [];
  spots.forEach(({ spot, side }, rank) => {
    const release: V3 = [spot[0], spot[1], spot[2] + hold + RELEASE_DROP];
    if (!inWs(release)) return;
    const b = new ProgramBuilder();
    const where = goal.type === 'on' ? `on top of ${y.name}` : `beside ${y.name} (${side} side)`;
    b.call('open_gripper', [], 'open the gripper');
    b.call('move_to_position', [[g[0], g[1], carry]], `above ${x.name}`);
    b.call('move_to_position', [g], `down to ${x.name}'s graspable point`);
    b.call('close_gripper', [], `grasp ${x.name}`);
    b.call('move_to_position', [[g[0], g[1], carry]], `lift ${x.name} clear of everything`, { name: 'carry height', derivation: `highest top ${highest.toFixed(3)} + grasp height ${hold.toFixed(3)} + ${CARRY_CLEARANCE}` });
    b.call('move_to_position', [[release[0], release[1], carry]], `carry ${x.name} ${where}`);
    b.call('move_to_position', [release], `lower ${x.name} until it nearly touches`, {
      name: 'release point',
      derivation: `${goal.type === 'on' ? `${y.name}'s top` : `the surface ${y.name} stands on`} ${spot[2].toFixed(3)} + grasp height ${hold.toFixed(3)} + ${RELEASE_DROP}`,
    });
    b.call('open_gripper', [], `let go of ${x.name} ${where}`);
    b.call('move_to_position', [[release[0], release[1], carry]], 'lift the gripper clear');
    out.push(b.build([goal.type === 'on' ? 'place-on' : 'place-beside'], dist2(g, release) + 2 * (carry - g[2]) + rank * SIDE_PENALTY));
  });
  return out;
}

function quadrupedPush(obs: SceneObservation, goal: Extract<Goal, { type: 'near' }>): Candidate[] {
  if (obs.robot.kind !== 'quadruped') return [];
  const x = obs.objects.find((o) => o.name === goal.object);
  const y = obs.objects.find((o) => o.name === goal.target);
  if (!x?.movable || !y) return [];
  const z: [number, number] = [bottom(x), top(x)];
  return besideSpots(x, y)
    .filter(({ spot }) => footprintFree(obs, x, spot, [x.name, y.name], z))
    .map(({ spot, side }, rank) => {
      const b = new ProgramBuilder();
      b.call('push_to_position', [x.name, spot], `push ${x.name} to ${y.name}'s ${side} side, ${BESIDE_GAP} m from it`, {
        name: `${x.name} push target`,
        derivation: `${y.name}'s ${side} face + half of ${x.name} + ${BESIDE_GAP}`,
      });
      return b.build(['push-beside'], dist2(x.center, spot) + rank * SIDE_PENALTY);
    });
}

/** Candidates for the placing goal forms (`on`, `near`); none for the other goals. */
export function goalFormCandidates(obs: SceneObservation, goal: Goal): Candidate[] {
  switch (goal.type) {
    case 'on':
      return armPlace(obs, goal);
    case 'near':
      return [...armPlace(obs, goal), ...quadrupedPush(obs, goal)];
    default:
      return [];
  }
}
