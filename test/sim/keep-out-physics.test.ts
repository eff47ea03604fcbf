import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type RAPIER from '@dimforge/rapier3d-compat';
import { createSim } from '../../src/sim/create.ts';
import { Scene, type SceneInput } from '../../src/scene/schema.ts';
import type { SimWorld } from '../../src/sim/world.ts';
import { SimBackend } from '../../src/sim/backend/sim-backend.ts';
import { runProgram } from '../../src/skills/sandbox.ts';

/**
 * The envelope's whole-body keep-out check, judged by the simulator's own geometry: after
 * every physics step, every collider of the robot (links drawn only included) and of what it
 * holds is tested against each keep-out box with Rapier's exact shape intersection. The
 * envelope's own math (solids, sweep) plays no part in the judgement; the scenes' margin is 0,
 * so that the sweep alone keeps the robot out. (Removing the forearm and the held parts from
 * the simulator's solids makes the arm property fail at seed 17.)
 */

type Vec3 = [number, number, number];
type Zone = { name: string; min: Vec3; max: Vec3 };

/** Colliders of the robot's bodies and of everything it holds. */
function robotColliders(sim: SimWorld): { name: string; col: RAPIER.Collider }[] {
  const out: { name: string; col: RAPIER.Collider }[] = [];
  for (const h of sim.robot!.bodyHandles()) {
    const body = sim.world.getRigidBody(h);
    for (let i = 0; i < body.numColliders(); i++) out.push({ name: `robot body ${h}`, col: body.collider(i) });
  }
  for (const name of sim.robot!.held()) for (const c of sim.handles(name).colliders) out.push({ name, col: sim.world.getCollider(c) });
  return out;
}

/** A per-step watcher: records every step in which a robot or held collider intersects a zone. */
function watch(sim: SimWorld, zones: Zone[]): { violations: string[]; steps: () => number; onFrame: (s: SimWorld) => void } {
  const shapes = zones.map((z) => ({
    z,
    shape: new sim.R.Cuboid((z.max[0] - z.min[0]) / 2, (z.max[1] - z.min[1]) / 2, (z.max[2] - z.min[2]) / 2),
    centre: { x: (z.min[0] + z.max[0]) / 2, y: (z.min[1] + z.max[1]) / 2, z: (z.min[2] + z.max[2]) / 2 },
  }));
  const identity = { x: 0, y: 0, z: 0, w: 1 };
  const violations: string[] = [];
  let steps = 0;
  return {
    violations,
    steps: () => steps,
    onFrame: (s) => {
      steps++;
      for (const { name, col } of robotColliders(s)) {
        for (const { z, shape, centre } of shapes) {
          if (col.intersectsShape(shape, centre, identity)) violations.push(`t=${s.time.toFixed(3)}: ${name} inside "${z.name}"`);
        }
      }
    },
  };
}

const ARM_SCENE: SceneInput = {
  name: 'keep-out-arm',
  command: 'hold the stick',
  robot: { kind: 'arm', workspace: { min: [0, -0.25, 0.01], max: [0.45, 0.25, 0.3] } },
  objects: [
    { name: 'stick', size: [0.16, 0.03, 0.03], position: [0.3, -0.1, 0.015], magnetic: true, mass: 0.05, graspablePoint: [0.25, -0.1, 0.015] },
    // Touching the stick's far end: the magnets join them, and the pair is carried as one tool.
    { name: 'cube', size: [0.03, 0.03, 0.03], position: [0.395, -0.1, 0.015], magnetic: true, mass: 0.05 },
  ],
  goal: { type: 'grasped', object: 'stick' },
};

const QUADRUPED_SCENE: SceneInput = {
  name: 'keep-out-quadruped',
  command: 'walk',
  robot: { kind: 'quadruped', start: [0, 0, 0] },
  objects: [{ name: 'crate', size: [0.2, 0.2, 0.2], position: [4, 4, 0.1], movable: false }],
  goal: { type: 'within-reach', object: 'crate' },
};

const overlaps = (a: Zone, b: { min: Vec3; max: Vec3 }): boolean => [0, 1, 2].every((i) => a.min[i]! <= b.max[i]! && b.min[i]! <= a.max[i]!);

/** A uniformly drawn number in [min, max] (fast-check's default bias crowds values at 0 and the bounds). */
const num = (min: number, max: number) => fc.noBias(fc.integer({ min: 0, max: 10_000 })).map((k) => min + ((max - min) * k) / 10_000);

const zone = (lo: Vec3, hi: Vec3, maxHalf: number) =>
  fc
    .record({
      c: fc.tuple(num(lo[0], hi[0]), num(lo[1], hi[1]), num(lo[2], hi[2])),
      h: fc.tuple(num(0.005, maxHalf), num(0.005, maxHalf), num(0.005, maxHalf)),
    })
    .map(({ c, h }) => ({ min: [c[0] - h[0], c[1] - h[1], Math.max(0, c[2] - h[2])] as Vec3, max: [c[0] + h[0], c[1] + h[1], c[2] + h[2]] as Vec3 }));

const fmt = (v: readonly number[]): string => `[${v.map((x) => x.toFixed(4)).join(', ')}]`;

describe('no physics step puts the robot or what it holds inside a keep-out box (Rapier\'s own geometry)', () => {
  it('the arm, over random paths, with and without a held magnet-joined tool', async () => {
    const scene = Scene.parse(ARM_SCENE);
    // Where the tool lies: a zone there would have the fingers in it to grasp (refused), or the tool held inside from the start.
    const toolArea = { min: [0.2, -0.13, 0] as Vec3, max: [0.42, -0.07, 0.04] as Vec3 };
    const target = fc.tuple(num(0.05, 0.45), num(-0.25, 0.25), num(0.03, 0.3));
    let moved = 0;
    let carried = 0;
    let refused = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.boolean(),
        fc.array(zone([0, -0.35, 0], [0.6, 0.35, 0.45], 0.06), { minLength: 1, maxLength: 2 }),
        fc.array(target, { minLength: 1, maxLength: 3 }),
        async (hold, boxes, targets) => {
          const zones = boxes.filter((b) => !overlaps({ name: '', ...b }, toolArea)).map((b, i) => ({ name: `zone${i}`, ...b }));
          const sim = await createSim({ ...scene, keepOut: zones, keepOutMargin: 0 });
          try {
            const w = watch(sim, zones);
            const grasp = hold ? 'move_to_position([0.25, -0.1, 0.075]); move_to_position([0.25, -0.1, 0.015]); close_gripper();\n' : '';
            const source = grasp + targets.map((t) => `move_to_position(${fmt(t)});`).join('\n');
            const run = await runProgram(source, new SimBackend(sim, { frameEvery: 1, onFrame: w.onFrame }));
            expect(w.violations.slice(0, 3), source).toEqual([]);
            if (run.calls.some((c) => c.skill === 'move_to_position' && c.status === 'reached')) moved++;
            if (sim.robot!.held().length === 2 && run.calls.at(-1)?.status === 'reached') carried++;
            if (run.error?.type === "SafetyError") refused++;
          } finally {
            sim.free();
          }
        },
      ),
      { numRuns: 16, seed: 17, endOnFailure: true },
    );
    // Not vacuous: moves ran, the joined pair was carried, and the envelope refused some.
    expect(moved).toBeGreaterThan(4);
    expect(carried).toBeGreaterThan(0);
    expect(refused).toBeGreaterThan(0);
  });

  it('the quadruped, over random walks', async () => {
    const scene = Scene.parse(QUADRUPED_SCENE);
    const target = fc.tuple(num(-1.5, 1.5), num(-1.5, 1.5));
    let moved = 0;
    let refused = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(zone([-1.5, -1.5, 0], [1.5, 1.5, 0.5], 0.15), { minLength: 1, maxLength: 2 }), fc.array(target, { minLength: 1, maxLength: 2 }), async (boxes, targets) => {
        const zones = boxes.map((b, i) => ({ name: `zone${i}`, ...b }));
        const sim = await createSim({ ...scene, keepOut: zones, keepOutMargin: 0 });
        try {
          const w = watch(sim, zones);
          const source = targets.map((t) => `walk_to_position([${t[0]}, ${t[1]}, 0]);`).join('\n');
          const run = await runProgram(source, new SimBackend(sim, { frameEvery: 1, onFrame: w.onFrame }));
          expect(w.violations.slice(0, 3), source).toEqual([]);
          if (run.calls.some((c) => c.status === 'reached')) moved++;
          if (run.error?.type === "SafetyError") refused++;
        } finally {
          sim.free();
        }
      }),
      { numRuns: 16, seed: 17, endOnFailure: true },
    );
    expect(moved).toBeGreaterThan(2);
    expect(refused).toBeGreaterThan(2);
  });
});
