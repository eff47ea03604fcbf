import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createSim } from '../../src/sim/create.ts';
import { forwardKinematics, solveIk, type JointAngles } from '../../src/sim/arm-kinematics.ts';
import { checkGoal } from '../../src/sim/predicates.ts';
import { loadScene, scenesDir } from '../../src/scene/file.ts';
import type { Scene, Vec3 } from '../../src/scene/schema.ts';
import { withPoseNoise } from '../../src/scene/variants.ts';
import { SimBackend } from '../../src/sim/backend/sim-backend.ts';
import { runReference } from '../helpers/run-reference.ts';

/** The paper's scenes are checked with every object's x, y perturbed by up to 1 cm. */
const SEEDS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
const POSE_NOISE = 0.01;
const ARM_TASKS = ['reach-milk', 'grasp-can', 'press-button'] as const;

const program = (file: string): Promise<string> => readFile(join(scenesDir, 'programs', file), 'utf8');

/** Runs a program on a fresh world of `scene` and reports whether the scene's goal holds afterwards. */
async function outcome(scene: Scene, source: string): Promise<{ ran: boolean; error: string | null; success: boolean; reason: string }> {
  const sim = await createSim(scene);
  try {
    const run = await runReference(source, new SimBackend(sim));
    const goal = checkGoal(sim, scene.goal);
    return { ran: run.ok, error: run.error?.message ?? null, ...goal };
  } finally {
    sim.free();
  }
}

describe.each(ARM_TASKS)('%s on the arm', (task) => {
  it(`the tool-using reference program succeeds on seeds 1..10 with ±${POSE_NOISE * 100} cm pose noise`, async () => {
    const [scene, source] = await Promise.all([loadScene(task), program(`${task}.js`)]);
    const failures: string[] = [];
    for (const seed of SEEDS) {
      const r = await outcome(withPoseNoise(scene, { seed, poseNoise: POSE_NOISE }), source);
      if (!r.ran || !r.success) failures.push(`seed ${seed}: ${r.error ?? r.reason}`);
    }
    expect(failures).toEqual([]);
  });

  it('the naive program (no tool) fails on every one of those seeds', async () => {
    const [scene, source] = await Promise.all([loadScene(task), program(`${task}.naive.js`)]);
    const successes: string[] = [];
    for (const seed of SEEDS) {
      const r = await outcome(withPoseNoise(scene, { seed, poseNoise: POSE_NOISE }), source);
      // The naive program runs to its end: it fails in the world, not by throwing.
      expect(r.error, `seed ${seed}`).toBeNull();
      if (r.success) successes.push(`seed ${seed}: ${r.reason}`);
    }
    expect(successes).toEqual([]);
  });
});

describe('the arm', () => {
  it('inverse kinematics round-trips through forward kinematics with the gripper pointing down', () => {
    const base: Vec3 = [0, 0, 0];
    const q: JointAngles = [0, 0, 0, 0, 0, 0];
    for (const x of [0.05, 0.2, 0.35, 0.45]) {
      for (const y of [-0.25, -0.1, 0, 0.1, 0.25]) {
        for (const z of [0.01, 0.1, 0.3]) {
          const p = forwardKinematics(base, solveIk(base, [x, y, z], q[0], q));
          for (let i = 0; i < 3; i++) expect(p.tcp[i]).toBeCloseTo([x, y, z][i]!, 9);
          expect(p.toolPitch).toBeCloseTo(-Math.PI / 2, 9);
          expect(p.gripperYaw).toBeCloseTo(0, 9);
        }
      }
    }
  });

  it('clamps a target outside the workspace into it, with a warning', async () => {
    const sim = await createSim(await loadScene('reach-milk'));
    try {
      const backend = new SimBackend(sim);
      const r = await backend.call('move_to_position', [[0.6, 0, 0.2]]);
      expect(r.status).toBe('clamped');
      expect(r.warnings.join('\n')).toMatch(/outside the workspace.*clamped to \[0\.450, 0\.000, 0\.200\]/);
      const at = sim.robot!.position();
      expect(at[0]).toBeCloseTo(0.45, 4);
      expect(at[2]).toBeCloseTo(0.2, 4);
    } finally {
      sim.free();
    }
  });

  it('reports "grasped nothing" when the fingers close on empty air', async () => {
    const sim = await createSim(await loadScene('reach-milk'));
    try {
      const backend = new SimBackend(sim);
      const r = await backend.call('close_gripper', []);
      expect(r.status).toBe('grasped-nothing');
      expect(r.value).toEqual({ status: 'grasped-nothing', object: null });
      expect(r.message).toBe('nothing between the fingers');
      expect(sim.robot!.held()).toEqual([]);
    } finally {
      sim.free();
    }
  });

  it('grasps an object between the fingers and carries it with the gripper', async () => {
    const sim = await createSim(await loadScene('press-button'));
    try {
      const backend = new SimBackend(sim);
      const cube = sim.def('cube_1').graspablePoint!;
      await backend.call('move_to_position', [[cube[0], cube[1], cube[2] + 0.05]]);
      await backend.call('move_to_position', [cube]);
      const r = await backend.call('close_gripper', []);
      expect(r.value).toEqual({ status: 'grasped', object: 'cube_1' });
      await backend.call('move_to_position', [[cube[0], cube[1], cube[2] + 0.1]]);
      expect(sim.pose('cube_1').position[2] - cube[2]).toBeCloseTo(0.1, 3);
    } finally {
      sim.free();
    }
  });
});
