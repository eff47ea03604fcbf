import { parseArgs, type ParseArgsConfig } from 'node:util';

/** The option definitions `parseArgs` takes. */
type OptionDefs = NonNullable<ParseArgsConfig['options']>;

/** `-h, --help`, which every command has. */
const HELP_OPTION = { help: { type: 'boolean', short: 'h', default: false } } as const;

/** What `parseCommandArgs` returns when the command should go on: the parsed options (with `help`) and positionals. */
export type CommandArgs<O extends OptionDefs> = ReturnType<
  typeof parseArgs<{ args: string[]; allowPositionals: true; options: O & typeof HELP_OPTION }>
>;

/** An error's message, or the thrown value as a string. */
export function errorMessage(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

/** Prints `robotool COMMAND: MESSAGE` and the command's help to stderr; returns the usage exit status, 2. */
export function usageError(command: string, help: string, message: string): number {
  process.stderr.write(`robotool ${command}: ${message}\n\n${help}\n`);
  return 2;
}

/**
 * Parses the arguments of `robotool COMMAND` (positionals allowed, `-h/--help` added). Returns
 * the exit status instead when the command is done: 2 after printing a bad-usage error with the
 * help, 0 after printing the help for `--help`.
 */
export function parseCommandArgs<const O extends OptionDefs>(command: string, help: string, argv: string[], options: O): CommandArgs<O> | number {
  let parsed: CommandArgs<O>;
  try {
    parsed = parseArgs({ args: argv, allowPositionals: true, options: { ...options, ...HELP_OPTION } }) as CommandArgs<O>;
  } catch (err) {
    return usageError(command, help, errorMessage(err));
  }
  if ((parsed.values as { help?: boolean }).help) {
    process.stdout.write(help + '\n');
    return 0;
  }
  return parsed;
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
