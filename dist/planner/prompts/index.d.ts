/** Prompts for the four LLM stages, generated from the skill registry and the SceneObservation. */
export { renderSceneText, formatNumber, formatVector } from './scene-text.ts';
export { renderSkill, renderSkillApi, skillSignatures } from './skill-api.ts';
export { stageOutputSchema, stageJsonSchema } from './output-format.ts';
export { buildStagePrompt, type StagePromptOptions } from './stage-prompts.ts';
//# sourceMappingURL=index.d.ts.map