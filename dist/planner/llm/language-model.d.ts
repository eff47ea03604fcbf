/**
 * The language-model spec: the one interface the stages talk to. Providers (OpenAI-compatible
 * HTTP, scripted for tests) implement it; nothing above this file knows which one it has.
 */
/** The spec version a provider implements; bumped when the contract changes. */
export declare const LANGUAGE_MODEL_SPEC_VERSION = "robotool-llm-v1";
/** One chat message. */
export interface LlmMessage {
    role: 'system' | 'user' | 'assistant';
    content: string;
}
/** A JSON Schema the answer must follow, for providers that support structured output. */
export interface LlmJsonSchema {
    /** `[A-Za-z0-9_-]{1,64}`: the name the provider reports the format under. */
    name: string;
    description?: string;
    schema: Record<string, unknown>;
}
/** Token accounting for one call (all attempts of it). */
export interface LlmUsage {
    inputTokens: number;
    outputTokens: number;
    /** True when the provider reported nothing and the counts are a characters/4 estimate. */
    estimated?: boolean;
}
/** Why the model stopped: `length` means the answer was cut at the output-token limit. */
export type LlmFinishReason = 'stop' | 'length' | 'content-filter' | 'other';
/** One call's options. Every wait is bounded and cancellable. */
export interface LlmGenerateOptions {
    messages: readonly LlmMessage[];
    /** Ask for JSON following this schema; providers without structured output ignore it (the prompt asks too). */
    jsonSchema?: LlmJsonSchema;
    signal?: AbortSignal;
    /** Deadline for the whole call, retries and backoff included (ms). Provider default when absent. */
    timeoutMs?: number;
    /** Retries on 429/5xx/connection failures. Provider default when absent. */
    maxRetries?: number;
    /** Receives the answer's text as it streams in. Deltas of a failed attempt are not taken back. */
    onDelta?: (delta: string) => void;
    temperature?: number;
    maxOutputTokens?: number;
}
/** One call's result. */
export interface LlmGenerateResult {
    text: string;
    usage: LlmUsage;
    finishReason: LlmFinishReason;
    /** HTTP attempts it took (1 = no retry). */
    attempts: number;
}
/** What a provider can do, so that callers need not probe. */
export interface LlmCapabilities {
    /** Honours `jsonSchema` (`response_format: json_schema`). */
    jsonSchemaOutput: boolean;
    /** Delivers `onDelta` as the text arrives rather than once at the end. */
    streaming: boolean;
}
/** A language model robotool can prompt. */
export interface LanguageModel {
    readonly specificationVersion: typeof LANGUAGE_MODEL_SPEC_VERSION;
    /** `openai-compatible`, `scripted`, … */
    readonly provider: string;
    readonly modelId: string;
    readonly capabilities: LlmCapabilities;
    /** Resolves with the whole answer or rejects with an LlmError subclass. */
    generate(options: LlmGenerateOptions): Promise<LlmGenerateResult>;
}
/** Adds two usages (a stage's attempts, an episode's stages). */
export declare function addUsage(a: LlmUsage, b: LlmUsage): LlmUsage;
/** No tokens yet. */
export declare const ZERO_USAGE: LlmUsage;
/** A rough token count (4 characters a token) for servers that report no usage. */
export declare function estimateTokens(text: string): number;
//# sourceMappingURL=language-model.d.ts.map