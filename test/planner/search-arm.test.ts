import { describe, expect, it } from 'vitest';
import { parseScene, loadScene } from '../../src/scene/file.ts';
import type { Scene, SceneInput } from '../../src/scene/schema.ts';
import { createSim } from '../../src/sim/create.ts';
import { observeGroundTruth } from '../../src/sim/ground-truth.ts';
import { parseGoal } from '../../src/planner/goal-parse.ts';
import { runSimEpisode } from '../../src/episode/sim-episode.ts';
import { searchPlan, searchPlanner } from '../../src/planner/search/search-planner.ts';
import type { EpisodeEvent } from '../../src/episode/events.ts';
import { sandboxRunner } from '../../src/episode/sandbox-runner.ts';

/**
 * The search planner's arm schemas on scenes it has never seen: tools of other shapes, a carrier
 * pulled along another axis, a different number of magnetic parts. Every scene is written here;
 * none reuses a task's object names.
 */

const ARM = {
  kind: 'arm' as const,
  base: [0, 0, 0] as [number, number, number],
  workspace: { min: [0, -0.25, 0.01] as [number, number, number], max: [0.45, 0.25, 0.3] as [number, number, number] },
  home: [0.25, 0, 0.25] as [number, number, number],
  maxSpeed: 0.2,
};

function scene(input: Omit<SceneInput, 'robot' | 'timeLimit'> & { robot?: SceneInput['robot'] }): Scene {
  return parseScene({ robot: ARM, timeLimit: 120, ...input }, input.name);
}

async function solve(s: Scene): Promise<{ outcome: Extract<EpisodeEvent, { type: 'outcome' }>; schemas: string[] }> {
  const events = await runSimEpisode({ scene: s, command: s.command, planner: searchPlanner, runProgram: sandboxRunner() });
  const outcome = events.findLast((e) => e.type === 'outcome');
  if (outcome?.type !== 'outcome') throw new Error('no outcome');
  const chosen = events.findLast((e) => e.type === 'candidate' && e.success);
  return { outcome, schemas: chosen?.type === 'candidate' ? chosen.schemas : [] };
}

/** An L-shaped hook: a handle with a blade sticking out to one side only (+y) at its far end. */
const L_HOOK = scene({
  name: 'l-hook',
  command: 'Grasp the bottle.',
  objects: [
    { name: 'bottle', size: [0.05, 0.05, 0.14], position: [0.55, 0.01, 0.07], mass: 0.25, friction: 0.5, graspablePoint: [0.55, 0.01, 0.115] },
    {
      name: 'scraper',
      // Handle 0.28 m along x (grasped 3 cm from its near end), blade 0.04 x 0.12 across its far end, all to +y.
      size: [0.32, 0.12, 0.04],
      position: [0.43, -0.1025, 0.02],
      mass: 0.3,
      friction: 0.6,
      graspablePoint: [0.3, -0.15, 0.015],
      parts: [
        { name: 'shaft', shape: 'box', size: [0.28, 0.025, 0.03], offset: [-0.02, -0.0475, -0.005] },
        { name: 'blade', shape: 'box', size: [0.04, 0.12, 0.04], offset: [0.14, 0, 0] },
      ],
    },
    { name: 'sponge', size: [0.06, 0.06, 0.04], position: [0.2, 0.18, 0.02], mass: 0.05 },
  ],
  goal: { type: 'grasped', object: 'bottle', minLift: 0.02 },
});

/** A box resting on a sheet beyond the workspace's +y edge; the sheet's tab is on its -y side, so it is pulled along -y. */
const SIDE_CARRIER = scene({
  name: 'side-carrier',
  command: 'Pick up the box.',
  objects: [
    { name: 'box', size: [0.05, 0.06, 0.05], position: [0.3, 0.4, 0.029], mass: 0.15, friction: 0.6, graspablePoint: [0.3, 0.4, 0.029] },
    {
      name: 'tray',
      size: [0.3, 0.3, 0.044],
      position: [0.3, 0.37, 0.022],
      mass: 0.06,
      friction: 0.6,
      graspablePoint: [0.3, 0.23, 0.024],
      parts: [
        { name: 'sheet', shape: 'box', size: [0.3, 0.3, 0.004], offset: [0, 0, -0.02] },
        { name: 'tab', shape: 'box', size: [0.03, 0.02, 0.04], offset: [0, -0.14, 0.002] },
      ],
    },
  ],
  goal: { type: 'grasped', object: 'box', minLift: 0.02 },
});

/** Four magnetic blocks and a button further out than three of them reach. */
const FOUR_MAGNETS = scene({
  name: 'four-magnets',
  command: 'Press the switch.',
  robot: { ...ARM, workspace: { min: [0, -0.25, 0.01], max: [0.48, 0.25, 0.3] } },
  objects: [
    ...[0.2, 0.28, 0.36, 0.44].map((x, i) => ({
      name: `block_${String.fromCharCode(97 + i)}`,
      size: [0.03, 0.03, 0.03] as [number, number, number],
      position: [x, 0.05, 0.015] as [number, number, number],
      mass: 0.05,
      friction: 0.6,
      magnetic: true,
      graspablePoint: [x, 0.05, 0.015] as [number, number, number],
    })),
    { name: 'switch', size: [0.2, 0.2, 0.12], position: [0.665, 0.08, 0.06], movable: false, friction: 0.8, button: { travel: 0.02, pressDepth: 0.008, stiffness: 2000 } },
  ],
  goal: { type: 'pressed', object: 'switch' },
});

/** Two magnetic parts are enough when the button is close. */
const TWO_MAGNETS = scene({
  name: 'two-magnets',
  command: 'Press the knob.',
  robot: { ...ARM, workspace: { min: [0, -0.25, 0.01], max: [0.48, 0.25, 0.3] } },
  objects: [
    { name: 'm_near', size: [0.03, 0.03, 0.03], position: [0.3, -0.1, 0.015], mass: 0.05, magnetic: true, graspablePoint: [0.3, -0.1, 0.015] },
    { name: 'm_far', size: [0.03, 0.03, 0.03], position: [0.4, -0.05, 0.015], mass: 0.05, magnetic: true, graspablePoint: [0.4, -0.05, 0.015] },
    { name: 'knob', size: [0.16, 0.16, 0.1], position: [0.59, -0.02, 0.05], movable: false, button: { travel: 0.02, pressDepth: 0.008, stiffness: 2000 } },
  ],
  goal: { type: 'pressed', object: 'knob' },
});

/** A task scene mirrored across the x axis (y → -y), every object renamed: the push onto the carrier runs along -y. */
async function mirroredTask(task: string, names: Record<string, string>): Promise<Scene> {
  const s = structuredClone(await loadScene(task));
  const flip = (v: [number, number, number]): [number, number, number] => [v[0], -v[1], v[2]];
  for (const o of s.objects) {
    o.position = flip(o.position);
    if (o.graspablePoint) o.graspablePoint = flip(o.graspablePoint);
    for (const p of o.parts ?? []) p.offset = flip(p.offset);
    o.name = names[o.name] ?? o.name;
  }
  s.goal = { ...s.goal, object: names[s.goal.object] ?? s.goal.object };
  s.command = s.command.replace(/\b\w+(?=\.$)/, (w) => names[w] ?? w);
  return s;
}

describe('search planner, arm schemas on unseen scenes', () => {
  it('drags a target into reach with an L-shaped hook whose blade points one way only', async () => {
    const { outcome, schemas } = await solve(L_HOOK);
    expect(outcome.reason).toMatch(/grasped and lifted/);
    expect(outcome.success).toBe(true);
    expect(schemas).toEqual(['tool-drag']);
  });

  it('pulls a carrier along y to bring what rests on it into reach', async () => {
    const { outcome, schemas } = await solve(SIDE_CARRIER);
    expect(outcome.success).toBe(true);
    expect(schemas).toEqual(['slide-carrier']);
  });

  it('joins four magnetic parts when three do not reach, and presses with the stick', async () => {
    const obs = observeGroundTruth(await createSim(FOUR_MAGNETS));
    const plan = searchPlan(obs, parseGoal(FOUR_MAGNETS.command, obs));
    const touches = (plan.candidates[0]?.program.match(/magnets join/g) ?? []).length;
    expect(touches).toBe(3);
    const { outcome, schemas } = await solve(FOUR_MAGNETS);
    expect(outcome.success).toBe(true);
    expect(schemas).toEqual(['join-parts', 'press-with-tool']);
  });

  it('joins just two magnetic parts when two reach', async () => {
    const { outcome, schemas } = await solve(TWO_MAGNETS);
    expect(outcome.success).toBe(true);
    expect(schemas).toEqual(['join-parts', 'press-with-tool']);
  });

  it('pushes a target onto a carrier along -y, puts the pusher back, then slides the carrier', async () => {
    const s = await mirroredTask('grasp-can', { can: 'tin', ledge: 'shelf', stick: 'rod', paper: 'card' });
    expect(s.command).toBe('Grasp the tin.');
    const { outcome, schemas } = await solve(s);
    expect(outcome.success).toBe(true);
    expect(schemas).toEqual(['push-onto-carrier', 'slide-carrier']);
  });

  it('plans "bring X within reach" with the same tools and no final grasp', async () => {
    const s = { ...L_HOOK, command: 'Bring the bottle within reach.' };
    const obs = observeGroundTruth(await createSim(s));
    const goal = parseGoal(s.command, obs);
    expect(goal.type).toBe('within-reach');
    const best = searchPlan(obs, goal).candidates[0]!;
    expect(best.schemas).toEqual(['tool-drag']);
    expect(best.program).not.toMatch(/get_graspable_point\("bottle"\)/);
  });
});

/**
 * An L ruler whose foot sticks out only 3 cm past its 2 cm bar: held at its graspable point
 * (mid-bar) the foot stops short of the cup's back face; held near the bar's end it reaches, and
 * it covers less than half of the cup's 5 cm width.
 */
const SHORT_FOOT = scene({
  name: 'short-foot',
  command: 'Grasp the mug.',
  objects: [
    { name: 'mug', shape: 'box', size: [0.05, 0.05, 0.1], position: [0.575, 0.04, 0.05], mass: 0.2, friction: 0.5, graspablePoint: [0.575, 0.04, 0.075] },
    {
      name: 'ruler',
      shape: 'box',
      size: [0.26, 0.05, 0.015],
      position: [0.3, -0.135, 0.0075],
      mass: 0.15,
      friction: 0.5,
      graspablePoint: [0.3, -0.15, 0.0075],
      parts: [
        { name: 'bar', shape: 'box', size: [0.26, 0.02, 0.015], offset: [0, -0.015, 0] },
        { name: 'foot', shape: 'box', size: [0.02, 0.05, 0.015], offset: [0.12, 0, 0] },
      ],
    },
  ],
  goal: { type: 'grasped', object: 'mug', minLift: 0.02 },
});

/** A hook within reach and a longer hook out of reach: only the long one, fetched first, reaches the target. */
const TWO_TOOLS = scene({
  name: 'two-tools',
  command: 'Grasp the carton.',
  objects: [
    { name: 'carton', shape: 'box', size: [0.05, 0.05, 0.1], position: [0.66, -0.12, 0.05], mass: 0.2, friction: 0.5, graspablePoint: [0.66, -0.12, 0.075] },
    {
      name: 'long_hook',
      shape: 'box',
      size: [0.315, 0.14, 0.06],
      position: [0.64, 0.08, 0.03],
      mass: 0.2,
      friction: 0.5,
      graspablePoint: [0.5, 0.08, 0.045],
      parts: [
        { name: 'handle', shape: 'box', size: [0.3, 0.025, 0.02], offset: [-0.0075, 0, -0.02] },
        { name: 'head', shape: 'box', size: [0.015, 0.14, 0.03], offset: [0.15, 0, -0.015] },
        { name: 'knob', shape: 'box', size: [0.025, 0.03, 0.04], offset: [-0.14, 0, 0.01] },
      ],
    },
    {
      name: 'short_hook',
      shape: 'box',
      size: [0.25, 0.075, 0.03],
      position: [0.215, 0.17, 0.015],
      mass: 0.15,
      friction: 0.5,
      graspablePoint: [0.2, 0.195, 0.015],
      parts: [
        { name: 'bar', shape: 'box', size: [0.25, 0.025, 0.03], offset: [0, 0.025, 0] },
        { name: 'foot', shape: 'box', size: [0.025, 0.05, 0.03], offset: [0.1125, -0.0125, 0] },
      ],
    },
  ],
  goal: { type: 'grasped', object: 'carton', minLift: 0.02 },
});

async function candidatesOf(s: Scene): Promise<ReturnType<typeof searchPlan>['candidates']> {
  const sim = await createSim(s);
  try {
    const obs = observeGroundTruth(sim);
    return searchPlan(obs, parseGoal(s.command, obs)).candidates;
  } finally {
    sim.free();
  }
}

describe('search planner, arm: tools found by geometry', () => {
  it('holds a short-footed hook near its bar\'s end so that the foot gets behind the target, and grasps the target', async () => {
    const candidates = await candidatesOf(SHORT_FOOT);
    expect(candidates.length).toBeGreaterThan(0);
    // No candidate holds it at its graspable point: from there the foot does not reach.
    expect(candidates.every((c) => !c.program.includes('move_to_position([0.3,-0.15,0.0075])'))).toBe(true);
    const { outcome, schemas } = await solve(SHORT_FOOT);
    expect(outcome.success, outcome.reason).toBe(true);
    expect(schemas).toEqual(['tool-drag']);
  });

  it('chains two tools: the one in reach fetches the longer one, which drags the target in', async () => {
    const candidates = await candidatesOf(TWO_TOOLS);
    expect(candidates.length).toBeGreaterThan(0);
    expect(candidates.every((c) => c.schemas.join('+') === 'tool-drag+tool-drag')).toBe(true);
    const { outcome } = await solve(TWO_TOOLS);
    expect(outcome.success, outcome.reason).toBe(true);
  });
});
