/** Base of every error that ends a program. `name` is the `type` users see. */
export class ProgramStopError extends Error {
    line;
    column;
    constructor(message, at = {}, options) {
        super(message, options);
        if (at.line !== undefined)
            this.line = at.line;
        if (at.column !== undefined)
            this.column = at.column;
    }
    /** The error as data for events and JSON reports. */
    toInfo() {
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
    name = 'SyntaxError';
}
/** The program threw (a TypeError, a ReferenceError that is not a skill call, its own `throw`). */
export class ProgramRuntimeError extends ProgramStopError {
    jsName;
    name = 'RuntimeError';
    constructor(
    /** The JavaScript error's own name: TypeError, RangeError, Error, … */
    jsName, message, at = {}) {
        super(`${jsName}: ${message}`, at);
        this.jsName = jsName;
    }
}
/** The program called a function that is not one of the robot's skills. */
export class UnknownSkillError extends ProgramStopError {
    skill;
    closest;
    name = 'UnknownSkillError';
    constructor(skill, 
    /** The real skill whose name is closest. */
    closest, message, at = {}) {
        super(message, at);
        this.skill = skill;
        this.closest = closest;
    }
}
/** A query skill failed (no such object, not graspable) and the program did not catch it. */
export class SkillError extends ProgramStopError {
    name = 'SkillError';
}
/** The program used promises, `async` or `import()`: skills are plain blocking calls and jobs never run. */
export class AsyncProgramError extends ProgramStopError {
    name = 'AsyncProgramError';
}
/** The program used up one of its budgets. */
export class BudgetError extends ProgramStopError {
    budget;
    limit;
    name = 'BudgetError';
    constructor(budget, 
    /** The limit that was reached, in the budget's unit (ms, bytes, calls, characters). */
    limit, message, at = {}) {
        super(`${budget} budget exceeded: ${message}`, at);
        this.budget = budget;
        this.limit = limit;
    }
}
/** The safety envelope refused a call, or stopped the robot after one; the robot is stopped. */
export class SafetyError extends ProgramStopError {
    rule;
    skill;
    name = 'SafetyError';
    constructor(rule, skill, message, at = {}) {
        super(message, at);
        this.rule = rule;
        this.skill = skill;
    }
}
/** A skill was called with arguments that do not fit its schema: names the skill, the argument and what was expected. */
export class ArgumentError extends SafetyError {
    argument;
    expected;
    name = 'ArgumentError';
    constructor(rule, skill, 
    /** The argument's name from the registry (`position`), or `arguments` for a wrong count. */
    argument, 
    /** What the skill wants there, in words. */
    expected, message, at = {}) {
        super(rule, skill, message, at);
        this.argument = argument;
        this.expected = expected;
    }
}
/** The e-stop is latched: nothing runs until it is released explicitly. */
export class EStopError extends SafetyError {
    reason;
    name = 'EStopError';
    constructor(skill, reason, at = {}) {
        super('e-stop', skill, `e-stop latched (${reason}); ${skill} refused until the e-stop is released`, at);
        this.reason = reason;
    }
}
/** The run was cancelled through its AbortSignal; the robot was stopped. */
export class CancelledError extends ProgramStopError {
    name = 'CancelledError';
}
/**
 * The interpreter itself failed (the host stack overflowed around a suspended skill call, the
 * WebAssembly instance trapped). The instance is discarded; the host process is unaffected.
 */
export class SandboxFault extends ProgramStopError {
    name = 'SandboxFault';
}
//# sourceMappingURL=sandbox-errors.js.map