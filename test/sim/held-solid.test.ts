import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createSim } from '../../src/sim/create.ts';
import { loadScene, scenesDir } from '../../src/scene/file.ts';
import type { SimWorld } from '../../src/sim/world.ts';
import { SimBackend } from '../../src/sim/backend/sim-backend.ts';
import { runReference } from '../helpers/run-reference.ts';

/** Deepest penetration (m) of any of `parts`' colliders into the fixed colliders of `fixed`, by Rapier's exact query. */
function penetration(sim: SimWorld, parts: readonly string[], fixed: string): number {
  let deepest = 0;
  const housing = sim.world.getCollider(sim.handles(fixed).colliders[0]!);
  for (const p of parts) {
    for (const c of sim.handles(p).colliders) {
      const contact = housing.contactCollider(sim.world.getCollider(c), 0);
      if (contact) deepest = Math.max(deepest, -contact.distance);
    }
  }
  return deepest;
}

describe('everything the arm carries is solid', () => {
  it('a stick of three magnet-joined cubes driven into the fixed button housing stops blocked, naming the contact', async () => {
    const scene = await loadScene('press-button');
    const reference = await readFile(join(scenesDir, 'programs', 'press-button.js'), 'utf8');
    // The reference program up to the finished stick, then a move that would drive the stick
    // 6 cm down into the button (4 cm into its fixed housing below the 2 cm cap).
    const build = reference.slice(0, reference.indexOf('// Carry the stick'));
    const source = `${build}
const top = button[2] + buttonSize[2] / 2;
const x = Math.min(ws[0][1], button[0] - tipReach);
move_to_position([join3, c3[1], top + tipBelow + 0.03]);
move_to_position([x, button[1], top + tipBelow + 0.03]);
const r = move_to_position([x, button[1], top + tipBelow - 0.06]);
console.log(JSON.stringify(r));`;
    const sim = await createSim(scene);
    try {
      let deepest = 0;
      const backend = new SimBackend(sim, { frameEvery: 1, onFrame: (s) => (deepest = Math.max(deepest, penetration(s, ['cube_1', 'cube_2', 'cube_3'], 'button'))) });
      const run = await runReference(source, backend);
      expect(run.error).toBeNull();
      expect(sim.joinedGroup('cube_1').sort()).toEqual(['cube_1', 'cube_2', 'cube_3']);
      const last = run.calls.at(-1)!;
      expect(last.skill).toBe('move_to_position');
      expect(last.status).toBe('blocked');
      expect(last.message).toMatch(/cube_\d.* would run into button/);
      // Pressing the cap still happened: the button is a movable part, the housing is not.
      expect(sim.isPressed('button')).toBe(true);
      expect(deepest).toBeLessThan(0.004);
    } finally {
      sim.free();
    }
  });
});
