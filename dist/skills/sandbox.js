import { z } from 'zod';
import { SKILLS, isSkillName, skillsFor } from "./registry.js";
import { SafetyEnvelope } from "./safety.js";
import { ForeignValue } from "./safety-arguments.js";
import { PROGRAM_FILENAME, asyncProgram, classifyVmError, programPosition } from "./sandbox-diagnose.js";
import { BudgetError, CancelledError, ProgramStopError, ProgramSyntaxError, SafetyError, SandboxFault, SkillError, } from "./sandbox-errors.js";
import { PRELUDE, PRELUDE_FILENAME, TAG } from "./sandbox-prelude.js";
import { INSTANCE_MAX_BYTES, acquireInstance, discardInstance, instanceMemoryBytes, releaseInstance } from "./sandbox-wasm.js";
/**
 * The largest interpreter stack. Once V8 has optimised the asyncified interpreter loop
 * (TurboFan), each JavaScript call level inside QuickJS takes tens of KiB of the host's native
 * stack, and ~25 levels overflow Node's 984 KiB main-thread stack before QuickJS's own check
 * fires (6 KiB overflowed in measurements; 4 KiB did not). 3 KiB allows ~15 levels of
 * recursion, plenty for robot programs, with margin. A host overflow is still caught
 * (SandboxFault) and the instance dropped; this keeps it from happening.
 */
export const MAX_STACK_BYTES = 3 * 1024;
export const DEFAULT_BUDGETS = Object.freeze({
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
/** Budgets with defaults filled in; throws RangeError for a value that is not a positive number or out of range. */
export function resolveBudgets(partial = {}) {
    const budgets = { ...DEFAULT_BUDGETS, ...partial };
    for (const [key, value] of Object.entries(budgets)) {
        if (!(typeof value === 'number' && value > 0 && Number.isFinite(value)))
            throw new RangeError(`budget ${key} must be a positive number, not ${value}`);
    }
    if (budgets.stackBytes > MAX_STACK_BYTES)
        throw new RangeError(`budget stackBytes must be at most ${MAX_STACK_BYTES}`);
    if (budgets.memoryBytes < MIN_MEMORY_BYTES || budgets.memoryBytes > MAX_MEMORY_BYTES) {
        throw new RangeError(`budget memoryBytes must be between ${MIN_MEMORY_BYTES} and ${MAX_MEMORY_BYTES}`);
    }
    return budgets;
}
const now = () => performance.now();
const VmErrorJson = z.object({ name: z.string(), message: z.string(), stack: z.string() });
/** Turns the prelude's tagged JSON back into values, with descriptions for what JSON cannot carry. */
function revive(v) {
    if (Array.isArray(v))
        return v.map(revive);
    if (typeof v !== 'object' || v === null)
        return v;
    const tag = v[TAG];
    const detail = v.detail;
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
export async function runProgram(source, backend, opts = {}) {
    const session = new ProgramSession(source, opts.envelope ?? SafetyEnvelope.for(backend), resolveBudgets(opts.budgets), opts);
    return session.run();
}
/** One program's run: its budgets' meters, its calls, and the first error that stops it. */
class ProgramSession {
    source;
    envelope;
    budgets;
    opts;
    calls = [];
    events = [];
    output = [];
    abort = new AbortController();
    skillNames;
    fatal = null;
    callCount = 0;
    outputChars = 0;
    cpuMs = 0;
    started = 0;
    /** When the interpreter last resumed; null while it waits on a skill. */
    vmSince = null;
    /** After the program ended: until when reading its error out may run. */
    reportUntil = null;
    /** Reads the instance's memory size; set while the program runs. */
    memory = null;
    constructor(source, envelope, budgets, opts) {
        this.source = source;
        this.envelope = envelope;
        this.budgets = budgets;
        this.opts = opts;
        this.skillNames = skillsFor(envelope.robot).map((s) => s.name);
    }
    async run() {
        this.started = now();
        const { signal } = this.opts;
        if (signal?.aborted)
            return this.finish(new CancelledError('the run was cancelled before the program started'));
        const onAbort = () => this.abort.abort(new CancelledError('the run was cancelled'));
        signal?.addEventListener('abort', onAbort, { once: true });
        const { wallMs } = this.budgets;
        const wallTimer = setTimeout(() => this.abort.abort(this.wallError()), wallMs);
        this.envelope.resync();
        try {
            return await this.finish(await this.evaluate());
        }
        finally {
            clearTimeout(wallTimer);
            signal?.removeEventListener('abort', onAbort);
        }
    }
    /** Evaluates the program in a fresh runtime and context; returns why it stopped, or null. */
    async evaluate() {
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
                    this.vmSince = now();
                    const result = await ctx.evalCodeAsync(this.source, PROGRAM_FILENAME, { type: 'global' }).catch((err) => {
                        intact = false;
                        throw err;
                    });
                    this.pauseCpu();
                    this.checkMemory();
                    this.reportUntil = now() + REPORT_MS;
                    runtime.setMemoryLimit(-1);
                    let failure = this.fatal;
                    if (result.error) {
                        if (!failure)
                            failure = classifyVmError(this.read(ctx, describe, result.error), this.source, this.envelope.robot, this.budgets);
                        result.error.dispose();
                    }
                    else {
                        result.value.dispose();
                        if (!failure && runtime.hasPendingJob())
                            failure = asyncProgram(this.source);
                    }
                    return failure;
                }
                finally {
                    if (intact)
                        describe.dispose();
                }
            }
            catch (err) {
                intact = false;
                throw err;
            }
            finally {
                if (intact)
                    ctx.dispose();
            }
        }
        catch (err) {
            // The WebAssembly instance failed under the program (a trap, the host's stack): its state
            // cannot be trusted, so it is dropped instead of freed.
            intact = false;
            discardInstance(instance);
            return new SandboxFault(`the interpreter failed and was discarded: ${err instanceof Error ? err.message : String(err)}`, {}, { cause: err });
        }
        finally {
            if (intact) {
                try {
                    runtime.dispose();
                }
                catch (err) {
                    discardInstance(instance);
                    // QuickJS asserts at runtime disposal that every object was freed: a leak is a bug here.
                    throw new Error(`sandbox: the QuickJS runtime leaked objects: ${err instanceof Error ? err.message : String(err)}`, { cause: err });
                }
                releaseInstance(instance);
            }
        }
    }
    /** Defines the skills and console.log in `ctx`; returns the prelude's `describe` function. */
    install(ctx) {
        const hostCall = ctx.newAsyncifiedFunction('hostCall', async (nameH, argsH) => {
            const name = ctx.getString(nameH);
            const json = ctx.getString(argsH);
            this.pauseCpu();
            try {
                return ctx.newString(await this.skillCall(name, json));
            }
            finally {
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
                if (at.column !== undefined)
                    this.fatal.column = at.column;
            }
        });
        const args = [hostCall, hostLog, hostWhere, ctx.newString(JSON.stringify(this.skillNames)), ctx.newNumber(this.budgets.outputChars)];
        try {
            const bootstrap = ctx.unwrapResult(ctx.evalCode(PRELUDE, PRELUDE_FILENAME));
            try {
                return ctx.unwrapResult(ctx.callFunction(bootstrap, ctx.undefined, args));
            }
            finally {
                bootstrap.dispose();
            }
        }
        finally {
            for (const h of args)
                h.dispose();
        }
    }
    /** One skill call from the program: budgets, envelope, backend, record. Returns the JSON reply. */
    async skillCall(name, json) {
        this.checkMemory();
        if (this.abort.signal.aborted)
            throw this.stop(this.failureOf(this.abort.signal.reason, name));
        if (this.fatal)
            throw this.fatal;
        if (++this.callCount > this.budgets.calls) {
            throw this.stop(new BudgetError('calls', this.budgets.calls, `the program made more than ${this.budgets.calls} skill calls`));
        }
        const args = revive(JSON.parse(json));
        const list = Array.isArray(args) ? args : [];
        const t0 = now();
        let result;
        try {
            result = await this.envelope.call(name, list, { signal: this.abort.signal });
        }
        catch (err) {
            const failure = this.failureOf(err, name);
            this.record({ skill: name, args: list, status: 'failed', message: failure.message, warnings: [], seconds: (now() - t0) / 1000 });
            throw this.stop(failure);
        }
        this.record({
            skill: name,
            args: list,
            status: result.status,
            value: result.value,
            warnings: result.warnings,
            seconds: result.seconds,
            ...(result.message ? { message: result.message } : {}),
        });
        for (const message of result.warnings)
            this.emit({ type: 'warning', message });
        const isQuery = isSkillName(name) && SKILLS[name].kind === 'query';
        if (isQuery && result.status === 'failed')
            return JSON.stringify({ e: `${name}: ${result.message ?? 'failed'}` });
        return JSON.stringify({ v: result.value ?? null });
    }
    /** The typed error for a call that threw: the run's own abort reason, the envelope's error, or a backend failure. */
    failureOf(err, skill) {
        const reason = this.abort.signal.aborted ? this.abort.signal.reason : err;
        if (reason instanceof ProgramStopError)
            return reason;
        return new SkillError(`${skill}: the ${this.envelope.backend.name} backend failed: ${reason instanceof Error ? reason.message : String(reason)}`);
    }
    log(line) {
        if (this.fatal)
            throw this.fatal;
        this.outputChars += line.length + 1;
        if (this.outputChars > this.budgets.outputChars) {
            throw this.stop(new BudgetError('output', this.budgets.outputChars, `the program printed more than ${this.budgets.outputChars} characters`));
        }
        this.output.push(line);
        this.opts.onLog?.(line);
    }
    shouldInterrupt() {
        if (this.fatal)
            return true;
        if (this.reportUntil !== null)
            return now() > this.reportUntil;
        if (this.abort.signal.aborted) {
            const reason = this.abort.signal.reason;
            this.stop(reason instanceof ProgramStopError ? reason : new CancelledError('the run was cancelled'));
        }
        else if (now() - this.started > this.budgets.wallMs) {
            this.stop(this.wallError());
        }
        else if (this.cpuUsed() > this.budgets.cpuMs) {
            this.stop(new BudgetError('cpu', this.budgets.cpuMs, `the program computed for more than ${this.budgets.cpuMs} ms`));
        }
        else {
            this.checkMemory();
        }
        return this.fatal !== null;
    }
    /**
     * The instance's memory only grows, so growth past the budget since the program started
     * means the program held that much at some point, even if it caught its out-of-memory error.
     */
    checkMemory() {
        if (!this.memory || this.fatal)
            return;
        const grown = this.memory.read() - this.memory.start;
        if (grown > this.budgets.memoryBytes) {
            this.stop(new BudgetError('memory', this.budgets.memoryBytes, `the program needed more than ${this.budgets.memoryBytes} bytes`));
        }
    }
    wallError() {
        return new BudgetError('wall', this.budgets.wallMs, `the program ran for more than ${this.budgets.wallMs} ms`);
    }
    cpuUsed() {
        return this.cpuMs + (this.vmSince === null ? 0 : now() - this.vmSince);
    }
    pauseCpu() {
        this.cpuMs = this.cpuUsed();
        this.vmSince = null;
    }
    /** Makes `failure` the run's error (the first one wins) so that nothing the program does afterwards runs. */
    stop(failure) {
        if (!this.fatal) {
            this.fatal = failure;
            if (failure instanceof SafetyError)
                this.emit({ type: 'safety-stop', message: failure.message });
        }
        return this.fatal;
    }
    /** Reads a thrown value out through the prelude's `describe`. */
    read(ctx, describe, error) {
        const result = ctx.callFunction(describe, ctx.undefined, error);
        if (result.error) {
            result.error.dispose();
            return { name: 'Error', message: '(the thrown value could not be read)', stack: '' };
        }
        const text = result.value.consume((h) => (ctx.typeof(h) === 'string' ? ctx.getString(h) : ''));
        const parsed = VmErrorJson.safeParse(JSON.parse(text || '{}'));
        return parsed.success ? parsed.data : { name: 'Error', message: '(the thrown value could not be read)', stack: '' };
    }
    record(call) {
        this.calls.push(call);
        this.opts.onCall?.(call);
    }
    emit(event) {
        this.events.push(event);
        this.opts.onEvent?.(event);
    }
    /** The run as data; a program that stopped on an error leaves the robot stopped. */
    async finish(failure) {
        if (failure)
            this.stop(failure);
        if (failure && !(failure instanceof ProgramSyntaxError)) {
            try {
                await this.envelope.stop(`program stopped: ${failure.message}`);
            }
            catch (err) {
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
//# sourceMappingURL=sandbox.js.map