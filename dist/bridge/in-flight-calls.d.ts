import type { SkillResult } from '../skills/registry.ts';
import { type SkillResultBody } from './payload.ts';
/** How one call waits for its answer. */
export interface InFlightOptions {
    timeoutMs: number;
    signal?: AbortSignal;
    /** Called once when the bridge gives up on the call (cancelled or timed out): stop the robot. */
    onGiveUp: (why: 'cancelled' | 'timeout') => void;
}
/**
 * The calls a bridge has sent and not yet seen answered, by id. Each settles exactly once:
 * with the robot's answer, the signal's reason on cancellation, a BridgeTimeoutError, or the
 * error of a broken link; whatever arrives afterwards for that id is not a call's answer.
 */
export declare class InFlightCalls {
    private readonly calls;
    get size(): number;
    has(id: string): boolean;
    /** Registers a call; the promise settles through `answer`, `fail`, `failAll`, the signal or the timer. */
    open(id: string, skill: string, opts: InFlightOptions): Promise<SkillResult>;
    /** Resolves the call with the robot's answer; false when no call of that id is waiting. */
    answer(id: string, body: SkillResultBody): boolean;
    /** Remembers that a malformed answer named this call (it keeps waiting); false when no such call. */
    noteMalformed(id: string, issues: readonly string[]): boolean;
    /** Rejects one call; false when no such call. */
    fail(id: string, err: unknown): boolean;
    /** Rejects every waiting call, e.g. when the link drops. */
    failAll(makeError: (skill: string, id: string) => Error): void;
    private finish;
}
//# sourceMappingURL=in-flight-calls.d.ts.map