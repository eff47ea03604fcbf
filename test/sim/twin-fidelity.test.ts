import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadScene, scenesDir, TASKS } from '../../src/scene/file.ts';
import { createSim, restoreSim } from '../../src/sim/create.ts';
import { withPoseNoise } from '../../src/scene/variants.ts';
import type { SimWorld } from '../../src/sim/world.ts';
import { SimBackend } from '../../src/sim/backend/sim-backend.ts';
import { runReference } from '../helpers/run-reference.ts';

/**
 * The twin is the world: a program run in a twin (a clone restored from a snapshot of the
 * executing world, as every episode verifies) and the same program then executed in that world
 * must give the same call reports and the same final poses, to the last bit. Every bundled task
 * and every scene under scenes/extra that has a program, over several seeds.
 */

interface Task {
  label: string;
  scene: string;
  program: string;
}

const bundled: Task[] = TASKS.map((t) => ({ label: t, scene: t, program: join(scenesDir, 'programs', `${t}.js`) }));
const extraDir = join(scenesDir, 'extra');
const extra: Task[] = existsSync(extraDir)
  ? readdirSync(extraDir)
      .filter((f) => f.endsWith('.json'))
      .map((f) => ({ label: `extra/${basename(f, '.json')}`, scene: join(extraDir, f), program: join(extraDir, 'programs', `${basename(f, '.json')}.js`) }))
      .filter((t) => existsSync(t.program))
  : [];
const SEEDS = [1, 2, 3];

/** What a user compares: each call's report, where every object and the robot ended, and the simulated time. */
function record(sim: SimWorld): unknown {
  return {
    poses: Object.fromEntries(sim.objectNames().map((n) => [n, sim.pose(n)])),
    robot: sim.robot?.position(),
    held: sim.robot?.held(),
    steps: sim.steps,
    events: sim.events,
  };
}

describe('twin and execution agree exactly', () => {
  it.each([...bundled, ...extra].flatMap((t) => SEEDS.map((seed) => [t.label, seed, t] as const)))(
    '%s seed %i',
    async (_label, seed, task) => {
      const scene = withPoseNoise(await loadScene(task.scene), { seed, poseNoise: 0.01 });
      const source = readFileSync(task.program, 'utf8');
      const sim = await createSim(scene);
      const twin = await restoreSim(scene, sim.snapshot());
      try {
        const verified = await runReference(source, new SimBackend(twin));
        const executed = await runReference(source, new SimBackend(sim));
        expect(verified.error).toBeNull();
        // Motion reports, statuses, messages and simulated seconds, call by call.
        expect(executed.calls).toEqual(verified.calls);
        expect(record(sim)).toEqual(record(twin));
      } finally {
        twin.free();
        sim.free();
      }
    },
    120_000,
  );
});

describe('a snapshot taken mid-episode', () => {
  it('continues bit-identically in the world and in its restore, after the world ran a push live', async () => {
    const scene = await loadScene('climb-sofa');
    const sim = await createSim(scene);
    const backend = new SimBackend(sim);
    const first = await runReference('push_to_position("box_1", [1.94, 0.65, 0]);', backend);
    expect(first.calls.map((c) => c.status)).toEqual(['reached']);
    const twin = await restoreSim(scene, sim.snapshot());
    try {
      const more = 'walk_to_position([0.2, 0.3, 0]); push_to_position("box_2", [1.9, 0.2, 0]);';
      const a = await runReference(more, new SimBackend(twin));
      const b = await runReference(more, backend);
      expect(a.calls[0]?.status).toBe('reached');
      expect(b.calls).toEqual(a.calls);
      expect(record(sim)).toEqual(record(twin));
    } finally {
      twin.free();
      sim.free();
    }
  }, 120_000);
});
