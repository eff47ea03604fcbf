import type { Goal } from '../scene/schema.ts';
import type { SimWorld } from './world.ts';
/** Whether the task's goal holds in the world now, and why (or why not). */
export interface GoalCheck {
    success: boolean;
    reason: string;
}
/** Evaluates a scene's success predicate over the world state. Pure: reads, never steps. */
export declare function checkGoal(sim: SimWorld, goal: Goal): GoalCheck;
//# sourceMappingURL=predicates.d.ts.map