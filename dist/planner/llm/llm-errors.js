/**
 * What can go wrong talking to a model, one class per thing a caller would do differently:
 * wait longer, slow down, try later, fix the prompt/parser, or stop because the user asked.
 */
/** Base of every model-call error. */
export class LlmError extends Error {
    name = 'LlmError';
    status;
    tip;
    constructor(message, options = {}) {
        super(message, { cause: options.cause });
        this.status = options.status;
        this.tip = options.tip;
    }
}
/** The call did not finish within its deadline (`timeoutMs`). */
export class LlmTimeoutError extends LlmError {
    name = 'LlmTimeoutError';
}
/** The server kept answering 429 (rate limit or quota) until retries or time ran out. */
export class LlmRateLimitError extends LlmError {
    name = 'LlmRateLimitError';
    /** What the last `retry-after` asked for (ms), if anything. */
    retryAfterMs;
    constructor(message, options = {}) {
        super(message, options);
        this.retryAfterMs = options.retryAfterMs;
    }
}
/** The server failed (5xx, an error event in the stream) until retries ran out. */
export class LlmServerError extends LlmError {
    name = 'LlmServerError';
}
/** The server could not be reached (refused, reset before answering, DNS). */
export class LlmConnectionError extends LlmError {
    name = 'LlmConnectionError';
}
/** The request was refused as such (400, 401, 403, 404, 422): retrying would not help. */
export class LlmRequestError extends LlmError {
    name = 'LlmRequestError';
}
/** The answer could not be read: malformed JSON, a stream cut off before it finished, no choices. */
export class LlmResponseError extends LlmError {
    name = 'LlmResponseError';
}
/** The caller's AbortSignal fired. */
export class LlmAbortError extends LlmError {
    name = 'LlmAbortError';
}
//# sourceMappingURL=llm-errors.js.map