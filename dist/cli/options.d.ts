import { parseArgs, type ParseArgsConfig } from 'node:util';
/** The option definitions `parseArgs` takes. */
type OptionDefs = NonNullable<ParseArgsConfig['options']>;
/** `-h, --help`, which every command has. */
declare const HELP_OPTION: {
    readonly help: {
        readonly type: "boolean";
        readonly short: "h";
        readonly default: false;
    };
};
/** What `parseCommandArgs` returns when the command should go on: the parsed options (with `help`) and positionals. */
export type CommandArgs<O extends OptionDefs> = ReturnType<typeof parseArgs<{
    args: string[];
    allowPositionals: true;
    options: O & typeof HELP_OPTION;
}>>;
/** An error's message, or the thrown value as a string. */
export declare function errorMessage(err: unknown): string;
/** Prints `robotool COMMAND: MESSAGE` and the command's help to stderr; returns the usage exit status, 2. */
export declare function usageError(command: string, help: string, message: string): number;
/**
 * Parses the arguments of `robotool COMMAND` (positionals allowed, `-h/--help` added). Returns
 * the exit status instead when the command is done: 2 after printing a bad-usage error with the
 * help, 0 after printing the help for `--help`.
 */
export declare function parseCommandArgs<const O extends OptionDefs>(command: string, help: string, argv: string[], options: O): CommandArgs<O> | number;
/** Exit status after Ctrl-C, as shells report a process ended by SIGINT. */
export declare const INTERRUPTED = 130;
/**
 * Ctrl-C while a command drives a robot: the first press aborts the returned signal (the
 * episode or program is cancelled and the robot told to stop), a second quits at once.
 * `dispose()` restores the default handling.
 */
export declare function interruptible(command: string): {
    signal: AbortSignal;
    dispose(): void;
};
export {};
//# sourceMappingURL=options.d.ts.map