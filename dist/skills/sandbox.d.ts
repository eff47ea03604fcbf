import type { CallRecord, ProgramRun } from './program.ts';
import type { RobotBackend } from './backend.ts';
import { SafetyEnvelope } from './safety.ts';
import { ProgramStopError } from './sandbox-errors.ts';
/**
 * The program sandbox: runs a program — plain sequential JavaScript calling skills without
 * `await` — in a fresh QuickJS context (asyncified, so a skill call suspends the program
 * while the robot moves). The context holds the robot's skills, `Math` (and the rest of the
 * language's own built-ins) and a captured `console.log`; nothing of the host. Every call
 * goes through the safety envelope. Budgets bound CPU time, memory, wall time, skill calls,
 * output and stack; each ends the program with a BudgetError naming it.
 */
/** What a program may use. */
export interface SandboxBudgets {
    /** Time spent interpreting the program, not counting skills (ms). */
    cpuMs: number;
    /** Interpreter heap (bytes): QuickJS's allocation limit, and how far the instance's memory may grow during the program. */
    memoryBytes: number;
    /** Total time, skills included (ms). */
    wallMs: number;
    /** Skill calls. */
    calls: number;
    /** Characters printed with console.log (each line counts one more for its newline). */
    outputChars: number;
    /** Interpreter stack (bytes); at most MAX_STACK_BYTES. */
    stackBytes: number;
}
/**
 * The largest interpreter stack. Once V8 has optimised the asyncified interpreter loop
 * (TurboFan), each JavaScript call level inside QuickJS takes tens of KiB of the host's native
 * stack, and ~25 levels overflow Node's 984 KiB main-thread stack before QuickJS's own check
 * fires (6 KiB overflowed in measurements; 4 KiB did not). 3 KiB allows ~15 levels of
 * recursion, plenty for robot programs, with margin. A host overflow is still caught
 * (SandboxFault) and the instance dropped; this keeps it from happening.
 */
export declare const MAX_STACK_BYTES: number;
export declare const DEFAULT_BUDGETS: Readonly<SandboxBudgets>;
/** A warning or safety stop raised while a program ran. */
export type ProgramEvent = ProgramRun['events'][number];
export interface RunProgramOptions {
    signal?: AbortSignal;
    /** Each skill call as it completes (or is refused). */
    onCall?: (call: CallRecord) => void;
    /** Each warning or safety stop as it happens. */
    onEvent?: (event: ProgramEvent) => void;
    /** Each console.log line. */
    onLog?: (line: string) => void;
    budgets?: Partial<SandboxBudgets>;
    /** The envelope to run through; default: the backend's own (`SafetyEnvelope.for`), whose e-stop latch persists. */
    envelope?: SafetyEnvelope;
}
/** A finished program: the ProgramRun the planner reads, plus the typed failure and the output. */
export interface SandboxRun extends ProgramRun {
    /** Why it stopped early; null when it ran to its end. */
    failure: ProgramStopError | null;
    /** console.log lines. */
    output: string[];
    usage: {
        cpuMs: number;
        wallMs: number;
        calls: number;
        outputChars: number;
    };
}
/** Budgets with defaults filled in; throws RangeError for a value that is not a positive number or out of range. */
export declare function resolveBudgets(partial?: Partial<SandboxBudgets>): SandboxBudgets;
/** Runs `source` on `backend` through the safety envelope. Never rejects for anything the program does. */
export declare function runProgram(source: string, backend: RobotBackend, opts?: RunProgramOptions): Promise<SandboxRun>;
//# sourceMappingURL=sandbox.d.ts.map