/** How long to wait between retries: exponential backoff with jitter, or what the server asked for. */
/**
 * The wait before retry number `retry` (1 = first retry): base·2^(retry−1), capped, minus up to
 * 25 % jitter so that clients that failed together do not come back together.
 */
export function backoffDelayMs(retry, policy, random = Math.random) {
    const raw = Math.min(policy.baseDelayMs * 2 ** Math.max(0, retry - 1), policy.maxDelayMs);
    return raw * (1 - 0.25 * random());
}
/**
 * What `retry-after-ms` (non-standard, OpenAI sends it) or `retry-after` (seconds or an HTTP date)
 * ask for, in ms; undefined when absent or unreadable.
 */
export function retryAfterMs(headers, now = Date.now()) {
    if (!headers)
        return undefined;
    const ms = headers.get('retry-after-ms');
    if (ms !== null && ms.trim() !== '' && Number.isFinite(Number(ms)))
        return Math.max(0, Number(ms));
    const after = headers.get('retry-after');
    if (after === null || after.trim() === '')
        return undefined;
    if (Number.isFinite(Number(after)))
        return Math.max(0, Number(after) * 1000);
    const date = Date.parse(after);
    return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}
/** Waits `ms`, or rejects with the signal's reason as soon as it aborts. */
export function sleep(ms, signal) {
    return new Promise((resolve, reject) => {
        if (signal?.aborted) {
            reject(signal.reason);
            return;
        }
        const onAbort = () => {
            clearTimeout(timer);
            reject(signal?.reason);
        };
        const timer = setTimeout(() => {
            signal?.removeEventListener('abort', onAbort);
            resolve();
        }, ms);
        signal?.addEventListener('abort', onAbort, { once: true });
    });
}
//# sourceMappingURL=backoff.js.map