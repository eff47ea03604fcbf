import type { CalculatedValue, KeyConcept, PlanStep } from '../stages.ts';
/** One strategy the search planner proposes: its plan, the numbers behind it, and its program. */
export interface Candidate {
    /** The tool-use schemas it composes, e.g. `["make-stairs", "walk-route"]`. */
    schemas: string[];
    /** Lower is tried first: metres pushed and walked plus a penalty per tool. */
    cost: number;
    steps: PlanStep[];
    values: CalculatedValue[];
    program: string;
}
/** Builds a candidate's plan, values and program together, one skill call at a time. */
export declare class ProgramBuilder {
    readonly steps: PlanStep[];
    readonly values: CalculatedValue[];
    private readonly lines;
    /** Adds one skill call as a plan step; `args` are JavaScript literals. */
    call(skill: string, args: readonly unknown[], description: string, value?: {
        name: string;
        derivation: string;
    }): this;
    /**
     * Reads a value from the robot at run time into a constant (`const v = get_graspable_point("x");`),
     * for steps that must use where an object ended up after earlier steps moved it.
     */
    query(variable: string, skill: string, object: string, description: string): this;
    /**
     * Adds a skill call whose position is a queried constant plus a fixed offset:
     * `move_to_position([v[0] + dx, v[1] + dy, v[2] + dz])`.
     */
    callOffset(skill: string, variable: string, offset: readonly number[], description: string): this;
    /** Adds a skill call whose position components are JavaScript expressions over queried constants. */
    callExpr(skill: string, components: readonly string[], description: string): this;
    comment(text: string): this;
    program(): string;
    build(schemas: string[], cost: number): Candidate;
}
/** What the search planner's analyzer found, used by the schema generators. */
export interface Analysis {
    concepts: KeyConcept[];
}
//# sourceMappingURL=candidate.d.ts.map