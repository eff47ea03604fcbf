/** Planners: command -> goal -> programs, by search (no model) or by the LLM chain. */
export * from './planner.ts';
export { createPlanner, PlannerOptionsError, type CreatePlannerOptions, type CreatedPlanner } from './create.ts';
export { GoalParseError, SUPPORTED_GOALS, goalProblems, normalise, parseGoal, resolveObject, resolveObjects } from './goal-parse.ts';
export { searchPlanner, searchPlan, searchCandidates, type SearchResult } from './search/search-planner.ts';
export * from './stages.ts';
export * from './llm/index.ts';
export { createOpenAiCompatibleModel, OpenAiCompatibleModel, type OpenAiProviderOptions } from './llm/openai-provider.ts';
export { loadLlmConfig, LlmConfigError, CONFIG_FILE_NAME, type LlmConfig } from './llm/llm-config.ts';
