/** Test doubles for people who build on robotool: a scripted language model and recorded LLM fixtures. */
export { ScriptExhaustedError, ScriptedLanguageModel, type RecordedCall, type ScriptedAnswer, type ScriptedModelOptions } from './scripted-model.ts';
export { LlmFixture, LlmFixtureError, RecordedRound, fixtureAnswers, fixtureRounds, parseLlmFixture, scriptedModelFromFixture } from './llm-fixture.ts';
