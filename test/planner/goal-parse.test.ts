import { describe, expect, it } from 'vitest';
import { GoalParseError, parseGoal, resolveObject } from '../../src/planner/goal-parse.ts';
import type { SceneObservation } from '../../src/perception/observation.ts';

function obs(kind: 'arm' | 'quadruped', names: string[]): SceneObservation {
  const objects = names.map((name) => ({
    button: name.includes('button'),
    name,
    center: [0, 0, 0] as [number, number, number],
    size: [0.1, 0.1, 0.1] as [number, number, number],
    yawDeg: 0,
    graspablePoint: null,
    movable: true,
    magnetic: false,
    soft: false,
    fragile: false,
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
  const arm = obs('arm', ['milk', 'hammer', 'pineapple', 'button', 'magnetic_cube_1', 'magnetic_cube_2', 'magnetic_cube_3', 'paper', 'can', 'stick']);
  const quad = obs('quadruped', ['sofa_1', 'sofa_2', 'surfboard', 'vase', 'cushion', 'box_1', 'box_2', 'stairs']);

  // Each form with the paraphrases a person would type: verbs, articles, plurals, capitals,
  // punctuation, politeness and manner words all read as the same goal.
  it.each([
    // grasp X
    ['grasp the milk', { type: 'grasped', object: 'milk', minLift: 0.02 }],
    ['Pick up the milk carton.', { type: 'grasped', object: 'milk' }],
    ['pick the milk up', { type: 'grasped', object: 'milk' }],
    ['Fetch the milk!', { type: 'grasped', object: 'milk' }],
    ['get me the milk, please', { type: 'grasped', object: 'milk' }],
    ['Could you grab the MILK?', { type: 'grasped', object: 'milk' }],
    ['please hand me the hammer', { type: 'grasped', object: 'hammer' }],
    ['take hold of the can gently', { type: 'grasped', object: 'can' }],
    ['lift the pineapple without dropping it', { type: 'grasped', object: 'pineapple' }],
    // press X (with Y)
    ['press the button', { type: 'pressed', object: 'button' }],
    ['Push the button.', { type: 'pressed', object: 'button' }],
    ['please push down on the button', { type: 'pressed', object: 'button' }],
    ['press the button with the magnetic cubes', { type: 'pressed', object: 'button', with: ['magnetic_cube_1', 'magnetic_cube_2', 'magnetic_cube_3'] }],
    ['Press the button using the stick.', { type: 'pressed', object: 'button', with: ['stick'] }],
    ['use the stick to press the button', { type: 'pressed', object: 'button', with: ['stick'] }],
    ['press the button with magnetic cube 2', { type: 'pressed', object: 'button', with: ['magnetic_cube_2'] }],
    // bring X within reach / to the robot
    ['bring the pineapple within reach', { type: 'within-reach', object: 'pineapple' }],
    ['Bring the milk within reach.', { type: 'within-reach', object: 'milk' }],
    ['pull the milk closer', { type: 'within-reach', object: 'milk' }],
    ['bring the milk to the robot', { type: 'within-reach', object: 'milk' }],
    ['bring me the milk', { type: 'within-reach', object: 'milk' }],
    ['get the milk into reach', { type: 'within-reach', object: 'milk' }],
    ['move the can over here', { type: 'within-reach', object: 'can' }],
    // put X on Y
    ['put the can on the paper', { type: 'on', object: 'can', support: 'paper' }],
    ['Place the milk on top of the paper.', { type: 'on', object: 'milk', support: 'paper' }],
    ['stack magnetic_cube_1 onto magnetic_cube_2', { type: 'on', object: 'magnetic_cube_1', support: 'magnetic_cube_2' }],
    // push X to / next to Y
    ['push the can next to the paper', { type: 'near', object: 'can', target: 'paper', maxDistance: 0.05 }],
    ['slide the milk beside the hammer', { type: 'near', object: 'milk', target: 'hammer' }],
    ['put the can next to the milk', { type: 'near', object: 'can', target: 'milk' }],
    // put X on the ground (the arm's table is the ground)
    ['put the can on the table', { type: 'on-ground-intact', object: 'can', maxHeight: 0.25 }],
  ])('arm: "%s"', (command, goal) => {
    const got = parseGoal(command, arm);
    expect(got).toMatchObject(goal);
    if ('with' in goal) expect((got as { with?: string[] }).with).toEqual(goal.with);
  });

  it.each([
    // stand on / get onto X
    ['stand on sofa_2', { type: 'robot-on', object: 'sofa_2' }],
    ['Stand on Sofa_2.', { type: 'robot-on', object: 'sofa_2' }],
    ['move to the second sofa', { type: 'robot-on', object: 'sofa_2' }],
    ['climb onto sofa 1', { type: 'robot-on', object: 'sofa_1' }],
    ['get onto the second sofa', { type: 'robot-on', object: 'sofa_2' }],
    ['hop on the 2nd sofa please', { type: 'robot-on', object: 'sofa_2' }],
    ['Climb on top of sofa_2!', { type: 'robot-on', object: 'sofa_2' }],
    ['jump up onto the surfboard', { type: 'robot-on', object: 'surfboard' }],
    ['go to sofa 2', { type: 'robot-on', object: 'sofa_2' }],
    ['climb sofa_2', { type: 'robot-on', object: 'sofa_2' }],
    ['could you get on sofa_2', { type: 'robot-on', object: 'sofa_2' }],
    // put X on the ground (safely)
    ['push the vase onto the ground without breaking it', { type: 'on-ground-intact', object: 'vase', maxHeight: 0.25 }],
    ['push the vase off the sofa onto the ground', { type: 'on-ground-intact', object: 'vase' }],
    ['Put the vase on the ground without breaking it.', { type: 'on-ground-intact', object: 'vase' }],
    ['gently put the vase on the floor', { type: 'on-ground-intact', object: 'vase' }],
    ['get the vase down to the floor safely', { type: 'on-ground-intact', object: 'vase' }],
    ['knock the vase off the sofa without breaking it', { type: 'on-ground-intact', object: 'vase' }],
    ['take the vase down carefully', { type: 'on-ground-intact', object: 'vase' }],
    // push X to / next to Y
    ['push box_1 next to box_2', { type: 'near', object: 'box_1', target: 'box_2', maxDistance: 0.05 }],
    ['Push the first box against the second box.', { type: 'near', object: 'box_1', target: 'box_2' }],
    ['slide the cushion to the stairs', { type: 'near', object: 'cushion', target: 'stairs' }],
    ['move the surfboard beside sofa_2', { type: 'near', object: 'surfboard', target: 'sofa_2' }],
    // put X on Y
    ['push the cushion onto sofa_1', { type: 'on', object: 'cushion', support: 'sofa_1' }],
    ['put box_1 on top of box_2', { type: 'on', object: 'box_1', support: 'box_2' }],
  ])('quadruped: "%s"', (command, goal) => {
    expect(parseGoal(command, quad)).toMatchObject(goal);
  });

  it('works with meaningless object names', () => {
    expect(parseGoal('grasp the obj_3k9x', obs('arm', ['obj_3k9x', 'obj_a1']))).toMatchObject({ object: 'obj_3k9x' });
    expect(parseGoal('put obj_a1 on obj_3k9x', obs('arm', ['obj_3k9x', 'obj_a1']))).toMatchObject({ type: 'on', object: 'obj_a1', support: 'obj_3k9x' });
  });

  it('reads plurals as the object when one matches ("the cans")', () => {
    expect(parseGoal('grasp the cans', arm)).toMatchObject({ type: 'grasped', object: 'can' });
    expect(parseGoal('press the buttons', arm)).toMatchObject({ type: 'pressed', object: 'button' });
  });

  it('reads everyday words for object kinds, compounds and "the other one"', () => {
    expect(parseGoal('I want the milk', arm)).toMatchObject({ type: 'grasped', object: 'milk' });
    expect(parseGoal('stand on the board', quad)).toMatchObject({ type: 'robot-on', object: 'surfboard' });
    expect(parseGoal('jump onto the couch', obs('quadruped', ['sofa', 'box_1']))).toMatchObject({ type: 'robot-on', object: 'sofa' });
    // An exact word beats a synonym or a compound: "the plank" is the plank, not the surfboard.
    expect(parseGoal('stand on the plank', obs('quadruped', ['plank', 'surfboard']))).toMatchObject({ object: 'plank' });
    const onFirst = obs('quadruped', ['sofa_1', 'sofa_2']);
    if (onFirst.robot.kind === 'quadruped') onFirst.robot.standingOn = 'sofa_1';
    expect(parseGoal('go to the other sofa', onFirst)).toMatchObject({ type: 'robot-on', object: 'sofa_2' });
    // "the other cube" leaves out the one already named; two remain, so it asks.
    expect(() => parseGoal('put magnetic_cube_1 on the other cube', arm)).toThrow(/"the other cube" could mean magnetic_cube_2 or magnetic_cube_3;/);
  });

  it('does not read "push X" as pressing X when X is no button', () => {
    expect(() => parseGoal('push the milk', arm)).toThrow(GoalParseError);
  });

  it('refuses a goal the robot cannot reach', () => {
    expect(() => parseGoal('grasp the vase', quad)).toThrow(GoalParseError);
    expect(() => parseGoal('stand on the paper', arm)).toThrow(GoalParseError);
  });

  it('refuses an open-ended command and says what is supported and how to configure a model', () => {
    expect(() => parseGoal('make me a sandwich', arm)).toThrow(GoalParseError);
    expect(() => parseGoal('make me a sandwich', arm)).toThrow(/grasp X[\s\S]*put X on Y[\s\S]*push X to \/ next to Y[\s\S]*ROBOTOOL_LLM_BASE_URL/);
  });

  it('refuses an ambiguous object', () => {
    expect(() => resolveObject('the cube', ['magnetic_cube_1', 'magnetic_cube_2'])).toThrow(/magnetic_cube_1 or magnetic_cube_2/);
    expect(() => parseGoal('stand on the sofa', quad)).toThrow(/sofa_1 or sofa_2/);
  });

  it('refuses an object that is not there', () => {
    expect(() => parseGoal('grasp the banana', arm)).toThrow(/names no object[\s\S]*milk, hammer/);
    expect(() => parseGoal('put the milk on the banana', arm)).toThrow(/"the banana" names no object/);
  });
});
