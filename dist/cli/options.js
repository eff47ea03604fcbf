import { parseArgs } from 'node:util';
/** `-h, --help`, which every command has. */
const HELP_OPTION = { help: { type: 'boolean', short: 'h', default: false } };
/** An error's message, or the thrown value as a string. */
export function errorMessage(err) {
    return err instanceof Error ? err.message : String(err);
}
/** Prints `robotool COMMAND: MESSAGE` and the command's help to stderr; returns the usage exit status, 2. */
export function usageError(command, help, message) {
    process.stderr.write(`robotool ${command}: ${message}\n\n${help}\n`);
    return 2;
}
/**
 * Parses the arguments of `robotool COMMAND` (positionals allowed, `-h/--help` added). Returns
 * the exit status instead when the command is done: 2 after printing a bad-usage error with the
 * help, 0 after printing the help for `--help`.
 */
export function parseCommandArgs(command, help, argv, options) {
    let parsed;
    try {
        parsed = parseArgs({ args: argv, allowPositionals: true, options: { ...options, ...HELP_OPTION } });
    }
    catch (err) {
        return usageError(command, help, errorMessage(err));
    }
    if (parsed.values.help) {
        process.stdout.write(help + '\n');
        return 0;
    }
    return parsed;
}
/** Exit status after Ctrl-C, as shells report a process ended by SIGINT. */
export const INTERRUPTED = 130;
/**
 * Ctrl-C while a command drives a robot: the first press aborts the returned signal (the
 * episode or program is cancelled and the robot told to stop), a second quits at once.
 * `dispose()` restores the default handling.
 */
export function interruptible(command) {
    const ac = new AbortController();
    const onSigint = () => {
        if (ac.signal.aborted) {
            process.stderr.write(`robotool ${command}: interrupted again, quitting\n`);
            process.exit(INTERRUPTED);
        }
        process.stderr.write(`robotool ${command}: interrupted: stopping the robot (Ctrl-C again to quit now)\n`);
        ac.abort(new Error('interrupted by the user (Ctrl-C)'));
    };
    process.on('SIGINT', onSigint);
    return { signal: ac.signal, dispose: () => void process.off('SIGINT', onSigint) };
}
//# sourceMappingURL=options.js.map