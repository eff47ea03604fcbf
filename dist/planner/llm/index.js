/** The language-model layer: the spec, its providers, and the four LLM stages. */
export { LANGUAGE_MODEL_SPEC_VERSION, ZERO_USAGE, addUsage, estimateTokens, } from "./language-model.js";
export { LlmAbortError, LlmConnectionError, LlmError, LlmRateLimitError, LlmRequestError, LlmResponseError, LlmServerError, LlmTimeoutError, } from "./llm-errors.js";
export { CONFIG_FILE_NAME, LlmConfigError, LlmConfigSection, loadLlmConfig } from "./llm-config.js";
export { OpenAiCompatibleModel, createOpenAiCompatibleModel } from "./openai-provider.js";
export { parseJsonAnswer, parseProgramAnswer, fencedBlocks } from "./answer-text.js";
export { checkProgram } from "../../skills/program-check.js";
export { LlmStageError, parseStageAnswer, runLlmStage } from "./llm-stages.js";
export { createLlmPlanner } from "./llm-planner.js";
//# sourceMappingURL=index.js.map