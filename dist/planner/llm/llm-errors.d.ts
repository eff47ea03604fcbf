/**
 * What can go wrong talking to a model, one class per thing a caller would do differently:
 * wait longer, slow down, try later, fix the prompt/parser, or stop because the user asked.
 */
interface LlmErrorOptions {
    cause?: unknown;
    /** HTTP status, when there was a response. */
    status?: number;
    /** What the user can do about it. */
    tip?: string;
}
/** Base of every model-call error. */
export declare class LlmError extends Error {
    readonly name: string;
    readonly status: number | undefined;
    readonly tip: string | undefined;
    constructor(message: string, options?: LlmErrorOptions);
}
/** The call did not finish within its deadline (`timeoutMs`). */
export declare class LlmTimeoutError extends LlmError {
    readonly name = "LlmTimeoutError";
}
/** The server kept answering 429 (rate limit or quota) until retries or time ran out. */
export declare class LlmRateLimitError extends LlmError {
    readonly name = "LlmRateLimitError";
    /** What the last `retry-after` asked for (ms), if anything. */
    readonly retryAfterMs: number | undefined;
    constructor(message: string, options?: LlmErrorOptions & {
        retryAfterMs?: number;
    });
}
/** The server failed (5xx, an error event in the stream) until retries ran out. */
export declare class LlmServerError extends LlmError {
    readonly name = "LlmServerError";
}
/** The server could not be reached (refused, reset before answering, DNS). */
export declare class LlmConnectionError extends LlmError {
    readonly name = "LlmConnectionError";
}
/** The request was refused as such (400, 401, 403, 404, 422): retrying would not help. */
export declare class LlmRequestError extends LlmError {
    readonly name = "LlmRequestError";
}
/** The answer could not be read: malformed JSON, a stream cut off before it finished, no choices. */
export declare class LlmResponseError extends LlmError {
    readonly name = "LlmResponseError";
}
/** The caller's AbortSignal fired. */
export declare class LlmAbortError extends LlmError {
    readonly name = "LlmAbortError";
}
export {};
//# sourceMappingURL=llm-errors.d.ts.map