import { describe, expect, it } from 'vitest';
import { TASKS, loadScene } from '../../src/scene/file.ts';
import type { Scene } from '../../src/scene/schema.ts';
import { randomVariant, withPoseNoise } from '../../src/scene/variants.ts';
import { sceneSanityProblems } from '../../src/scene/sanity.ts';

const top = (s: Scene, name: string): number => {
  const o = s.objects.find((x) => x.name === name)!;
  return o.position[2] + o.size[2] / 2;
};

describe('benchmark variants', () => {
  it('climb-sofa: box heights vary, but every step the robot could climb stays climbable and no other becomes so', async () => {
    const base = await loadScene('climb-sofa');
    const stepUp = base.robot.kind === 'quadruped' ? base.robot.stepUp : NaN;
    const heights = new Set<number>();
    for (let seed = 1; seed <= 60; seed++) {
      const v = randomVariant(base, { seed, rename: false });
      const [b1, b2, sofa] = [top(v, 'box_1'), top(v, 'box_2'), top(v, 'sofa')];
      heights.add(Math.round(b1 * 1e5));
      // The staircase floor → box_1 → box_2 → sofa stays walkable...
      expect(b1).toBeLessThanOrEqual(stepUp + 1e-9);
      expect(b2 - b1).toBeLessThanOrEqual(stepUp + 1e-9);
      expect(sofa - b2).toBeLessThanOrEqual(stepUp + 1e-9);
      // ...and no shortcut appears: the sofa and box_2 stay out of reach from the floor.
      expect(b2).toBeGreaterThan(stepUp);
      expect(sofa - b1).toBeGreaterThan(stepUp);
    }
    expect(heights.size).toBeGreaterThan(20);
  });

  it('keeps stacked objects resting on their (rescaled) supports', async () => {
    // The vase stands on the sofa; the can in grasp-can stands on its ledge.
    const bases = [await loadScene('push-vase'), await loadScene('grasp-can')];
    let checked = 0;
    for (const base of bases) {
      for (let seed = 1; seed <= 20; seed++) {
        const v = randomVariant(base, { seed, rename: false });
        for (const o of base.objects) {
          const support = base.objects.find((b) => b !== o && Math.abs(o.position[2] - o.size[2] / 2 - (b.position[2] + b.size[2] / 2)) < 1e-6);
          if (!support) continue;
          const vo = v.objects.find((x) => x.name === o.name)!;
          expect(vo.position[2] - vo.size[2] / 2).toBeCloseTo(top(v, support.name), 9);
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThan(0);
  });

  it('renames every object, the goal and the command consistently', async () => {
    const base = await loadScene('push-vase');
    const v = randomVariant(base, { seed: 5 });
    const names = v.objects.map((o) => o.name);
    expect(names.every((n) => /^obj_[0-9a-z]+$/.test(n))).toBe(true);
    expect(new Set(names).size).toBe(names.length);
    expect(names).toContain(v.goal.object);
    for (const o of base.objects) expect(v.command).not.toMatch(new RegExp(`\\b${o.name}\\b`));
  });

  it('no variant of any task starts with one object inside another', async () => {
    const bottom = (o: Scene['objects'][number]): number => o.position[2] - o.size[2] / 2;
    const topOf = (o: Scene['objects'][number]): number => o.position[2] + o.size[2] / 2;
    let pairs = 0;
    for (const task of TASKS) {
      const base = await loadScene(task);
      for (let seed = 1; seed <= 20; seed++) {
        // Simple objects only: a compound's bounding box is not its shape.
        const objs = randomVariant(base, { seed, rename: false }).objects.filter((o) => !o.parts);
        for (const [i, a] of objs.entries()) {
          for (const b of objs.slice(i + 1)) {
            if (!(bottom(a) < topOf(b) - 0.001 && bottom(b) < topOf(a) - 0.001)) continue;
            pairs++;
            const gap = Math.max(...[0, 1].map((k) => Math.abs(a.position[k]! - b.position[k]!) - (a.size[k]! + b.size[k]!) / 2));
            expect(gap, `${task} seed ${seed}: ${a.name} and ${b.name}`).toBeGreaterThan(-0.001);
          }
        }
      }
    }
    expect(pairs).toBeGreaterThan(100);
  });

  it('a board lying on a cloth on a sofa stays on the cloth (the highest support), not sunk into it', async () => {
    const base = await loadScene('traverse-sofa');
    const v = randomVariant(base, { seed: 2, rename: false });
    const board = v.objects.find((o) => o.name === 'surfboard')!;
    expect(board.position[2] - board.size[2] / 2).toBeCloseTo(top(v, 'cloth'), 9);
  });

  it('every variant and every pose-noise copy of every task passes the scene sanity checks (compound objects included)', async () => {
    let checked = 0;
    for (const task of TASKS) {
      const base = await loadScene(task);
      for (let seed = 1; seed <= 40; seed++) {
        for (const [what, v] of [
          ['variant', randomVariant(base, { seed })],
          ['pose noise', withPoseNoise(base, { seed, poseNoise: 0.01 })],
        ] as const) {
          expect(sceneSanityProblems(v), `${task} ${what} seed ${seed}`).toEqual([]);
          checked++;
        }
      }
    }
    expect(checked).toBe(TASKS.length * 80);
  });
});
