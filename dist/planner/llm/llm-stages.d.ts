import type { StageInput, StageName, StageOutput } from '../stages.ts';
import { type LanguageModel, type LlmMessage, type LlmUsage } from './language-model.ts';
/** Options of one LLM stage run. */
export interface RunLlmStageOptions {
    model: LanguageModel;
    signal?: AbortSignal;
    /** The answer's text as it streams in (both attempts when the first is repaired). */
    onDelta?: (delta: string) => void;
    /** Called when the first answer was unusable and the model is asked again, with what was wrong. */
    onRepair?: (problems: readonly string[]) => void;
    /** Deadline of each model call (ms); the model's default when absent. */
    timeoutMs?: number;
    /** Transport retries of each model call; the model's default when absent. */
    maxRetries?: number;
}
/** A stage's typed output, with what it cost. */
export interface LlmStageResult<S extends StageName> {
    stage: S;
    output: StageOutput<S>;
    usage: LlmUsage;
    /** Model answers it took: 1, or 2 after a repair. */
    answers: number;
    /** The raw text of the answer that was used. */
    text: string;
    /** The whole conversation, for recording. */
    messages: LlmMessage[];
}
/** A stage that produced no usable output: the model call failed, or its answer was unusable twice. */
export declare class LlmStageError extends Error {
    readonly stage: StageName;
    /** `model`: the call failed (see cause); `answer`: the answers could not be used (see problems). */
    readonly reason: 'model' | 'answer';
    readonly problems: readonly string[];
    /** The last raw answer, if any. */
    readonly text: string | undefined;
    readonly name = "LlmStageError";
    constructor(stage: StageName, 
    /** `model`: the call failed (see cause); `answer`: the answers could not be used (see problems). */
    reason: 'model' | 'answer', problems: readonly string[], 
    /** The last raw answer, if any. */
    text: string | undefined, options?: {
        cause?: unknown;
    });
}
/** A parsed answer, or what is wrong with it. */
export type StageAnswer<S extends StageName> = {
    ok: true;
    output: StageOutput<S>;
} | {
    ok: false;
    problems: string[];
};
/**
 * Reads a stage's output from a raw answer: JSON (fenced or bare) checked against the stage's
 * schema for this robot, or for the Coder a program (```javascript block or JSON {program})
 * that passes the static checks. Never throws.
 */
export declare function parseStageAnswer<S extends StageName>(stage: S, text: string, input: StageInput): StageAnswer<S>;
/**
 * Runs one stage with a language model: builds the prompt, streams the answer, parses it into
 * the stage's typed output. An unusable answer (bad JSON, schema mismatch, no code block, a
 * program that does not compile) is sent back once with what was wrong; a second unusable
 * answer fails with an LlmStageError naming the stage and the problems. Cancellation
 * (LlmAbortError) passes through unwrapped.
 */
export declare function runLlmStage<S extends StageName>(stage: S, input: StageInput, options: RunLlmStageOptions): Promise<LlmStageResult<S>>;
//# sourceMappingURL=llm-stages.d.ts.map