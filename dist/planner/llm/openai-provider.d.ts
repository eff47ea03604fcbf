import type { LlmConfig } from './llm-config.ts';
import { type LanguageModel, type LlmCapabilities, type LlmGenerateOptions, type LlmGenerateResult } from './language-model.ts';
/** Test seams and overrides for the OpenAI-compatible provider. */
export interface OpenAiProviderOptions {
    /** A fetch implementation (default: the global one). */
    fetch?: typeof fetch;
    /** Jitter source for backoff; tests pin it. */
    random?: () => number;
}
/**
 * A LanguageModel over any OpenAI-compatible `/chat/completions` endpoint (OpenAI, vLLM,
 * llama.cpp, Ollama, LM Studio), through the official `openai` client.
 *
 * Retries are done here, not by the client (its `maxRetries` is 0): the client's backoff sleep
 * ignores the AbortSignal and knows nothing of the whole call's deadline.
 */
export declare class OpenAiCompatibleModel implements LanguageModel {
    #private;
    readonly specificationVersion = "robotool-llm-v1";
    readonly provider = "openai-compatible";
    readonly modelId: string;
    readonly capabilities: LlmCapabilities;
    constructor(config: LlmConfig, options?: OpenAiProviderOptions);
    generate(options: LlmGenerateOptions): Promise<LlmGenerateResult>;
}
/** A LanguageModel for a resolved configuration (see loadLlmConfig). */
export declare function createOpenAiCompatibleModel(config: LlmConfig, options?: OpenAiProviderOptions): LanguageModel;
//# sourceMappingURL=openai-provider.d.ts.map