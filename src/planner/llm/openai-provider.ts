import OpenAI, {
  APIConnectionError,
  APIConnectionTimeoutError,
  APIError,
  APIUserAbortError,
} from 'openai';
import { z } from 'zod';
import { backoffDelayMs, retryAfterMs, sleep } from './backoff.ts';
import type { LlmConfig } from './llm-config.ts';
import {
  LlmAbortError,
  LlmConnectionError,
  LlmError,
  LlmRateLimitError,
  LlmRequestError,
  LlmResponseError,
  LlmServerError,
  LlmTimeoutError,
} from './llm-errors.ts';
import {
  LANGUAGE_MODEL_SPEC_VERSION,
  estimateTokens,
  type LanguageModel,
  type LlmCapabilities,
  type LlmFinishReason,
  type LlmGenerateOptions,
  type LlmGenerateResult,
  type LlmUsage,
} from './language-model.ts';

/** Test seams and overrides for the OpenAI-compatible provider. */
export interface OpenAiProviderOptions {
  /** A fetch implementation (default: the global one). */
  fetch?: typeof fetch;
  /** Jitter source for backoff; tests pin it. */
  random?: () => number;
  /** Largest response body read from the server (bytes; default MAX_ANSWER_BYTES). */
  maxAnswerBytes?: number;
}

/**
 * Largest response body the provider reads (1 MiB): a program, or a stage's JSON, is a few KiB.
 * The body is counted as it arrives, before anything parses it, so an endless or huge answer
 * costs at most this much memory and ends the call with an LlmResponseError.
 */
export const MAX_ANSWER_BYTES = 1024 * 1024;

/** The server's answer went past the size cap. */
class AnswerTooLarge extends Error {}

function tooLarge(err: unknown): AnswerTooLarge | null {
  for (let e = err, depth = 0; e instanceof Error && depth < 5; e = e.cause, depth++) if (e instanceof AnswerTooLarge) return e;
  return null;
}

/** A fetch whose response bodies stop with AnswerTooLarge past `maxBytes` (declared or counted). */
function cappedFetch(inner: typeof fetch, maxBytes: number): typeof fetch {
  return async (input, init) => {
    const res = await inner(input, init);
    const declared = Number(res.headers.get('content-length') ?? 0);
    const over = (): AnswerTooLarge => new AnswerTooLarge(`the server's answer is larger than the ${maxBytes}-byte limit`);
    if (declared > maxBytes) {
      await res.body?.cancel().catch(() => undefined);
      throw over();
    }
    if (!res.body) return res;
    let seen = 0;
    const body = res.body.pipeThrough(
      new TransformStream<Uint8Array, Uint8Array>({
        transform(chunk, ctl) {
          seen += chunk.byteLength;
          if (seen > maxBytes) ctl.error(over());
          else ctl.enqueue(chunk);
        },
      }),
    );
    return new Response(body, { status: res.status, statusText: res.statusText, headers: res.headers });
  };
}

// The stream and the body are parsed, not trusted: "OpenAI-compatible" servers differ in what they
// leave out, and a server that sends something else should fail with the path of what is wrong.
const Usage = z
  .object({ prompt_tokens: z.number().int().min(0), completion_tokens: z.number().int().min(0) })
  .nullish();
const ChunkSchema = z.object({
  choices: z.array(
    z.object({
      delta: z.object({ content: z.string().nullish() }).nullish(),
      finish_reason: z.string().nullish(),
    }),
  ),
  usage: Usage,
});
const CompletionSchema = z.object({
  choices: z
    .array(
      z.object({
        message: z.object({ content: z.string().nullish(), refusal: z.string().nullish() }),
        finish_reason: z.string().nullish(),
      }),
    )
    .min(1, 'the server returned no choices'),
  usage: Usage,
});

function issuesText(error: z.ZodError): string {
  return error.issues
    .map((i) => `${i.path.map((k) => (typeof k === 'number' ? `[${k}]` : `.${String(k)}`)).join('') || '(root)'}: ${i.message}`)
    .join('; ');
}

function finishReasonOf(raw: string | null | undefined): LlmFinishReason {
  switch (raw) {
    case 'stop':
      return 'stop';
    case 'length':
      return 'length';
    case 'content_filter':
      return 'content-filter';
    default:
      return 'other';
  }
}

/** Why an attempt's own controller fired. */
type AttemptAbort = 'user' | 'deadline';

/** A failed attempt: the error to report, and whether trying again can help. */
interface AttemptFailure {
  error: LlmError;
  retryable: boolean;
  /** What the server's `retry-after` asked for (429 and 5xx alike). */
  retryAfterMs?: number;
}

class AttemptFailed extends Error {
  constructor(readonly failure: AttemptFailure) {
    super(failure.error.message, { cause: failure.error });
  }
}

/**
 * A LanguageModel over any OpenAI-compatible `/chat/completions` endpoint (OpenAI, vLLM,
 * llama.cpp, Ollama, LM Studio), through the official `openai` client.
 *
 * Retries are done here, not by the client (its `maxRetries` is 0): the client's backoff sleep
 * ignores the AbortSignal and knows nothing of the whole call's deadline.
 */
export class OpenAiCompatibleModel implements LanguageModel {
  readonly specificationVersion = LANGUAGE_MODEL_SPEC_VERSION;
  readonly provider = 'openai-compatible';
  readonly modelId: string;
  readonly capabilities: LlmCapabilities;
  readonly #client: OpenAI;
  readonly #config: LlmConfig;
  readonly #random: () => number;

  constructor(config: LlmConfig, options: OpenAiProviderOptions = {}) {
    this.modelId = config.model;
    this.#config = config;
    this.#random = options.random ?? Math.random;
    this.capabilities = { jsonSchemaOutput: config.structuredOutput, streaming: config.stream };
    this.#client = new OpenAI({
      // Local servers take any key; the client refuses to start without one.
      apiKey: config.apiKey ?? 'no-key',
      baseURL: config.baseURL ?? null,
      maxRetries: 0,
      timeout: config.timeoutMs,
      defaultHeaders: config.headers,
      // Failures are reported as errors to the caller; the client must not print to the console.
      logLevel: 'off',
      fetch: cappedFetch(options.fetch ?? ((input, init) => fetch(input, init)), options.maxAnswerBytes ?? MAX_ANSWER_BYTES),
    });
  }

  async generate(options: LlmGenerateOptions): Promise<LlmGenerateResult> {
    const timeoutMs = options.timeoutMs ?? this.#config.timeoutMs;
    const maxRetries = options.maxRetries ?? this.#config.maxRetries;
    const deadline = Date.now() + timeoutMs;
    const where = this.#config.baseURL ?? 'api.openai.com';
    if (options.signal?.aborted) throw new LlmAbortError('model call aborted before it started', { cause: options.signal.reason });

    for (let attempt = 1; ; attempt++) {
      let failure: AttemptFailure;
      try {
        const r = await this.#attempt(options, deadline, timeoutMs);
        return { ...r, attempts: attempt };
      } catch (err) {
        if (!(err instanceof AttemptFailed)) throw err;
        failure = err.failure;
      }
      if (!failure.retryable || attempt > maxRetries) {
        if (failure.retryable && maxRetries > 0) failure.error.message += ` (after ${attempt} attempts)`;
        throw failure.error;
      }
      const wait = failure.retryAfterMs ?? backoffDelayMs(attempt, { baseDelayMs: this.#config.retryBaseDelayMs, maxDelayMs: this.#config.retryMaxDelayMs }, this.#random);
      if (Date.now() + wait >= deadline) {
        failure.error.message += ` (no time left to retry within ${timeoutMs} ms; the next try was due in ${Math.round(wait)} ms)`;
        throw failure.error;
      }
      try {
        await sleep(wait, options.signal);
      } catch (reason) {
        throw new LlmAbortError(`model call to ${where} aborted while waiting to retry`, { cause: reason });
      }
    }
  }

  /** One HTTP request, bounded by the call's deadline and the caller's signal. */
  async #attempt(options: LlmGenerateOptions, deadline: number, timeoutMs: number): Promise<Omit<LlmGenerateResult, 'attempts'>> {
    const controller = new AbortController();
    let aborted: AttemptAbort | undefined;
    const onUserAbort = (): void => {
      aborted ??= 'user';
      controller.abort(options.signal?.reason);
    };
    options.signal?.addEventListener('abort', onUserAbort, { once: true });
    const remaining = Math.max(1, deadline - Date.now());
    const timer = setTimeout(() => {
      aborted ??= 'deadline';
      controller.abort(new Error(`deadline of ${timeoutMs} ms passed`));
    }, remaining);
    const fail = (err: unknown): AttemptFailed => {
      if (aborted === 'user') return new AttemptFailed({ error: new LlmAbortError('model call aborted', { cause: options.signal?.reason ?? err }), retryable: false });
      const big = tooLarge(err);
      if (big) return new AttemptFailed({ error: new LlmResponseError(big.message, { cause: err }), retryable: false });
      if (aborted === 'deadline' || err instanceof APIConnectionTimeoutError) {
        return new AttemptFailed({
          error: new LlmTimeoutError(`model did not answer within ${timeoutMs} ms`, { cause: err, tip: 'raise llm.timeoutMs, or check that the server is not overloaded' }),
          retryable: false,
        });
      }
      return new AttemptFailed(this.#classify(err));
    };

    try {
      const body = this.#requestBody(options);
      const requestOptions = { signal: controller.signal, maxRetries: 0, timeout: remaining + 1_000 };
      if (!this.#config.stream) {
        let raw: unknown;
        try {
          raw = await this.#client.chat.completions.create({ ...body, stream: false }, requestOptions);
        } catch (err) {
          throw fail(err);
        }
        if (aborted) throw fail(undefined);
        const parsed = CompletionSchema.safeParse(raw);
        if (!parsed.success) {
          throw new AttemptFailed({ error: new LlmResponseError(`malformed chat completion: ${issuesText(parsed.error)}`, { cause: parsed.error }), retryable: false });
        }
        const choice = parsed.data.choices[0]!;
        const text = choice.message.content ?? '';
        if (text) options.onDelta?.(text);
        return {
          text,
          usage: this.#usage(parsed.data.usage, options, text),
          finishReason: finishReasonOf(choice.finish_reason),
        };
      }

      let stream: AsyncIterable<unknown>;
      try {
        stream = await this.#client.chat.completions.create(
          { ...body, stream: true, stream_options: { include_usage: true } },
          requestOptions,
        );
      } catch (err) {
        throw fail(err);
      }
      let text = '';
      let finish: string | null | undefined;
      let usage: z.infer<typeof Usage>;
      let chunks = 0;
      try {
        for await (const raw of stream) {
          chunks++;
          const chunk = ChunkSchema.safeParse(raw);
          if (!chunk.success) {
            throw new AttemptFailed({
              error: new LlmResponseError(`malformed stream chunk ${chunks}: ${issuesText(chunk.error)}`, { cause: chunk.error }),
              retryable: false,
            });
          }
          if (chunk.data.usage) usage = chunk.data.usage;
          for (const choice of chunk.data.choices) {
            const delta = choice.delta?.content;
            if (delta) {
              text += delta;
              options.onDelta?.(delta);
            }
            if (choice.finish_reason) finish = choice.finish_reason;
          }
        }
      } catch (err) {
        if (err instanceof AttemptFailed) throw err;
        if (aborted || tooLarge(err)) throw fail(err);
        if (err instanceof APIError) throw fail(err);
        // A socket closed mid-stream ("terminated"), an event that is not JSON: the answer is unusable.
        throw new AttemptFailed({
          error: new LlmResponseError(
            err instanceof SyntaxError
              ? `malformed server-sent event after ${text.length} characters: ${err.message}`
              : `stream broke off after ${text.length} characters: ${err instanceof Error ? err.message : String(err)}`,
            { cause: err },
          ),
          retryable: false,
        });
      }
      // The client ends the iteration quietly when its controller aborts, so look at why it ended.
      if (aborted) throw fail(undefined);
      if (!finish) {
        throw new AttemptFailed({
          error: new LlmResponseError(`stream ended after ${text.length} characters without a finish_reason: the answer is truncated`),
          retryable: false,
        });
      }
      return { text, usage: this.#usage(usage, options, text), finishReason: finishReasonOf(finish) };
    } finally {
      clearTimeout(timer);
      options.signal?.removeEventListener('abort', onUserAbort);
    }
  }

  #requestBody(options: LlmGenerateOptions) {
    const temperature = options.temperature ?? this.#config.temperature;
    const maxTokens = options.maxOutputTokens ?? this.#config.maxOutputTokens;
    return {
      model: this.#config.model,
      messages: options.messages.map((m) => ({ role: m.role, content: m.content })),
      ...(temperature !== undefined ? { temperature } : {}),
      ...(maxTokens !== undefined ? { max_completion_tokens: maxTokens } : {}),
      ...(options.jsonSchema && this.#config.structuredOutput
        ? {
            response_format: {
              type: 'json_schema' as const,
              json_schema: {
                name: options.jsonSchema.name,
                ...(options.jsonSchema.description ? { description: options.jsonSchema.description } : {}),
                schema: options.jsonSchema.schema,
                // Strict mode forbids open records (a concept's `numbers`); the answer is validated anyway.
                strict: false,
              },
            },
          }
        : {}),
    };
  }

  #usage(reported: z.infer<typeof Usage>, options: LlmGenerateOptions, text: string): LlmUsage {
    if (reported) return { inputTokens: reported.prompt_tokens, outputTokens: reported.completion_tokens };
    return {
      inputTokens: estimateTokens(options.messages.map((m) => m.content).join('\n')),
      outputTokens: estimateTokens(text),
      estimated: true,
    };
  }

  #classify(err: unknown): AttemptFailure {
    const where = this.#config.baseURL ?? 'api.openai.com';
    if (err instanceof APIUserAbortError) {
      return { error: new LlmAbortError('model call aborted', { cause: err }), retryable: false };
    }
    if (err instanceof APIConnectionError) {
      return {
        error: new LlmConnectionError(`cannot reach ${where}: ${err.message}`, { cause: err, tip: 'check ROBOTOOL_LLM_BASE_URL and that the server is running' }),
        retryable: true,
      };
    }
    if (err instanceof APIError) {
      const status = err.status;
      const detail = err.message;
      if (status === 429) {
        const after = retryAfterMs(err.headers);
        return {
          error: new LlmRateLimitError(`rate limited by ${where} (429): ${detail}`, {
            cause: err,
            status,
            ...(after !== undefined ? { retryAfterMs: after } : {}),
            tip: 'wait, lower the request rate, or check the account quota',
          }),
          retryable: true,
          ...(after !== undefined ? { retryAfterMs: after } : {}),
        };
      }
      if (status === undefined) {
        // An error event inside the stream: the server gave up mid-answer; deltas were already delivered.
        return { error: new LlmServerError(`server reported an error mid-stream: ${detail}`, { cause: err }), retryable: false };
      }
      if (status >= 500 || status === 408 || status === 409) {
        const after = retryAfterMs(err.headers);
        return {
          error: new LlmServerError(`server error from ${where} (${status}): ${detail}`, { cause: err, status }),
          retryable: true,
          ...(after !== undefined ? { retryAfterMs: after } : {}),
        };
      }
      const tip =
        status === 401 || status === 403
          ? 'check the API key (OPENAI_API_KEY or the variable llm.apiKeyEnv names)'
          : status === 404
            ? `check the model name ("${this.#config.model}") and the base URL (it usually ends in /v1)`
            : undefined;
      return { error: new LlmRequestError(`request refused by ${where} (${status}): ${detail}`, { cause: err, status, ...(tip ? { tip } : {}) }), retryable: false };
    }
    if (err instanceof SyntaxError) {
      return { error: new LlmResponseError(`malformed response body: ${err.message}`, { cause: err }), retryable: false };
    }
    return { error: new LlmResponseError(`unexpected failure: ${err instanceof Error ? err.message : String(err)}`, { cause: err }), retryable: false };
  }
}

/** A LanguageModel for a resolved configuration (see loadLlmConfig). */
export function createOpenAiCompatibleModel(config: LlmConfig, options: OpenAiProviderOptions = {}): LanguageModel {
  return new OpenAiCompatibleModel(config, options);
}
