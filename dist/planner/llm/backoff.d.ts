/** How long to wait between retries: exponential backoff with jitter, or what the server asked for. */
/** Backoff parameters (ms). */
export interface BackoffPolicy {
    baseDelayMs: number;
    maxDelayMs: number;
}
/**
 * The wait before retry number `retry` (1 = first retry): base·2^(retry−1), capped, minus up to
 * 25 % jitter so that clients that failed together do not come back together.
 */
export declare function backoffDelayMs(retry: number, policy: BackoffPolicy, random?: () => number): number;
/**
 * What `retry-after-ms` (non-standard, OpenAI sends it) or `retry-after` (seconds or an HTTP date)
 * ask for, in ms; undefined when absent or unreadable.
 */
export declare function retryAfterMs(headers: Headers | undefined, now?: number): number | undefined;
/** Waits `ms`, or rejects with the signal's reason as soon as it aborts. */
export declare function sleep(ms: number, signal?: AbortSignal): Promise<void>;
//# sourceMappingURL=backoff.d.ts.map