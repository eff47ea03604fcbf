import type { EpisodePlanner } from './planner.ts';
/** A planner option the user got wrong (the CLI exits 2 on it). */
export declare class PlannerOptionsError extends Error {
    name: string;
}
export interface CreatePlannerOptions {
    /** `search`, `llm`, or undefined: `llm` when a model is configured, else `search`. */
    planner?: string | undefined;
    /** LLM ablation: a comma list of stages (see `parseStages`). Refused for the search planner. */
    stages?: string | undefined;
    /** robotool.config.json to read the `llm` section from (default: the working directory's). */
    configPath?: string | undefined;
    /**
     * Where to write the LLM transcript: a file, `default` for transcripts/<time>.json, or
     * undefined for none.
     */
    transcript?: string | undefined;
}
export interface CreatedPlanner {
    planner: EpisodePlanner;
    /** The model, as `provider:model`, when the planner is the LLM chain. */
    model?: string;
    /** Writes what must outlive the episode (the transcript); returns the file written, if any. */
    finish(): Promise<string | undefined>;
}
/** Builds the planner the options ask for; throws PlannerOptionsError (or LlmConfigError) on bad options. */
export declare function createPlanner(opts?: CreatePlannerOptions): Promise<CreatedPlanner>;
//# sourceMappingURL=create.d.ts.map