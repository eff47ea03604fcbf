import { firstValueFrom, toArray } from 'rxjs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { SceneObservation } from '../../src/perception/observation.ts';
import { createLlmPlanner } from '../../src/planner/llm/llm-planner.ts';
import { LlmStageError } from '../../src/planner/llm/llm-stages.ts';
import { ScriptedLanguageModel } from '../../src/testing/scripted-model.ts';
import { parseStages } from '../../src/planner/stages.ts';
import { loadObservationFixture } from '../helpers/llm-fixture.ts';

let sofa: SceneObservation;
beforeAll(async () => {
  sofa = await loadObservationFixture('traverse-sofa');
});

const analyzer = { summary: 'The 0.4 m gap is wider than 0.1 m.', concepts: [{ kind: 'gap', description: 'gap between the sofas', objects: ['sofa_1', 'sofa_2'], numbers: { gap: 0.4, max_gap: 0.1 } }], goal: { type: 'robot-on', object: 'sofa_2' } };
const planner = {
  objects: [{ name: 'surfboard', properties: ['movable', '1.1 m long'], affordances: ['bridge the gap'] }],
  relations: [{ a: 'sofa_1', b: 'sofa_2', relation: '0.4 m gap along x' }],
  steps: [
    { skill: 'push_to_position', description: 'push the surfboard over the gap' },
    { skill: 'walk_to_position', description: 'walk over the surfboard onto sofa_2' },
  ],
};
const calculator = { values: [{ step: 1, name: 'target', value: [0.95, 0, 0.375], derivation: 'gap centre (0.75 + 1.15) / 2 = 0.95' }] };
const program = 'push_to_position("surfboard", [0.95, 0, 0.375]);\nwalk_to_position(get_position("sofa_2"));\n';
const answers = [JSON.stringify(analyzer), JSON.stringify(planner), JSON.stringify(calculator), '```javascript\n' + program + '```'];

const request = (signal = new AbortController().signal) => ({ command: 'Go to sofa_2.', observation: sofa, goal: undefined, round: 1, signal });

describe('the LLM chain as an episode planner', () => {
  it('runs the four stages in order, streaming their events, and proposes the Coder program', async () => {
    const model = new ScriptedLanguageModel(answers, { chunkSize: 50 });
    const events = await firstValueFrom(createLlmPlanner({ model }).plan(request()).pipe(toArray()));
    const kinds = events.filter((e) => e.type !== 'stage-delta').map((e) => ('stage' in e ? `${e.type}:${e.stage}` : e.type));
    expect(kinds).toEqual([
      'stage-started:analyzer', 'stage-finished:analyzer',
      'stage-started:planner', 'stage-finished:planner',
      'stage-started:calculator', 'stage-finished:calculator',
      'stage-started:coder', 'stage-finished:coder',
      'proposals',
    ]);
    // The Analyzer's goal goes with the proposals: it is the goal the episode judges.
    expect(events.at(-1)).toEqual({ type: 'proposals', proposals: [{ program }], goal: analyzer.goal });
    expect(events.some((e) => e.type === 'stage-delta' && e.stage === 'coder')).toBe(true);
    // The Coder saw what the Calculator computed.
    expect(model.calls[3]!.options.messages[1]!.content).toContain('gap centre (0.75 + 1.15) / 2 = 0.95');
  });

  it('runs only the stages of an ablation variant', async () => {
    const model = new ScriptedLanguageModel([answers[1]!, answers[3]!]);
    const events = await firstValueFrom(createLlmPlanner({ model, stages: parseStages('planner,coder') }).plan(request()).pipe(toArray()));
    expect(events.filter((e) => e.type === 'stage-started').map((e) => ('stage' in e ? e.stage : ''))).toEqual(['planner', 'coder']);
    expect(model.calls[1]!.options.messages[1]!.content).not.toContain('Calculated values');
  });

  it('fails the round with the stage error when a stage cannot produce its output', async () => {
    const model = new ScriptedLanguageModel(['no json here', 'still none']);
    const err = await firstValueFrom(createLlmPlanner({ model }).plan(request()).pipe(toArray())).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(LlmStageError);
    expect((err as Error).message).toMatch(/^analyzer: /);
  });

  it('aborts the model call in flight when the episode unsubscribes', async () => {
    let seen: AbortSignal | undefined;
    const model = new ScriptedLanguageModel([]);
    model.generate = (o) => {
      seen = o.signal;
      return new Promise(() => {});
    };
    const sub = createLlmPlanner({ model }).plan(request()).subscribe();
    await Promise.resolve();
    expect(seen?.aborted).toBe(false);
    sub.unsubscribe();
    expect(seen?.aborted).toBe(true);
  });
});
