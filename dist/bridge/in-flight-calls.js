import { BridgeTimeoutError } from "./errors.js";
import { toSkillResult } from "./payload.js";
/**
 * The calls a bridge has sent and not yet seen answered, by id. Each settles exactly once:
 * with the robot's answer, the signal's reason on cancellation, a BridgeTimeoutError, or the
 * error of a broken link; whatever arrives afterwards for that id is not a call's answer.
 */
export class InFlightCalls {
    calls = new Map();
    get size() {
        return this.calls.size;
    }
    has(id) {
        return this.calls.has(id);
    }
    /** Registers a call; the promise settles through `answer`, `fail`, `failAll`, the signal or the timer. */
    open(id, skill, opts) {
        return new Promise((resolve, reject) => {
            const { signal } = opts;
            const onAbort = () => {
                if (!this.calls.has(id))
                    return;
                this.finish(id)?.reject(signal?.reason);
                opts.onGiveUp('cancelled');
            };
            const timer = setTimeout(() => {
                const entry = this.finish(id);
                if (!entry)
                    return;
                const malformed = entry.lastIssues ? `; its last answer was malformed and dropped: ${entry.lastIssues.join('; ')}` : '';
                entry.reject(new BridgeTimeoutError(skill, opts.timeoutMs, `${skill} got no valid answer from the robot within ${opts.timeoutMs} ms (call ${id}); the robot was sent a stop${malformed}`));
                opts.onGiveUp('timeout');
            }, opts.timeoutMs);
            const done = () => {
                clearTimeout(timer);
                signal?.removeEventListener('abort', onAbort);
            };
            this.calls.set(id, { skill, startedAt: performance.now(), resolve, reject, done });
            signal?.addEventListener('abort', onAbort, { once: true });
        });
    }
    /** Resolves the call with the robot's answer; false when no call of that id is waiting. */
    answer(id, body) {
        const entry = this.finish(id);
        if (!entry)
            return false;
        entry.resolve(toSkillResult(body, (performance.now() - entry.startedAt) / 1000));
        return true;
    }
    /** Remembers that a malformed answer named this call (it keeps waiting); false when no such call. */
    noteMalformed(id, issues) {
        const entry = this.calls.get(id);
        if (!entry)
            return false;
        entry.lastIssues = issues;
        return true;
    }
    /** Rejects one call; false when no such call. */
    fail(id, err) {
        const entry = this.finish(id);
        if (!entry)
            return false;
        entry.reject(err);
        return true;
    }
    /** Rejects every waiting call, e.g. when the link drops. */
    failAll(makeError) {
        for (const id of [...this.calls.keys()]) {
            const entry = this.finish(id);
            entry?.reject(makeError(entry.skill, id));
        }
    }
    finish(id) {
        const entry = this.calls.get(id);
        if (!entry)
            return undefined;
        this.calls.delete(id);
        entry.done();
        return entry;
    }
}
//# sourceMappingURL=in-flight-calls.js.map