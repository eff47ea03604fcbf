import type { EpisodePlanner } from '../planner.ts';
import { type StageName } from '../stages.ts';
import type { LanguageModel } from './language-model.ts';
/** Options of the LLM chain planner. */
export interface LlmPlannerOptions {
    model: LanguageModel;
    /** The chain to run (an ablation variant from parseStages); default the full chain. */
    stages?: readonly StageName[];
    /** Deadline of each model call (ms); the model's default when absent. */
    timeoutMs?: number;
}
/**
 * The LLM chain as an EpisodePlanner: runs the chosen stages in order, streaming
 * stage-started / stage-delta / stage-finished events, and proposes the Coder's program.
 * Every round (repairs included) runs the whole chain with the feedback in each prompt, so the
 * Analyzer and Planner can change their minds too. Unsubscribing aborts the model call in flight.
 * A stage that fails errors the Observable with an LlmStageError.
 */
export declare function createLlmPlanner(options: LlmPlannerOptions): EpisodePlanner;
//# sourceMappingURL=llm-planner.d.ts.map