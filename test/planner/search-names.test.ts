import { describe, expect, it } from 'vitest';
import { loadScene, TASKS } from '../../src/scene/file.ts';
import type { Scene } from '../../src/scene/schema.ts';
import { randomVariant } from '../../src/scene/variants.ts';
import { createSim } from '../../src/sim/create.ts';
import { observeGroundTruth } from '../../src/sim/ground-truth.ts';
import { parseGoal } from '../../src/planner/goal-parse.ts';
import { runSimEpisode } from '../../src/episode/sim-episode.ts';
import { searchPlan, searchPlanner } from '../../src/planner/search/search-planner.ts';
import { sandboxRunner } from '../../src/episode/sandbox-runner.ts';

/** The search planner's candidates for a scene, without running them. */
async function plan(s: Scene): Promise<ReturnType<typeof searchPlan>> {
  const sim = await createSim(s);
  try {
    const obs = observeGroundTruth(sim);
    return searchPlan(obs, parseGoal(s.command, obs));
  } finally {
    sim.free();
  }
}

/** Rewrites every old name in `text` to its new name. */
function renamer(from: Scene, to: Scene): (text: string) => string {
  const names = new Map(from.objects.map((o, i) => [o.name, to.objects[i]!.name]));
  const re = new RegExp(`\\b(${[...names.keys()].sort((x, y) => y.length - x.length).join('|')})\\b`, 'g');
  return (text) => text.replace(re, (m) => names.get(m)!);
}

async function outcome(scene: Scene): Promise<{ success: boolean; program: string }> {
  const events = await runSimEpisode({ scene, command: scene.command, planner: searchPlanner, runProgram: sandboxRunner({}) });
  const last = events.findLast((e) => e.type === 'outcome');
  if (last?.type !== 'outcome') throw new Error('the episode ended without an outcome');
  return { success: last.success, program: last.program ?? '' };
}

describe('search planner: names carry no meaning', () => {
  for (const task of TASKS) {
    it(`${task}: renaming every object changes the candidates only by the names`, async () => {
      // The task scene (re-seated, no noise, no distractors) with and without every object renamed to obj_xxxx.
      const still = { seed: 7, positionNoise: 0, sizeNoise: 0, maxDistractors: 0 };
      const base = randomVariant(await loadScene(task), { ...still, rename: false });
      const renamed = randomVariant(await loadScene(task), { ...still, rename: true });
      expect(renamed.objects.every((o, i) => o.name !== base.objects[i]!.name && /^obj_/.test(o.name))).toBe(true);
      const a = await plan(base);
      const b = await plan(renamed);
      const rename = renamer(base, renamed);
      expect(a.candidates.length).toBeGreaterThan(0);
      expect(b.candidates.map((c) => c.program)).toEqual(a.candidates.map((c) => rename(c.program)));
      expect(b.candidates.map((c) => c.cost)).toEqual(a.candidates.map((c) => c.cost));
      expect(b.analyzer.concepts.map((c) => c.kind)).toEqual(a.analyzer.concepts.map((c) => c.kind));
    });

    it(`${task}: a randomised variant is solved with and without its names`, async () => {
      const base = await loadScene(task);
      const named = randomVariant(base, { seed: 3, rename: false });
      const renamed = randomVariant(base, { seed: 3, rename: true });
      const [a, b] = [await outcome(named), await outcome(renamed)];
      expect(a.success).toBe(true);
      expect(b.success).toBe(true);
      expect(b.program).toBe(renamer(named, renamed)(a.program));
    });
  }
});
