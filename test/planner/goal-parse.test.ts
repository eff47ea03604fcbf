import { describe, expect, it } from 'vitest';
import { GoalParseError, parseGoal, resolveObject } from '../../src/planner/goal-parse.ts';
import type { SceneObservation } from '../../src/perception/observation.ts';

function obs(kind: 'arm' | 'quadruped', names: string[]): SceneObservation {
  const objects = names.map((name) => ({
    name,
    center: [0, 0, 0] as [number, number, number],
    size: [0.1, 0.1, 0.1] as [number, number, number],
    yawDeg: 0,
    graspablePoint: null,
    movable: true,
    magnetic: false,
    soft: false,
    fragile: false,
    button: false,
    parts: [],
    onTopOf: [],
    inContactWith: [],
  }));
  const robot =
    kind === 'arm'
      ? { kind, gripper: [0, 0, 0] as [number, number, number], workspace: { min: [0, 0, 0] as [number, number, number], max: [1, 1, 1] as [number, number, number] }, holding: [] }
      : { kind, position: [0, 0, 0] as [number, number, number], bodySize: [0.65, 0.3, 0.3] as [number, number, number], stepUp: 0.12, maxGap: 0.1, standingOn: 'ground' };
  return { source: 'ground-truth', robot, objects };
}

describe('goals from commands', () => {
  const arm = obs('arm', ['milk', 'hammer', 'pineapple', 'button', 'magnetic_cube_1']);
  const quad = obs('quadruped', ['sofa_1', 'sofa_2', 'surfboard', 'vase', 'cushion', 'sofa']);

  it.each([
    ['grasp the milk', { type: 'grasped', object: 'milk' }],
    ['Pick up the milk carton.', { type: 'grasped', object: 'milk' }],
    ['press the button', { type: 'pressed', object: 'button' }],
    ['bring the pineapple within reach', { type: 'within-reach', object: 'pineapple' }],
  ])('arm: "%s"', (command, goal) => {
    expect(parseGoal(command, arm)).toMatchObject(goal);
  });

  it.each([
    ['stand on sofa_2', { type: 'robot-on', object: 'sofa_2' }],
    ['move to the second sofa', { type: 'robot-on', object: 'sofa_2' }],
    ['climb onto the sofa', { type: 'robot-on', object: 'sofa' }],
    ['push the vase onto the ground without breaking it', { type: 'on-ground-intact', object: 'vase' }],
    ['push the vase off the sofa onto the ground', { type: 'on-ground-intact', object: 'vase' }],
  ])('quadruped: "%s"', (command, goal) => {
    expect(parseGoal(command, quad)).toMatchObject(goal);
  });

  it('works with meaningless object names', () => {
    expect(parseGoal('grasp the obj_3k9x', obs('arm', ['obj_3k9x', 'obj_a1']))).toMatchObject({ object: 'obj_3k9x' });
  });

  it('refuses an open-ended command and says what is supported and how to configure a model', () => {
    expect(() => parseGoal('make me a sandwich', arm)).toThrow(GoalParseError);
    expect(() => parseGoal('make me a sandwich', arm)).toThrow(/grasp X[\s\S]*ROBOTOOL_LLM_BASE_URL/);
  });

  it('refuses an ambiguous object', () => {
    expect(() => resolveObject('the cube', ['magnetic_cube_1', 'magnetic_cube_2'])).toThrow(/magnetic_cube_1 or magnetic_cube_2/);
  });

  it('refuses an object that is not there', () => {
    expect(() => parseGoal('grasp the banana', arm)).toThrow(/names no object[\s\S]*milk, hammer/);
  });
});
