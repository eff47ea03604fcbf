import { describe, expect, it } from 'vitest';
import { rejection } from '../helpers/async.ts';
import { SafetyEnvelope } from '../../src/skills/safety.ts';
import { ArgumentError, EStopError, SafetyError } from '../../src/skills/sandbox-errors.ts';
import { FakeBackend } from './fake-backend.ts';

type Vec3 = [number, number, number];
const WORKSPACE = { min: [0, -0.25, 0.01] as Vec3, max: [0.45, 0.25, 0.3] as Vec3 };
const ZONE = { name: 'camera', min: [0.3, 0.15, 0] as Vec3, max: [0.45, 0.25, 0.3] as Vec3 };

const refusal = (p: Promise<unknown>): Promise<unknown> => rejection(p, 'expected the envelope to refuse the call');

describe('safety envelope', () => {
  it('clamps a target outside the workspace, warns, and reports clamped', async () => {
    const backend = new FakeBackend({ safety: { workspace: WORKSPACE, workspacePolicy: 'clamp' } });
    const r = await new SafetyEnvelope(backend).call('move_to_position', [[0.6, 0, 0.1]]);
    expect(backend.received[0]?.args).toEqual([[0.45, 0, 0.1]]);
    expect(r.status).toBe('clamped');
    expect(r.warnings[0]).toMatch(/outside the workspace.*clamped to \(0\.450, 0\.000, 0\.100\)/);
  });

  it('refuses a target outside the workspace under the reject policy and stops the robot', async () => {
    const backend = new FakeBackend({ safety: { workspace: WORKSPACE, workspacePolicy: 'reject' } });
    const err = await refusal(new SafetyEnvelope(backend).call('move_to_position', [[0.6, 0, 0.1]]));
    expect(err).toBeInstanceOf(SafetyError);
    expect(err).toMatchObject({ rule: 'workspace', skill: 'move_to_position' });
    expect(backend.received).toEqual([]);
    expect(backend.stops).toHaveLength(1);
  });

  it('refuses a target inside a keep-out zone, and a straight path through one', async () => {
    const backend = new FakeBackend({ safety: { workspace: WORKSPACE, keepOut: [ZONE] }, start: [0.25, 0, 0.2] });
    const env = new SafetyEnvelope(backend);
    expect(await refusal(env.call('move_to_position', [[0.4, 0.2, 0.1]]))).toMatchObject({ rule: 'keep-out' });
    await env.call('move_to_position', [[0.25, 0.2, 0.2]]);
    const err = await refusal(env.call('move_to_position', [[0.45, 0.1, 0.2]]));
    expect(err).toMatchObject({ rule: 'keep-out' });
    expect((err as Error).message).toMatch(/keep-out zone "camera" on the straight path \(0\.250, 0\.200, 0\.200\) → \(0\.450, 0\.100, 0\.200\)/);
    expect(backend.received).toHaveLength(1);
  });

  it('names the skill, the argument and what was expected for wrong arguments', async () => {
    const env = new SafetyEnvelope(new FakeBackend());
    const err = await refusal(env.call('get_center', [42]));
    expect(err).toBeInstanceOf(ArgumentError);
    expect(err).toMatchObject({ skill: 'get_center', argument: 'obj', expected: expect.stringMatching(/object name/) });
    expect((err as Error).message).toMatch(/^get_center\(obj\): argument obj is 42; expected obj = an object name/);
  });

  it('refuses skills of another robot and unknown names', async () => {
    const env = new SafetyEnvelope(new FakeBackend());
    expect(await refusal(env.call('walk_to_position', [[1, 0, 0]]))).toMatchObject({ rule: 'capability' });
    expect(await refusal(env.call('launch_missiles', []))).toMatchObject({ rule: 'capability' });
  });

  it('stops the robot when a motion reports a speed over the limit', async () => {
    const backend = new FakeBackend({ safety: { maxSpeed: 0.2 }, speed: 1 });
    const err = await refusal(new SafetyEnvelope(backend).call('move_to_position', [[0.25, 0.2, 0.25]]));
    expect(err).toMatchObject({ rule: 'speed' });
    expect(backend.stops).toHaveLength(1);
  });

  it('stops the robot when a motion reports a force over the limit', async () => {
    const backend = new FakeBackend({
      safety: { maxForce: 20 },
      reply: (skill) => (skill === 'close_gripper' ? { value: { status: 'grasped', force: 55 }, status: 'grasped', warnings: [], seconds: 0.2 } : undefined),
    });
    expect(await refusal(new SafetyEnvelope(backend).call('close_gripper', []))).toMatchObject({ rule: 'force' });
  });

  it('latches an e-stop, cuts off the motion in flight, and holds until released', async () => {
    const backend = new FakeBackend({ motionMs: 5_000 });
    const env = new SafetyEnvelope(backend);
    const moving = refusal(env.call('move_to_position', [[0.3, 0, 0.1]]));
    await new Promise((r) => setTimeout(r, 10));
    await env.eStop('button pressed');
    expect(await moving).toBeInstanceOf(EStopError);
    expect(await refusal(env.call('get_center', ['milk']))).toBeInstanceOf(EStopError);
    expect(env.eStopReason).toBe('button pressed');
    env.release();
    expect(env.eStopReason).toBeNull();
    await expect(env.call('get_center', ['milk'])).resolves.toMatchObject({ status: 'ok' });
  });

  it('is one envelope per backend, so that a latch holds across programs', () => {
    const backend = new FakeBackend();
    expect(SafetyEnvelope.for(backend)).toBe(SafetyEnvelope.for(backend));
  });
});
