import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import type { EpisodeEvent } from '../../src/episode/events.ts';
import type { ProgramRunner } from '../../src/episode/episode.ts';
import { createLlmPlanner } from '../../src/planner/llm/llm-planner.ts';
import { fixtureAnswers, fixtureRounds, scriptedModelFromFixture, type LlmFixture } from '../../src/testing/llm-fixture.ts';
import { parseStageAnswer } from '../../src/planner/llm/llm-stages.ts';
import { sandboxRunner } from '../../src/episode/sandbox-runner.ts';
import { runSimEpisode } from '../../src/episode/sim-episode.ts';
import { STAGE_NAMES, parseStages, type StageInput, type StageName } from '../../src/planner/stages.ts';
import { loadScene } from '../../src/scene/file.ts';
import { withPoseNoise } from '../../src/scene/variants.ts';
import { startFakeOpenAiServer } from '../helpers/fake-openai-server.ts';
import { loadLlmFixture } from '../helpers/llm-fixture.ts';

/**
 * The LLM chain end to end on the six RoboTool tasks, with recorded answers
 * (test/fixtures/llm/<task>.json: what a capable model answers at each stage) replayed by the
 * scripted model: the Analyzer → Planner → Calculator → Coder chain must turn them into a
 * program that succeeds in the simulator, verified in a twin and then executed. Nothing here
 * knows the outcome in advance: a fixture program that fails in the simulator fails its test.
 */

const TASKS = ['reach-milk', 'grasp-can', 'press-button', 'traverse-sofa', 'push-vase', 'climb-sofa'] as const;
const QUADRUPED_TASKS = new Set<string>(['traverse-sofa', 'push-vase', 'climb-sofa']);

/** Model-written programs run the way production runs them: in the quickjs sandbox, behind the safety envelope. */
const runProgram: ProgramRunner = sandboxRunner({});

type Outcome = Extract<EpisodeEvent, { type: 'outcome' }>;

async function runFixture(fixture: LlmFixture, stages: readonly StageName[] = STAGE_NAMES, maxRepairRounds = 0, noiseSeed?: number) {
  const bundled = await loadScene(fixture.task);
  const scene = noiseSeed === undefined ? bundled : withPoseNoise(bundled, { seed: noiseSeed, poseNoise: 0.01 });
  const model = scriptedModelFromFixture(fixture, stages, { chunkSize: 4096 });
  const events = await runSimEpisode({
    scene,
    command: fixture.command,
    planner: createLlmPlanner({ model, stages }),
    runProgram,
    maxRepairRounds,
  });
  const outcome = events.at(-1);
  if (outcome?.type !== 'outcome') throw new Error(`the episode ended without an outcome: ${JSON.stringify(outcome)}`);
  const coderPrograms = events.flatMap((e) => (e.type === 'stage-finished' && e.stage === 'coder' ? [(e.output as { program: string }).program] : []));
  return { scene, model, events, outcome: outcome as Outcome, coderPrograms };
}

/** The failure as the episode reported it, for the assertion message. */
function why(events: EpisodeEvent[]): string {
  return events
    .flatMap((e) => (e.type === 'candidate' || e.type === 'outcome' ? [`${e.type}: ${e.reason}`] : e.type === 'warning' ? [`warning: ${e.message}`] : []))
    .join('\n');
}

describe('the LLM chain on the six tasks, with recorded answers', () => {
  for (const task of TASKS) {
    it(`${task}: the full chain writes a program that succeeds in the simulator`, async () => {
      const fixture = await loadLlmFixture(task);
      expect(fixture.task).toBe(task);
      expect(fixtureRounds(fixture)).toBe(1);
      const { scene, model, events, outcome, coderPrograms } = await runFixture(fixture);
      expect(fixture.command).toBe(scene.command);

      // Every stage ran once and its recorded answer parsed on the first try.
      const finished = events.filter((e) => e.type === 'stage-finished').map((e) => e.stage);
      expect(finished).toEqual([...STAGE_NAMES]);
      expect(events.filter((e) => e.type === 'warning' && /answer unusable/.test(e.message))).toEqual([]);
      expect(model.remaining).toBe(0);
      // The Coder saw the Calculator's numbers.
      expect(model.calls[3]!.options.messages.map((m) => m.content).join('\n')).toContain('Calculated values');

      // The Coder's program was verified in a twin, then executed, and the scene's predicate holds.
      expect(outcome.success, why(events)).toBe(true);
      expect(outcome.rounds).toBe(1);
      expect(coderPrograms).toHaveLength(1);
      expect(outcome.program).toBe(coderPrograms[0]);
      expect(events.filter((e) => e.type === 'candidate').map((e) => e.success)).toEqual([true]);
      expect(events.some((e) => e.type === 'skill-call' && e.phase === 'execute')).toBe(true);
    });

    it(`${task}: the program reads the scene with the query skills, so it also succeeds with every object moved up to 1 cm`, async () => {
      // The recorded answers were written for the bundled scene; only a program that takes its
      // positions from get_center / get_position / get_size / … still works on a perturbed copy.
      const fixture = await loadLlmFixture(task);
      const { events, outcome } = await runFixture(fixture, STAGE_NAMES, 0, 7);
      expect(outcome.success, why(events)).toBe(true);
      const queries = events.filter((e) => e.type === 'skill-call' && e.phase === 'execute' && /^get_/.test(e.call.skill));
      expect(queries.length).toBeGreaterThan(0);
    });
  }

  it('repairs: a program that fails in simulation is fed back, and the second program succeeds', async () => {
    const fixture = await loadLlmFixture('reach-milk.repair');
    expect(fixtureRounds(fixture)).toBe(2);
    const { model, events, outcome, coderPrograms } = await runFixture(fixture, STAGE_NAMES, 2);

    // Round 1's program ran in the twin and failed there, for a physical reason.
    const [first, second] = coderPrograms;
    expect(coderPrograms).toHaveLength(2);
    expect(first).not.toBe(second);
    const candidates = events.filter((e) => e.type === 'candidate');
    expect(candidates.map((c) => c.success)).toEqual([false, true]);
    const failure = candidates[0]!.reason;
    expect(failure).toMatch(/goal not reached: milk is not in the gripper/);
    expect(events.find((e) => e.type === 'repair')).toMatchObject({ type: 'repair', round: 2, cause: failure });

    // Round 2 (the whole chain again) was told why round 1 failed and which program ran.
    expect(model.calls).toHaveLength(8);
    expect(model.remaining).toBe(0);
    for (const [i, call] of model.calls.entries()) {
      const prompt = call.options.messages.map((m) => m.content).join('\n');
      if (i < 4) {
        expect(prompt).not.toContain('The previous attempt failed');
      } else {
        expect(prompt).toContain('## The previous attempt failed');
        expect(prompt).toContain(`Why: ${failure}`);
        expect(prompt).toMatch(/What happened: .*milk is not in the gripper/);
        expect(prompt).toContain(first!.trimEnd());
      }
    }

    // The repaired program is the one that succeeded, in the twin and then for real.
    expect(outcome.success, why(events)).toBe(true);
    expect(outcome.rounds).toBe(2);
    expect(outcome.program).toBe(second);
  });

  it('ablation: the Coder alone, with the recorded Coder answer, also succeeds', async () => {
    const fixture = await loadLlmFixture('reach-milk');
    const stages = parseStages('coder');
    expect(fixtureAnswers(fixture, stages)).toHaveLength(1);
    const { model, events, outcome, coderPrograms } = await runFixture(fixture, stages);
    expect(events.filter((e) => e.type === 'stage-started').map((e) => e.stage)).toEqual(['coder']);
    expect(model.calls).toHaveLength(1);
    const prompt = model.calls[0]!.options.messages.map((m) => m.content).join('\n');
    expect(prompt).toContain('There is no separate plan');
    expect(prompt).not.toContain('Calculated values');
    expect(outcome.success, why(events)).toBe(true);
    expect(outcome.program).toBe(coderPrograms[0]);
  });

  it('robotool run --planner llm --stages planner,coder drives a configured OpenAI-compatible model to success', async () => {
    // The CLI path end to end: configuration from the environment, the OpenAI-compatible
    // provider over HTTP (the local fake server replays the fixture), the chosen ablation,
    // the sandbox, the transcript and the --json report.
    const fixture = await loadLlmFixture('press-button');
    const answers = fixtureAnswers(fixture, parseStages('planner,coder'));
    const server = await startFakeOpenAiServer(answers.map((text) => ({ type: 'answer' as const, text, chunkSize: 256 })));
    const dir = await mkdtemp(join(tmpdir(), 'robotool-llm-cli-'));
    const saved = { base: process.env.ROBOTOOL_LLM_BASE_URL, model: process.env.ROBOTOOL_LLM_MODEL };
    let stdout = '';
    const out = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => ((stdout += String(chunk)), true));
    const err = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    try {
      process.env.ROBOTOOL_LLM_BASE_URL = server.baseURL;
      process.env.ROBOTOOL_LLM_MODEL = 'fake-model';
      const { default: runCommand } = await import('../../src/cli/run.ts');
      const transcript = join(dir, 'transcript.json');
      // An empty config file, so that a robotool.config.json in the working directory cannot interfere.
      const config = join(dir, 'robotool.config.json');
      await writeFile(config, '{}\n');
      const args = [fixture.command, '--scene', 'press-button', '--planner', 'llm', '--stages', 'planner,coder', '--config', config, '--transcript', transcript, '--json'];
      const code = await runCommand(args);
      out.mockRestore();
      err.mockRestore();
      const report = JSON.parse(stdout) as { success: boolean; program: string; stages: Record<string, unknown>; reason: string };
      expect(report.success, report.reason).toBe(true);
      expect(code).toBe(0);
      expect(Object.keys(report.stages)).toEqual(['planner', 'coder']);
      expect(server.requests.map((r) => r.body.model)).toEqual(['fake-model', 'fake-model']);
      expect(report.program).toContain('move_to_position');
      const recorded = JSON.parse(await readFile(transcript, 'utf8')) as { calls: unknown[] };
      expect(recorded.calls).toHaveLength(2);
    } finally {
      out.mockRestore();
      err.mockRestore();
      for (const [k, v] of [['ROBOTOOL_LLM_BASE_URL', saved.base], ['ROBOTOOL_LLM_MODEL', saved.model]] as const) {
        if (v === undefined) delete process.env[k];
        else process.env[k] = v;
      }
      await server.close();
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('a fixture with repair rounds replays round after round, for any ablation', async () => {
    const fixture = await loadLlmFixture('reach-milk.repair');
    const [round1, round2] = [fixture.answers, fixture.repairRounds![0]!];
    expect(fixtureAnswers(fixture)).toEqual([...STAGE_NAMES.map((s) => round1[s]), ...STAGE_NAMES.map((s) => round2[s])]);
    expect(fixtureAnswers(fixture, parseStages('planner,coder'))).toEqual([round1.planner, round1.coder, round2.planner, round2.coder]);
  });

  it('every recorded answer is in the form the parser accepts, checked against its task\'s robot', async () => {
    // Cheap, and runs even while a scene has not landed: each answer parses into its stage output on the first try.
    for (const name of [...TASKS, 'reach-milk.repair']) {
      const fixture = await loadLlmFixture(name);
      const robot = QUADRUPED_TASKS.has(fixture.task) ? 'quadruped' : 'arm';
      for (const round of [fixture.answers, ...(fixture.repairRounds ?? [])]) {
        const previous: StageInput['previous'] = {};
        for (const stage of STAGE_NAMES) {
          const text = round[stage];
          expect(typeof text, `${name} ${stage}: one answer, no parse repair`).toBe('string');
          // The parser reads only the robot, the plan (for the Calculator's step numbers) and the
          // scene's object names and robot kind (for the Analyzer's goal) from the input.
          const observation = { robot: { kind: robot }, objects: (await loadScene(fixture.task)).objects.map((o) => ({ name: o.name })) };
          const input = { command: fixture.command, robot, previous, observation } as unknown as StageInput;
          const r = parseStageAnswer(stage, text as string, input);
          expect(r.ok ? [] : r.problems, `${name} ${stage}`).toEqual([]);
          if (r.ok && stage !== 'coder') Object.assign(previous, { [stage]: r.output });
        }
      }
    }
  });
});
