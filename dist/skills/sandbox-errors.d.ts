import type { ProgramErrorInfo } from './program.ts';
/**
 * Why a program stopped, as typed errors. Every error the sandbox or the safety envelope
 * reports is one of these; `toInfo()` turns it into the `{type, message, line, column}` the
 * episode stream and `robotool exec --json` carry.
 */
/** Where in the program something happened (1-based). */
export interface SourcePosition {
    line?: number;
    column?: number;
}
/** Base of every error that ends a program. `name` is the `type` users see. */
export declare abstract class ProgramStopError extends Error {
    abstract readonly name: string;
    line?: number;
    column?: number;
    constructor(message: string, at?: SourcePosition, options?: {
        cause?: unknown;
    });
    /** The error as data for events and JSON reports. */
    toInfo(): ProgramErrorInfo;
}
/** The program is not valid JavaScript. */
export declare class ProgramSyntaxError extends ProgramStopError {
    readonly name = "SyntaxError";
}
/** The program threw (a TypeError, a ReferenceError that is not a skill call, its own `throw`). */
export declare class ProgramRuntimeError extends ProgramStopError {
    /** The JavaScript error's own name: TypeError, RangeError, Error, … */
    readonly jsName: string;
    readonly name = "RuntimeError";
    constructor(
    /** The JavaScript error's own name: TypeError, RangeError, Error, … */
    jsName: string, message: string, at?: SourcePosition);
}
/** The program called a function that is not one of the robot's skills. */
export declare class UnknownSkillError extends ProgramStopError {
    readonly skill: string;
    /** The real skill whose name is closest. */
    readonly closest: string;
    readonly name = "UnknownSkillError";
    constructor(skill: string, 
    /** The real skill whose name is closest. */
    closest: string, message: string, at?: SourcePosition);
}
/** A query skill failed (no such object, not graspable) and the program did not catch it. */
export declare class SkillError extends ProgramStopError {
    readonly name = "SkillError";
}
/** The program used promises, `async` or `import()`: skills are plain blocking calls and jobs never run. */
export declare class AsyncProgramError extends ProgramStopError {
    readonly name = "AsyncProgramError";
}
/** The budgets a program runs under. `stack` is the interpreter's stack (recursion depth). */
export type BudgetName = 'cpu' | 'memory' | 'wall' | 'calls' | 'output' | 'stack';
/** The program used up one of its budgets. */
export declare class BudgetError extends ProgramStopError {
    readonly budget: BudgetName;
    /** The limit that was reached, in the budget's unit (ms, bytes, calls, characters). */
    readonly limit: number;
    readonly name = "BudgetError";
    constructor(budget: BudgetName, 
    /** The limit that was reached, in the budget's unit (ms, bytes, calls, characters). */
    limit: number, message: string, at?: SourcePosition);
}
/** Which safety rule a call broke. */
export type SafetyRule = 'schema' | 'finite' | 'capability' | 'workspace' | 'keep-out' | 'speed' | 'force' | 'e-stop';
/** The safety envelope refused a call, or stopped the robot after one; the robot is stopped. */
export declare class SafetyError extends ProgramStopError {
    readonly rule: SafetyRule;
    readonly skill: string;
    readonly name: string;
    constructor(rule: SafetyRule, skill: string, message: string, at?: SourcePosition);
}
/** A skill was called with arguments that do not fit its schema: names the skill, the argument and what was expected. */
export declare class ArgumentError extends SafetyError {
    /** The argument's name from the registry (`position`), or `arguments` for a wrong count. */
    readonly argument: string;
    /** What the skill wants there, in words. */
    readonly expected: string;
    readonly name = "ArgumentError";
    constructor(rule: 'schema' | 'finite', skill: string, 
    /** The argument's name from the registry (`position`), or `arguments` for a wrong count. */
    argument: string, 
    /** What the skill wants there, in words. */
    expected: string, message: string, at?: SourcePosition);
}
/** The e-stop is latched: nothing runs until it is released explicitly. */
export declare class EStopError extends SafetyError {
    readonly reason: string;
    readonly name = "EStopError";
    constructor(skill: string, reason: string, at?: SourcePosition);
}
/** The run was cancelled through its AbortSignal; the robot was stopped. */
export declare class CancelledError extends ProgramStopError {
    readonly name = "CancelledError";
}
/**
 * The interpreter itself failed (the host stack overflowed around a suspended skill call, the
 * WebAssembly instance trapped). The instance is discarded; the host process is unaffected.
 */
export declare class SandboxFault extends ProgramStopError {
    readonly name = "SandboxFault";
}
//# sourceMappingURL=sandbox-errors.d.ts.map