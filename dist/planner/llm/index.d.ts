/** The language-model layer: the spec, its providers, and the four LLM stages. */
export { LANGUAGE_MODEL_SPEC_VERSION, ZERO_USAGE, addUsage, estimateTokens, type LanguageModel, type LlmCapabilities, type LlmFinishReason, type LlmGenerateOptions, type LlmGenerateResult, type LlmJsonSchema, type LlmMessage, type LlmUsage, } from './language-model.ts';
export { LlmAbortError, LlmConnectionError, LlmError, LlmRateLimitError, LlmRequestError, LlmResponseError, LlmServerError, LlmTimeoutError, } from './llm-errors.ts';
export { CONFIG_FILE_NAME, LlmConfigError, LlmConfigSection, loadLlmConfig, type LlmConfig, type LoadLlmConfigOptions } from './llm-config.ts';
export { OpenAiCompatibleModel, createOpenAiCompatibleModel, type OpenAiProviderOptions } from './openai-provider.ts';
export { parseJsonAnswer, parseProgramAnswer, fencedBlocks } from './answer-text.ts';
export { checkProgram } from '../../skills/program-check.ts';
export { LlmStageError, parseStageAnswer, runLlmStage, type LlmStageResult, type RunLlmStageOptions, type StageAnswer } from './llm-stages.ts';
export { createLlmPlanner, type LlmPlannerOptions } from './llm-planner.ts';
//# sourceMappingURL=index.d.ts.map