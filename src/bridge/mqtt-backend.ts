import { randomUUID } from 'node:crypto';
import { connect, type IClientOptions, type MqttClient } from 'mqtt';
import { SceneObservation } from '../perception/observation.ts';
import type { CallOptions, RobotBackend, SafetyLimits } from '../skills/backend.ts';
import { skillsFor, type SkillResult, type SkillRobot } from '../skills/registry.ts';
import { BridgeConnectionError, type BridgeProblem } from './errors.ts';
import { InFlightCalls } from './in-flight-calls.ts';
import { ObservationCache } from './observation-cache.ts';
import { parsePayload, readId, SkillResultMessage, type SkillRequestMessage, type StopMessage } from './payload.ts';
import { ProblemLog } from './problem-log.ts';

/**
 * A robot over MQTT 5. The topic contract, which a robot-side adapter implements
 * (`<prefix>` defaults to `robotool`; every payload is UTF-8 JSON):
 *
 * | topic | direction | QoS | payload |
 * |---|---|---|---|
 * | `<prefix>/skill/request` | robotool → robot | 1 | `{id, skill, args}`: run one skill; `args` are positional and already checked by the safety envelope. Message expiry = the call's timeout. |
 * | `<prefix>/skill/result` | robot → robotool | 1 | `{id, status, value?, message?, warnings?, seconds?}`: the answer to request `id`; `status` is a SkillStatus (`failed` for a skill that failed: failure is data). |
 * | `<prefix>/stop` | robotool → robot | 1 | `{reason, callId?, at?}`: stop all motion now and hold. Also the connection's last will, so the broker sends it if robotool vanishes. |
 * | `<prefix>/observation` | robot → robotool | any, **retained** | a SceneObservation (src/perception/observation.ts), republished whenever the scene changes. |
 *
 * The adapter answers each request id at most once and ignores a request id it has seen (QoS 1
 * may deliver twice). It must stop on `<prefix>/stop` whatever it is doing, and should stop
 * when its own link to the broker drops.
 *
 * On this side: every incoming payload is parsed with a schema; a malformed one is reported
 * through `onProblem` with its field paths and dropped — it never settles a call. A call with
 * no valid answer within its timeout rejects with BridgeTimeoutError and the robot is sent a
 * stop; a cancelled call rejects with the signal's reason and the robot is sent a stop; a lost
 * connection rejects every call in flight with BridgeConnectionError and a stop is sent as
 * soon as the connection returns. Calls are refused while disconnected rather than queued,
 * so a motion is never replayed late.
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
  /** Malformed or unexpected payloads that were dropped. */
  onProblem?: (problem: BridgeProblem) => void;
  /** Extra mqtt.js options (credentials, TLS, client id, reconnect period). */
  mqtt?: IClientOptions;
}

/** The four topics of the contract under one prefix. */
export function mqttTopics(prefix = 'robotool'): { request: string; result: string; stop: string; observation: string } {
  return {
    request: `${prefix}/skill/request`,
    result: `${prefix}/skill/result`,
    stop: `${prefix}/stop`,
    observation: `${prefix}/observation`,
  };
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
  private readonly inFlight = new InFlightCalls();
  private readonly observation: ObservationCache;
  private stopOnReconnect: string | null = null;
  private closed = false;

  private constructor(
    private readonly client: MqttClient,
    readonly url: string,
    private readonly opts: MqttBackendOptions,
  ) {
    this.robot = opts.robot;
    this.capabilities = new Set(opts.capabilities ?? skillsFor(opts.robot).map((s) => s.name));
    if (opts.safety) this.safety = opts.safety;
    this.topics = mqttTopics(opts.prefix);
    this.problems = new ProblemLog(opts.onProblem);
    this.observation = new ObservationCache(`${this.topics.observation} (the robot publishes it retained)`);
  }

  /** Connects to the broker (`mqtt://`, `mqtts://`, `ws://`, `wss://`), subscribes, and resolves once ready. */
  static async connect(url: string, opts: MqttBackendOptions): Promise<MqttBackend> {
    const topics = mqttTopics(opts.prefix);
    const will: StopMessage = { reason: 'the robotool controller went offline (MQTT last will)' };
    const client = connect(url, {
      protocolVersion: 5,
      reconnectPeriod: 1000,
      // Calls are refused while offline; nothing of ours may sit in a queue and run late.
      queueQoSZero: false,
      clientId: `robotool-${randomUUID().slice(0, 8)}`,
      will: { topic: topics.stop, payload: Buffer.from(JSON.stringify(will)), qos: 1, retain: false },
      ...opts.mqtt,
    });
    const backend = new MqttBackend(client, url, opts);
    try {
      await backend.waitForConnect(opts.connectTimeoutMs ?? 5000);
      await client.subscribeAsync({ [topics.result]: { qos: 1 }, [topics.observation]: { qos: 1 } });
    } catch (err) {
      client.end(true);
      throw err instanceof BridgeConnectionError ? err : new BridgeConnectionError(`MQTT broker at ${url}: ${errorText(err)}`, { cause: err });
    }
    return backend;
  }

  /** Whether the broker connection is up now. */
  get connected(): boolean {
    return this.client.connected;
  }

  async call(skill: string, args: readonly unknown[], opts: CallOptions = {}): Promise<SkillResult> {
    const { signal } = opts;
    if (signal?.aborted) throw signal.reason;
    if (this.closed || !this.client.connected) {
      throw new BridgeConnectionError(`${skill} was not sent: not connected to the MQTT broker at ${this.url}`);
    }
    const id = randomUUID();
    const timeoutMs = this.opts.timeouts?.[skill] ?? this.opts.timeoutMs ?? 30_000;
    const answer = this.inFlight.open(id, skill, {
      timeoutMs,
      ...(signal ? { signal } : {}),
      onGiveUp: (why) => this.stopInBackground(`${why === 'cancelled' ? 'cancelled' : 'no answer in time'}: ${skill} (call ${id})`, id),
    });
    const request: SkillRequestMessage = { id, skill, args: [...args] };
    this.client.publish(
      this.topics.request,
      JSON.stringify(request),
      { qos: 1, properties: { messageExpiryInterval: Math.max(1, Math.ceil(timeoutMs / 1000)) } },
      (err) => {
        if (err) this.inFlight.fail(id, new BridgeConnectionError(`${skill} could not be published to ${this.topics.request}: ${err.message}`, { cause: err }));
      },
    );
    return answer;
  }

  /** Publishes a stop (QoS 1) and resolves when the broker has acknowledged it. */
  async stop(reason: string): Promise<void> {
    await this.publishStop(reason);
  }

  /** The latest valid retained observation; waits `observeTimeoutMs` for a first one. */
  observe(): Promise<SceneObservation> {
    return this.observation.get(this.opts.observeTimeoutMs ?? 2000);
  }

  /** Disconnects; calls in flight reject with BridgeConnectionError. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.inFlight.failAll((skill, id) => new BridgeConnectionError(`${skill} (call ${id}) abandoned: the MQTT backend was closed`));
    await this.client.endAsync();
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

  private onLinkLost(): void {
    if (this.inFlight.size === 0) return;
    this.inFlight.failAll(
      (skill, id) => new BridgeConnectionError(`lost the connection to the MQTT broker at ${this.url} while ${skill} was in flight (call ${id}); a stop will be sent when it returns`),
    );
    this.stopOnReconnect = 'the connection to the broker dropped while a skill was in flight';
  }

  private onLinkUp(): void {
    if (this.stopOnReconnect === null) return;
    const reason = this.stopOnReconnect;
    this.stopOnReconnect = null;
    this.stopInBackground(reason);
  }

  private onMessage(topic: string, payload: Buffer): void {
    const text = payload.toString('utf8');
    if (topic === this.topics.result) this.onResult(text);
    else if (topic === this.topics.observation) this.onObservation(text);
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
    const { id, ...body } = parsed.value;
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
    const parsed = parsePayload(SceneObservation, text);
    if (!parsed.ok) {
      this.problems.report({ severity: 'error', source: this.topics.observation, message: `dropped a malformed observation: ${parsed.issues.join('; ')}`, issues: parsed.issues });
      return;
    }
    this.observation.set(parsed.value);
  }

  private async publishStop(reason: string, callId?: string): Promise<void> {
    const msg: StopMessage = { reason, at: Date.now(), ...(callId !== undefined ? { callId } : {}) };
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
    this.publishStop(reason, callId).catch((err: unknown) => {
      this.problems.report({ severity: 'error', source: this.topics.stop, message: errorText(err), issues: [], ...(callId !== undefined ? { callId } : {}) });
    });
  }
}

function errorText(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
