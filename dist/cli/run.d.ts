import type { EpisodeEvent } from '../episode/events.ts';
/** `robotool run "COMMAND" --scene TASK`. */
export default function runCommand(argv: string[]): Promise<number>;
/** The `--json` report: success, program, each stage's output and tokens, rounds, error. */
export declare function jsonReport(events: EpisodeEvent[]): Record<string, unknown>;
//# sourceMappingURL=run.d.ts.map