/** Planners: command -> goal -> programs, by search (no model) or by the LLM chain. */
export * from "./planner.js";
export { createPlanner, PlannerOptionsError } from "./create.js";
export { GoalParseError, SUPPORTED_GOALS, parseGoal, resolveObject } from "./goal-parse.js";
export { searchPlanner, searchPlan, searchCandidates } from "./search/search-planner.js";
export * from "./stages.js";
export * from "./llm/index.js";
export { createOpenAiCompatibleModel, OpenAiCompatibleModel } from "./llm/openai-provider.js";
export { loadLlmConfig, LlmConfigError, CONFIG_FILE_NAME } from "./llm/llm-config.js";
//# sourceMappingURL=index.js.map