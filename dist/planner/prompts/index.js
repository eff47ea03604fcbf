/** Prompts for the four LLM stages, generated from the skill registry and the SceneObservation. */
export { renderSceneText, formatNumber, formatVector } from "./scene-text.js";
export { renderSkill, renderSkillApi, skillSignatures } from "./skill-api.js";
export { stageOutputSchema, stageJsonSchema } from "./output-format.js";
export { buildStagePrompt } from "./stage-prompts.js";
//# sourceMappingURL=index.js.map