import { LlmAbortError } from '../planner/llm/llm-errors.ts';
import {
  LANGUAGE_MODEL_SPEC_VERSION,
  estimateTokens,
  type LanguageModel,
  type LlmCapabilities,
  type LlmFinishReason,
  type LlmGenerateOptions,
  type LlmGenerateResult,
  type LlmUsage,
} from '../planner/llm/language-model.ts';

/** One scripted answer: the text, an error to throw, or a full result. */
export type ScriptedAnswer =
  | string
  | Error
  | { text: string; usage?: LlmUsage; finishReason?: LlmFinishReason };

/** One call the scripted model received. */
export interface RecordedCall {
  /** 0-based call number. */
  index: number;
  options: LlmGenerateOptions;
}

/** Options of the scripted model. */
export interface ScriptedModelOptions {
  /** Characters per streamed delta (default 16). */
  chunkSize?: number;
  modelId?: string;
  capabilities?: Partial<LlmCapabilities>;
}

/** Thrown when the script has no answer for a call: a test asked the model more than it planned. */
export class ScriptExhaustedError extends Error {
  override readonly name = 'ScriptExhaustedError';
}

/**
 * A LanguageModel for tests: call N gets answer N (an Error is thrown instead), streamed to
 * `onDelta` in chunks, and every call's options are recorded for assertions.
 */
export class ScriptedLanguageModel implements LanguageModel {
  readonly specificationVersion = LANGUAGE_MODEL_SPEC_VERSION;
  readonly provider = 'scripted';
  readonly modelId: string;
  readonly capabilities: LlmCapabilities;
  /** Every call so far, in order. */
  readonly calls: RecordedCall[] = [];
  readonly #answers: readonly ScriptedAnswer[];
  readonly #chunkSize: number;

  constructor(answers: readonly ScriptedAnswer[], options: ScriptedModelOptions = {}) {
    this.#answers = answers;
    this.#chunkSize = Math.max(1, options.chunkSize ?? 16);
    this.modelId = options.modelId ?? 'scripted';
    this.capabilities = { jsonSchemaOutput: false, streaming: true, ...options.capabilities };
  }

  /** How many scripted answers have not been used yet. */
  get remaining(): number {
    return Math.max(0, this.#answers.length - this.calls.length);
  }

  async generate(options: LlmGenerateOptions): Promise<LlmGenerateResult> {
    const index = this.calls.length;
    // A snapshot of the messages: callers may append to their array after the call.
    this.calls.push({ index, options: { ...options, messages: options.messages.map((m) => ({ ...m })) } });
    if (options.signal?.aborted) throw new LlmAbortError('model call aborted', { cause: options.signal.reason });
    const answer = this.#answers[index];
    if (answer === undefined) {
      throw new ScriptExhaustedError(`scripted model has ${this.#answers.length} answers; call ${index + 1} has none`);
    }
    if (answer instanceof Error) throw answer;
    const { text, usage, finishReason } = typeof answer === 'string' ? { text: answer, usage: undefined, finishReason: undefined } : answer;
    for (let i = 0; i < text.length; i += this.#chunkSize) {
      // Yield between chunks so that an abort from a delta handler is seen, as with a real stream.
      await Promise.resolve();
      if (options.signal?.aborted) throw new LlmAbortError('model call aborted', { cause: options.signal.reason });
      options.onDelta?.(text.slice(i, i + this.#chunkSize));
    }
    return {
      text,
      usage: usage ?? { inputTokens: estimateTokens(options.messages.map((m) => m.content).join('\n')), outputTokens: estimateTokens(text) },
      finishReason: finishReason ?? 'stop',
      attempts: 1,
    };
  }
}
