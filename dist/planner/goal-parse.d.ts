import type { Goal } from '../scene/schema.ts';
import type { SceneObservation } from '../perception/observation.ts';
/** The goals the search planner understands without a model. */
export declare const SUPPORTED_GOALS: string[];
/** A command the search planner cannot turn into a goal, with what it supports and how to get more. */
export declare class GoalParseError extends Error {
    readonly name = "GoalParseError";
    constructor(message: string);
}
/** Finds the object a phrase names: exact name first, then the best word overlap; ambiguity is an error. */
export declare function resolveObject(phrase: string, names: readonly string[]): string;
/** Turns a plain-language command into a goal over the observed scene. */
export declare function parseGoal(command: string, obs: SceneObservation): Goal;
//# sourceMappingURL=goal-parse.d.ts.map