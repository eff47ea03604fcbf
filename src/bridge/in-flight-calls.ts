import type { SkillResult } from '../skills/registry.ts';
import { BridgeTimeoutError } from './errors.ts';
import { toSkillResult, type SkillResultBody } from './payload.ts';

/** How one call waits for its answer. */
export interface InFlightOptions {
  timeoutMs: number;
  signal?: AbortSignal;
  /** Called once when the bridge gives up on the call (cancelled or timed out): stop the robot. */
  onGiveUp: (why: 'cancelled' | 'timeout') => void;
}

interface Entry {
  skill: string;
  startedAt: number;
  resolve: (r: SkillResult) => void;
  reject: (err: unknown) => void;
  done: () => void;
  /** Issues of the last malformed answer that named this call, for the time-out message. */
  lastIssues?: readonly string[];
}

/**
 * The calls a bridge has sent and not yet seen answered, by id. Each settles exactly once:
 * with the robot's answer, the signal's reason on cancellation, a BridgeTimeoutError, or the
 * error of a broken link; whatever arrives afterwards for that id is not a call's answer.
 */
export class InFlightCalls {
  private readonly calls = new Map<string, Entry>();

  get size(): number {
    return this.calls.size;
  }

  has(id: string): boolean {
    return this.calls.has(id);
  }

  /** The skill of a waiting call. */
  skillOf(id: string): string | undefined {
    return this.calls.get(id)?.skill;
  }

  /** Registers a call; the promise settles through `answer`, `fail`, `failAll`, the signal or the timer. */
  open(id: string, skill: string, opts: InFlightOptions): Promise<SkillResult> {
    return new Promise<SkillResult>((resolve, reject) => {
      const { signal } = opts;
      const onAbort = (): void => {
        if (!this.calls.has(id)) return;
        this.finish(id)?.reject(signal?.reason);
        opts.onGiveUp('cancelled');
      };
      const timer = setTimeout(() => {
        const entry = this.finish(id);
        if (!entry) return;
        const malformed = entry.lastIssues ? `; its last answer was malformed and dropped: ${entry.lastIssues.join('; ')}` : '';
        entry.reject(
          new BridgeTimeoutError(skill, opts.timeoutMs, `${skill} got no valid answer from the robot within ${opts.timeoutMs} ms (call ${id}); the robot was sent a stop${malformed}`),
        );
        opts.onGiveUp('timeout');
      }, opts.timeoutMs);
      const done = (): void => {
        clearTimeout(timer);
        signal?.removeEventListener('abort', onAbort);
      };
      this.calls.set(id, { skill, startedAt: performance.now(), resolve, reject, done });
      signal?.addEventListener('abort', onAbort, { once: true });
    });
  }

  /** Resolves the call with the robot's answer; false when no call of that id is waiting. */
  answer(id: string, body: SkillResultBody): boolean {
    const entry = this.finish(id);
    if (!entry) return false;
    entry.resolve(toSkillResult(body, (performance.now() - entry.startedAt) / 1000));
    return true;
  }

  /** Remembers that a malformed answer named this call (it keeps waiting); false when no such call. */
  noteMalformed(id: string, issues: readonly string[]): boolean {
    const entry = this.calls.get(id);
    if (!entry) return false;
    entry.lastIssues = issues;
    return true;
  }

  /** Rejects one call; false when no such call. */
  fail(id: string, err: unknown): boolean {
    const entry = this.finish(id);
    if (!entry) return false;
    entry.reject(err);
    return true;
  }

  /** Rejects every waiting call, e.g. when the link drops. */
  failAll(makeError: (skill: string, id: string) => Error): void {
    for (const id of [...this.calls.keys()]) {
      const entry = this.finish(id);
      entry?.reject(makeError(entry.skill, id));
    }
  }

  private finish(id: string): Entry | undefined {
    const entry = this.calls.get(id);
    if (!entry) return undefined;
    this.calls.delete(id);
    entry.done();
    return entry;
  }
}
