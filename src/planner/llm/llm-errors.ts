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
export class LlmError extends Error {
  override readonly name: string = 'LlmError';
  readonly status: number | undefined;
  readonly tip: string | undefined;
  constructor(message: string, options: LlmErrorOptions = {}) {
    super(message, { cause: options.cause });
    this.status = options.status;
    this.tip = options.tip;
  }
}

/** The call did not finish within its deadline (`timeoutMs`). */
export class LlmTimeoutError extends LlmError {
  override readonly name = 'LlmTimeoutError';
}

/** The server kept answering 429 (rate limit or quota) until retries or time ran out. */
export class LlmRateLimitError extends LlmError {
  override readonly name = 'LlmRateLimitError';
  /** What the last `retry-after` asked for (ms), if anything. */
  readonly retryAfterMs: number | undefined;
  constructor(message: string, options: LlmErrorOptions & { retryAfterMs?: number } = {}) {
    super(message, options);
    this.retryAfterMs = options.retryAfterMs;
  }
}

/** The server failed (5xx, an error event in the stream) until retries ran out. */
export class LlmServerError extends LlmError {
  override readonly name = 'LlmServerError';
}

/** The server could not be reached (refused, reset before answering, DNS). */
export class LlmConnectionError extends LlmError {
  override readonly name = 'LlmConnectionError';
}

/** The request was refused as such (400, 401, 403, 404, 422): retrying would not help. */
export class LlmRequestError extends LlmError {
  override readonly name = 'LlmRequestError';
}

/** The answer could not be read: malformed JSON, a stream cut off before it finished, no choices. */
export class LlmResponseError extends LlmError {
  override readonly name = 'LlmResponseError';
}

/** The caller's AbortSignal fired. */
export class LlmAbortError extends LlmError {
  override readonly name = 'LlmAbortError';
}
