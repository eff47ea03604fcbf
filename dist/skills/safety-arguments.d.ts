import { type SkillSpec } from './registry.ts';
/**
 * Argument checks with messages a person can act on: which skill, which argument, what was
 * expected and what was passed.
 */
/** A value the sandbox could not carry to the host as itself (a function, a huge array): only its description. */
export declare class ForeignValue {
    readonly description: string;
    constructor(description: string);
    /** Traces and JSON reports show the description. */
    toJSON(): string;
}
/** What a skill wants for argument `index`, in words. */
export declare function expectedArgument(spec: SkillSpec, index: number): string;
/** A short, bounded description of a value for an error message. */
export declare function describeValue(v: unknown): string;
/**
 * Validates a call's arguments against the skill's schema and returns the parsed arguments.
 * Throws ArgumentError naming the skill, the argument and what was expected.
 */
export declare function checkArguments(spec: SkillSpec, args: readonly unknown[]): unknown[];
//# sourceMappingURL=safety-arguments.d.ts.map