import type { LanguageModel, LlmGenerateResult, LlmMessage } from './language-model.ts';
/** One model call as it went: the prompt, the answer (or error) and its cost. */
export interface TranscriptEntry {
    at: string;
    model: string;
    messages: LlmMessage[];
    answer: string | null;
    error: string | null;
    usage: LlmGenerateResult['usage'] | null;
    seconds: number;
}
/** Wraps a model so that every prompt and answer is kept, in order, for the transcript file. */
export declare function recordingModel(model: LanguageModel, entries: TranscriptEntry[]): LanguageModel;
/** Writes the transcript of an episode as JSON. */
export declare function writeTranscript(file: string, meta: Record<string, unknown>, entries: TranscriptEntry[]): Promise<void>;
//# sourceMappingURL=transcript.d.ts.map