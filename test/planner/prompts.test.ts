import { beforeAll, describe, expect, it } from 'vitest';
import type { SceneObservation } from '../../src/perception/observation.ts';
import { SKILLS, skillsFor } from '../../src/skills/registry.ts';
import { buildStagePrompt, renderSceneText, renderSkillApi, stageJsonSchema } from '../../src/planner/prompts/index.ts';
import type { StageInput } from '../../src/planner/stages.ts';
import { loadObservationFixture } from '../helpers/llm-fixture.ts';

let milk: SceneObservation;
let sofa: SceneObservation;
beforeAll(async () => {
  milk = await loadObservationFixture('reach-milk');
  sofa = await loadObservationFixture('traverse-sofa');
});

const input = (observation: SceneObservation, over: Partial<StageInput> = {}): StageInput => ({
  command: 'Grasp the milk carton.',
  observation,
  robot: observation.robot.kind,
  previous: {},
  ...over,
});

/** Skill names a prompt lists as `- name(`. */
const listedSkills = (text: string): string[] => [...text.matchAll(/^- ([a-z_]+)\(/gm)].map((m) => m[1]!);

describe('scene text (RoboTool format)', () => {
  it('lists every object with centre, size, graspable point, movable, on_top_of and in_contact_with', () => {
    const text = renderSceneText(milk);
    for (const o of milk.objects) expect(text).toContain(`- ${o.name}:`);
    expect(text).toContain('center: [0.544, -0.001, 0.08]');
    expect(text).toContain('size: [0.044, 0.044, 0.16]');
    expect(text).toContain('graspable_point: [0.35, -0.15, 0.025]');
    expect(text).toContain('movable: true');
    expect(text).toContain('on_top_of: [ground]');
    expect(text).toContain('in_contact_with: []');
    expect(text).toContain('part head: center [0.439, -0.15, 0.025], size [0.022, 0.045, 0.05]');
    expect(text).toMatch(/workspace.*x 0 to 0.45, y -0.25 to 0.25, z 0.01 to 0.3/);
  });

  it("states the quadruped's limits and what it stands on", () => {
    const text = renderSceneText(sofa);
    for (const o of sofa.objects) expect(text).toContain(`- ${o.name}:`);
    expect(text).toContain('standing on sofa_1');
    expect(text).toContain('steps up at most 0.12 m; crosses gaps of at most 0.1 m');
    expect(text).toContain('graspable_point: none (not graspable)');
    expect(text).toContain('properties: [soft]');
  });
});

describe('stage prompts', () => {
  it.each(['arm', 'quadruped', 'in-hand'] as const)("lists exactly the %s's skills from the registry", (robot) => {
    expect(listedSkills(renderSkillApi(robot))).toEqual(skillsFor(robot).map((s) => s.name));
  });

  it.each(['planner', 'calculator', 'coder'] as const)('the %s prompt lists exactly the robot skills, with their docs', (stage) => {
    const [, user] = buildStagePrompt(stage, input(sofa));
    expect(listedSkills(user!.content)).toEqual(skillsFor('quadruped').map((s) => s.name));
    expect(user!.content).toContain(SKILLS.push_to_position.doc);
    expect(user!.content).not.toContain('move_to_position');
  });

  it('every stage prompt has the task and every object of the scene', () => {
    for (const stage of ['analyzer', 'planner', 'calculator', 'coder'] as const) {
      const [system, user] = buildStagePrompt(stage, input(milk));
      expect(system!.role).toBe('system');
      expect(system!.content).toMatch(new RegExp(`You are the ${stage}`, 'i'));
      expect(user!.content).toContain('Grasp the milk carton.');
      for (const o of milk.objects) expect(user!.content).toContain(`- ${o.name}:`);
    }
  });

  it('asks the JSON stages for their schema, generated from the stage contract', () => {
    const [, user] = buildStagePrompt('planner', input(milk));
    const schema = JSON.stringify(stageJsonSchema('planner', 'arm').schema);
    expect(user!.content).toContain(schema);
    expect(schema).toContain('"move_to_position"');
    expect(schema).not.toContain('"walk_to_position"');
  });

  it('asks the Coder for a plain sequential program in a ```javascript block, or JSON with structured output', () => {
    const [, plain] = buildStagePrompt('coder', input(milk));
    expect(plain!.content).toMatch(/no `await`/);
    expect(plain!.content).toMatch(/no `import`/);
    expect(plain!.content).toContain('one ```javascript block');
    const [, structured] = buildStagePrompt('coder', input(milk), { structuredOutput: true });
    expect(structured!.content).toContain('{"program": "<the program>"}');
  });

  it('passes earlier stage outputs on, and tells the Coder when a stage was ablated', () => {
    const planner = { objects: [], relations: [], steps: [{ skill: 'open_gripper', description: 'open it' }] };
    const calculator = { values: [{ step: 1, name: 'target', value: [0.4, -0.15, 0.05], derivation: '0.35 + 0.05' }] };
    const [, full] = buildStagePrompt('coder', input(milk, { previous: { planner, calculator } }));
    expect(full!.content).toContain('## Plan (from the Planner)');
    expect(full!.content).toContain('"derivation": "0.35 + 0.05"');
    expect(full!.content).toContain('Follow the plan');
    const [, alone] = buildStagePrompt('coder', input(milk));
    expect(alone!.content).not.toContain('## Plan');
    expect(alone!.content).toContain('There is no separate plan');
  });

  it('shows a failed attempt, its error and program, for the repair round', () => {
    const feedback = { program: 'move_to_position([0.6, 0, 0.08]);', error: 'SafetyStop: outside the workspace', reason: 'the milk was not grasped' };
    const [, user] = buildStagePrompt('coder', input(milk, { feedback }));
    expect(user!.content).toContain('## The previous attempt failed');
    expect(user!.content).toContain('the milk was not grasped');
    expect(user!.content).toContain('SafetyStop: outside the workspace');
    expect(user!.content).toContain('move_to_position([0.6, 0, 0.08]);');
  });
});
