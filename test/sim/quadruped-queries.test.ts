import { describe, expect, it } from 'vitest';
import { loadScene } from '../../src/scene/file.ts';
import { createSim } from '../../src/sim/create.ts';
import { seededRandom } from '../../src/scene/random.ts';
import { RawQueries, downRayToi, fixedBoxOf } from '../../src/sim/quadruped/index.ts';

/**
 * The quadruped's locomotion controller answers its downward ray casts without Rapier's
 * high-level wrapper (raw bindings with reused vectors) and, over fixed boxes, by replaying
 * Rapier's single-precision ray-box arithmetic. Both must give exactly what `World.castRay`
 * gives; these tests catch a Rapier upgrade that changes either.
 */
describe('quadruped ray queries match World.castRay exactly', () => {
  for (const task of ['traverse-sofa', 'push-vase', 'climb-sofa']) {
    it(`${task}: raw casts and the fixed-box arithmetic`, async () => {
      const sim = await createSim(await loadScene(task));
      const { R, world } = sim;
      const rand = seededRandom(11);
      const queries = new RawQueries(R, world);
      const ray = new R.Ray({ x: 0, y: 0, z: 0 }, { x: 0, y: 0, z: -1 });
      let boxes = 0;
      let compared = 0;
      let hits = 0;
      // Scene queries see colliders once a step has put them in the broad phase.
      world.step();
      try {
        // Anywhere over the scene: the raw cast finds the same collider at the same distance.
        for (let i = 0; i < 400; i++) {
          const [x, y, z] = [-1 + rand() * 5, -1.5 + rand() * 3.5, rand() * 0.8];
          ray.origin = { x, y, z };
          const hit = world.castRay(ray, 1, true);
          const toi = queries.castDown(x, y, z, 1, -1);
          expect(toi).toBe(hit ? hit.timeOfImpact : -1);
          if (hit) {
            expect(queries.hitCollider).toBe(hit.collider.handle);
            hits++;
          }
        }
        expect(hits).toBeGreaterThan(100);
        // Inside each fixed box's footprint: the arithmetic equals Rapier's cast against that box alone.
        world.forEachCollider((c) => {
          const box = fixedBoxOf(R, c);
          if (!box) return;
          boxes++;
          for (let i = 0; i < 200; i++) {
            const u = (rand() * 2 - 1) * box.hx * 0.999;
            const v = (rand() * 2 - 1) * box.hy * 0.999;
            const x = box.x + u * box.c - v * box.s;
            const y = box.y + u * box.s + v * box.c;
            const z = box.top + rand() * 0.5;
            const maxToi = rand() * 0.6;
            ray.origin = { x, y, z };
            const hit = world.castRay(ray, maxToi, true, undefined, undefined, undefined, undefined, (o) => o.handle === c.handle);
            expect(downRayToi(box, z, maxToi)).toBe(hit ? hit.timeOfImpact : -1);
            compared++;
          }
        });
        expect(boxes).toBeGreaterThan(0);
        expect(compared).toBe(boxes * 200);
      } finally {
        queries.free();
        sim.free();
      }
    });
  }
});
