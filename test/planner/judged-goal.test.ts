import { beforeAll, describe, expect, it } from 'vitest';
import type { SceneObservation } from '../../src/perception/observation.ts';
import type { EpisodeEvent } from '../../src/episode/events.ts';
import { createLlmPlanner } from '../../src/planner/llm/llm-planner.ts';
import { parseStageAnswer } from '../../src/planner/llm/llm-stages.ts';
import { ScriptedLanguageModel } from '../../src/testing/scripted-model.ts';
import { sandboxRunner } from '../../src/episode/sandbox-runner.ts';
import { searchPlanner } from '../../src/planner/search/search-planner.ts';
import { runSimEpisode } from '../../src/episode/sim-episode.ts';
import { loadScene } from '../../src/scene/file.ts';
import { loadObservationFixture } from '../helpers/llm-fixture.ts';

/**
 * The command's goal is the goal: what the twin verifies and what the outcome judges is the goal
 * the command asks for (parsed without a model, or the LLM chain's Analyzer's), and the report
 * says which goal it was and where it came from. The scene's goal only when the command names
 * none, and in benchmarks.
 */

type Outcome = Extract<EpisodeEvent, { type: 'outcome' }>;
const outcomeOf = (events: EpisodeEvent[]): Outcome => events.at(-1) as Outcome;

describe('the search planner judges the command', () => {
  it('"grasp the hammer" on reach-milk (whose scene goal is the milk) succeeds, judged on the hammer', async () => {
    const scene = await loadScene('reach-milk');
    const events = await runSimEpisode({ scene, command: 'grasp the hammer', planner: searchPlanner, runProgram: sandboxRunner() });
    const out = outcomeOf(events);
    expect(out.success).toBe(true);
    expect(out.goal).toEqual({ type: 'grasped', object: 'hammer', minLift: 0.02 });
    expect(out.goalSource).toBe('command');
    expect(events.filter((e) => e.type === 'goal')).toEqual([{ type: 'goal', goal: out.goal, source: 'command' }]);
  }, 120_000);

  it('"bring the milk within reach" succeeds on reach-milk', async () => {
    const scene = await loadScene('reach-milk');
    const out = outcomeOf(await runSimEpisode({ scene, command: 'bring the milk within reach', planner: searchPlanner, runProgram: sandboxRunner() }));
    expect(out.success).toBe(true);
    expect(out.goal).toEqual({ type: 'within-reach', object: 'milk' });
    expect(out.goalSource).toBe('command');
  }, 120_000);

  it('benchmarks judge the scene goal, whatever the command', async () => {
    const scene = await loadScene('reach-milk');
    const out = outcomeOf(
      await runSimEpisode({ scene, command: 'grasp the hammer', planner: searchPlanner, runProgram: sandboxRunner(), goalFrom: 'scene' }),
    );
    expect(out.goal).toEqual(scene.goal);
    expect(out.goalSource).toBe('scene');
  }, 120_000);
});

const analyzerAnswer = (goal: unknown): string =>
  '```json\n' + JSON.stringify({ summary: 'The hammer lies within reach.', concepts: [], goal }) + '\n```';
const plannerAnswer = '```json\n' + JSON.stringify({ objects: [], relations: [], steps: [{ skill: 'close_gripper', description: 'grasp the hammer' }] }) + '\n```';
const calculatorAnswer = '```json\n{"values": []}\n```';
const graspHammer =
  '```javascript\nopen_gripper();\nconst p = get_graspable_point("hammer");\nmove_to_position([p[0], p[1], p[2] + 0.1]);\nmove_to_position(p);\nclose_gripper();\nmove_to_position([p[0], p[1], p[2] + 0.1]);\n```';

describe('the LLM chain judges its Analyzer\'s goal', () => {
  it('a command no form parses is judged on the goal the Analyzer gave, and the report says so', async () => {
    const scene = await loadScene('reach-milk');
    const goal = { type: 'grasped', object: 'hammer', minLift: 0.05 };
    const model = new ScriptedLanguageModel([analyzerAnswer(goal), plannerAnswer, calculatorAnswer, graspHammer], { chunkSize: 4096 });
    const events = await runSimEpisode({
      scene,
      command: 'I need the tool with the heavy head, up in the air',
      planner: createLlmPlanner({ model }),
      runProgram: sandboxRunner(),
      maxRepairRounds: 0,
    });
    const out = outcomeOf(events);
    expect(out.success).toBe(true);
    expect(out.goal).toEqual(goal);
    expect(out.goalSource).toBe('analyzer');
    // Until the Analyzer answered, the scene's goal stood.
    expect(events.filter((e) => e.type === 'goal').map((e) => (e.type === 'goal' ? e.source : ''))).toEqual(['scene', 'analyzer']);
  }, 120_000);

  it('without an Analyzer (coder only) a command no form parses is judged on the scene goal', async () => {
    const scene = await loadScene('reach-milk');
    const model = new ScriptedLanguageModel([graspHammer], { chunkSize: 4096 });
    const out = outcomeOf(
      await runSimEpisode({ scene, command: 'do your thing', planner: createLlmPlanner({ model, stages: ['coder'] }), runProgram: sandboxRunner(), maxRepairRounds: 0 }),
    );
    // The program grasps the hammer; the scene asks for the milk.
    expect(out.success).toBe(false);
    expect(out.goal).toEqual(scene.goal);
    expect(out.goalSource).toBe('scene');
  }, 120_000);
});

describe('the Analyzer\'s goal is checked like every stage answer', () => {
  let milk: SceneObservation;
  beforeAll(async () => {
    milk = await loadObservationFixture('reach-milk');
  });
  const input = () => ({ command: 'Grasp the milk.', observation: milk, robot: 'arm' as const, previous: {} });

  it('refuses an answer without a goal, naming the field', () => {
    const r = parseStageAnswer('analyzer', '{"summary": "ok", "concepts": []}', input());
    expect(r).toMatchObject({ ok: false });
    expect(r.ok ? [] : r.problems).toEqual([expect.stringMatching(/^goal: /)]);
  });

  it('refuses a goal naming an object the scene lacks, or one the robot cannot reach', () => {
    const unknown = parseStageAnswer('analyzer', JSON.stringify({ summary: 'ok', concepts: [], goal: { type: 'grasped', object: 'banana', minLift: 0.02 } }), input());
    expect(unknown.ok ? [] : unknown.problems).toEqual([expect.stringMatching(/goal\.object: no object named "banana"; objects: .*milk/)]);
    const wrongRobot = parseStageAnswer('analyzer', JSON.stringify({ summary: 'ok', concepts: [], goal: { type: 'robot-on', object: 'milk' } }), input());
    expect(wrongRobot.ok ? [] : wrongRobot.problems).toEqual([expect.stringMatching(/robot-on needs a quadruped/)]);
  });

  it('accepts every goal form with the scene\'s names', () => {
    for (const goal of [
      { type: 'on', object: 'milk', support: 'hammer' },
      { type: 'near', object: 'milk', target: 'pineapple', maxDistance: 0.05 },
      { type: 'within-reach', object: 'milk' },
    ]) {
      expect(parseStageAnswer('analyzer', JSON.stringify({ summary: 'ok', concepts: [], goal }), input())).toMatchObject({ ok: true, output: { goal } });
    }
  });
});
