import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { rejection } from '../helpers/async.ts';
import { BridgeConnectionError, BridgePayloadError, BridgeServiceError, BridgeTimeoutError, type BridgeProblem } from '../../src/bridge/errors.ts';
import { DEFAULT_ROS_NAMES, RosBridgeBackend, type RosBridgeBackendOptions } from '../../src/bridge/ros-backend.ts';
import { ARM_OBSERVATION } from './fake-mqtt-robot.ts';
import { FakeRosRobot } from './fake-ros-robot.ts';
import { FakeRosbridgeServer } from './rosbridge-server.ts';
import { SafetyEnvelope } from '../../src/skills/safety.ts';


describe('rosbridge backend against a local rosbridge v2 protocol server', () => {
  let server: FakeRosbridgeServer;
  let open: { close(): Promise<void> }[] = [];

  beforeAll(async () => {
    server = await FakeRosbridgeServer.start();
  });

  afterEach(async () => {
    for (const c of open) await c.close();
    open = [];
    expect(server.rejected).toEqual([]);
  });

  afterAll(async () => {
    await server.close();
  });

  async function pair(opts: Partial<RosBridgeBackendOptions> = {}): Promise<{ robot: FakeRosRobot; backend: RosBridgeBackend; problems: BridgeProblem[] }> {
    const robot = await FakeRosRobot.start(server.url);
    open.push(robot);
    await robot.waitFor(() => server.hasService(DEFAULT_ROS_NAMES.skillService) && server.subscriberCount(DEFAULT_ROS_NAMES.stopTopic) > 0);
    const problems: BridgeProblem[] = [];
    const backend = await RosBridgeBackend.connect(server.url, { robot: 'arm', timeoutMs: 2000, onProblem: (p) => problems.push(p), ...opts });
    open.push(backend);
    return { robot, backend, problems };
  }

  it('calls /robotool/skill with {skill, args_json} and resolves with the parsed result_json', async () => {
    const { robot, backend } = await pair();
    const result = await backend.call('move_to_position', [[0.3, 0.1, 0.2]]);
    expect(robot.calls).toEqual([{ skill: 'move_to_position', args: [[0.3, 0.1, 0.2]] }]);
    expect(result).toEqual({ value: { status: 'reached', position: [0.3, 0.1, 0.2] }, status: 'reached', warnings: [], seconds: 0.5 });
    expect(await backend.call('get_center', ['milk'])).toMatchObject({ status: 'ok', value: [0.3, 0, 0.05] });
  });

  it('rejects a malformed response with a BridgePayloadError naming the field, and stops the robot', async () => {
    const { robot, backend, problems } = await pair();
    robot.reply = () => ({ result_json: JSON.stringify({ status: 'teleported', value: 1 }) });
    const err = await rejection(backend.call('get_size', ['milk']));
    expect(err).toBeInstanceOf(BridgePayloadError);
    expect((err as BridgePayloadError).issues).toEqual([expect.stringMatching(/^result_json\.status: /)]);
    expect((err as Error).message).toMatch(/get_size: the robot's response on \/robotool\/skill is malformed \(result_json\.status: /);
    await robot.waitFor(() => robot.stops.length === 1);
    expect(robot.stops[0]?.reason).toBe('malformed response to get_size');
    expect(problems).toHaveLength(1);

    robot.reply = () => ({ result: '{}' });
    expect(await rejection(backend.call('get_size', ['milk']))).toMatchObject({ issues: [expect.stringMatching(/^result_json: /)] });
    robot.reply = () => ({ result_json: 'oops' });
    expect(await rejection(backend.call('get_size', ['milk']))).toMatchObject({ issues: [expect.stringMatching(/^result_json: not JSON/)] });
  });

  it('rejects with BridgeServiceError when the service call fails on the robot side', async () => {
    const { robot, backend } = await pair();
    robot.reply = () => {
      throw new Error('driver fault');
    };
    const err = await rejection(backend.call('open_gripper', []));
    expect(err).toBeInstanceOf(BridgeServiceError);
    expect((err as Error).message).toMatch(/open_gripper: the \/robotool\/skill service call failed: Error: driver fault/);
  });

  it('publishes stop(reason) on /robotool/stop as std_msgs/String JSON', async () => {
    const { robot, backend } = await pair();
    await backend.stop('operator e-stop');
    await robot.waitFor(() => robot.stops.length === 1);
    expect(robot.stops[0]).toEqual({ reason: 'operator e-stop', at: expect.any(Number) });
  });

  it('cancelling a call rejects it with the abort reason and publishes a stop', async () => {
    const { robot, backend } = await pair();
    robot.reply = () => new Promise(() => undefined);
    const ac = new AbortController();
    const pending = backend.call('move_to_position', [[0.3, 0, 0.2]], { signal: ac.signal });
    await robot.waitFor(() => robot.calls.length === 1);
    const reason = new Error('user pressed stop');
    ac.abort(reason);
    expect(await rejection(pending)).toBe(reason);
    await robot.waitFor(() => robot.stops.length === 1);
    expect(robot.stops[0]?.reason).toBe('cancelled: move_to_position');
  });

  it('times out a call the robot never answers and stops the robot', async () => {
    const { robot, backend } = await pair({ timeouts: { move_to_position: 200 } });
    robot.reply = () => new Promise(() => undefined);
    const err = await rejection(backend.call('move_to_position', [[0.3, 0, 0.2]]));
    expect(err).toBeInstanceOf(BridgeTimeoutError);
    expect(err).toMatchObject({ skill: 'move_to_position', timeoutMs: 200 });
    await robot.waitFor(() => robot.stops.length === 1);
  });

  it('observe() returns the latched observation and drops a malformed one, naming the field', async () => {
    const { robot, backend, problems } = await pair();
    robot.publishObservation(ARM_OBSERVATION);
    expect(await backend.observe()).toEqual(ARM_OBSERVATION);
    robot.publishObservation(JSON.stringify({ ...ARM_OBSERVATION, robot: { ...ARM_OBSERVATION.robot, gripper: [0.25, 0, 'high'] } }));
    await robot.waitFor(() => problems.length === 1);
    expect(problems[0]?.issues).toEqual([expect.stringMatching(/^data\.robot\.gripper\[2\]: /)]);
    expect(await backend.observe()).toEqual(ARM_OBSERVATION);
  });

  it('rejects calls in flight with BridgeConnectionError when the link drops, and refuses new ones', async () => {
    const { robot, backend } = await pair();
    robot.reply = () => new Promise(() => undefined);
    const failed = rejection(backend.call('move_to_position', [[0.3, 0, 0.2]]));
    await robot.waitFor(() => robot.calls.length === 1);
    server.dropClients();
    const err = await failed;
    expect(err).toBeInstanceOf(BridgeConnectionError);
    expect((err as Error).message).toMatch(/lost the connection to rosbridge .* while move_to_position was in flight/);
    expect(await rejection(backend.call('open_gripper', []))).toBeInstanceOf(BridgeConnectionError);
  });

  it('fails to connect where no rosbridge listens with a BridgeConnectionError', async () => {
    expect(await rejection(RosBridgeBackend.connect('ws://127.0.0.1:1', { robot: 'arm', connectTimeoutMs: 1000 }))).toBeInstanceOf(BridgeConnectionError);
  });

  it('behind the envelope, plans a motion only from a fresh stamped observation: a stale or unstamped one is refused before the call', async () => {
    for (const [stamp, refused] of [
      [null, /the observation on \/robotool\/observation carried no time stamp \(stamp\)/],
      [Date.now() - 60_000, /is \d+ ms old, older than the 1000 ms freshness window/],
    ] as const) {
      const { robot, backend } = await pair();
      robot.publishObservation(ARM_OBSERVATION, { stamp });
      expect((await backend.observe()).robot).toMatchObject({ gripper: [0.25, 0, 0.25] });
      const err = await rejection(new SafetyEnvelope(backend).call('move_to_position', [[0.3, 0, 0.2]]));
      expect(err).toMatchObject({ rule: 'confirmed-state' });
      expect((err as Error).message).toMatch(refused);
      expect(robot.calls).toEqual([]);
    }
    const { robot, backend } = await pair();
    robot.publishObservation(ARM_OBSERVATION);
    // Answers after the time it reports, stamped and sequenced like the observation.
    robot.reply = async (call) => {
      await new Promise((r) => setTimeout(r, 600));
      const position = (call.args as unknown[])[0];
      return { result_json: JSON.stringify({ status: 'reached', value: { status: 'reached', position }, seconds: 0.5, stamp: Date.now(), seq: 100 }) };
    };
    const result = await new SafetyEnvelope(backend).call('move_to_position', [[0.3, 0, 0.2]]);
    expect(result.status).toBe('reached');
    expect(await backend.confirmedPose({ maxAgeMs: 1000, waitMs: 0 })).toMatchObject({ ok: true, pose: { position: [0.3, 0, 0.2], seq: 100, source: 'result of move_to_position' } });
  });
});
