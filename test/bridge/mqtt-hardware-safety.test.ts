import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BridgeConnectionError, BridgeControlError, BridgeRobotLostError } from '../../src/bridge/errors.ts';
import { MqttBackend, type MqttBackendOptions } from '../../src/bridge/mqtt-backend.ts';
import type { SafetyLimits } from '../../src/skills/backend.ts';
import { SafetyEnvelope } from '../../src/skills/safety.ts';
import { EStopError, SafetyError } from '../../src/skills/sandbox-errors.ts';
import { rejection } from '../helpers/async.ts';
import { ARM_OBSERVATION, FakeMqttRobot, type FakeRobotOptions } from './fake-mqtt-robot.ts';
import { hasMosquitto, MOSQUITTO, startMosquitto, type Broker } from './mosquitto.ts';

const LIMITS: SafetyLimits = { workspace: { min: [0, -0.25, 0.01], max: [0.45, 0.25, 0.3] }, workspacePolicy: 'reject', maxSpeed: 0.2 };
const motions = (robot: FakeMqttRobot): string[] => robot.requests.filter((r) => !r.skill.startsWith('get_')).map((r) => r.skill);

describe.skipIf(!hasMosquitto)(`MQTT robot: confirmed state, one controller, faults (skipped: ${MOSQUITTO} is not installed)`, () => {
  let broker: Broker;
  const open: { close(): Promise<void> }[] = [];

  beforeAll(async () => {
    broker = await startMosquitto();
  });
  afterAll(async () => {
    for (const c of open) await c.close().catch(() => undefined);
    await broker?.stop();
  });

  async function robotAt(url: string, prefix = `hw-${randomUUID().slice(0, 8)}`, opts: FakeRobotOptions = {}): Promise<FakeMqttRobot> {
    const robot = await FakeMqttRobot.start(url, prefix, opts);
    open.push(robot);
    return robot;
  }

  async function backendFor(robot: FakeMqttRobot, url = broker.url, opts: Partial<MqttBackendOptions> = {}): Promise<MqttBackend> {
    const backend = await MqttBackend.connect(url, { robot: 'arm', prefix: robot.topics.request.split('/')[0]!, timeoutMs: 3000, safety: LIMITS, ...opts });
    open.push(backend);
    return backend;
  }

  it('a robot whose motion reports carry no position: the next motion is refused before it is sent', async () => {
    const robot = await robotAt(broker.url, undefined, { heartbeatMs: 0 });
    await robot.publishObservation(ARM_OBSERVATION);
    robot.reply = (req) => ({ json: { id: req.id, status: 'reached', value: { status: 'reached' }, seconds: 0.5 }, delayMs: 500 });
    const env = new SafetyEnvelope(await backendFor(robot));
    await env.call('move_to_position', [[0.3, 0, 0.2]]);
    const err = await rejection(env.call('move_to_position', [[0.3, 0.1, 0.2]]));
    expect(err).toBeInstanceOf(SafetyError);
    expect(err).toMatchObject({ rule: 'confirmed-state' });
    expect((err as Error).message).toMatch(/refused before anything was sent: the robot's position is not confirmed: the robot's report of move_to_position carried no position \(value\.position\)/);
    expect(motions(robot)).toEqual(['move_to_position']);
    await robot.waitFor(() => robot.stops.some((s) => /^safety: /.test(s.reason)));
  });

  it('the same robot publishing its pose as it should is not refused: a newer observation confirms the pose', async () => {
    const robot = await robotAt(broker.url, undefined, { heartbeatMs: 100 });
    await robot.publishObservation(ARM_OBSERVATION);
    robot.reply = (req) => ({ json: { id: req.id, status: 'reached', value: { status: 'reached' }, seconds: 0.5 }, delayMs: 500 });
    const env = new SafetyEnvelope(await backendFor(robot));
    await env.call('move_to_position', [[0.3, 0, 0.2]]);
    await env.call('move_to_position', [[0.3, 0.1, 0.2]]);
    expect(motions(robot)).toEqual(['move_to_position', 'move_to_position']);
  });

  it('a stale retained observation (old stamp, or none) refuses the first motion before anything is sent', async () => {
    for (const [stamp, why] of [
      [Date.now() - 60_000, /the robot's last reported pose \(observation, seq \d+\) is \d+ ms old, older than the 1000 ms freshness window/],
      [null, /the observation on .* carried no time stamp \(stamp\)/],
    ] as const) {
      const robot = await robotAt(broker.url, undefined, { heartbeatMs: 0 });
      // Left on the broker by a robot adapter that is gone; this one answers control but publishes nothing.
      await robot.publishObservation(ARM_OBSERVATION, { stamp });
      const backend = await backendFor(robot);
      expect((await backend.observe()).robot).toMatchObject({ gripper: [0.25, 0, 0.25] });
      const err = await rejection(new SafetyEnvelope(backend).call('move_to_position', [[0.3, 0, 0.2]]));
      expect(err).toMatchObject({ rule: 'confirmed-state' });
      expect((err as Error).message).toMatch(why);
      expect(robot.requests).toEqual([]);
    }
  });

  it('a second controller is refused, naming the first; it gets control once the first has released it', async () => {
    const robot = await robotAt(broker.url);
    await robot.publishObservation(ARM_OBSERVATION);
    const first = await backendFor(robot, broker.url, { controllerName: 'alice@lab-pc pid 1' });
    const err = await rejection(backendFor(robot, broker.url, { controllerName: 'bob@laptop pid 2' }));
    expect(err).toBeInstanceOf(BridgeControlError);
    expect((err as Error).message).toBe(
      `the robot on prefix "${robot.topics.request.split('/')[0]}" is controlled by ${first.clientId} (alice@lab-pc pid 1); this robotool (${(err as BridgeControlError).message.match(/this robotool \((robotool-[0-9a-f]+)\)/)![1]}) was refused control: another controller holds the robot`,
    );
    expect((err as BridgeControlError).holder).toEqual({ client: first.clientId, name: 'alice@lab-pc pid 1' });
    expect(robot.requests).toEqual([]);
    // The first keeps working; the robot never saw a request from the second.
    await new SafetyEnvelope(first).call('move_to_position', [[0.3, 0, 0.2]]);
    expect(new Set(robot.requests.map((r) => r.client))).toEqual(new Set([first.clientId]));
    await first.close();
    expect(robot.holder).toBeNull();
    const second = await backendFor(robot, broker.url, { controllerName: 'bob@laptop pid 2' });
    expect(robot.holder?.client).toBe(second.clientId);
  });

  it('a robot reporting `seconds: 0` for a move is stopped and nothing more is sent; an implausibly long `seconds` too', async () => {
    for (const seconds of [0, 30]) {
      const robot = await robotAt(broker.url);
      await robot.publishObservation(ARM_OBSERVATION);
      robot.reply = (req) => ({ json: { id: req.id, status: 'reached', value: { status: 'reached', position: req.args[0] }, seconds } });
      const env = new SafetyEnvelope(await backendFor(robot));
      const err = await rejection(env.call('move_to_position', [[0.25, 0.1, 0.25]]));
      expect(err).toMatchObject({ rule: 'speed' });
      expect((err as Error).message).toMatch(seconds === 0 ? /reported taking 0 s: a motion's duration must be positive/ : /reported taking 30\.000 s, but the robot answered .* after the request/);
      await robot.waitFor(() => robot.stops.some((s) => /^safety: /.test(s.reason)));
      expect(motions(robot)).toEqual(['move_to_position']);
    }
  });

  it('judges speed on the robot’s own time stamps: a plausible `seconds` does not hide a fast move', async () => {
    const robot = await robotAt(broker.url, undefined, { heartbeatMs: 0 });
    await robot.publishObservation(ARM_OBSERVATION);
    const backend = await backendFor(robot);
    const env = new SafetyEnvelope(backend);
    const start = (await backend.confirmedPose({ maxAgeMs: 1000, waitMs: 1000 })) as { ok: true; pose: { stamp: number } };
    // 0.1 m "in 0.6 s" (0.17 m/s, under the limit; answered after 0.6 s, so plausible) — but stamped 50 ms after the pose it started from.
    robot.reply = (req) => ({
      json: { id: req.id, status: 'reached', value: { status: 'reached', position: req.args[0] }, seconds: 0.6, stamp: start.pose.stamp + 50 },
      delayMs: 600,
    });
    const err = await rejection(env.call('move_to_position', [[0.25, 0.1, 0.25]]));
    expect(err).toMatchObject({ rule: 'speed' });
    expect((err as Error).message).toMatch(/move_to_position moved 0\.100 m between the robot's reports stamped 0\.050 s apart \(2\.00 m\/s on the robot's clock\), over the 0\.2 m\/s limit/);
  });

  it('a robot that goes silent mid-motion: the call ends within the silence limit with BridgeRobotLostError, and a stop is sent', async () => {
    const robot = await robotAt(broker.url);
    await robot.publishObservation(ARM_OBSERVATION);
    const backend = await backendFor(robot, broker.url, { robotSilenceMs: 1000 });
    robot.reply = () => {
      robot.silent = true;
      return null;
    };
    const t0 = Date.now();
    const err = await rejection(new SafetyEnvelope(backend).call('move_to_position', [[0.3, 0, 0.2]]));
    const ms = Date.now() - t0;
    expect(err).toBeInstanceOf(BridgeRobotLostError);
    expect((err as Error).message).toMatch(/the robot went silent: nothing on .* for \d+ ms \(limit 1000 ms\)/);
    expect(ms).toBeLessThan(2500);
    expect(backend.fault).toMatchObject({ kind: 'robot-lost' });
    await robot.waitFor(() => robot.stops.some((s) => /the robot went silent/.test(s.reason)));
    expect(backend.fault?.stop).toBe('delivered');
    expect(await rejection(backend.call('open_gripper', []))).toBeInstanceOf(BridgeRobotLostError);
  });

  it('the broker killed mid-motion: the call fails at once, close() waits for the broker to return and delivers the stop', async () => {
    const own = await startMosquitto();
    let again: Broker | undefined;
    try {
      const robot = await robotAt(own.url);
      await robot.publishObservation(ARM_OBSERVATION);
      const backend = await backendFor(robot, own.url, { mqtt: { reconnectPeriod: 200 }, stopGraceMs: 10_000 });
      robot.reply = () => null;
      const failed = rejection(new SafetyEnvelope(backend).call('move_to_position', [[0.3, 0, 0.2]]));
      await robot.waitFor(() => robot.requests.length === 1);
      const t0 = Date.now();
      await own.stop();
      const err = await failed;
      expect(Date.now() - t0).toBeLessThan(5000);
      expect(err).toBeInstanceOf(BridgeConnectionError);
      expect(backend.fault).toMatchObject({ kind: 'broker-lost', stop: 'pending' });
      const closed = backend.close();
      again = await startMosquitto({ port: own.port });
      const robotAgain = await robotAt(again.url, robot.topics.request.split('/')[0]);
      await closed;
      await robotAgain.waitFor(() => robotAgain.stops.some((s) => /lost the connection to the MQTT broker/.test(s.reason)), 3000);
      expect(backend.fault?.stop).toBe('delivered');
      // The request that was in flight is not replayed to the robot after the reconnect.
      expect(robotAgain.requests).toEqual([]);
    } finally {
      await own.stop();
      await again?.stop();
    }
  });

  it('close() resolves after the grace period when the broker never returns, and says the stop was not delivered', async () => {
    const own = await startMosquitto();
    try {
      const robot = await robotAt(own.url);
      await robot.publishObservation(ARM_OBSERVATION);
      const backend = await backendFor(robot, own.url, { stopGraceMs: 800 });
      robot.reply = () => null;
      const failed = rejection(backend.call('move_to_position', [[0.3, 0, 0.2]]));
      await robot.waitFor(() => robot.requests.length === 1);
      await own.stop();
      await failed;
      const t0 = Date.now();
      await backend.close();
      expect(Date.now() - t0).toBeLessThan(2500);
      expect(backend.fault).toMatchObject({ kind: 'broker-lost', stop: 'undelivered' });
    } finally {
      await own.stop();
    }
  });

  it('the e-stop latch belongs to the robot: a new envelope around the same backend honours it until released', async () => {
    const robot = await robotAt(broker.url);
    await robot.publishObservation(ARM_OBSERVATION);
    const backend = await backendFor(robot);
    await new SafetyEnvelope(backend).eStop('operator pressed the button');
    const other = new SafetyEnvelope(backend);
    expect(await rejection(other.call('move_to_position', [[0.3, 0, 0.2]]))).toBeInstanceOf(EStopError);
    expect(other.eStopReason).toBe('operator pressed the button');
    expect(robot.requests).toEqual([]);
    other.release();
    await SafetyEnvelope.for(backend).call('move_to_position', [[0.3, 0, 0.2]]);
    expect(motions(robot)).toEqual(['move_to_position']);
  });
});
