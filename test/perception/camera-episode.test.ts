import { describe, expect, it } from 'vitest';
import { loadScene } from '../../src/scene/file.ts';
import { runSimEpisode } from '../../src/episode/sim-episode.ts';
import { searchPlanner } from '../../src/planner/search/search-planner.ts';
import { sandboxRunner } from '../../src/episode/sandbox-runner.ts';
import { withPoseNoise } from '../../src/scene/variants.ts';

/**
 * `--perception camera`: the search planner plans from the depth camera's observation, the
 * program's queries are answered from it (perceived again after every motion), and the outcome
 * is the task's predicate on the simulated truth.
 */
describe('episodes planned from the depth camera', () => {
  it.each(['reach-milk', 'climb-sofa'])('%s succeeds with the catalogue 2 cm off', async (task) => {
    const scene = await loadScene(task);
    const events = await runSimEpisode({
      scene: withPoseNoise(scene, { seed: 2, poseNoise: 0.01 }),
      command: scene.command,
      planner: searchPlanner,
      runProgram: sandboxRunner({}),
      perception: 'camera',
      catalogue: withPoseNoise(scene, { seed: 11, poseNoise: 0.02 }),
    });
    const observed = events.find((e) => e.type === 'observation');
    expect(observed?.type === 'observation' && observed.observation.source).toBe('depth-camera');
    const outcome = events.findLast((e) => e.type === 'outcome');
    expect(outcome?.type === 'outcome' && outcome.reason).toBeTruthy();
    expect(outcome?.type === 'outcome' && outcome.success, outcome?.type === 'outcome' ? outcome.reason : '').toBe(true);
  }, 240_000);
});
