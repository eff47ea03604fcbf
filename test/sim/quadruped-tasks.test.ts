import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadScene, parseScene, scenesDir } from '../../src/scene/file.ts';
import type { SceneInput } from '../../src/scene/schema.ts';
import { createSim, restoreSim } from '../../src/sim/create.ts';
import { checkGoal } from '../../src/sim/predicates.ts';
import { withPoseNoise } from '../../src/scene/variants.ts';
import type { SimWorld } from '../../src/sim/world.ts';
import { QuadrupedRobot } from '../../src/sim/quadruped/index.ts';
import { SimBackend } from '../../src/sim/backend/sim-backend.ts';
import { runReference } from '../helpers/run-reference.ts';

const worlds: SimWorld[] = [];
afterEach(() => {
  for (const w of worlds.splice(0)) w.free();
});

async function world(scene: Parameters<typeof createSim>[0]): Promise<SimWorld> {
  const sim = await createSim(scene);
  worlds.push(sim);
  return sim;
}

const program = (task: string, naive: boolean): Promise<string> =>
  readFile(join(scenesDir, 'programs', `${task}${naive ? '.naive' : ''}.js`), 'utf8');

const SEEDS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];

/** Runs a task's program on the scene with ±1 cm pose noise; the outcome is the scene's own predicate. */
async function outcome(task: string, naive: boolean, seed: number): Promise<{ success: boolean; reason: string }> {
  const scene = withPoseNoise(await loadScene(task), { seed, poseNoise: 0.01 });
  const sim = await createSim(scene);
  try {
    const run = await runReference(await program(task, naive), new SimBackend(sim));
    expect(run.error).toBeNull();
    return checkGoal(sim, scene.goal);
  } finally {
    sim.free();
  }
}

describe.each(['traverse-sofa', 'push-vase', 'climb-sofa'])('%s', (task) => {
  it('the tool program succeeds on 10/10 seeds with ±1 cm pose noise', async () => {
    const results = [];
    for (const seed of SEEDS) results.push(await outcome(task, false, seed));
    expect(results.filter((r) => !r.success).map((r) => r.reason)).toEqual([]);
  });

  it('the naive program fails on 10/10 seeds, from physics', async () => {
    const results = [];
    for (const seed of SEEDS) results.push(await outcome(task, true, seed));
    expect(results.filter((r) => r.success).map((r) => r.reason)).toEqual([]);
  });
});

/** A quadruped on the ground at the origin, facing +x, among `objects`. */
function quadScene(objects: SceneInput['objects'], start: [number, number, number] = [0, 0, 0]) {
  return parseScene({
    name: 'quadruped-test',
    command: 'test',
    robot: { kind: 'quadruped', start },
    objects,
    goal: { type: 'robot-on', object: objects[0]!.name },
  });
}

describe('quadruped locomotion', () => {
  it('climbs a 0.12 m step, head-on and at 45°', async () => {
    for (const [x, y] of [[1.2, 0], [0.85, 0.85]]) {
      const sim = await world(quadScene([{ name: 'step', size: [1.4, 3, 0.12], position: [1.3, 0, 0.06], movable: false }]));
      const run = await runReference(`walk_to_position([${x}, ${y}, 0.12]);`, new SimBackend(sim));
      expect(run.calls[0]!.status).toBe('reached');
      expect(sim.robot!.standingOn()).toBe('step');
    }
  });

  it('refuses a 0.13 m step, head-on and at 45°, and says why', async () => {
    for (const [x, y] of [[1.2, 0], [0.85, 0.85]]) {
      const sim = await world(quadScene([{ name: 'step', size: [1.4, 3, 0.13], position: [1.3, 0, 0.065], movable: false }]));
      const run = await runReference(`walk_to_position([${x}, ${y}, 0.13]);`, new SimBackend(sim));
      expect(run.calls[0]!.status).toBe('blocked');
      expect(run.calls[0]!.message).toMatch(/0\.13\d* m step/);
      expect(sim.robot!.standingOn()).toBe('ground');
    }
  });

  it('stops at the edge of a 0.2 m gap it cannot step across, though its body would span it', async () => {
    const sim = await world(
      quadScene(
        [
          { name: 'far', size: [1, 1, 0.34], position: [1.2, 0, 0.17], movable: false },
          { name: 'near', size: [1, 1, 0.34], position: [0, 0, 0.17], movable: false },
        ],
        [0, 0, 0.34],
      ),
    );
    const run = await runReference('walk_to_position([1.2, 0, 0.34]);', new SimBackend(sim));
    expect(run.calls[0]!.status).toBe('blocked');
    expect(run.calls[0]!.message).toMatch(/no foothold/);
    expect(sim.robot!.standingOn()).toBe('near');
    expect(sim.robot!.position()[0]).toBeLessThan(0.5);
  });

  it('steps across a 0.08 m gap', async () => {
    const sim = await world(
      quadScene(
        [
          { name: 'far', size: [1, 1, 0.34], position: [1.08, 0, 0.17], movable: false },
          { name: 'near', size: [1, 1, 0.34], position: [0, 0, 0.17], movable: false },
        ],
        [0, 0, 0.34],
      ),
    );
    const run = await runReference('walk_to_position([1.1, 0, 0.34]);', new SimBackend(sim));
    expect(run.calls[0]!.status).toBe('reached');
    expect(sim.robot!.standingOn()).toBe('far');
  });

  it('pushes a box by contact to the target, going round it first', async () => {
    const sim = await world(quadScene([{ name: 'box', size: [0.4, 0.6, 0.12], position: [1, 0, 0.06], mass: 3 }]));
    // The target lies behind the robot's start: the robot must walk round the box to push it back.
    const run = await runReference('push_to_position("box", [0.2, -0.6, 0.06]);', new SimBackend(sim));
    expect(run.calls[0]!.status).toBe('reached');
    const [x, y] = sim.pose('box').position;
    expect(Math.hypot(x - 0.2, y + 0.6)).toBeLessThan(0.05);
  });

  it('routes a push round a fixed wall on a sidestep lane instead of through it', async () => {
    const sim = await world(
      quadScene([
        { name: 'box', size: [0.4, 0.4, 0.12], position: [1, 0, 0.06], mass: 3 },
        { name: 'wall', size: [0.2, 0.6, 0.5], position: [1.6, 0, 0.25], movable: false },
      ]),
    );
    const legs = (sim.robot as QuadrupedRobot).pushRoute('box', [2.4, 0]);
    expect(legs).toHaveLength(3);
    expect(legs[2]).toEqual([2.4, 0]);
    // The lane runs far enough out that the box (0.2 half-width) keeps clear of the wall's side (|y| <= 0.3).
    expect(Math.abs(legs[1]![1])).toBeGreaterThan(0.3 + 0.2);
    expect(Math.abs(legs[0]![1] - legs[1]![1])).toBeLessThan(1e-9);
  });

  it('reports a push into a wall as blocked, not as a throw', async () => {
    const sim = await world(
      quadScene([
        { name: 'box', size: [0.4, 0.6, 0.12], position: [1, 0, 0.06], mass: 3 },
        { name: 'wall', size: [0.2, 2, 0.5], position: [1.6, 0, 0.25], movable: false },
      ]),
    );
    const run = await runReference('push_to_position("box", [2.5, 0, 0.06]);', new SimBackend(sim));
    expect(run.error).toBeNull();
    expect(run.calls[0]!.status).toBe('blocked');
    expect(run.calls[0]!.message).toMatch(/stuck/);
  });

  it('loads a plank it stands on with its weight: walking out past the support tips it', async () => {
    const sim = await world(
      quadScene(
        [
          { name: 'plank', size: [1.2, 0.5, 0.05], position: [0.2, 0, 0.365], mass: 2 },
          { name: 'sofa', size: [2, 1, 0.34], position: [-0.5, 0, 0.17], movable: false },
        ],
        [-1, 0, 0.34],
      ),
    );
    // The plank overhangs the sofa's edge (x 0.5) by 0.3 m; its own weight keeps it there.
    sim.stepFor(0.5);
    expect(Math.abs(sim.pose('plank').rotation[1])).toBeLessThan(0.005);
    let tilt = 0;
    const backend = new SimBackend(sim, { frameEvery: 1, onFrame: (s) => void (tilt = Math.max(tilt, Math.abs(s.pose('plank').rotation[1]))) });
    await runReference('walk_to_position([0.75, 0, 0.39]);', backend);
    // Past the edge by 0.1 m, the robot's 12 kg outweigh the plank's 2 kg: it tips (> 5°).
    expect(tilt).toBeGreaterThan(0.05);
  });

  it('continues (to within 0.5 mm after 5 s) after snapshot and restore mid-push', async () => {
    const scene = await loadScene('climb-sofa');
    const a = await world(scene);
    (a.robot as QuadrupedRobot).push('box_1', [1.94, 0.65]);
    a.stepFor(3);
    const b = await restoreSim(scene, a.snapshot());
    worlds.push(b);
    a.stepFor(5);
    b.stepFor(5);
    for (let i = 0; i < 3; i++) {
      expect(b.robot!.position()[i]).toBeCloseTo(a.robot!.position()[i]!, 3);
      expect(b.pose('box_1').position[i]).toBeCloseTo(a.pose('box_1').position[i]!, 3);
    }
  });
});
