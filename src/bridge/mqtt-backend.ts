import { randomUUID } from 'node:crypto';
import { hostname, userInfo } from 'node:os';
import { connect, type IClientOptions, type MqttClient } from 'mqtt';
import type { SceneObservation } from '../perception/observation.ts';
import type { CallOptions, PoseState, RobotBackend, SafetyLimits } from '../skills/backend.ts';
import { SKILLS, isSkillName, skillsFor, type SkillResult, type SkillRobot } from '../skills/registry.ts';
import { BridgeConnectionError, BridgeControlError, BridgeRobotLostError, type BridgeError, type BridgeProblem } from './errors.ts';
import { InFlightCalls } from './in-flight-calls.ts';
import { ObservationCache } from './observation-cache.ts';
import {
  ControlReplyMessage,
  parsePayload,
  readId,
  SkillResultMessage,
  StampedObservation,
  type ControlRequestMessage,
  type SkillRequestMessage,
  type StopMessage,
} from './payload.ts';
import { PoseTracker } from './pose-tracker.ts';
import { ProblemLog } from './problem-log.ts';

/**
 * A robot over MQTT 5. The topic contract, which a robot-side adapter implements
 * (`<prefix>` defaults to `robotool`; every payload is UTF-8 JSON):
 *
 * | topic | direction | QoS | payload |
 * |---|---|---|---|
 * | `<prefix>/control/request` | robotool → robot | 1 | `{client, name, op, leaseMs}`: `op` is `acquire`, `renew` (every fifth of the lease) or `release`. |
 * | `<prefix>/control/reply` | robot → robotool | 1 | `{client, op, granted, holder, message?, stamp, seq?}`: the answer to `client`'s request; `holder` is `{client, name}` of whoever holds the robot (null: nobody). |
 * | `<prefix>/skill/request` | robotool → robot | 1 | `{id, skill, args, client, notAfter}`: run one skill; `args` are positional and already checked by the safety envelope; refuse it when `client` does not hold the lease or the robot's clock is past `notAfter`. Message expiry = the call's timeout. |
 * | `<prefix>/skill/result` | robot → robotool | 1 | `{id, status, value?, message?, warnings?, seconds?, stamp, seq}`: the answer to request `id`; `status` is a SkillStatus (`failed` for a skill that failed: failure is data); a motion's `value.position` is where it ended. |
 * | `<prefix>/stop` | robotool → robot | 1 | `{reason, client?, callId?, at?, will?}`: stop all motion now and hold. Also the connection's last will (`will: true`): the robot also releases that client's lease. |
 * | `<prefix>/observation` | robot → robotool | any, **retained** | a SceneObservation (src/perception/observation.ts) plus `stamp` and `seq`, published on every change and at least every 500 ms. |
 *
 * `stamp` is the robot's clock (ms since the epoch), `seq` one counter over everything the
 * robot publishes. The adapter grants control to one client at a time (a lease that expires
 * `leaseMs` after the last renewal, stopping the robot), answers each request id at most once,
 * ignores a request id it has seen (QoS 1 may deliver twice), obeys `stop` from anyone
 * whatever it is doing, and should stop when its own link to the broker drops.
 *
 * On this side: every incoming payload is parsed with a schema; a malformed one is reported
 * through `onProblem` with its field paths and dropped — it never settles a call. A call with
 * no valid answer within its timeout rejects with BridgeTimeoutError and the robot is sent a
 * stop; a cancelled call rejects with the signal's reason and the robot is sent a stop.
 * A fault — the broker link drops, the robot goes silent, the robot revokes the lease — is
 * final for this backend: calls in flight reject at once, later calls are refused, a stop is
 * sent now or as soon as the broker is back (`close()` waits up to `stopGraceMs` for that),
 * and `fault` says what happened. Requests are never queued or replayed late.
 */

/** Options of an MQTT robot. */
export interface MqttBackendOptions {
  robot: SkillRobot;
  /** Topic prefix (default `robotool`). */
  prefix?: string;
  /** Skills the robot implements (default: every skill of its kind). */
  capabilities?: Iterable<string>;
  /** The robot's limits, for the safety envelope. */
  safety?: SafetyLimits;
  /** How long a call waits for its result (ms, default 30 000). */
  timeoutMs?: number;
  /** Per-skill overrides of `timeoutMs`. */
  timeouts?: Readonly<Partial<Record<string, number>>>;
  /** How long to wait for the broker's CONNACK (ms, default 5 000). */
  connectTimeoutMs?: number;
  /** How long `stop()` waits for the broker's PUBACK (ms, default 2 000). */
  stopTimeoutMs?: number;
  /** How long `observe()` waits for a first observation (ms, default 2 000). */
  observeTimeoutMs?: number;
  /** How long the robot's control lease lasts without a renewal (ms, default 5 000); renewed every fifth of it. */
  leaseMs?: number;
  /** How long to wait for the robot's answer to the control request (ms, default 2 000). */
  controlTimeoutMs?: number;
  /** The robot counts as lost after this long without any message from it (ms, default 3 000). */
  robotSilenceMs?: number;
  /** After a fault, how long `close()` waits for the broker to come back so that the pending stop reaches the robot (ms, default 10 000). */
  stopGraceMs?: number;
  /** Who this controller is, in the message another controller gets when it is refused (default `user@host pid N`). */
  controllerName?: string;
  /** Malformed or unexpected payloads that were dropped. */
  onProblem?: (problem: BridgeProblem) => void;
  /** Extra mqtt.js options (credentials, TLS, client id, reconnect period, keepalive). */
  mqtt?: IClientOptions;
}

/** The topics of the contract under one prefix. */
export function mqttTopics(prefix = 'robotool'): {
  request: string;
  result: string;
  stop: string;
  observation: string;
  controlRequest: string;
  controlReply: string;
} {
  return {
    request: `${prefix}/skill/request`,
    result: `${prefix}/skill/result`,
    stop: `${prefix}/stop`,
    observation: `${prefix}/observation`,
    controlRequest: `${prefix}/control/request`,
    controlReply: `${prefix}/control/reply`,
  };
}

/** A fault that ended this backend's use, and whether the stop sent for it reached the broker. */
export interface LinkFault {
  kind: 'broker-lost' | 'robot-lost' | 'control-lost';
  message: string;
  /** Epoch ms when it was noticed. */
  at: number;
  /** `pending`: waiting for a path to the robot; `delivered`: the broker acknowledged it; `undelivered`: gave up. */
  stop: 'pending' | 'delivered' | 'undelivered';
}

/** How often the silence watchdog looks (ms). */
const WATCHDOG_MS = 250;
/** How long a call waits for a link that dropped while idle to come back (ms). */
const RECONNECT_WAIT_MS = 2000;
/** A call is sent only while the lease holds at least this much longer (ms); otherwise control is taken again first. */
const LEASE_MARGIN_MS = 250;

const isMotion = (skill: string): boolean => isSkillName(skill) && SKILLS[skill].kind === 'motion';

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

function defaultControllerName(): string {
  let user = 'unknown';
  try {
    user = userInfo().username;
  } catch {
    // no passwd entry (containers): keep "unknown"
  }
  return `${user}@${hostname()} pid ${process.pid}`;
}

/** A robot reached through an MQTT broker; see the file comment for the topic contract. */
export class MqttBackend implements RobotBackend {
  readonly name = 'mqtt';
  readonly robot: SkillRobot;
  readonly capabilities: ReadonlySet<string>;
  readonly safety?: SafetyLimits;
  readonly topics: ReturnType<typeof mqttTopics>;
  /** The last problems reported, newest last. */
  readonly problems: ProblemLog;
  /** Who this controller is (sent with the control request). */
  readonly controllerName: string;
  private readonly inFlight = new InFlightCalls();
  private readonly observation: ObservationCache;
  private readonly pose: PoseTracker;
  /** MQTT message ids of skill requests the broker has not acknowledged yet, by call id. */
  private readonly unacked = new Map<string, number>();
  private controlWaiters: { op: ControlRequestMessage['op']; resolve: (reply: ControlReplyMessage) => void }[] = [];
  private faultState: LinkFault | null = null;
  private pendingStop: string | null = null;
  private delivering: Promise<void> | null = null;
  /** Whether this client holds the robot's lease, as far as it knows. */
  private holding = false;
  /** Until when (this host's clock, ms) the lease surely holds: the send time of the last granted request plus the lease. */
  private leaseUntil = 0;
  /** Whether control was granted once (the watchdog and renewals run from then on). */
  private started = false;
  private lastHeard = Date.now();
  private lastTick = Date.now();
  private timers: NodeJS.Timeout[] = [];
  private closing: Promise<void> | null = null;

  private constructor(
    private readonly client: MqttClient,
    /** The MQTT client id, which the robot's lease names. */
    readonly clientId: string,
    readonly url: string,
    private readonly opts: MqttBackendOptions,
  ) {
    this.robot = opts.robot;
    this.capabilities = new Set(opts.capabilities ?? skillsFor(opts.robot).map((s) => s.name));
    if (opts.safety) this.safety = opts.safety;
    this.topics = mqttTopics(opts.prefix);
    this.problems = new ProblemLog(opts.onProblem);
    this.observation = new ObservationCache(`${this.topics.observation} (the robot publishes it retained)`);
    this.pose = new PoseTracker(this.topics.observation);
    this.controllerName = opts.controllerName ?? defaultControllerName();
  }

  /**
   * Connects to the broker (`mqtt://`, `mqtts://`, `ws://`, `wss://`), subscribes, takes
   * control of the robot (BridgeControlError when another controller holds it), and resolves
   * once ready.
   */
  static async connect(url: string, opts: MqttBackendOptions): Promise<MqttBackend> {
    const topics = mqttTopics(opts.prefix);
    const clientId = opts.mqtt?.clientId ?? `robotool-${randomUUID().slice(0, 8)}`;
    const will: StopMessage = { reason: `the robotool controller ${clientId} went offline (MQTT last will)`, client: clientId, will: true };
    const client = connect(url, {
      protocolVersion: 5,
      reconnectPeriod: 1000,
      // The broker sends the will after 1.5 keepalives of silence. Not shorter: planning can keep
      // the event loop busy for seconds while the robot is idle. This side notices a silent
      // link sooner, through the robot's heartbeat (robotSilenceMs).
      keepalive: 10,
      // Calls are refused while offline; nothing of ours may sit in a queue and run late.
      queueQoSZero: false,
      will: { topic: topics.stop, payload: Buffer.from(JSON.stringify(will)), qos: 1, retain: false },
      ...opts.mqtt,
      clientId,
    });
    const backend = new MqttBackend(client, clientId, url, opts);
    try {
      await backend.waitForConnect(opts.connectTimeoutMs ?? 5000);
      await client.subscribeAsync({ [topics.result]: { qos: 1 }, [topics.observation]: { qos: 1 }, [topics.controlReply]: { qos: 1 } });
      await backend.acquire();
    } catch (err) {
      backend.clearTimers();
      client.end(true);
      throw err instanceof BridgeConnectionError || err instanceof BridgeControlError
        ? err
        : new BridgeConnectionError(`MQTT broker at ${url}: ${errorText(err)}`, { cause: err });
    }
    return backend;
  }

  /** Whether the broker connection is up now. */
  get connected(): boolean {
    return this.client.connected;
  }

  /** The fault that ended this backend's use (broker lost, robot lost, control lost), or null. */
  get fault(): LinkFault | null {
    return this.faultState === null ? null : { ...this.faultState };
  }

  async call(skill: string, args: readonly unknown[], opts: CallOptions = {}): Promise<SkillResult> {
    const { signal } = opts;
    if (signal?.aborted) throw signal.reason;
    if (this.faultState) throw this.faultError(`${skill} was not sent`);
    if (this.closing) throw new BridgeConnectionError(`${skill} was not sent: the MQTT backend was closed`);
    // A link that dropped while idle may be on its way back (mqtt.js reconnects every second).
    if (!this.client.connected) await this.nextConnect(RECONNECT_WAIT_MS);
    if (!this.client.connected) {
      this.raise('broker-lost', `not connected to the MQTT broker at ${this.url} when ${skill} was to be sent`);
      throw this.faultError(`${skill} was not sent`);
    }
    // The lease lapsed while nothing was in flight (an event loop busy planning, a broker link that dropped and came back): take it again, or fail naming who has it.
    if (!this.holding || Date.now() > this.leaseUntil - LEASE_MARGIN_MS) await this.acquire();
    if (signal?.aborted) throw signal.reason;
    const id = randomUUID();
    const timeoutMs = this.opts.timeouts?.[skill] ?? this.opts.timeoutMs ?? 30_000;
    const motion = isMotion(skill);
    if (motion) this.pose.motionSent(skill);
    const answer = this.inFlight.open(id, skill, {
      timeoutMs,
      ...(signal ? { signal } : {}),
      onGiveUp: (why) => {
        this.unpublish(id);
        if (motion) this.pose.motionLost(skill);
        this.stopInBackground(`${why === 'cancelled' ? 'cancelled' : 'no answer in time'}: ${skill} (call ${id})`, id);
      },
    });
    const request: SkillRequestMessage = { id, skill, args: [...args], client: this.clientId, notAfter: Math.round(this.pose.robotNow() + timeoutMs) };
    const onPublished = (err?: Error): void => {
      this.unacked.delete(id);
      if (err) this.inFlight.fail(id, new BridgeConnectionError(`${skill} could not be published to ${this.topics.request}: ${err.message}`, { cause: err }));
    };
    this.client.publish(this.topics.request, JSON.stringify(request), { qos: 1, properties: { messageExpiryInterval: Math.max(1, Math.ceil(timeoutMs / 1000)) } }, onPublished);
    // Remember the packet, so that a request the broker never acknowledged is dropped from
    // mqtt.js's resend store when the call ends: it must not reach the robot after a reconnect.
    const mid = this.client.getLastMessageId();
    if (this.client.outgoing[mid]?.cb === onPublished) this.unacked.set(id, mid);
    return answer;
  }

  /** Publishes a stop (QoS 1) and resolves when the broker has acknowledged it; while disconnected it is sent as soon as the broker is back. */
  async stop(reason: string): Promise<void> {
    if (!this.client.connected) {
      this.pendingStop = reason;
      throw new BridgeConnectionError(`the stop (${reason}) could not be sent now: not connected to the MQTT broker at ${this.url}; it is sent as soon as the broker is back`);
    }
    await this.publishStop(reason);
  }

  /** The latest valid retained observation; waits `observeTimeoutMs` for a first one. */
  observe(): Promise<SceneObservation> {
    return this.observation.get(this.opts.observeTimeoutMs ?? 2000);
  }

  /** The robot's pose if it is confirmed (stamped, sequenced, from after its last motion, fresh); see RobotBackend. */
  confirmedPose(opts: { maxAgeMs: number; waitMs: number }): Promise<PoseState> {
    if (this.faultState) return Promise.resolve({ ok: false, reason: this.faultState.message });
    return this.pose.confirmed(opts.maxAgeMs, opts.waitMs);
  }

  /**
   * Gives control back and disconnects; calls in flight reject with BridgeConnectionError (and
   * a motion among them is stopped). After a fault, first waits up to `stopGraceMs` for the
   * broker so that the pending stop reaches the robot (see `fault.stop`). Always resolves.
   */
  close(): Promise<void> {
    this.closing ??= this.shutdown();
    return this.closing;
  }

  private async shutdown(): Promise<void> {
    this.clearTimers();
    let motionInFlight: string | null = null;
    this.inFlight.failAll((skill, id) => {
      if (isMotion(skill)) motionInFlight = skill;
      this.unpublish(id);
      return new BridgeConnectionError(`${skill} (call ${id}) abandoned: the MQTT backend was closed`);
    });
    if (motionInFlight !== null && this.pendingStop === null) this.pendingStop = `the controller closed while ${motionInFlight} was in flight`;
    if (this.pendingStop !== null) {
      if (!this.client.connected) await this.nextConnect(this.opts.stopGraceMs ?? 10_000);
      await this.deliverPendingStop();
      if (this.pendingStop !== null && this.faultState) this.faultState.stop = 'undelivered';
    }
    if (this.client.connected && this.holding) {
      this.holding = false;
      const release: ControlRequestMessage = { client: this.clientId, name: this.controllerName, op: 'release', leaseMs: 0 };
      await Promise.race([this.client.publishAsync(this.topics.controlRequest, JSON.stringify(release), { qos: 1 }).catch(() => undefined), sleep(500)]);
    }
    // A clean DISCONNECT when the link is up (no will); otherwise drop everything at once.
    const ended = new Promise<void>((resolve) => this.client.end(!this.client.connected, {}, () => resolve()));
    await Promise.race([ended, sleep(1000)]);
    if (!this.client.disconnected) this.client.end(true);
  }

  private waitForConnect(ms: number): Promise<void> {
    const { client } = this;
    client.on('message', (topic, payload) => this.onMessage(topic, payload));
    client.on('error', (err) => this.problems.report({ severity: 'error', source: this.url, message: `MQTT client error: ${err.message}`, issues: [] }));
    client.on('close', () => this.onLinkLost());
    client.on('connect', () => this.onLinkUp());
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        client.off('connect', ok);
        reject(new BridgeConnectionError(`no connection to the MQTT broker at ${this.url} within ${ms} ms`));
      }, ms);
      const ok = (): void => {
        clearTimeout(timer);
        resolve();
      };
      client.once('connect', ok);
    });
  }

  /** Resolves on the next `connect` event, or after `ms`. */
  private nextConnect(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const done = (): void => {
        clearTimeout(timer);
        this.client.off('connect', done);
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.client.on('connect', done);
    });
  }

  /**
   * Asks the robot for control; throws BridgeControlError naming the holder when refused.
   * Taking it again after a lapse, a refusal or no answer is a fault (control lost, robot lost).
   */
  private async acquire(): Promise<void> {
    const ms = this.opts.controlTimeoutMs ?? 2000;
    const reply = await this.controlRequest('acquire', ms);
    const prefix = this.topics.request.split('/skill/')[0];
    if (!reply) {
      const message = `the robot on prefix "${prefix}" did not answer the control request on ${this.topics.controlRequest} within ${ms} ms (is its adapter running? it must grant control, see the MQTT topic contract)`;
      if (!this.started) throw new BridgeConnectionError(message);
      this.raise('robot-lost', message);
      throw this.faultError('control could not be taken again');
    }
    if (!reply.granted) {
      const holder = reply.holder ? `${reply.holder.client}${reply.holder.name ? ` (${reply.holder.name})` : ''}` : 'another controller';
      const message = `the robot on prefix "${prefix}" is controlled by ${holder}; this robotool (${this.clientId}) was refused control${reply.message ? `: ${reply.message}` : ''}`;
      if (this.started) this.raise('control-lost', message);
      throw new BridgeControlError(message, reply.holder ?? undefined);
    }
    this.holding = true;
    this.lastHeard = Date.now();
    if (this.started) return;
    this.started = true;
    const leaseMs = this.opts.leaseMs ?? 5000;
    const renew = setInterval(() => void this.renew(), Math.max(100, Math.floor(leaseMs / 5)));
    const watchdog = setInterval(() => this.watch(), WATCHDOG_MS);
    renew.unref();
    watchdog.unref();
    this.timers.push(renew, watchdog);
  }

  /** Publishes a control request and waits for the robot's answer to this client (null after `ms`); updates the clock offset. */
  private async controlRequest(op: ControlRequestMessage['op'], ms: number): Promise<ControlReplyMessage | null> {
    const msg: ControlRequestMessage = { client: this.clientId, name: this.controllerName, op, leaseMs: this.opts.leaseMs ?? 5000 };
    const sent = Date.now();
    let resolveReply: (r: ControlReplyMessage | null) => void = () => undefined;
    const reply = new Promise<ControlReplyMessage | null>((resolve) => (resolveReply = resolve));
    const waiter = { op, resolve: (r: ControlReplyMessage) => resolveReply(r) };
    this.controlWaiters.push(waiter);
    const timer = setTimeout(() => resolveReply(null), ms);
    this.client.publish(this.topics.controlRequest, JSON.stringify(msg), { qos: 1 }, () => undefined);
    const answer = await reply;
    clearTimeout(timer);
    this.controlWaiters = this.controlWaiters.filter((w) => w !== waiter);
    if (answer?.granted) this.leaseUntil = Math.max(this.leaseUntil, sent + msg.leaseMs);
    if (answer) {
      const received = Date.now();
      // The robot stamped its answer between our send and our receipt: its clock minus ours.
      if (op === 'acquire' || received - sent < 1000) this.pose.clockOffsetMs = answer.stamp - (sent + received) / 2;
    }
    return answer;
  }

  private async renew(): Promise<void> {
    if (!this.holding || this.faultState || this.closing || !this.client.connected) return;
    const reply = await this.controlRequest('renew', Math.max(100, Math.floor((this.opts.leaseMs ?? 5000) / 5)));
    // No answer: the silence watchdog decides; a refusal is handled in onControlReply.
    void reply;
  }

  /** The robot is lost when nothing came from it for `robotSilenceMs` while the link is up. */
  private watch(): void {
    const now = Date.now();
    // After a stalled event loop, let pending messages be read before judging the silence.
    const stalled = now - this.lastTick > 4 * WATCHDOG_MS;
    this.lastTick = now;
    if (stalled || !this.started || this.faultState || this.closing || !this.client.connected) return;
    const ms = this.opts.robotSilenceMs ?? 3000;
    if (now - this.lastHeard > ms) {
      this.raise('robot-lost', `the robot went silent: nothing on ${this.topics.observation}, ${this.topics.result} or ${this.topics.controlReply} for ${now - this.lastHeard} ms (limit ${ms} ms)`);
    }
  }

  /** Ends this backend's use: calls in flight reject, later ones are refused, and the robot is sent a stop now or when the broker is back. */
  private raise(kind: LinkFault['kind'], message: string): void {
    if (this.faultState || this.closing) return;
    this.faultState = { kind, message, at: Date.now(), stop: 'pending' };
    if (kind === 'control-lost') this.holding = false;
    this.inFlight.failAll((skill, id) => {
      this.unpublish(id);
      if (isMotion(skill)) this.pose.motionLost(skill);
      const text =
        kind === 'broker-lost'
          ? `lost the connection to the MQTT broker at ${this.url} while ${skill} was in flight (call ${id}); a stop is sent as soon as the broker is back`
          : `${skill} (call ${id}) abandoned: ${message}`;
      return this.faultError(text);
    });
    this.problems.report({ severity: 'error', source: this.url, message, issues: [] });
    this.pendingStop = message;
    if (this.client.connected) void this.deliverPendingStop();
  }

  /** The error for a call refused or abandoned after the fault, of the fault's kind. */
  private faultError(prefix: string): BridgeError {
    const fault = this.faultState;
    const text = fault === null ? prefix : prefix.includes(fault.message) || prefix.includes('lost the connection') ? prefix : `${prefix}: ${fault.message}`;
    if (fault?.kind === 'robot-lost') return new BridgeRobotLostError(text);
    if (fault?.kind === 'control-lost') return new BridgeControlError(text);
    return new BridgeConnectionError(text);
  }

  /**
   * With a call in flight a lost link is a fault. While idle it is not yet: the broker sends
   * the will (the robot stops and frees the lease), and the next call either finds the link
   * back and takes control again, or fails as a fault.
   */
  private onLinkLost(): void {
    if (this.closing || !this.started || this.faultState) return;
    this.holding = false;
    if (this.inFlight.size > 0 || this.pendingStop !== null) this.raise('broker-lost', `lost the connection to the MQTT broker at ${this.url} while a skill was in flight`);
  }

  private onLinkUp(): void {
    if (this.pendingStop !== null) void this.deliverPendingStop();
  }

  /** Publishes the pending stop once (concurrent callers share the attempt); on success clears it. */
  private deliverPendingStop(): Promise<void> {
    if (this.pendingStop === null || !this.client.connected) return Promise.resolve();
    this.delivering ??= (async () => {
      const reason = this.pendingStop;
      if (reason === null) return;
      try {
        await this.publishStop(reason);
        if (this.pendingStop === reason) this.pendingStop = null;
        if (this.faultState) this.faultState.stop = 'delivered';
      } catch (err) {
        this.problems.report({ severity: 'error', source: this.topics.stop, message: errorText(err), issues: [] });
      } finally {
        this.delivering = null;
      }
    })();
    return this.delivering;
  }

  /** Drops a request the broker has not acknowledged from mqtt.js's resend store. */
  private unpublish(id: string): void {
    const mid = this.unacked.get(id);
    if (mid === undefined) return;
    this.unacked.delete(id);
    this.client.removeOutgoingMessage(mid);
  }

  private clearTimers(): void {
    for (const t of this.timers) clearInterval(t);
    this.timers = [];
  }

  private onMessage(topic: string, payload: Buffer): void {
    const text = payload.toString('utf8');
    if (topic === this.topics.result) this.onResult(text);
    else if (topic === this.topics.observation) this.onObservation(text);
    else if (topic === this.topics.controlReply) this.onControlReply(text);
  }

  private onControlReply(text: string): void {
    const parsed = parsePayload(ControlReplyMessage, text);
    if (!parsed.ok) {
      this.problems.report({ severity: 'error', source: this.topics.controlReply, message: `dropped a malformed control reply: ${parsed.issues.join('; ')}`, issues: parsed.issues });
      return;
    }
    const reply = parsed.value;
    // Every controller hears every answer; any answer shows the robot is alive.
    this.lastHeard = Date.now();
    if (reply.client !== this.clientId) return;
    const waiter = this.controlWaiters.find((w) => w.op === reply.op);
    waiter?.resolve(reply);
    if (this.holding && !reply.granted && reply.op !== 'release') {
      this.holding = false;
      // Mid-motion that is a fault; while idle the next call takes control again (or is told who has it).
      if (this.inFlight.size > 0) {
        const holder = reply.holder ? ` (now held by ${reply.holder.client}${reply.holder.name ? `, ${reply.holder.name}` : ''})` : '';
        this.raise('control-lost', `the robot revoked this controller's lease${holder}${reply.message ? `: ${reply.message}` : ''}`);
      }
    }
  }

  private onResult(text: string): void {
    const parsed = parsePayload(SkillResultMessage, text);
    if (!parsed.ok) {
      const callId = readId(parsed.raw);
      const waiting = callId !== undefined && this.inFlight.noteMalformed(callId, parsed.issues);
      this.problems.report({
        severity: 'error',
        source: this.topics.result,
        message: `dropped a malformed skill result${waiting ? ` for call ${callId} (still waiting for a valid one)` : ''}: ${parsed.issues.join('; ')}`,
        issues: parsed.issues,
        ...(callId !== undefined ? { callId } : {}),
      });
      return;
    }
    this.lastHeard = Date.now();
    const { id, ...body } = parsed.value;
    const skill = this.inFlight.skillOf(id);
    if (skill !== undefined && isMotion(skill)) this.pose.motionResult(skill, body);
    if (!this.inFlight.answer(id, body)) {
      this.problems.report({ severity: 'warn', source: this.topics.result, message: `dropped a result for call ${id}, which is not waiting (late, repeated or not ours)`, issues: [], callId: id });
    }
  }

  private onObservation(text: string): void {
    // An empty retained message clears the topic: the robot no longer vouches for a scene.
    if (text === '') {
      this.observation.clear();
      return;
    }
    const parsed = parsePayload(StampedObservation, text);
    if (!parsed.ok) {
      this.problems.report({ severity: 'error', source: this.topics.observation, message: `dropped a malformed observation: ${parsed.issues.join('; ')}`, issues: parsed.issues });
      return;
    }
    this.lastHeard = Date.now();
    const { stamp: _stamp, seq: _seq, ...observation } = parsed.value;
    this.observation.set(observation);
    this.pose.observation(parsed.value);
  }

  private async publishStop(reason: string, callId?: string): Promise<void> {
    const msg: StopMessage = { reason, at: Date.now(), client: this.clientId, ...(callId !== undefined ? { callId } : {}) };
    const ms = this.opts.stopTimeoutMs ?? 2000;
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new BridgeConnectionError(`the stop (${reason}) was not acknowledged by the MQTT broker at ${this.url} within ${ms} ms`)), ms);
    });
    try {
      await Promise.race([this.client.publishAsync(this.topics.stop, JSON.stringify(msg), { qos: 1 }), timeout]);
    } catch (err) {
      throw err instanceof BridgeConnectionError ? err : new BridgeConnectionError(`the stop (${reason}) could not be published: ${errorText(err)}`, { cause: err });
    } finally {
      clearTimeout(timer);
    }
  }

  private stopInBackground(reason: string, callId?: string): void {
    if (!this.client.connected) {
      this.pendingStop = reason;
      return;
    }
    this.publishStop(reason, callId).catch((err: unknown) => {
      this.problems.report({ severity: 'error', source: this.topics.stop, message: errorText(err), issues: [], ...(callId !== undefined ? { callId } : {}) });
    });
  }
}

function errorText(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
