import { afterEach, describe, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createSim } from '../../src/sim/create.ts';
import { checkGoal } from '../../src/sim/predicates.ts';
import { loadScene, parseScene, scenesDir } from '../../src/scene/file.ts';
import type { Goal, SceneInput } from '../../src/scene/schema.ts';
import type { SimWorld } from '../../src/sim/world.ts';
import { SimBackend } from '../../src/sim/backend/sim-backend.ts';
import { runReference } from '../helpers/run-reference.ts';

/**
 * The new goal forms' predicates, judged by physics: objects are dropped, pushed and pressed by
 * Rapier, never placed into a success.
 */

const worlds: SimWorld[] = [];
afterEach(() => {
  for (const w of worlds.splice(0)) w.free();
});

async function world(objects: SceneInput['objects']): Promise<SimWorld> {
  const scene = parseScene({
    name: 'predicates',
    command: 'test',
    robot: { kind: 'arm', workspace: { min: [0, -0.25, 0.01], max: [0.45, 0.25, 0.3] } },
    objects,
    goal: { type: 'within-reach', object: objects[0]!.name },
  });
  const sim = await createSim(scene);
  worlds.push(sim);
  return sim;
}

const check = (sim: SimWorld, goal: SceneInput['goal']): ReturnType<typeof checkGoal> => checkGoal(sim, goal as Goal);

describe('goals in scene files', () => {
  it('names the goal field of every object that is not in the scene', () => {
    const scene = (goal: unknown) => ({
      name: 'bad',
      command: 'x',
      robot: { kind: 'arm', workspace: { min: [0, -0.25, 0.01], max: [0.45, 0.25, 0.3] } },
      objects: [{ name: 'cup', size: [0.05, 0.05, 0.05], position: [0.3, 0, 0.025] }],
      goal,
    });
    expect(() => parseScene(scene({ type: 'on', object: 'cup', support: 'shelf' }))).toThrow(/goal\.support: no object named "shelf"; objects: cup/);
    expect(() => parseScene(scene({ type: 'near', object: 'mug', target: 'cup' }))).toThrow(/goal\.object: no object named "mug"/);
    expect(() => parseScene(scene({ type: 'pressed', object: 'cup', with: ['cup', 'stick'] }))).toThrow(/goal\.with\[1\]: no object named "stick"/);
    expect(parseScene(scene({ type: 'near', object: 'cup', target: 'cup' })).goal).toEqual({ type: 'near', object: 'cup', target: 'cup', maxDistance: 0.05 });
  });
});

describe('on: X rests on top of Y', () => {
  it('holds once a box dropped onto another has settled, not while it falls', async () => {
    const sim = await world([
      { name: 'crate', size: [0.2, 0.2, 0.1], position: [0.3, 0, 0.05] },
      { name: 'cup', size: [0.05, 0.05, 0.05], position: [0.31, 0.02, 0.2], mass: 0.1 },
    ]);
    const goal = { type: 'on', object: 'cup', support: 'crate' } as const;
    sim.stepFor(0.05);
    expect(check(sim, goal)).toMatchObject({ success: false, reason: expect.stringMatching(/still moving|not on/) });
    sim.stepFor(1);
    expect(check(sim, goal)).toEqual({ success: true, reason: 'cup rests on crate' });
    // The other way round is false: the crate is on the ground.
    expect(check(sim, { type: 'on', object: 'crate', support: 'cup' }).success).toBe(false);
  });

  it('does not hold for a box that slid off its support onto the ground beside it', async () => {
    const sim = await world([
      { name: 'crate', size: [0.2, 0.2, 0.1], position: [0.3, 0, 0.05] },
      // Dropped past the crate's edge: it lands on the ground, touching the crate's side.
      { name: 'cup', size: [0.05, 0.05, 0.05], position: [0.43, 0, 0.15], mass: 0.1 },
    ]);
    sim.stepFor(1.5);
    expect(check(sim, { type: 'on', object: 'cup', support: 'crate' })).toMatchObject({ success: false, reason: expect.stringMatching(/is not on crate/) });
  });
});

describe('near: X stands beside Y', () => {
  it('holds within maxDistance on the ground, fails further away and when X is on top of Y', async () => {
    const sim = await world([
      { name: 'a', size: [0.1, 0.1, 0.1], position: [0.2, 0, 0.05] },
      { name: 'b', size: [0.1, 0.1, 0.1], position: [0.33, 0, 0.05] },
      { name: 'c', size: [0.1, 0.1, 0.1], position: [0.2, 0.2, 0.05] },
      { name: 'd', size: [0.05, 0.05, 0.05], position: [0.2, 0, 0.2] },
    ]);
    sim.stepFor(1);
    expect(check(sim, { type: 'near', object: 'b', target: 'a', maxDistance: 0.05 })).toMatchObject({ success: true, reason: 'b is 0.030 m from a' });
    expect(check(sim, { type: 'near', object: 'c', target: 'a', maxDistance: 0.05 })).toMatchObject({ success: false, reason: expect.stringMatching(/c is 0.100 m from a \(at most 0.05\)/) });
    expect(check(sim, { type: 'near', object: 'd', target: 'a', maxDistance: 0.05 })).toMatchObject({ success: false, reason: 'd is on a, not beside it' });
  });
});

describe('pressed with: what touched the button as it read pressed', () => {
  it('a heavy box dropped on the cap presses it; the goal holds with that box, not with another', async () => {
    const sim = await world([
      { name: 'weight', size: [0.08, 0.08, 0.08], position: [0.3, 0, 0.25], mass: 3 },
      { name: 'feather', size: [0.05, 0.05, 0.05], position: [0.1, 0.15, 0.025], mass: 0.05 },
      { name: 'button', size: [0.2, 0.2, 0.12], position: [0.3, 0, 0.06], movable: false, button: {} },
    ]);
    expect(check(sim, { type: 'pressed', object: 'button' }).success).toBe(false);
    sim.stepFor(1);
    expect(sim.pressedBy('button')).toEqual(['weight']);
    expect(check(sim, { type: 'pressed', object: 'button', with: ['weight'] })).toEqual({ success: true, reason: 'button was pressed with weight' });
    expect(check(sim, { type: 'pressed', object: 'button', with: ['feather'] })).toMatchObject({ success: false, reason: 'button was pressed by weight, not with feather' });
    expect(check(sim, { type: 'pressed', object: 'button' }).success).toBe(true);
  });

  it('press-button: the joined stick of magnetic cubes presses it, not the gripper, so "with" any one cube holds', async () => {
    const scene = await loadScene('press-button');
    const sim = await createSim(scene);
    worlds.push(sim);
    const run = await runReference(await readFile(join(scenesDir, 'programs', 'press-button.js'), 'utf8'), new SimBackend(sim));
    expect(run.error).toBeNull();
    const cubes = scene.objects.filter((o) => o.magnetic).map((o) => o.name);
    // Any one cube names the stick: the parts joined to it count.
    expect(check(sim, { type: 'pressed', object: 'button', with: [cubes[0]!] }).success).toBe(true);
    expect(sim.pressedBy('button').some((b) => cubes.includes(b))).toBe(true);
    expect(sim.pressedBy('button')).not.toContain('robot');
  }, 60_000);
});
