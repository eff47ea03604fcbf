import type { Goal } from '../scene/schema.ts';
import type { SimWorld } from './world.ts';

/** Whether the task's goal holds in the world now, and why (or why not). */
export interface GoalCheck {
  success: boolean;
  reason: string;
}

const SETTLED_SPEED = 0.05;

/** Evaluates a scene's success predicate over the world state. Pure: reads, never steps. */
export function checkGoal(sim: SimWorld, goal: Goal): GoalCheck {
  const held = sim.robot?.held() ?? [];
  switch (goal.type) {
    case 'grasped': {
      const lift = sim.aabb(goal.object).min[2] - sim.initialBottom(goal.object);
      if (!held.includes(goal.object)) return { success: false, reason: `${goal.object} is not in the gripper` };
      if (lift < goal.minLift)
        return { success: false, reason: `${goal.object} is grasped but lifted ${fmt(lift)} m (needs ${goal.minLift})` };
      return { success: true, reason: `${goal.object} grasped and lifted ${fmt(lift)} m` };
    }
    case 'pressed': {
      if (!sim.isPressed(goal.object)) return { success: false, reason: `${goal.object} was never pressed` };
      const by = sim.pressedBy(goal.object);
      if (!goal.with) return { success: true, reason: `${goal.object} was pressed${by.length ? ` (by ${by.join(', ')})` : ''}` };
      // A tool counts with every part joined to it (a stick of magnetic cubes presses with its tip).
      const tools = new Set(goal.with.flatMap((w) => sim.joinedGroup(w)));
      const tool = by.find((b) => tools.has(b));
      return tool
        ? { success: true, reason: `${goal.object} was pressed with ${tool}` }
        : { success: false, reason: `${goal.object} was pressed by ${by.join(', ') || 'nothing in contact'}, not with ${goal.with.join(' or ')}` };
    }
    case 'robot-on': {
      const on = sim.robot?.standingOn() ?? null;
      return on === goal.object
        ? { success: true, reason: `the robot stands on ${goal.object}` }
        : { success: false, reason: `the robot stands on ${on ?? 'nothing it can stand on'}, not ${goal.object}` };
    }
    case 'on-ground-intact': {
      if (sim.isBroken(goal.object)) return { success: false, reason: `${goal.object} broke` };
      const box = sim.aabb(goal.object);
      if (box.min[2] > goal.maxHeight)
        return { success: false, reason: `${goal.object} is still up at ${fmt(box.min[2])} m` };
      const v = sim.body(goal.object).linvel();
      if (Math.hypot(v.x, v.y, v.z) > SETTLED_SPEED) return { success: false, reason: `${goal.object} is still moving` };
      if (held.includes(goal.object)) return { success: false, reason: `${goal.object} is still held` };
      return { success: true, reason: `${goal.object} is down at ${fmt(box.min[2])} m, intact` };
    }
    case 'within-reach': {
      const spec = sim.scene.robot;
      if (spec.kind !== 'arm') return { success: false, reason: 'within-reach needs an arm' };
      const box = sim.aabb(goal.object);
      const c = [(box.min[0] + box.max[0]) / 2, (box.min[1] + box.max[1]) / 2];
      const inside = c.every((v, i) => v! >= spec.workspace.min[i]! && v! <= spec.workspace.max[i]!);
      return inside
        ? { success: true, reason: `${goal.object} is within reach` }
        : { success: false, reason: `${goal.object} at (${c.map((v) => fmt(v!)).join(', ')}) is outside the workspace` };
    }
    case 'on': {
      const rest = resting(sim, goal.object, held);
      if (rest) return rest;
      const o = sim.aabb(goal.object);
      const s = sim.aabb(goal.support);
      const c = [(o.min[0] + o.max[0]) / 2, (o.min[1] + o.max[1]) / 2];
      const over = c.every((v, i) => v! >= s.min[i]! && v! <= s.max[i]!);
      const lift = o.min[2] - s.max[2];
      if (!over || lift < -ON_TOLERANCE || lift > ON_TOLERANCE)
        return {
          success: false,
          reason: `${goal.object} is not on ${goal.support}: its centre (${c.map((v) => fmt(v!)).join(', ')}) is ${over ? 'over' : 'not over'} ${goal.support} and its bottom ${fmt(o.min[2])} m, ${goal.support}'s top ${fmt(s.max[2])} m`,
        };
      return { success: true, reason: `${goal.object} rests on ${goal.support}` };
    }
    case 'near': {
      const rest = resting(sim, goal.object, held);
      if (rest) return rest;
      const o = sim.aabb(goal.object);
      const t = sim.aabb(goal.target);
      if (o.min[2] >= t.max[2] - ON_TOLERANCE && overlapXY(o, t)) return { success: false, reason: `${goal.object} is on ${goal.target}, not beside it` };
      const gap = Math.hypot(...[0, 1].map((i) => Math.max(0, t.min[i]! - o.max[i]!, o.min[i]! - t.max[i]!)));
      return gap <= goal.maxDistance
        ? { success: true, reason: `${goal.object} is ${fmt(gap)} m from ${goal.target}` }
        : { success: false, reason: `${goal.object} is ${fmt(gap)} m from ${goal.target} (at most ${goal.maxDistance})` };
    }
  }
}

/** How far (m) the bottom of an object may sit from its support's top and still rest on it. */
const ON_TOLERANCE = 0.01;

/** Why an object does not rest where it lies (broken, held, moving), or null when it rests. */
function resting(sim: SimWorld, name: string, held: readonly string[]): GoalCheck | null {
  if (sim.isBroken(name)) return { success: false, reason: `${name} broke` };
  if (held.includes(name)) return { success: false, reason: `${name} is still held` };
  const v = sim.body(name).linvel();
  if (Math.hypot(v.x, v.y, v.z) > SETTLED_SPEED) return { success: false, reason: `${name} is still moving` };
  return null;
}

function overlapXY(a: { min: readonly number[]; max: readonly number[] }, b: { min: readonly number[]; max: readonly number[] }): boolean {
  return [0, 1].every((i) => a.min[i]! < b.max[i]! && b.min[i]! < a.max[i]!);
}

function fmt(v: number): string {
  return v.toFixed(3);
}
