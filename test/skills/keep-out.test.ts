import { describe, expect, it } from 'vitest';
import { rejection } from '../helpers/async.ts';
import { createSim } from '../../src/sim/create.ts';
import { forwardKinematics, solveIk } from '../../src/sim/arm-kinematics.ts';
import { loadScene } from '../../src/scene/file.ts';
import { Scene, type SceneInput } from '../../src/scene/schema.ts';
import { SafetyEnvelope } from '../../src/skills/safety.ts';
import { SafetyError } from '../../src/skills/sandbox-errors.ts';
import { SimBackend } from '../../src/sim/backend/sim-backend.ts';
import { FakeBackend } from './fake-backend.ts';

type Vec3 = [number, number, number];
type Zone = { name: string; min: Vec3; max: Vec3 };

const refusal = (p: Promise<unknown>): Promise<unknown> => rejection(p, 'expected the envelope to refuse the call');

/** An envelope around a fresh simulated world of `task` with `zones` (and `margin`) added to the scene. */
async function simEnvelope(task: string, zones: Zone[], margin?: number) {
  const base = await loadScene(task);
  const scene = { ...base, keepOut: zones, ...(margin === undefined ? {} : { keepOutMargin: margin }) };
  const sim = await createSim(scene);
  const backend = new SimBackend(sim);
  return { sim, backend, env: new SafetyEnvelope(backend) };
}

describe('whole-body keep-out', () => {
  it('refuses a path that keeps the gripper centre 2 cm from a post but puts the palm into it', async () => {
    const post: Zone = { name: 'post', min: [0.3, 0.05, 0], max: [0.32, 0.07, 0.2] };
    const { sim, backend, env } = await simEnvelope('reach-milk', [post], 0);
    try {
      await env.call('move_to_position', [[0.25, 0.03, 0.1]]);
      const err = await refusal(env.call('move_to_position', [[0.35, 0.03, 0.1]]));
      expect(err).toBeInstanceOf(SafetyError);
      expect(err).toMatchObject({ rule: 'keep-out' });
      expect((err as Error).message).toMatch(/the (palm|fingerLeft|toolLink) would come within 0 m of the keep-out zone "post"/);
      // The tool point alone (a backend without a geometry model) passes: that was the gap.
      const pointOnly = new SafetyEnvelope(new FakeBackend({ safety: { keepOut: [post], keepOutMargin: 0 }, start: [0.25, 0.03, 0.1] }));
      await pointOnly.call('move_to_position', [[0.35, 0.03, 0.1]]);
      expect(sim.robot!.position()[0]).toBeCloseTo(0.25, 3);
      void backend;
    } finally {
      sim.free();
    }
  });

  it('refuses a move that sweeps the forearm through a 6 cm box far from the gripper', async () => {
    const base: Vec3 = [0, 0, 0];
    const target: Vec3 = [0.3, 0.2, 0.1];
    const p = forwardKinematics(base, solveIk(base, target, 0, [0, 0, 0, 0, 0, 0]));
    const mid = [0, 1, 2].map((i) => (p.elbow[i]! + p.wrist[i]!) / 2) as Vec3;
    expect(Math.hypot(mid[0] - target[0], mid[1] - target[1], mid[2] - target[2])).toBeGreaterThan(0.2);
    const camera: Zone = { name: 'camera', min: [mid[0] - 0.03, mid[1] - 0.03, mid[2] - 0.03], max: [mid[0] + 0.03, mid[1] + 0.03, mid[2] + 0.03] };
    const { sim, env } = await simEnvelope('reach-milk', [camera]);
    try {
      const err = await refusal(env.call('move_to_position', [target]));
      expect((err as Error).message).toMatch(/the (upperArm|forearm|wrist) would come within 0.02 m of the keep-out zone "camera" at/);
      expect(sim.robot!.position()).toEqual([0.25, 0, 0.25].map((v) => expect.closeTo(v, 6)));
    } finally {
      sim.free();
    }
  });

  it('carries the held stick\'s shape with the gripper: lifting it into a zone 30 cm ahead is refused', async () => {
    const shelf: Zone = { name: 'shelf', min: [0.7, -0.2, 0.12], max: [0.8, -0.06, 0.3] };
    const { sim, env } = await simEnvelope('grasp-can', [shelf]);
    try {
      const g = (await env.call('get_graspable_point', ['stick'])).value as Vec3;
      await env.call('move_to_position', [[g[0], g[1], g[2] + 0.06]]);
      await env.call('move_to_position', [g]);
      expect((await env.call('close_gripper', [])).status).toBe('grasped');
      const err = await refusal(env.call('move_to_position', [[g[0], g[1], 0.2]]));
      expect((err as Error).message).toMatch(/the stick would come within 0.02 m of the keep-out zone "shelf"/);
      // The same lift with nothing held is fine.
      await env.call('open_gripper', []);
      await env.call('move_to_position', [[g[0], g[1], g[2] + 0.06]]);
      expect((await env.call('move_to_position', [[g[0], g[1], 0.2]])).status).toBe('reached');
    } finally {
      sim.free();
    }
  });

  it('decides a path that exactly touches a box corner as a hit (no rounding gap), with no margin', async () => {
    const zone: Zone = { name: 'corner', min: [0.3, 0.1, 0], max: [0.4, 0.2, 0.3] };
    // y = 0.4 - x meets the box only at its corner (0.3, 0.1).
    const backend = new FakeBackend({ safety: { keepOut: [zone], keepOutMargin: 0 }, start: [0.2, 0.2, 0.1] });
    const err = await refusal(new SafetyEnvelope(backend).call('move_to_position', [[0.4, 0, 0.1]]));
    expect(err).toMatchObject({ rule: 'keep-out' });
    expect(backend.received).toEqual([]);
    // Passing 1 mm beside the corner is allowed without a margin, refused with the default one.
    const beside = new FakeBackend({ safety: { keepOut: [zone], keepOutMargin: 0 }, start: [0.199, 0.2, 0.1] });
    await new SafetyEnvelope(beside).call('move_to_position', [[0.399, 0, 0.1]]);
    expect(beside.received).toHaveLength(1);
    const withMargin = new FakeBackend({ safety: { keepOut: [zone] }, start: [0.199, 0.2, 0.1] });
    expect(await refusal(new SafetyEnvelope(withMargin).call('move_to_position', [[0.399, 0, 0.1]]))).toMatchObject({ rule: 'keep-out' });
  });

  it('refuses inverted keep-out boxes: a schema error in a scene, a RangeError in the envelope', async () => {
    const input = (await loadScene('reach-milk')) as SceneInput;
    const bad = Scene.safeParse({ ...input, keepOut: [{ name: 'flipped', min: [0.3, 0.1, 0], max: [0.2, 0.2, 0.3] }] });
    expect(bad.success).toBe(false);
    expect(bad.error!.issues[0]!.path).toEqual(['keepOut', 0, 'min', 0]);
    expect(bad.error!.issues[0]!.message).toMatch(/min must not be above max/);
    expect(() => new SafetyEnvelope(new FakeBackend({ safety: { keepOut: [{ name: 'flipped', min: [0.3, 0, 0], max: [0.2, 1, 1] }] } }))).toThrow(
      /keep-out zone "flipped" is inverted or not finite on x/,
    );
    expect(Scene.parse(input).keepOutMargin).toBe(0.02);
  });

  it('checks the quadruped\'s footprint along its walk, not just its centre', async () => {
    const zone: Zone = { name: 'rack', min: [1, 0.2, 0], max: [1.2, 0.6, 0.5] };
    const { sim, env } = await simEnvelope('traverse-sofa', [zone]);
    try {
      const at = sim.robot!.position();
      // The centre line passes 20 cm from the rack; the body is 30 cm wide and 65 cm long.
      const err = await refusal(env.call('walk_to_position', [[at[0] + 1.5, 0, 0]]));
      expect((err as Error).message).toMatch(/footprint \(radius 0\.358 m\) would come within 0.02 m of the keep-out zone "rack"/);
    } finally {
      sim.free();
    }
  });
});
