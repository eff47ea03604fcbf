import { accessSync, constants, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { z } from 'zod';
import { editDistance } from '../scene/words.ts';

/**
 * Option parsing shared by every command: `node:util` parseArgs for the syntax (unknown flags
 * refused), then a zod schema per command for the values (numbers are numbers, integers
 * integers, ranges checked, output paths writable), and one error format for everything:
 * `robotool COMMAND: MESSAGE` on one line of stderr, with the exit status the README states.
 */

/** The option definitions `parseArgs` takes. */
type OptionDefs = NonNullable<ParseArgsConfig['options']>;

/** `-h, --help`, which every command has. */
const HELP_OPTION = { help: { type: 'boolean', short: 'h', default: false } } as const;

/** What `parseCommandArgs` returns when the command should go on: the parsed options (with `help`) and positionals. */
export type CommandArgs<O extends OptionDefs> = ReturnType<
  typeof parseArgs<{ args: string[]; allowPositionals: true; options: O & typeof HELP_OPTION }>
>;

/** Exit status for bad usage or configuration, in every command. */
export const USAGE = 2;

/** An error the user can fix; printed as one line, exit status `exitCode` (2 unless said otherwise). */
export class CliError extends Error {
  override readonly name: string = 'CliError';
  constructor(
    message: string,
    readonly exitCode: number = USAGE,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** Bad usage (an unknown flag, a bad value): like CliError, but the line points at `--help`. */
export class UsageError extends CliError {
  override readonly name = 'UsageError';
}

/** An error's message, or the thrown value as a string. */
export function errorMessage(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

let debug = false;

/** `--debug` (or ROBOTOOL_DEBUG=1): errors then print their stack traces. */
export function setDebug(on: boolean): void {
  debug = on;
}

/** True while `--debug` is on. */
export function debugEnabled(): boolean {
  return debug || process.env.ROBOTOOL_DEBUG === '1';
}

/** Prints `robotool COMMAND: MESSAGE (see robotool COMMAND --help)` on one line of stderr; returns the usage exit status, 2. */
export function usageError(command: string, _help: string, message: string): number {
  process.stderr.write(`robotool ${command}: ${message} (see robotool ${command} --help)\n`);
  return USAGE;
}

/** Node's parseArgs messages, shortened to what a user needs. */
function parseArgsMessage(err: unknown): string {
  const e = err as { code?: string; message?: string };
  const msg = e.message ?? String(err);
  switch (e.code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION': {
      const flag = /'([^']+)'/.exec(msg)?.[1] ?? msg;
      return `unknown option ${flag}`;
    }
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE': {
      const flag = /'(-[^' ]+)/.exec(msg)?.[1] ?? '';
      if (/does not take an argument/.test(msg)) return `${flag} takes no value`;
      if (/ambiguous/.test(msg)) return `${flag} needs a value (a value that starts with "-" is written ${flag}=-VALUE)`;
      return `${flag} needs a value`;
    }
    case 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL': {
      const arg = /'([^']*)'/.exec(msg)?.[1];
      return arg !== undefined ? `unexpected argument "${arg}"` : 'unexpected argument';
    }
    default:
      return msg;
  }
}

/**
 * Parses the arguments of `robotool COMMAND` (positionals allowed, `-h/--help` added). Returns
 * the exit status instead when the command is done: 2 after printing a bad-usage error, 0 after
 * printing the help for `--help`.
 */
export function parseCommandArgs<const O extends OptionDefs>(command: string, help: string, argv: string[], options: O): CommandArgs<O> | number {
  let parsed: CommandArgs<O>;
  try {
    parsed = parseArgs({ args: argv, allowPositionals: true, strict: true, options: { ...options, ...HELP_OPTION } }) as CommandArgs<O>;
  } catch (err) {
    return usageError(command, help, parseArgsMessage(err));
  }
  if ((parsed.values as { help?: boolean }).help) {
    process.stdout.write(help + '\n');
    return 0;
  }
  return parsed;
}

/** How a value was given on the command line, for messages. */
const given = (s: string): string => (s === '' ? 'an empty value' : `"${s}"`);

/** Option value schemas: each takes the string parseArgs gives and yields the checked value. */
export const arg = {
  /** A whole number in [min, max]. */
  int(min: number, max: number) {
    return z.string().transform((s, ctx) => {
      const t = s.trim();
      const n = Number(t);
      if (!/^[+-]?\d+$/.test(t) || !Number.isSafeInteger(n)) {
        ctx.addIssue({ code: 'custom', message: `must be a whole number, not ${given(s)}` });
        return z.NEVER;
      }
      if (n < min || n > max) {
        ctx.addIssue({ code: 'custom', message: `must be between ${min} and ${max}, not ${n}` });
        return z.NEVER;
      }
      return n;
    });
  },
  /** A finite decimal number in (min, max] when `exclusiveMin`, else [min, max]. */
  number(min: number, max: number, unit: string, opts: { exclusiveMin?: boolean } = {}) {
    return z.string().transform((s, ctx) => {
      const t = s.trim();
      const n = t === '' ? NaN : Number(t);
      if (!Number.isFinite(n)) {
        ctx.addIssue({ code: 'custom', message: `must be a number${unit ? ` of ${unit}` : ''}, not ${given(s)}` });
        return z.NEVER;
      }
      if ((opts.exclusiveMin ? n <= min : n < min) || n > max) {
        ctx.addIssue({ code: 'custom', message: `must be ${opts.exclusiveMin ? 'above' : 'at least'} ${min} and at most ${max}${unit ? ` ${unit}` : ''}, not ${t}` });
        return z.NEVER;
      }
      return n;
    });
  },
  /** One of a fixed set of words. */
  choice<const T extends readonly [string, ...string[]]>(values: T) {
    return z.string().transform((s, ctx) => {
      if ((values as readonly string[]).includes(s)) return s as T[number];
      const near = closest(s, values);
      ctx.addIssue({ code: 'custom', message: `must be ${values.slice(0, -1).join(', ')}${values.length > 1 ? ' or ' : ''}${values.at(-1)}, not ${given(s)}${near ? `; did you mean ${near}?` : ''}` });
      return z.NEVER;
    });
  },
  /** A non-empty string. */
  text() {
    return z.string().refine((s) => s.trim() !== '', { message: 'needs a value, not an empty string' });
  },
  /** A file to write: its folder exists and is writable, and it is not a folder itself. Checked before any work starts. */
  outFile() {
    return z.string().transform((s, ctx) => {
      const problem = s.trim() === '' ? 'needs a file name, not an empty string' : outputPathProblem(s);
      if (problem) {
        ctx.addIssue({ code: 'custom', message: problem, params: { colon: true } });
        return z.NEVER;
      }
      return s;
    });
  },
};

/** Why `file` cannot be written, or undefined when it can (checked without creating it). */
export function outputPathProblem(file: string): string | undefined {
  const full = resolve(file);
  const dir = dirname(full);
  try {
    const st = statSync(full, { throwIfNoEntry: false });
    if (st?.isDirectory()) return `cannot write ${file}: it is a folder (EISDIR)`;
    if (st) {
      accessSync(full, constants.W_OK);
      return undefined;
    }
  } catch (err) {
    return `cannot write ${file}: ${codeText(err)}`;
  }
  const dst = statSync(dir, { throwIfNoEntry: false });
  if (!dst) return `cannot write ${file}: folder ${dir} does not exist (ENOENT)`;
  if (!dst.isDirectory()) return `cannot write ${file}: ${dir} is not a folder (ENOTDIR)`;
  try {
    accessSync(dir, constants.W_OK);
  } catch {
    return `cannot write ${file}: folder ${dir} is not writable (EACCES)`;
  }
  return undefined;
}

/** A file to read: exists, is a file, readable. */
export function inputPathProblem(file: string, what = 'file'): string | undefined {
  try {
    const st = statSync(file, { throwIfNoEntry: false });
    if (!st) return `no such ${what}: ${file} (ENOENT)`;
    if (st.isDirectory()) return `${file} is a folder, not a ${what} (EISDIR)`;
    accessSync(file, constants.R_OK);
    return undefined;
  } catch (err) {
    return `cannot read ${file}: ${codeText(err)}`;
  }
}

function codeText(err: unknown): string {
  const e = err as { code?: string };
  const what: Record<string, string> = { EACCES: 'permission denied', EPERM: 'not permitted', ENOTDIR: 'a part of the path is not a folder', ENOENT: 'no such file or folder', ELOOP: 'too many symbolic links' };
  return e.code ? `${what[e.code] ?? errorMessage(err)} (${e.code})` : errorMessage(err);
}

/**
 * Checks parsed option values against a zod object schema. Throws UsageError naming the flag:
 * `--seed must be a whole number, not "abc"`.
 */
export function checkOptions<S extends z.ZodType>(schema: S, values: unknown): z.output<S> {
  const result = schema.safeParse(values);
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  const key = issue.path.length ? String(issue.path[0]) : '';
  const colon = issue.code === 'custom' && (issue.params as { colon?: boolean } | undefined)?.colon;
  throw new UsageError(key ? `--${key}${colon ? ':' : ''} ${issue.message}` : issue.message);
}

/** Refuses flags a command does not use in this combination: `--stages needs --planner llm`. */
export function refuse(values: Record<string, unknown>, flags: readonly string[], why: string): void {
  for (const f of flags) {
    const v = values[f];
    if (v !== undefined && v !== false) throw new UsageError(`--${f} ${why}`);
  }
}

/** The candidate nearest to `word`, if it is near enough to be a slip (a third of its letters or fewer differ, `_` read as `-`). */
export function closest(word: string, candidates: readonly string[]): string | undefined {
  const w = word.toLowerCase().replace(/_/g, '-');
  let best: string | undefined;
  let bestD = Infinity;
  for (const c of candidates) {
    const d = editDistance(w, c.toLowerCase(), true);
    if (d < bestD) [best, bestD] = [c, d];
  }
  return best !== undefined && bestD <= Math.max(1, Math.floor(best.length / 3)) ? best : undefined;
}

/** The exit status for an error that escaped a command, and the line to print. */
export function describeFailure(err: unknown): { code: number; message: string } {
  if (err instanceof CliError) return { code: err.exitCode, message: err.message };
  const e = err as { name?: string; code?: string; message?: string; source?: string; problems?: { path: string; message: string }[] };
  // A scene file that cannot be used: one line with the first problem (scene check lists them all).
  if (e?.name === 'SceneError' && Array.isArray(e.problems)) {
    const [first, ...more] = e.problems;
    const where = first ? `${first.path ? `${first.path}: ` : ''}${first.message}` : 'invalid scene';
    return { code: USAGE, message: `${e.source}: ${where}${more.length ? ` (and ${more.length} more; robotool scene check lists them)` : ''}` };
  }
  if (e?.name === 'RecordingError') return { code: USAGE, message: e.message ?? String(err) };
  if (typeof e?.code === 'string' && /^E[A-Z]+$/.test(e.code)) {
    // File and network errors: the user's to fix (a missing file, a port in use, a host that does not resolve).
    return { code: USAGE, message: e.message ?? String(err) };
  }
  return { code: 1, message: `${errorMessage(err)}${debugEnabled() ? '' : ' (--debug shows where)'}` };
}

/**
 * Wraps a command's body: any error it throws becomes one line `robotool COMMAND: MESSAGE` on
 * stderr and its exit status (2 for usage, configuration, file and network errors, 1 otherwise);
 * with `--debug`, the stack trace follows.
 */
export function cliCommand(command: string, body: (argv: string[]) => Promise<number>): (argv: string[]) => Promise<number> {
  return async (argv) => {
    try {
      return await body(argv);
    } catch (err) {
      return reportFailure(command, err);
    }
  };
}

/** Prints an error that ended a command; returns its exit status. */
export function reportFailure(command: string, err: unknown): number {
  const { code, message } = describeFailure(err);
  const oneLine = message.replace(/\s*\n\s*/g, '; ');
  const hint = err instanceof UsageError ? ` (see robotool ${command} --help)` : '';
  process.stderr.write(`robotool ${command}: ${oneLine}${hint}\n`);
  if (debugEnabled() && err instanceof Error && err.stack) process.stderr.write(`${err.stack}\n`);
  return code;
}

/** Exit status after Ctrl-C, as shells report a process ended by SIGINT. */
export const INTERRUPTED = 130;

/** Exit status when the link to the robot failed during the run (broker, network or robot lost, control revoked) or control was refused. */
export const LINK_FAULT = 3;

/** Exit statuses after each signal, as shells report a process ended by it (128 + signal number). */
const SIGNAL_EXIT: Record<'SIGINT' | 'SIGTERM' | 'SIGHUP', number> = { SIGINT: INTERRUPTED, SIGTERM: 143, SIGHUP: 129 };

/** How often a robotool started by npm checks that npm is still there (ms). */
const PARENT_POLL_MS = 200;

/** An interruptible command: `signal` aborts on the first SIGINT/SIGTERM/SIGHUP, `exitCode` is the status to end with then. */
export interface Interrupt {
  signal: AbortSignal;
  /** 130 (SIGINT), 143 (SIGTERM), 129 (SIGHUP or the npm/npx process that started robotool went away); INTERRUPTED before any. */
  readonly exitCode: number;
  dispose(): void;
}

/**
 * Ctrl-C (SIGINT), SIGTERM or SIGHUP while a command drives a robot: the first aborts the
 * returned signal (the episode or program is cancelled and the robot told to stop), a second
 * quits at once. Started by `npx`/`npm exec`, robotool also treats its parent going away as
 * SIGHUP: npm forwards SIGINT and SIGTERM to the shell it ran robotool in, and when that shell
 * dies of the signal robotool is left orphaned. `dispose()` restores the default handling.
 */
export function interruptible(command: string): Interrupt {
  const ac = new AbortController();
  let exitCode = INTERRUPTED;
  const on = (sig: keyof typeof SIGNAL_EXIT, why: string): void => {
    if (ac.signal.aborted) {
      process.stderr.write(`robotool ${command}: ${why} again, quitting\n`);
      process.exit(SIGNAL_EXIT[sig]);
    }
    exitCode = SIGNAL_EXIT[sig];
    process.stderr.write(`robotool ${command}: ${why}: stopping the robot${sig === 'SIGINT' ? ' (Ctrl-C again to quit now)' : ''}\n`);
    ac.abort(new Error(`robotool ${command} was ${why}`));
  };
  const handlers = {
    SIGINT: () => on('SIGINT', 'interrupted (SIGINT)'),
    SIGTERM: () => on('SIGTERM', 'terminated (SIGTERM)'),
    SIGHUP: () => on('SIGHUP', 'hung up (SIGHUP)'),
  };
  for (const [sig, handler] of Object.entries(handlers)) process.on(sig, handler);
  let parentWatch: NodeJS.Timeout | undefined;
  if (process.env.npm_command !== undefined && process.ppid > 1) {
    const parent = process.ppid;
    parentWatch = setInterval(() => {
      if (process.ppid !== parent && !ac.signal.aborted) on('SIGHUP', `the npm process that started robotool (pid ${parent}) went away`);
    }, PARENT_POLL_MS);
    parentWatch.unref();
  }
  return {
    signal: ac.signal,
    get exitCode() {
      return exitCode;
    },
    dispose: () => {
      clearInterval(parentWatch);
      for (const [sig, handler] of Object.entries(handlers)) process.off(sig, handler);
    },
  };
}

/** Resolves when the user presses Ctrl-C (or the process is asked to terminate). */
export function untilInterrupted(): Promise<void> {
  return new Promise<void>((resolveWait) => {
    const done = (): void => {
      process.off('SIGINT', done);
      process.off('SIGTERM', done);
      resolveWait();
    };
    process.once('SIGINT', done);
    process.once('SIGTERM', done);
  });
}
