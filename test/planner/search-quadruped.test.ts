import { describe, expect, it } from 'vitest';
import { parseScene } from '../../src/scene/file.ts';
import type { SceneInput } from '../../src/scene/schema.ts';
import { runSimEpisode } from '../../src/episode/sim-episode.ts';
import { searchPlanner } from '../../src/planner/search/search-planner.ts';
import type { EpisodeEvent } from '../../src/episode/events.ts';
import { sandboxRunner } from '../../src/episode/sandbox-runner.ts';

/** Runs a search-planner episode on a scene written here; returns the outcome and the program that ran. */
async function solve(input: SceneInput): Promise<{ success: boolean; reason: string; program: string }> {
  const scene = parseScene(input);
  const events = await runSimEpisode({ scene, command: scene.command, planner: searchPlanner, runProgram: sandboxRunner() });
  const last = events.at(-1) as Extract<EpisodeEvent, { type: 'outcome' }>;
  expect(last.type).toBe('outcome');
  return { success: last.success, reason: last.reason, program: last.program ?? '' };
}

describe('search planner, quadruped, scenes it has never seen', () => {
  it('builds a three-box staircase up to a 0.46 m ledge', async () => {
    // Every rise must be 0.12 m or less: crate (0.36) against the ledge, chest (0.24) against the
    // crate, stool (0.12) against the chest. All three lie apart on the floor.
    const r = await solve({
      name: 'three-step-ledge',
      command: 'Climb onto the ledge.',
      robot: { kind: 'quadruped', start: [0, 0, 0] },
      objects: [
        { name: 'ledge', size: [1.0, 1.6, 0.46], position: [3.5, 0, 0.23], movable: false },
        { name: 'crate', size: [0.4, 0.6, 0.36], position: [1.6, -1.5, 0.18], mass: 8 },
        { name: 'chest', size: [0.4, 0.6, 0.24], position: [1.6, 1.5, 0.12], mass: 5 },
        { name: 'stool', size: [0.4, 0.6, 0.12], position: [0.6, 2.4, 0.06], mass: 3 },
      ],
      goal: { type: 'robot-on', object: 'ledge' },
    });
    expect(r.reason).toMatch(/stands on ledge/);
    expect(r.success).toBe(true);
    for (const box of ['crate', 'chest', 'stool']) expect(r.program).toContain(`push_to_position("${box}"`);
  });

  it('fetches a plank lying off to the side and bridges a 0.3 m gap with it', async () => {
    // The plank lies on the near platform away from the gap; pushed (sideways, then forward) it
    // spans the gap. The far platform is 2 cm lower: a plank pushed onto a top at exactly its own
    // bottom's height jams on the sharp edge (see traverse-sofa's description).
    const r = await solve({
      name: 'plank-elsewhere',
      command: 'Get onto the far platform.',
      robot: { kind: 'quadruped', start: [-0.6, 0.6, 0.3] },
      objects: [
        { name: 'near', size: [2.0, 4.0, 0.3], position: [0, 0, 0.15], movable: false },
        { name: 'far', size: [0.8, 0.8, 0.28], position: [1.7, 0, 0.14], movable: false },
        { name: 'plank', size: [1.0, 0.35, 0.05], position: [0.5, -1.0, 0.325], mass: 3 },
      ],
      goal: { type: 'robot-on', object: 'far' },
    });
    expect(r.reason).toMatch(/stands on far/);
    expect(r.success).toBe(true);
    expect(r.program).toContain('push_to_position("plank"');
  });
});
