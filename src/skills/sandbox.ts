import type { QuickJSAsyncContext, QuickJSHandle } from 'quickjs-emscripten-core';
import { z } from 'zod';
import type { CallRecord, ProgramRun } from './program.ts';
import type { RobotBackend } from './backend.ts';
import { SKILLS, isSkillName, skillsFor, type SkillResult } from './registry.ts';
import { SafetyEnvelope } from './safety.ts';
import { ForeignValue } from './safety-arguments.ts';
import { PROGRAM_FILENAME, asyncProgram, classifyVmError, parseError, programPosition, type VmError } from './sandbox-diagnose.ts';
import {
  BudgetError,
  CancelledError,
  ProgramStopError,
  ProgramSyntaxError,
  SafetyError,
  SandboxFault,
  SkillError,
} from './sandbox-errors.ts';
import { PRELUDE, PRELUDE_FILENAME, TAG } from './sandbox-prelude.ts';
import { INSTANCE_MAX_BYTES, acquireInstance, discardInstance, instanceMemoryBytes, releaseInstance } from './sandbox-wasm.ts';

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
export const MAX_STACK_BYTES = 3 * 1024;

export const DEFAULT_BUDGETS: Readonly<SandboxBudgets> = Object.freeze({
  cpuMs: 2_000,
  memoryBytes: 32 * 1024 * 1024,
  wallMs: 300_000,
  calls: 1_000,
  outputChars: 64 * 1024,
  stackBytes: MAX_STACK_BYTES,
});

/** Smallest heap budget: a fresh context with the skills needs ~300 KiB. */
const MIN_MEMORY_BYTES = 1024 * 1024;
/** Largest heap budget: half the instance's hard cap. */
const MAX_MEMORY_BYTES = INSTANCE_MAX_BYTES / 2;
/** Time allowed to read a thrown value out after the program ended (a hostile getter could loop). */
const REPORT_MS = 100;

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
  /**
   * Seed of the program's `Math.random` (an unsigned 32-bit integer; default 1). An episode
   * passes the same seed to the twin and to the execution, so both take the same branches.
   */
  seed?: number;
  /**
   * Robot time the program's motions may take in all (s; the scene's `timeLimit`): the sum of
   * the seconds each skill call reports. Past it the program stops with BudgetError `time`.
   */
  timeLimitSeconds?: number;
}

/** A finished program: the ProgramRun the planner reads, plus the typed failure and the output. */
export interface SandboxRun extends ProgramRun {
  /** Why it stopped early; null when it ran to its end. */
  failure: ProgramStopError | null;
  /** console.log lines. */
  output: string[];
  usage: { cpuMs: number; wallMs: number; calls: number; outputChars: number };
}

/** Budgets with defaults filled in; throws RangeError for a value that is not a positive number or out of range. */
export function resolveBudgets(partial: Partial<SandboxBudgets> = {}): SandboxBudgets {
  const budgets = { ...DEFAULT_BUDGETS, ...partial };
  for (const [key, value] of Object.entries(budgets)) {
    if (!(typeof value === 'number' && value > 0 && Number.isFinite(value))) throw new RangeError(`budget ${key} must be a positive number, not ${value}`);
  }
  if (budgets.stackBytes > MAX_STACK_BYTES) throw new RangeError(`budget stackBytes must be at most ${MAX_STACK_BYTES}`);
  if (budgets.memoryBytes < MIN_MEMORY_BYTES || budgets.memoryBytes > MAX_MEMORY_BYTES) {
    throw new RangeError(`budget memoryBytes must be between ${MIN_MEMORY_BYTES} and ${MAX_MEMORY_BYTES}`);
  }
  return budgets;
}

const now = (): number => performance.now();

const VmErrorJson = z.object({ name: z.string(), message: z.string(), stack: z.string(), origin: z.enum(['skill', 'engine', 'program']).optional() });

/** Turns the prelude's tagged JSON back into values, with descriptions for what JSON cannot carry. */
function revive(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(revive);
  if (typeof v !== 'object' || v === null) return v;
  const tag = (v as Record<string, unknown>)[TAG];
  const detail = (v as Record<string, unknown>).detail;
  switch (tag) {
    case 'number':
      return Number(detail);
    case 'undefined':
      return undefined;
    case 'long-string':
      return new ForeignValue(`a ${String(detail)}-character string`);
    case 'long-array':
      return new ForeignValue(`an array of ${String(detail)} items`);
    case 'more-arguments':
      return new ForeignValue(`${String(detail)} arguments in all`);
    case 'deep':
      return new ForeignValue('a nested array');
    case undefined:
    case 'object':
      return new ForeignValue('an object');
    default:
      return new ForeignValue(`a ${String(tag)}`);
  }
}

/** Runs `source` on `backend` through the safety envelope. Never rejects for anything the program does. */
export async function runProgram(source: string, backend: RobotBackend, opts: RunProgramOptions = {}): Promise<SandboxRun> {
  const session = new ProgramSession(source, opts.envelope ?? SafetyEnvelope.for(backend), resolveBudgets(opts.budgets), opts);
  return session.run();
}

/** One program's run: its budgets' meters, its calls, and the first error that stops it. */
class ProgramSession {
  private readonly calls: CallRecord[] = [];
  private readonly events: ProgramEvent[] = [];
  private readonly output: string[] = [];
  private readonly abort = new AbortController();
  private readonly skillNames: string[];
  private fatal: ProgramStopError | null = null;
  private callCount = 0;
  private outputChars = 0;
  private cpuMs = 0;
  /** Robot seconds the program's calls reported so far. */
  private robotSeconds = 0;
  private started = 0;
  /** When the interpreter last resumed; null while it waits on a skill. */
  private vmSince: number | null = null;
  /** After the program ended: until when reading its error out may run. */
  private reportUntil: number | null = null;
  /** Reads the instance's memory size; set while the program runs. */
  private memory: { read: () => number; start: number } | null = null;

  constructor(
    private readonly source: string,
    private readonly envelope: SafetyEnvelope,
    private readonly budgets: SandboxBudgets,
    private readonly opts: RunProgramOptions,
  ) {
    this.skillNames = skillsFor(envelope.robot).map((s) => s.name);
  }

  async run(): Promise<SandboxRun> {
    this.started = now();
    const { signal } = this.opts;
    if (signal?.aborted) return this.finish(new CancelledError('the run was cancelled before the program started'));
    const onAbort = (): void => this.abort.abort(new CancelledError('the run was cancelled'));
    signal?.addEventListener('abort', onAbort, { once: true });
    const { wallMs } = this.budgets;
    const wallTimer = setTimeout(() => this.abort.abort(this.wallError()), wallMs);
    this.envelope.resync();
    try {
      return await this.finish(await this.evaluate());
    } finally {
      clearTimeout(wallTimer);
      signal?.removeEventListener('abort', onAbort);
    }
  }

  /** Evaluates the program in a fresh runtime and context; returns why it stopped, or null. */
  private async evaluate(): Promise<ProgramStopError | null> {
    const instance = await acquireInstance();
    this.memory = { read: () => instanceMemoryBytes(instance), start: instanceMemoryBytes(instance) };
    const runtime = instance.newRuntime();
    let intact = true;
    try {
      runtime.setMemoryLimit(this.budgets.memoryBytes);
      runtime.setMaxStackSize(this.budgets.stackBytes);
      const ctx = runtime.newContext();
      try {
        const describe = this.install(ctx);
        // Budgets apply to the program only: an abort that came while the instance loaded must
        // not interrupt the prelude.
        runtime.setInterruptHandler(() => this.shouldInterrupt());
        try {
          // Parse first, on its own: only this step's failure is invalid JavaScript. Once the
          // program runs, a SyntaxError (JSON.parse, eval) is one of its runtime errors.
          const compiled = ctx.evalCode(this.source, PROGRAM_FILENAME, { type: 'global', compileOnly: true });
          if (compiled.error) {
            this.reportUntil = now() + REPORT_MS;
            const err = this.read(ctx, describe, compiled.error);
            compiled.error.dispose();
            return parseError(err, this.source, this.envelope.robot);
          }
          compiled.value.dispose();
          this.vmSince = now();
          const result = await ctx.evalCodeAsync(this.source, PROGRAM_FILENAME, { type: 'global' }).catch((err: unknown) => {
            intact = false;
            throw err;
          });
          this.pauseCpu();
          this.checkMemory();
          this.reportUntil = now() + REPORT_MS;
          runtime.setMemoryLimit(-1);
          let failure: ProgramStopError | null = this.fatal;
          if (result.error) {
            if (!failure) failure = classifyVmError(this.read(ctx, describe, result.error), this.source, this.envelope.robot, this.budgets);
            result.error.dispose();
          } else {
            result.value.dispose();
            if (!failure && runtime.hasPendingJob()) failure = asyncProgram(this.source);
          }
          return failure;
        } finally {
          if (intact) describe.dispose();
        }
      } catch (err) {
        intact = false;
        throw err;
      } finally {
        if (intact) ctx.dispose();
      }
    } catch (err) {
      // The WebAssembly instance failed under the program (a trap, the host's stack): its state
      // cannot be trusted, so it is dropped instead of freed.
      intact = false;
      discardInstance(instance);
      return new SandboxFault(`the interpreter failed and was discarded: ${err instanceof Error ? err.message : String(err)}`, {}, { cause: err });
    } finally {
      if (intact) {
        try {
          runtime.dispose();
        } catch (err) {
          discardInstance(instance);
          // QuickJS asserts at runtime disposal that every object was freed: a leak is a bug here.
          throw new Error(`sandbox: the QuickJS runtime leaked objects: ${err instanceof Error ? err.message : String(err)}`, { cause: err });
        }
        releaseInstance(instance);
      }
    }
  }

  /** Defines the skills and console.log in `ctx`; returns the prelude's `describe` function. */
  private install(ctx: QuickJSAsyncContext): QuickJSHandle {
    const hostCall = ctx.newAsyncifiedFunction('hostCall', async (nameH, argsH) => {
      const name = ctx.getString(nameH);
      const json = ctx.getString(argsH);
      this.pauseCpu();
      try {
        return ctx.newString(await this.skillCall(name, json));
      } finally {
        this.vmSince = now();
      }
    });
    const hostLog = ctx.newFunction('hostLog', (lineH) => {
      this.log(ctx.getString(lineH));
    });
    // The prelude reports the program's stack after a refused call, for the error's line.
    const hostWhere = ctx.newFunction('hostWhere', (stackH) => {
      const at = programPosition(ctx.getString(stackH));
      if (this.fatal && this.fatal.line === undefined && at.line !== undefined) {
        this.fatal.line = at.line;
        if (at.column !== undefined) this.fatal.column = at.column;
      }
    });
    const seed = (this.opts.seed ?? 1) >>> 0;
    const args = [hostCall, hostLog, hostWhere, ctx.newString(JSON.stringify(this.skillNames)), ctx.newNumber(this.budgets.outputChars), ctx.newNumber(seed)];
    try {
      const bootstrap = ctx.unwrapResult(ctx.evalCode(PRELUDE, PRELUDE_FILENAME));
      try {
        return ctx.unwrapResult(ctx.callFunction(bootstrap, ctx.undefined, args));
      } finally {
        bootstrap.dispose();
      }
    } finally {
      for (const h of args) h.dispose();
    }
  }

  /** One skill call from the program: budgets, envelope, backend, record. Returns the JSON reply. */
  private async skillCall(name: string, json: string): Promise<string> {
    this.checkMemory();
    if (this.abort.signal.aborted) throw this.stop(this.failureOf(this.abort.signal.reason, name));
    if (this.fatal) throw this.fatal;
    if (++this.callCount > this.budgets.calls) {
      throw this.stop(new BudgetError('calls', this.budgets.calls, `the program made more than ${this.budgets.calls} skill calls`));
    }
    const args = revive(JSON.parse(json));
    const list = Array.isArray(args) ? args : [];
    const t0 = now();
    let result: SkillResult;
    try {
      result = await this.envelope.call(name, list, { signal: this.abort.signal });
    } catch (err) {
      const failure = this.failureOf(err, name);
      this.record({ skill: name, args: list, status: 'failed', message: failure.message, warnings: [], seconds: (now() - t0) / 1000 });
      throw this.stop(failure);
    }
    this.robotSeconds += result.seconds;
    this.record({
      skill: name,
      args: list,
      status: result.status,
      value: result.value,
      warnings: result.warnings,
      seconds: result.seconds,
      ...(result.message ? { message: result.message } : {}),
    });
    for (const message of result.warnings) this.emit({ type: 'warning', message });
    const limit = this.opts.timeLimitSeconds;
    if (limit !== undefined && this.robotSeconds > limit) {
      throw this.stop(new BudgetError('time', limit, `the program's motions took ${this.robotSeconds.toFixed(1)} s of robot time, over the scene's ${limit} s time limit`));
    }
    const isQuery = isSkillName(name) && SKILLS[name].kind === 'query';
    if (isQuery && result.status === 'failed') return JSON.stringify({ e: `${name}: ${result.message ?? 'failed'}` });
    return JSON.stringify({ v: result.value ?? null });
  }

  /** The typed error for a call that threw: the run's own abort reason, the envelope's error, or a backend failure. */
  private failureOf(err: unknown, skill: string): ProgramStopError {
    const reason: unknown = this.abort.signal.aborted ? this.abort.signal.reason : err;
    if (reason instanceof ProgramStopError) return reason;
    return new SkillError(`${skill}: the ${this.envelope.backend.name} backend failed: ${reason instanceof Error ? reason.message : String(reason)}`);
  }

  private log(line: string): void {
    if (this.fatal) throw this.fatal;
    this.outputChars += line.length + 1;
    if (this.outputChars > this.budgets.outputChars) {
      throw this.stop(new BudgetError('output', this.budgets.outputChars, `the program printed more than ${this.budgets.outputChars} characters`));
    }
    this.output.push(line);
    this.opts.onLog?.(line);
  }

  private shouldInterrupt(): boolean {
    if (this.fatal) return true;
    if (this.reportUntil !== null) return now() > this.reportUntil;
    if (this.abort.signal.aborted) {
      const reason: unknown = this.abort.signal.reason;
      this.stop(reason instanceof ProgramStopError ? reason : new CancelledError('the run was cancelled'));
    } else if (now() - this.started > this.budgets.wallMs) {
      this.stop(this.wallError());
    } else if (this.cpuUsed() > this.budgets.cpuMs) {
      this.stop(new BudgetError('cpu', this.budgets.cpuMs, `the program computed for more than ${this.budgets.cpuMs} ms`));
    } else {
      this.checkMemory();
    }
    return this.fatal !== null;
  }

  /**
   * The instance's memory only grows, so growth past the budget since the program started
   * means the program held that much at some point, even if it caught its out-of-memory error.
   */
  private checkMemory(): void {
    if (!this.memory || this.fatal) return;
    const grown = this.memory.read() - this.memory.start;
    if (grown > this.budgets.memoryBytes) {
      this.stop(new BudgetError('memory', this.budgets.memoryBytes, `the program needed more than ${this.budgets.memoryBytes} bytes`));
    }
  }

  private wallError(): BudgetError {
    return new BudgetError('wall', this.budgets.wallMs, `the program ran for more than ${this.budgets.wallMs} ms`);
  }

  private cpuUsed(): number {
    return this.cpuMs + (this.vmSince === null ? 0 : now() - this.vmSince);
  }

  private pauseCpu(): void {
    this.cpuMs = this.cpuUsed();
    this.vmSince = null;
  }

  /** Makes `failure` the run's error (the first one wins) so that nothing the program does afterwards runs. */
  private stop(failure: ProgramStopError): ProgramStopError {
    if (!this.fatal) {
      this.fatal = failure;
      if (failure instanceof SafetyError) this.emit({ type: 'safety-stop', message: failure.message });
    }
    return this.fatal;
  }

  /** Reads a thrown value out through the prelude's `describe`. */
  private read(ctx: QuickJSAsyncContext, describe: QuickJSHandle, error: QuickJSHandle): VmError {
    const result = ctx.callFunction(describe, ctx.undefined, error);
    if (result.error) {
      result.error.dispose();
      return { name: 'Error', message: '(the thrown value could not be read)', stack: '' };
    }
    const text = result.value.consume((h) => (ctx.typeof(h) === 'string' ? ctx.getString(h) : ''));
    const parsed = VmErrorJson.safeParse(JSON.parse(text || '{}'));
    return parsed.success ? parsed.data : { name: 'Error', message: '(the thrown value could not be read)', stack: '' };
  }

  private record(call: CallRecord): void {
    this.calls.push(call);
    this.opts.onCall?.(call);
  }

  private emit(event: ProgramEvent): void {
    this.events.push(event);
    this.opts.onEvent?.(event);
  }

  /** The run as data; a program that stopped on an error leaves the robot stopped. */
  private async finish(failure: ProgramStopError | null): Promise<SandboxRun> {
    if (failure) this.stop(failure);
    // A program that did not parse never ran; every other stop, and any stop after a call, stops the robot.
    if (failure && !(failure instanceof ProgramSyntaxError && this.callCount === 0)) {
      try {
        await this.envelope.stop(`program stopped: ${failure.message}`);
      } catch (err) {
        this.emit({ type: 'warning', message: `stopping the robot failed: ${err instanceof Error ? err.message : String(err)}` });
      }
    }
    return {
      ok: failure === null,
      calls: this.calls,
      error: failure?.toInfo() ?? null,
      events: this.events,
      failure,
      output: this.output,
      usage: { cpuMs: Math.round(this.cpuUsed() * 100) / 100, wallMs: Math.round((now() - this.started) * 100) / 100, calls: this.callCount, outputChars: this.outputChars },
    };
  }
}
