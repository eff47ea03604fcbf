import { connectAsync, type MqttClient } from 'mqtt';
import { z } from 'zod';
import { mqttTopics } from '../../src/bridge/mqtt-backend.ts';
import type { SceneObservation } from '../../src/perception/observation.ts';
import { waitFor } from '../helpers/async.ts';

const Request = z.object({ id: z.string(), skill: z.string(), args: z.array(z.unknown()), client: z.string(), notAfter: z.number() });
const Stop = z.object({ reason: z.string(), callId: z.string().optional(), at: z.number().optional(), client: z.string().optional(), will: z.boolean().optional() });
const ControlRequest = z.object({ client: z.string(), name: z.string(), op: z.enum(['acquire', 'renew', 'release']), leaseMs: z.number() });
export type ReceivedRequest = z.infer<typeof Request>;
export type ReceivedStop = z.infer<typeof Stop>;
export type ReceivedControl = z.infer<typeof ControlRequest>;

/** What the fake robot sends back for a request: a JSON value (after `delayMs`), raw text (for malformed payloads), or nothing. */
export type FakeReply = { json: unknown; delayMs?: number } | { raw: string } | null;

/** An arm observation the fake robot can publish. */
export const ARM_OBSERVATION: SceneObservation = {
  source: 'ros',
  robot: { kind: 'arm', gripper: [0.25, 0, 0.25], workspace: { min: [0, -0.25, 0.01], max: [0.45, 0.25, 0.3] }, holding: [] },
  objects: [],
};

/** How fast the fake arm moves (m/s), under the 0.2 m/s limit of the tests' scenes. */
export const FAKE_SPEED = 0.15;

/**
 * The default answer: queries return a point at once; motions reach their target, moving from
 * `from` at FAKE_SPEED, and answer after that long (at least 50 ms), reporting it as `seconds`.
 */
export function defaultReply(req: ReceivedRequest, from: readonly number[] = ARM_OBSERVATION.robot.kind === 'arm' ? ARM_OBSERVATION.robot.gripper : [0, 0, 0]): FakeReply {
  if (req.skill.startsWith('get_')) return { json: { id: req.id, status: 'ok', value: [0.3, 0, 0.05], seconds: 0 } };
  const target = req.args[0];
  const distance = Array.isArray(target) && target.length === 3 ? Math.hypot(...target.map((v, i) => Number(v) - (from[i] ?? 0))) : 0;
  const seconds = Math.max(0.05, distance / FAKE_SPEED);
  return { json: { id: req.id, status: 'reached', value: { status: 'reached', position: target }, seconds }, delayMs: Math.round(seconds * 1000) };
}

export interface FakeRobotOptions {
  /** How often the robot republishes its observation once it has one (ms; 0: only when told). Default 200. */
  heartbeatMs?: number;
}

/**
 * The robot's side of the MQTT topic contract, for tests, written as a robot adapter would be:
 * a separate MQTT client that grants control to one client at a time (a lease that expires
 * without renewals, stopping the robot), refuses requests from anyone else or past their
 * `notAfter`, stamps everything it publishes with its clock and one sequence counter,
 * republishes its observation as a heartbeat, obeys every stop, and releases the lease on the
 * holder's last will. It records every request, stop and control request it receives and
 * answers requests through `reply` (replaceable per test).
 */
export class FakeMqttRobot {
  readonly requests: ReceivedRequest[] = [];
  readonly stops: ReceivedStop[] = [];
  readonly control: ReceivedControl[] = [];
  /** Stops the robot made on its own (a lease that expired). */
  readonly selfStops: string[] = [];
  reply: (req: ReceivedRequest) => FakeReply | FakeReply[] = (req) => defaultReply(req, this.gripper);
  /** Add `stamp` and `seq` to results (a robot that leaves them out: false). */
  stampResults = true;
  /** Silent: publishes nothing at all (a robot that died with its broker link up). */
  silent = false;
  readonly topics: ReturnType<typeof mqttTopics>;
  /** Who holds the lease, and until when (epoch ms). */
  holder: { client: string; name: string; expires: number } | null = null;
  private seq = 0;
  private current: SceneObservation | null = null;
  private readonly timers: NodeJS.Timeout[] = [];

  private constructor(
    private readonly client: MqttClient,
    prefix: string | undefined,
    private readonly opts: FakeRobotOptions,
  ) {
    this.topics = mqttTopics(prefix);
  }

  static async start(url: string, prefix?: string, opts: FakeRobotOptions = {}): Promise<FakeMqttRobot> {
    const client = await connectAsync(url, { protocolVersion: 5, reconnectPeriod: 0 });
    const robot = new FakeMqttRobot(client, prefix, opts);
    client.on('message', (topic, payload) => robot.onMessage(topic, payload.toString('utf8')));
    await client.subscribeAsync({ [robot.topics.request]: { qos: 1 }, [robot.topics.stop]: { qos: 1 }, [robot.topics.controlRequest]: { qos: 1 } });
    const heartbeat = opts.heartbeatMs ?? 200;
    if (heartbeat > 0) robot.timers.push(setInterval(() => robot.beat(), heartbeat));
    robot.timers.push(setInterval(() => robot.expireLease(), 50));
    return robot;
  }

  /**
   * Publishes (retained) what the robot sees, stamped now with the next sequence number, and
   * keeps republishing it as the heartbeat. Raw text is published as it is (malformed or
   * unstamped payloads) and is not repeated; `stamp` overrides the time stamp (null: none).
   */
  async publishObservation(obs: SceneObservation | string, opts: { stamp?: number | null } = {}): Promise<void> {
    if (typeof obs === 'string') {
      await this.client.publishAsync(this.topics.observation, obs, { qos: 1, retain: true });
      return;
    }
    const stamp = opts.stamp === undefined ? Date.now() : opts.stamp;
    if (opts.stamp === undefined) this.current = structuredClone(obs);
    const payload = { ...obs, ...(stamp !== null ? { stamp } : {}), seq: ++this.seq };
    await this.client.publishAsync(this.topics.observation, JSON.stringify(payload), { qos: 1, retain: true });
  }

  /** Where the gripper is now (from the last observation published and the motions since). */
  get gripper(): readonly number[] {
    return this.current?.robot.kind === 'arm' ? this.current.robot.gripper : (ARM_OBSERVATION.robot as { gripper: number[] }).gripper;
  }

  /** Stops the heartbeat (the observation stays as last published). */
  stopHeartbeat(): void {
    this.current = null;
  }

  /** Resolves once `predicate` holds (polled), or rejects after `ms`. */
  waitFor(predicate: () => boolean, ms = 2000): Promise<void> {
    return waitFor(predicate, ms, 'the fake robot waited in vain');
  }

  async close(): Promise<void> {
    for (const t of this.timers) clearInterval(t);
    await this.client.endAsync(true);
  }

  private beat(): void {
    if (this.silent || !this.current || !this.client.connected) return;
    this.client.publish(this.topics.observation, JSON.stringify({ ...this.current, stamp: Date.now(), seq: ++this.seq }), { qos: 1, retain: true });
  }

  private expireLease(): void {
    if (!this.holder || this.holder.expires > Date.now()) return;
    const { client } = this.holder;
    this.holder = null;
    this.selfStops.push(`the lease of ${client} expired`);
    this.publishControl({ client, op: 'renew', granted: false, holder: null, message: 'the lease expired' });
  }

  private publishControl(reply: { client: string; op: string; granted: boolean; holder: { client: string; name: string } | null; message?: string }): void {
    if (this.silent) return;
    this.client.publish(this.topics.controlReply, JSON.stringify({ ...reply, stamp: Date.now(), seq: ++this.seq }), { qos: 1 });
  }

  private onControl(req: ReceivedControl): void {
    this.control.push(req);
    const now = Date.now();
    const held = this.holder !== null && this.holder.expires > now;
    const mine = held && this.holder!.client === req.client;
    const holder = (): { client: string; name: string } | null => (this.holder ? { client: this.holder.client, name: this.holder.name } : null);
    if (req.op === 'release') {
      if (mine) this.holder = null;
      this.publishControl({ client: req.client, op: 'release', granted: false, holder: holder() });
      return;
    }
    if (req.op === 'acquire' ? !held || mine : mine) {
      this.holder = { client: req.client, name: req.name, expires: now + req.leaseMs };
      this.publishControl({ client: req.client, op: req.op, granted: true, holder: holder() });
      return;
    }
    this.publishControl({ client: req.client, op: req.op, granted: false, holder: held ? holder() : null, message: held ? 'another controller holds the robot' : 'no lease to renew' });
  }

  private onMessage(topic: string, text: string): void {
    if (topic === this.topics.stop) {
      const stop = Stop.parse(JSON.parse(text));
      this.stops.push(stop);
      if (stop.will && this.holder?.client === stop.client) this.holder = null;
      return;
    }
    if (topic === this.topics.controlRequest) {
      this.onControl(ControlRequest.parse(JSON.parse(text)));
      return;
    }
    if (topic !== this.topics.request) return;
    const req = Request.parse(JSON.parse(text));
    this.requests.push(req);
    if (this.silent) return;
    const refuse = (message: string): void => {
      this.client.publish(this.topics.result, JSON.stringify({ id: req.id, status: 'failed', message, stamp: Date.now(), seq: ++this.seq }), { qos: 1 });
    };
    if (!this.holder || this.holder.client !== req.client) return refuse(`${req.client} does not hold control of the robot`);
    if (Date.now() > req.notAfter) return refuse('the request arrived after its notAfter time');
    const replies = this.reply(req);
    for (const r of Array.isArray(replies) ? replies : [replies]) {
      if (r === null) continue;
      if ('raw' in r) this.client.publish(this.topics.result, r.raw, { qos: 1 });
      else if (r.delayMs) setTimeout(() => this.publishResult(r.json as Record<string, unknown>), r.delayMs);
      else this.publishResult(r.json as Record<string, unknown>);
    }
  }

  /** Publishes a result, stamped and sequenced now unless it says otherwise, and moves the robot where it reports. */
  private publishResult(json: Record<string, unknown>): void {
    if (this.silent) return;
    const position = (json.value as { position?: unknown } | undefined)?.position;
    if (this.current?.robot.kind === 'arm' && Array.isArray(position) && position.length === 3) this.current.robot.gripper = position as [number, number, number];
    this.client.publish(this.topics.result, JSON.stringify(this.stampResults ? { stamp: Date.now(), seq: ++this.seq, ...json } : json), { qos: 1 });
  }
}
