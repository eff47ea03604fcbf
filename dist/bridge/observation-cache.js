import { BridgeTimeoutError } from "./errors.js";
/** The latest valid observation a bridge received, and the callers waiting for a first one. */
export class ObservationCache {
    source;
    latest = null;
    waiters = [];
    /** `source` names the topic, for the time-out message. */
    constructor(source) {
        this.source = source;
    }
    set(obs) {
        this.latest = obs;
        const waiters = this.waiters;
        this.waiters = [];
        for (const w of waiters) {
            clearTimeout(w.timer);
            w.resolve(structuredClone(obs));
        }
    }
    /** Forgets the observation (the robot cleared it). */
    clear() {
        this.latest = null;
    }
    /** A copy of the latest observation, or the first one to arrive within `timeoutMs`. */
    get(timeoutMs) {
        if (this.latest)
            return Promise.resolve(structuredClone(this.latest));
        return new Promise((resolve, reject) => {
            const waiter = {
                resolve,
                timer: setTimeout(() => {
                    this.waiters = this.waiters.filter((w) => w !== waiter);
                    reject(new BridgeTimeoutError('observe', timeoutMs, `no valid observation on ${this.source} within ${timeoutMs} ms`));
                }, timeoutMs),
            };
            this.waiters.push(waiter);
        });
    }
}
//# sourceMappingURL=observation-cache.js.map