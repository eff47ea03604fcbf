import { z } from 'zod';
import { type StageName } from '../planner/stages.ts';
import { ScriptedLanguageModel, type ScriptedModelOptions } from './scripted-model.ts';
/** One round's recorded answers, stage by stage. */
export declare const RecordedRound: z.ZodObject<{
    analyzer: z.ZodUnion<readonly [z.ZodString, z.ZodArray<z.ZodString>]>;
    planner: z.ZodUnion<readonly [z.ZodString, z.ZodArray<z.ZodString>]>;
    calculator: z.ZodUnion<readonly [z.ZodString, z.ZodArray<z.ZodString>]>;
    coder: z.ZodUnion<readonly [z.ZodString, z.ZodArray<z.ZodString>]>;
}, z.core.$strict>;
export type RecordedRound = z.infer<typeof RecordedRound>;
/**
 * A recorded model run of one task (`test/fixtures/llm/<task>.json`): the raw text each stage's
 * model returned, so that the chain can be replayed without a model. `answers` is round 1;
 * `repairRounds` (optional) holds the answers of rounds 2, 3, … that the chain gave after the
 * previous round's program failed and the failure was fed back (every round runs the whole chain).
 */
export declare const LlmFixture: z.ZodObject<{
    task: z.ZodString;
    command: z.ZodString;
    model: z.ZodOptional<z.ZodString>;
    recordedAt: z.ZodOptional<z.ZodString>;
    notes: z.ZodOptional<z.ZodString>;
    answers: z.ZodObject<{
        analyzer: z.ZodUnion<readonly [z.ZodString, z.ZodArray<z.ZodString>]>;
        planner: z.ZodUnion<readonly [z.ZodString, z.ZodArray<z.ZodString>]>;
        calculator: z.ZodUnion<readonly [z.ZodString, z.ZodArray<z.ZodString>]>;
        coder: z.ZodUnion<readonly [z.ZodString, z.ZodArray<z.ZodString>]>;
    }, z.core.$strict>;
    repairRounds: z.ZodOptional<z.ZodArray<z.ZodObject<{
        analyzer: z.ZodUnion<readonly [z.ZodString, z.ZodArray<z.ZodString>]>;
        planner: z.ZodUnion<readonly [z.ZodString, z.ZodArray<z.ZodString>]>;
        calculator: z.ZodUnion<readonly [z.ZodString, z.ZodArray<z.ZodString>]>;
        coder: z.ZodUnion<readonly [z.ZodString, z.ZodArray<z.ZodString>]>;
    }, z.core.$strict>>>;
}, z.core.$strict>;
export type LlmFixture = z.infer<typeof LlmFixture>;
/** A fixture that cannot be used, naming each bad field. */
export declare class LlmFixtureError extends Error {
    readonly name = "LlmFixtureError";
}
/** Validates parsed fixture JSON. */
export declare function parseLlmFixture(data: unknown, source?: string): LlmFixture;
/** How many rounds a fixture records: 1 plus its repair rounds. */
export declare function fixtureRounds(fixture: LlmFixture): number;
/** The recorded answers of the given stages, in chain order, round after round, as one flat script. */
export declare function fixtureAnswers(fixture: LlmFixture, stages?: readonly StageName[]): string[];
/** A scripted model that replays a fixture's answers for a chain of the given stages. */
export declare function scriptedModelFromFixture(fixture: LlmFixture, stages?: readonly StageName[], options?: ScriptedModelOptions): ScriptedLanguageModel;
//# sourceMappingURL=llm-fixture.d.ts.map