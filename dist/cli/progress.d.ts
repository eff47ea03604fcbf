import type { EpisodeEvent, CallRecord } from '../episode/events.ts';
/** JSON for a trace line, numbers to at most 6 decimals (a program's `z + 0.1` prints 0.235, not 0.23500000000000001). */
export declare const shown: (v: unknown) => string;
/** One line for a skill call: `move_to_position([0.3,0,0.1]) → reached (1.20 s)`. */
export declare function formatCall(c: CallRecord): string;
export interface ProgressOptions {
    /** Print streamed model text as it arrives. */
    stream?: boolean;
    /** Print the skill calls of verification runs too. */
    verbose?: boolean;
}
/**
 * A live progress display for the terminal: the current stage with elapsed time and tokens,
 * streamed model text, candidates tried in the twin, the program, the trace and the outcome.
 */
export declare function progressPrinter(write: (text: string) => void, opts?: ProgressOptions): (e: EpisodeEvent) => void;
//# sourceMappingURL=progress.d.ts.map