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
export abstract class ProgramStopError extends Error {
  abstract override readonly name: string;
  line?: number;
  column?: number;

  constructor(message: string, at: SourcePosition = {}, options?: { cause?: unknown }) {
    super(message, options);
    if (at.line !== undefined) this.line = at.line;
    if (at.column !== undefined) this.column = at.column;
  }

  /** The error as data for events and JSON reports. */
  toInfo(): ProgramErrorInfo {
    return {
      type: this.name,
      message: this.message,
      ...(this.line !== undefined ? { line: this.line } : {}),
      ...(this.column !== undefined ? { column: this.column } : {}),
    };
  }
}

/** The program is not valid JavaScript. */
export class ProgramSyntaxError extends ProgramStopError {
  override readonly name = 'SyntaxError';
}

/** The program threw (a TypeError, a ReferenceError that is not a skill call, its own `throw`). */
export class ProgramRuntimeError extends ProgramStopError {
  override readonly name = 'RuntimeError';
  constructor(
    /** The JavaScript error's own name: TypeError, RangeError, Error, … */
    readonly jsName: string,
    message: string,
    at: SourcePosition = {},
  ) {
    super(`${jsName}: ${message}`, at);
  }
}

/** The program called a function that is not one of the robot's skills. */
export class UnknownSkillError extends ProgramStopError {
  override readonly name = 'UnknownSkillError';
  constructor(
    readonly skill: string,
    /** The real skill whose name is closest, or '' when none is close. */
    readonly closest: string,
    message: string,
    at: SourcePosition = {},
  ) {
    super(message, at);
  }
}

/** A query skill failed (no such object, not graspable) and the program did not catch it. */
export class SkillError extends ProgramStopError {
  override readonly name = 'SkillError';
}

/** The program used promises, `async` or `import()`: skills are plain blocking calls and jobs never run. */
export class AsyncProgramError extends ProgramStopError {
  override readonly name = 'AsyncProgramError';
}

/** The budgets a program runs under. `stack` is the interpreter's stack (recursion depth); `time` the robot time its motions took. */
export type BudgetName = 'cpu' | 'memory' | 'wall' | 'calls' | 'output' | 'stack' | 'time';

/** The program used up one of its budgets. */
export class BudgetError extends ProgramStopError {
  override readonly name = 'BudgetError';
  constructor(
    readonly budget: BudgetName,
    /** The limit that was reached, in the budget's unit (ms, bytes, calls, characters). */
    readonly limit: number,
    message: string,
    at: SourcePosition = {},
  ) {
    super(`${budget} budget exceeded: ${message}`, at);
  }
}

/** Which safety rule a call broke. */
export type SafetyRule = 'schema' | 'finite' | 'capability' | 'workspace' | 'keep-out' | 'speed' | 'force' | 'e-stop' | 'confirmed-state';

/** The safety envelope refused a call, or stopped the robot after one; the robot is stopped. */
export class SafetyError extends ProgramStopError {
  override readonly name: string = 'SafetyError';
  constructor(
    readonly rule: SafetyRule,
    readonly skill: string,
    message: string,
    at: SourcePosition = {},
  ) {
    super(message, at);
  }
}

/** A skill was called with arguments that do not fit its schema: names the skill, the argument and what was expected. */
export class ArgumentError extends SafetyError {
  override readonly name = 'ArgumentError';
  constructor(
    rule: 'schema' | 'finite',
    skill: string,
    /** The argument's name from the registry (`position`), or `arguments` for a wrong count. */
    readonly argument: string,
    /** What the skill wants there, in words. */
    readonly expected: string,
    message: string,
    at: SourcePosition = {},
  ) {
    super(rule, skill, message, at);
  }
}

/** The e-stop is latched: nothing runs until it is released explicitly. */
export class EStopError extends SafetyError {
  override readonly name = 'EStopError';
  constructor(skill: string, readonly reason: string, at: SourcePosition = {}) {
    super('e-stop', skill, `e-stop latched (${reason}); ${skill} refused until the e-stop is released`, at);
  }
}

/** The run was cancelled through its AbortSignal; the robot was stopped. */
export class CancelledError extends ProgramStopError {
  override readonly name = 'CancelledError';
}

/**
 * The interpreter itself failed (the host stack overflowed around a suspended skill call, the
 * WebAssembly instance trapped). The instance is discarded; the host process is unaffected.
 */
export class SandboxFault extends ProgramStopError {
  override readonly name = 'SandboxFault';
}
