/** Test doubles for people who build on robotool: a scripted language model and recorded LLM fixtures. */
export { ScriptExhaustedError, ScriptedLanguageModel } from "./scripted-model.js";
export { LlmFixture, LlmFixtureError, RecordedRound, fixtureAnswers, fixtureRounds, parseLlmFixture, scriptedModelFromFixture } from "./llm-fixture.js";
//# sourceMappingURL=index.js.map