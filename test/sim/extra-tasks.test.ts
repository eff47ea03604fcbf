import { readdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createSim } from '../../src/sim/create.ts';
import { checkGoal } from '../../src/sim/predicates.ts';
import { loadScene, scenesDir } from '../../src/scene/file.ts';
import { withPoseNoise } from '../../src/scene/variants.ts';
import { SimBackend } from '../../src/sim/backend/sim-backend.ts';
import { runReference } from '../helpers/run-reference.ts';

/**
 * The extra tasks (scenes/extra) measure whether a planner generalises beyond the six bundled
 * scenes. Each must be solvable and need its tool: its hand-written program succeeds and the
 * direct attempt without a tool fails, by physics, with every object's x, y shifted by up to 1 cm.
 */
const EXTRA = join(scenesDir, 'extra');
const TASKS = readdirSync(EXTRA)
  .filter((f) => f.endsWith('.json'))
  .map((f) => f.slice(0, -'.json'.length))
  .sort();
const SEEDS = [1, 2, 3];
const POSE_NOISE = 0.01;

async function outcome(task: string, naive: boolean, seed: number): Promise<{ error: string | null; success: boolean; reason: string }> {
  const [base, source] = await Promise.all([
    loadScene(join(EXTRA, `${task}.json`)),
    readFile(join(EXTRA, 'programs', `${task}${naive ? '.naive' : ''}.js`), 'utf8'),
  ]);
  const scene = withPoseNoise(base, { seed, poseNoise: POSE_NOISE });
  const sim = await createSim(scene);
  try {
    const run = await runReference(source, new SimBackend(sim));
    return { error: run.error?.message ?? null, ...checkGoal(sim, scene.goal) };
  } finally {
    sim.free();
  }
}

describe('scenes/extra', () => {
  it('holds at least 14 tasks, each with a reference and a naive program', async () => {
    expect(TASKS.length).toBeGreaterThanOrEqual(14);
    const programs = readdirSync(join(EXTRA, 'programs'));
    for (const task of TASKS) {
      expect(programs, task).toContain(`${task}.js`);
      expect(programs, task).toContain(`${task}.naive.js`);
      expect((await loadScene(join(EXTRA, `${task}.json`))).name).toBe(task);
    }
  });
});

describe.each(TASKS)('%s', (task) => {
  it(`the reference program succeeds on seeds ${SEEDS.join(', ')} with ±${POSE_NOISE * 100} cm pose noise`, async () => {
    const failures: string[] = [];
    for (const seed of SEEDS) {
      const r = await outcome(task, false, seed);
      if (r.error !== null || !r.success) failures.push(`seed ${seed}: ${r.error ?? r.reason}`);
    }
    expect(failures).toEqual([]);
  });

  it('the naive program (no tool) runs to its end and fails in the world on those seeds', async () => {
    const successes: string[] = [];
    for (const seed of SEEDS) {
      const r = await outcome(task, true, seed);
      // It fails by physics (out of reach, too high a step, a gap, a fall), not by throwing.
      expect(r.error, `seed ${seed}`).toBeNull();
      if (r.success) successes.push(`seed ${seed}: ${r.reason}`);
    }
    expect(successes).toEqual([]);
  });
});
