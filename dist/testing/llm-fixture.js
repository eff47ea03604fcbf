import { z } from 'zod';
import { STAGE_NAMES } from "../planner/stages.js";
import { ScriptedLanguageModel } from "./scripted-model.js";
/** One stage's recorded answer: the raw model text, or several when the first needed a repair. */
const RecordedAnswer = z.union([z.string().min(1), z.array(z.string().min(1)).min(1)]);
/** One round's recorded answers, stage by stage. */
export const RecordedRound = z.strictObject({
    analyzer: RecordedAnswer,
    planner: RecordedAnswer,
    calculator: RecordedAnswer,
    coder: RecordedAnswer,
});
/**
 * A recorded model run of one task (`test/fixtures/llm/<task>.json`): the raw text each stage's
 * model returned, so that the chain can be replayed without a model. `answers` is round 1;
 * `repairRounds` (optional) holds the answers of rounds 2, 3, … that the chain gave after the
 * previous round's program failed and the failure was fed back (every round runs the whole chain).
 */
export const LlmFixture = z.strictObject({
    task: z.string().min(1),
    command: z.string().min(1),
    /** Which model answered, for humans. */
    model: z.string().optional(),
    recordedAt: z.string().optional(),
    notes: z.string().optional(),
    answers: RecordedRound,
    /** The answers of the repair rounds (round 2 first), when round 1's program failed. */
    repairRounds: z.array(RecordedRound).optional(),
});
/** A fixture that cannot be used, naming each bad field. */
export class LlmFixtureError extends Error {
    name = 'LlmFixtureError';
}
/** Validates parsed fixture JSON. */
export function parseLlmFixture(data, source = 'fixture') {
    const r = LlmFixture.safeParse(data);
    if (!r.success) {
        const problems = r.error.issues.map((i) => `  ${i.path.map(String).join('.') || '(root)'}: ${i.message}`);
        throw new LlmFixtureError(`${source}: invalid LLM fixture\n${problems.join('\n')}`, { cause: r.error });
    }
    return r.data;
}
/** How many rounds a fixture records: 1 plus its repair rounds. */
export function fixtureRounds(fixture) {
    return 1 + (fixture.repairRounds?.length ?? 0);
}
/** The recorded answers of the given stages, in chain order, round after round, as one flat script. */
export function fixtureAnswers(fixture, stages = STAGE_NAMES) {
    const chain = STAGE_NAMES.filter((s) => stages.includes(s));
    return [fixture.answers, ...(fixture.repairRounds ?? [])].flatMap((round) => chain.flatMap((s) => {
        const a = round[s];
        return typeof a === 'string' ? [a] : a;
    }));
}
/** A scripted model that replays a fixture's answers for a chain of the given stages. */
export function scriptedModelFromFixture(fixture, stages = STAGE_NAMES, options = {}) {
    return new ScriptedLanguageModel(fixtureAnswers(fixture, stages), { modelId: fixture.model ?? `fixture:${fixture.task}`, ...options });
}
//# sourceMappingURL=llm-fixture.js.map