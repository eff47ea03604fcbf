import { Ros, Service, Topic } from 'roslib';
import { z } from 'zod';
import type { SceneObservation } from '../../src/perception/observation.ts';
import { DEFAULT_ROS_NAMES } from '../../src/bridge/ros-backend.ts';
import { waitFor } from '../helpers/async.ts';

const Stop = z.object({ reason: z.string(), at: z.number().optional() });
const StringMsg = z.object({ data: z.string() });
const SkillRequest = z.object({ skill: z.string(), args_json: z.string() });
export type ReceivedStop = z.infer<typeof Stop>;
export interface ReceivedCall {
  skill: string;
  args: unknown;
}

/** The default answer: queries return a point, motions report they reached their target. */
export function defaultRosReply(call: ReceivedCall): unknown {
  const args = Array.isArray(call.args) ? call.args : [];
  const body = call.skill.startsWith('get_')
    ? { status: 'ok', value: [0.3, 0, 0.05], seconds: 0 }
    : { status: 'reached', value: { status: 'reached', position: args[0] }, seconds: 0.5 };
  return { result_json: JSON.stringify(body) };
}

/**
 * The robot's side of the rosbridge contract, for tests, written with roslib as a rosbridge
 * client that provides `/robotool/skill`, listens on `/robotool/stop` and publishes the latched
 * `/robotool/observation`. `reply` returns the service response `values` (a promise that never
 * settles = no answer; a throw = a failed service call).
 */
export class FakeRosRobot {
  readonly calls: ReceivedCall[] = [];
  readonly stops: ReceivedStop[] = [];
  reply: (call: ReceivedCall) => unknown = defaultRosReply;
  private seq = 0;
  private readonly observation: Topic<{ data: string }>;

  private constructor(private readonly ros: Ros) {
    this.observation = new Topic({ ros, name: DEFAULT_ROS_NAMES.observationTopic, messageType: 'std_msgs/String', latch: true });
  }

  static async start(url: string): Promise<FakeRosRobot> {
    const ros = new Ros({});
    const connected = new Promise<void>((resolve, reject) => {
      ros.once('connection', () => resolve());
      ros.once('close', () => reject(new Error(`fake robot could not reach ${url}`)));
    });
    await ros.connect(url);
    await connected;
    const robot = new FakeRosRobot(ros);
    const service = new Service<unknown, unknown>({ ros, name: DEFAULT_ROS_NAMES.skillService, serviceType: DEFAULT_ROS_NAMES.skillServiceType });
    await service.advertiseAsync(async (request) => {
      const req = SkillRequest.parse(request);
      const args: unknown = JSON.parse(req.args_json);
      const call = { skill: req.skill, args };
      robot.calls.push(call);
      return robot.reply(call);
    });
    const stop = new Topic<unknown>({ ros, name: DEFAULT_ROS_NAMES.stopTopic, messageType: 'std_msgs/String' });
    stop.subscribe((msg) => robot.stops.push(Stop.parse(JSON.parse(StringMsg.parse(msg).data))));
    return robot;
  }

  /**
   * Publishes (latched) what the robot sees, with the robot's `stamp` (default now; null: none)
   * and the next `seq`; pass raw text to publish a malformed one.
   */
  publishObservation(obs: SceneObservation | string, opts: { stamp?: number | null } = {}): void {
    const stamp = opts.stamp === undefined ? Date.now() : opts.stamp;
    this.observation.publish({ data: typeof obs === 'string' ? obs : JSON.stringify({ ...obs, ...(stamp !== null ? { stamp } : {}), seq: ++this.seq }) });
  }

  /** Resolves once `predicate` holds (polled), or rejects after `ms`. */
  waitFor(predicate: () => boolean, ms = 2000): Promise<void> {
    return waitFor(predicate, ms, 'the fake robot waited in vain');
  }

  async close(): Promise<void> {
    this.ros.close();
  }
}
