import { connectAsync, type MqttClient } from 'mqtt';
import { z } from 'zod';
import { mqttTopics } from '../../src/bridge/mqtt-backend.ts';
import type { SceneObservation } from '../../src/perception/observation.ts';
import { waitFor } from '../helpers/async.ts';

const Request = z.object({ id: z.string(), skill: z.string(), args: z.array(z.unknown()) });
const Stop = z.object({ reason: z.string(), callId: z.string().optional(), at: z.number().optional() });
export type ReceivedRequest = z.infer<typeof Request>;
export type ReceivedStop = z.infer<typeof Stop>;

/** What the fake robot sends back for a request: a JSON value, raw text (for malformed payloads), or nothing. */
export type FakeReply = { json: unknown } | { raw: string } | null;

/** An arm observation the fake robot can publish. */
export const ARM_OBSERVATION: SceneObservation = {
  source: 'ros',
  robot: { kind: 'arm', gripper: [0.25, 0, 0.25], workspace: { min: [0, -0.25, 0.01], max: [0.45, 0.25, 0.3] }, holding: [] },
  objects: [],
};

/** The default answer: queries return a point, motions report they reached their target. */
export function defaultReply(req: ReceivedRequest): FakeReply {
  if (req.skill.startsWith('get_')) return { json: { id: req.id, status: 'ok', value: [0.3, 0, 0.05], seconds: 0 } };
  return { json: { id: req.id, status: 'reached', value: { status: 'reached', position: req.args[0] }, seconds: 0.5 } };
}

/**
 * The robot's side of the MQTT topic contract, for tests: a separate MQTT client that records
 * every request and stop it receives and answers through `reply` (replaceable per test).
 */
export class FakeMqttRobot {
  readonly requests: ReceivedRequest[] = [];
  readonly stops: ReceivedStop[] = [];
  reply: (req: ReceivedRequest) => FakeReply | FakeReply[] = defaultReply;
  readonly topics: ReturnType<typeof mqttTopics>;

  private constructor(private readonly client: MqttClient, prefix: string | undefined) {
    this.topics = mqttTopics(prefix);
  }

  static async start(url: string, prefix?: string): Promise<FakeMqttRobot> {
    const client = await connectAsync(url, { protocolVersion: 5, reconnectPeriod: 0 });
    const robot = new FakeMqttRobot(client, prefix);
    client.on('message', (topic, payload) => robot.onMessage(topic, payload.toString('utf8')));
    await client.subscribeAsync({ [robot.topics.request]: { qos: 1 }, [robot.topics.stop]: { qos: 1 } });
    return robot;
  }

  /** Publishes (retained) what the robot sees; pass raw text to publish a malformed one. */
  async publishObservation(obs: SceneObservation | string): Promise<void> {
    await this.client.publishAsync(this.topics.observation, typeof obs === 'string' ? obs : JSON.stringify(obs), { qos: 1, retain: true });
  }

  /** Resolves once `predicate` holds (polled), or rejects after `ms`. */
  waitFor(predicate: () => boolean, ms = 2000): Promise<void> {
    return waitFor(predicate, ms, 'the fake robot waited in vain');
  }

  async close(): Promise<void> {
    await this.client.endAsync(true);
  }

  private onMessage(topic: string, text: string): void {
    if (topic === this.topics.stop) {
      this.stops.push(Stop.parse(JSON.parse(text)));
      return;
    }
    if (topic !== this.topics.request) return;
    const req = Request.parse(JSON.parse(text));
    this.requests.push(req);
    const replies = this.reply(req);
    for (const r of Array.isArray(replies) ? replies : [replies]) {
      if (r === null) continue;
      const payload = 'raw' in r ? r.raw : JSON.stringify(r.json);
      this.client.publish(this.topics.result, payload, { qos: 1 });
    }
  }
}
