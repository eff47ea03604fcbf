import { type LanguageModel, type LlmCapabilities, type LlmFinishReason, type LlmGenerateOptions, type LlmGenerateResult, type LlmUsage } from '../planner/llm/language-model.ts';
/** One scripted answer: the text, an error to throw, or a full result. */
export type ScriptedAnswer = string | Error | {
    text: string;
    usage?: LlmUsage;
    finishReason?: LlmFinishReason;
};
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
export declare class ScriptExhaustedError extends Error {
    readonly name = "ScriptExhaustedError";
}
/**
 * A LanguageModel for tests: call N gets answer N (an Error is thrown instead), streamed to
 * `onDelta` in chunks, and every call's options are recorded for assertions.
 */
export declare class ScriptedLanguageModel implements LanguageModel {
    #private;
    readonly specificationVersion = "robotool-llm-v1";
    readonly provider = "scripted";
    readonly modelId: string;
    readonly capabilities: LlmCapabilities;
    /** Every call so far, in order. */
    readonly calls: RecordedCall[];
    constructor(answers: readonly ScriptedAnswer[], options?: ScriptedModelOptions);
    /** How many scripted answers have not been used yet. */
    get remaining(): number;
    generate(options: LlmGenerateOptions): Promise<LlmGenerateResult>;
}
//# sourceMappingURL=scripted-model.d.ts.map