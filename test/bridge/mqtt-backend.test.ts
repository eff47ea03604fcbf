import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rejection } from '../helpers/async.ts';
import { BridgeConnectionError, BridgeTimeoutError, type BridgeProblem } from '../../src/bridge/errors.ts';
import { MqttBackend, type MqttBackendOptions } from '../../src/bridge/mqtt-backend.ts';
import { SafetyEnvelope } from '../../src/skills/safety.ts';
import { SafetyError } from '../../src/skills/sandbox-errors.ts';
import { ARM_OBSERVATION, FAKE_SPEED, FakeMqttRobot } from './fake-mqtt-robot.ts';
import { hasMosquitto, MOSQUITTO, startMosquitto, type Broker } from './mosquitto.ts';

type Vec3 = [number, number, number];


describe.skipIf(!hasMosquitto)(`MQTT backend against a real Mosquitto (skipped: ${MOSQUITTO} is not installed)`, () => {
  let broker: Broker;
  const open: { close(): Promise<void> }[] = [];

  beforeAll(async () => {
    broker = await startMosquitto();
  });

  afterAll(async () => {
    for (const c of open) await c.close().catch(() => undefined);
    await broker?.stop();
  });

  /** A robot and a backend on their own topic prefix, so that tests sharing the broker do not hear each other. */
  async function pair(opts: Partial<MqttBackendOptions> = {}, url = broker.url): Promise<{ robot: FakeMqttRobot; backend: MqttBackend; problems: BridgeProblem[] }> {
    const prefix = `t-${randomUUID().slice(0, 8)}`;
    const robot = await FakeMqttRobot.start(url, prefix);
    const problems: BridgeProblem[] = [];
    const backend = await MqttBackend.connect(url, { robot: 'arm', prefix, timeoutMs: 2000, onProblem: (p) => problems.push(p), ...opts });
    open.push(robot, backend);
    return { robot, backend, problems };
  }

  it('sends a skill call as {id, skill, args} and resolves with the robot’s result', async () => {
    const { robot, backend } = await pair();
    const result = await backend.call('move_to_position', [[0.3, 0.1, 0.2]]);
    expect(robot.requests).toEqual([{ id: expect.any(String), skill: 'move_to_position', args: [[0.3, 0.1, 0.2]], client: backend.clientId, notAfter: expect.any(Number) }]);
    // The fake arm moves from (0.25, 0, 0.25) at FAKE_SPEED and reports how long that took.
    expect(result).toEqual({ value: { status: 'reached', position: [0.3, 0.1, 0.2] }, status: 'reached', warnings: [], seconds: expect.closeTo(Math.hypot(0.05, 0.1, 0.05) / FAKE_SPEED, 9) });
    expect(await backend.call('get_center', ['milk'])).toMatchObject({ status: 'ok', value: [0.3, 0, 0.05] });
  });

  it('drops a malformed result, names the bad field, and still resolves with the valid answer that follows', async () => {
    const { robot, backend, problems } = await pair();
    robot.reply = (req) => [
      { raw: 'not json at all' },
      { json: { id: req.id, status: 'teleported', value: 1 } },
      { json: { id: req.id, status: 'ok', value: [1, 2, 3] } },
    ];
    const result = await backend.call('get_center', ['milk']);
    expect(result).toMatchObject({ status: 'ok', value: [1, 2, 3] });
    expect(problems).toHaveLength(2);
    expect(problems[0]?.issues[0]).toMatch(/^\(payload\): not JSON/);
    expect(problems[1]).toMatchObject({ source: `${robot.topics.result}`, callId: robot.requests[0]?.id });
    expect(problems[1]?.issues[0]).toMatch(/^status: /);
  });

  it('times out a call whose only answer is malformed, says which field was wrong, and stops the robot', async () => {
    const { robot, backend } = await pair({ timeoutMs: 300 });
    robot.reply = (req) => ({ json: { id: req.id, status: 'ok', warnings: ['fine', 42] } });
    const err = await rejection(backend.call('get_size', ['milk']));
    expect(err).toBeInstanceOf(BridgeTimeoutError);
    expect((err as Error).message).toMatch(/get_size got no valid answer from the robot within 300 ms.*malformed and dropped: warnings\[1\]: /);
    await robot.waitFor(() => robot.stops.length === 1);
    expect(robot.stops[0]).toMatchObject({ callId: robot.requests[0]?.id, reason: expect.stringMatching(/no answer in time: get_size/) });
  });

  it('cancelling a call rejects it with the abort reason and publishes a stop for that call', async () => {
    const { robot, backend } = await pair();
    robot.reply = () => null;
    const ac = new AbortController();
    const pending = backend.call('move_to_position', [[0.3, 0, 0.2]], { signal: ac.signal });
    await robot.waitFor(() => robot.requests.length === 1);
    const reason = new Error('user pressed stop');
    ac.abort(reason);
    expect(await rejection(pending)).toBe(reason);
    await robot.waitFor(() => robot.stops.length === 1);
    expect(robot.stops[0]).toMatchObject({ callId: robot.requests[0]?.id, reason: expect.stringMatching(/^cancelled: move_to_position/) });
  });

  it('rejects calls in flight with BridgeConnectionError when the broker goes away, and refuses new ones', async () => {
    const own = await startMosquitto();
    try {
      const { robot, backend } = await pair({}, own.url);
      robot.reply = () => null;
      // The handler is attached at once: the call fails while the broker is being stopped.
      const failed = rejection(backend.call('move_to_position', [[0.3, 0, 0.2]]));
      await robot.waitFor(() => robot.requests.length === 1);
      await own.stop();
      const err = await failed;
      expect(err).toBeInstanceOf(BridgeConnectionError);
      expect((err as Error).message).toMatch(/lost the connection to the MQTT broker .* while move_to_position was in flight/);
      expect(await rejection(backend.call('open_gripper', []))).toBeInstanceOf(BridgeConnectionError);
    } finally {
      await own.stop();
    }
  });

  it('sends a stop as soon as the broker is back after a call was lost with it', async () => {
    const first = await startMosquitto();
    let second: Broker | undefined;
    try {
      const { robot, backend } = await pair({ mqtt: { reconnectPeriod: 400 } }, first.url);
      robot.reply = () => null;
      const failed = rejection(backend.call('move_to_position', [[0.3, 0, 0.2]]));
      await robot.waitFor(() => robot.requests.length === 1);
      await first.stop();
      expect(await failed).toBeInstanceOf(BridgeConnectionError);
      second = await startMosquitto({ port: first.port });
      const robotAgain = await FakeMqttRobot.start(second.url, robot.topics.stop.split('/')[0]);
      open.push(robotAgain);
      await robotAgain.waitFor(() => robotAgain.stops.length === 1, 3000);
      expect(robotAgain.stops[0]?.reason).toMatch(/lost the connection to the MQTT broker .* while a skill was in flight/);
      expect(backend.connected).toBe(true);
    } finally {
      await first.stop();
      await second?.stop();
    }
  });

  it('behind the safety envelope, an out-of-workspace or keep-out target is refused before any request is published', async () => {
    const { robot, backend } = await pair({
      safety: {
        workspace: { min: [0, -0.25, 0.01], max: [0.45, 0.25, 0.3] },
        workspacePolicy: 'reject',
        keepOut: [{ name: 'camera', min: [0.3, 0.15, 0] as Vec3, max: [0.45, 0.25, 0.3] as Vec3 }],
      },
    });
    await robot.publishObservation(ARM_OBSERVATION);
    const env = new SafetyEnvelope(backend);
    expect(await rejection(env.call('move_to_position', [[0.6, 0, 0.1]]))).toMatchObject({ rule: 'workspace' });
    const keepOut = await rejection(env.call('move_to_position', [[0.4, 0.2, 0.1]]));
    expect(keepOut).toBeInstanceOf(SafetyError);
    expect(keepOut).toMatchObject({ rule: 'keep-out' });
    // The envelope stops the robot on each refusal; the stops travel the same broker, so once they arrive any request would have too.
    await robot.waitFor(() => robot.stops.length === 2);
    expect(robot.stops.map((s) => s.reason)).toEqual([expect.stringMatching(/^safety: .*workspace/), expect.stringMatching(/^safety: .*keep-out zone "camera"/)]);
    expect(robot.requests).toEqual([]);
  });

  it('observe() returns the retained observation and keeps it when a malformed one arrives', async () => {
    const { robot, backend, problems } = await pair();
    await robot.publishObservation(ARM_OBSERVATION);
    expect(await backend.observe()).toEqual(ARM_OBSERVATION);
    await robot.publishObservation(JSON.stringify({ ...ARM_OBSERVATION, robot: { ...ARM_OBSERVATION.robot, gripper: [0.25, 0, 'high'] } }));
    await robot.waitFor(() => problems.length === 1);
    expect(problems[0]?.issues).toEqual([expect.stringMatching(/^robot\.gripper\[2\]: /)]);
    expect(await backend.observe()).toEqual(ARM_OBSERVATION);
  });

  it('a backend connecting after the robot published still gets the retained observation', async () => {
    const prefix = `t-${randomUUID().slice(0, 8)}`;
    const robot = await FakeMqttRobot.start(broker.url, prefix);
    open.push(robot);
    await robot.publishObservation(ARM_OBSERVATION);
    const backend = await MqttBackend.connect(broker.url, { robot: 'arm', prefix });
    open.push(backend);
    expect((await backend.observe()).robot).toMatchObject({ kind: 'arm', gripper: [0.25, 0, 0.25] });
  });

  it('fails to connect to a port with no broker with a BridgeConnectionError, quickly', async () => {
    const err = await rejection(MqttBackend.connect('mqtt://127.0.0.1:1', { robot: 'arm', connectTimeoutMs: 500 }));
    expect(err).toBeInstanceOf(BridgeConnectionError);
  });
});
