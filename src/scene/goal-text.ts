import type { Goal } from './schema.ts';

/** A goal in words, for people: "grasp hammer (lifted 0.02 m)", "put can on paper". */
export function describeGoal(goal: Goal): string {
  switch (goal.type) {
    case 'grasped':
      return `grasp ${goal.object} (lifted at least ${goal.minLift} m)`;
    case 'pressed':
      return `press ${goal.object}${goal.with ? ` with ${goal.with.join(' or ')}` : ''}`;
    case 'within-reach':
      return `bring ${goal.object} within reach`;
    case 'robot-on':
      return `stand on ${goal.object}`;
    case 'on-ground-intact':
      return `put ${goal.object} on the ground intact (bottom at most ${goal.maxHeight} m up)`;
    case 'on':
      return `put ${goal.object} on ${goal.support}`;
    case 'near':
      return `put ${goal.object} next to ${goal.target} (within ${goal.maxDistance} m)`;
  }
}
