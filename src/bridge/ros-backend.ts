import { randomUUID } from 'node:crypto';
import { Ros, Service, Topic, WebSocketTransportFactory, type ITransportFactory } from 'roslib';
import { z } from 'zod';
import type { SceneObservation } from '../perception/observation.ts';
import type { CallOptions, PoseState, RobotBackend, SafetyLimits } from '../skills/backend.ts';
import { SKILLS, isSkillName, skillsFor, type SkillResult, type SkillRobot } from '../skills/registry.ts';
import { BridgeConnectionError, BridgePayloadError, BridgeServiceError, type BridgeProblem } from './errors.ts';
import { InFlightCalls } from './in-flight-calls.ts';
import { ObservationCache } from './observation-cache.ts';
import { parsePayload, parseValue, SkillResultBody, StampedObservation, type StopMessage } from './payload.ts';
import { PoseTracker } from './pose-tracker.ts';
import { ProblemLog } from './problem-log.ts';

/**
 * A robot over rosbridge (protocol v2, ROS 1 or ROS 2) through roslib. The contract, which a
 * robot-side node implements (names are options; these are the defaults):
 *
 * - service `/robotool/skill`, type `robotool_msgs/Skill`:
 *   ```
 *   string skill        # a registry skill name
 *   string args_json    # JSON array of positional arguments, already checked by the safety envelope
 *   ---
 *   string result_json  # JSON {status, value?, message?, warnings?, seconds?}; status is a SkillStatus
 *   ```
 *   A skill that fails on the robot answers `status: "failed"` (failure is data); a service
 *   failure (the handler threw, no such service) rejects the call with BridgeServiceError.
 * - topic `/robotool/stop`, `std_msgs/String`, robotool → robot: `data` is JSON `{reason, at}`;
 *   stop all motion now and hold, whatever is running.
 * - topic `/robotool/observation`, `std_msgs/String`, robot → robotool, latched / transient
 *   local: `data` is a SceneObservation as JSON plus `stamp` (robot clock, epoch ms) and `seq`,
 *   published on every change and at least every 500 ms; results carry `stamp` and `seq` too.
 *   Ages are judged assuming the robot's clock and this host's are synchronised (NTP/chrony):
 *   rosbridge has no handshake to measure the offset, and no lease (see README Limits).
 *
 * Every response and message is parsed with a schema; issues name the field
 * (`result_json.status: …`, `data.robot.gripper[2]: …`). A malformed service response is the
 * one answer that call gets, so the call rejects with BridgePayloadError and the robot is sent
 * a stop; a malformed observation is reported through `onProblem` and dropped. A call with no
 * answer within its timeout rejects with BridgeTimeoutError and a stop; a cancelled call
 * rejects with the signal's reason and a stop; a dropped connection rejects every call in
 * flight with BridgeConnectionError (roslib does not reconnect: connect again). rosbridge
 * cannot tell the robot that this client vanished, so the robot needs its own watchdog.
 */

/** Names and types of the ROS side of the contract. */
export interface RosBridgeNames {
  skillService: string;
  skillServiceType: string;
  stopTopic: string;
  observationTopic: string;
  /** `std_msgs/String` (ROS 1 and rosbridge on ROS 2) or `std_msgs/msg/String`. */
  stringType: string;
}

export const DEFAULT_ROS_NAMES: RosBridgeNames = {
  skillService: '/robotool/skill',
  skillServiceType: 'robotool_msgs/Skill',
  stopTopic: '/robotool/stop',
  observationTopic: '/robotool/observation',
  stringType: 'std_msgs/String',
};

/** Options of a rosbridge robot. */
export interface RosBridgeBackendOptions {
  robot: SkillRobot;
  names?: Partial<RosBridgeNames>;
  /** Skills the robot implements (default: every skill of its kind). */
  capabilities?: Iterable<string>;
  /** The robot's limits, for the safety envelope. */
  safety?: SafetyLimits;
  /** How long a call waits for its response (ms, default 30 000); also sent to rosbridge as the service timeout. */
  timeoutMs?: number;
  /** Per-skill overrides of `timeoutMs`. */
  timeouts?: Readonly<Partial<Record<string, number>>>;
  /** How long to wait for the WebSocket to open (ms, default 5 000). */
  connectTimeoutMs?: number;
  /** How long `observe()` waits for a first observation (ms, default 2 000). */
  observeTimeoutMs?: number;
  /** Malformed messages that were dropped, and link errors. */
  onProblem?: (problem: BridgeProblem) => void;
  /** How roslib opens its WebSocket (default: Node's WebSocket when it has one, else `ws`). */
  transportFactory?: ITransportFactory;
}

interface SkillRequest {
  skill: string;
  args_json: string;
}

interface StringMessage {
  data: string;
}

const SkillResponse = z.object({ result_json: z.string() });
const StringMsg = z.object({ data: z.string() });

/** Re-roots issues of a JSON payload carried in a string field under that field's name. */
function under(field: string, issues: readonly string[]): string[] {
  return issues.map((i) => (i.startsWith('(payload)') ? `${field}${i.slice('(payload)'.length)}` : i.startsWith('[') ? `${field}${i}` : `${field}.${i}`));
}

/** A robot reached through a rosbridge server; see the file comment for the contract. */
export class RosBridgeBackend implements RobotBackend {
  readonly name = 'ros';
  readonly robot: SkillRobot;
  readonly capabilities: ReadonlySet<string>;
  readonly safety?: SafetyLimits;
  readonly names: RosBridgeNames;
  /** The last problems reported, newest last. */
  readonly problems: ProblemLog;
  private readonly inFlight = new InFlightCalls();
  private readonly observation: ObservationCache;
  private readonly pose: PoseTracker;
  private readonly skillService: Service<SkillRequest, unknown>;
  private readonly stopTopic: Topic<StringMessage>;
  private readonly observationTopic: Topic<unknown>;
  private closed = false;

  private constructor(
    private readonly ros: Ros,
    readonly url: string,
    private readonly opts: RosBridgeBackendOptions,
  ) {
    this.robot = opts.robot;
    this.capabilities = new Set(opts.capabilities ?? skillsFor(opts.robot).map((s) => s.name));
    if (opts.safety) this.safety = opts.safety;
    this.names = { ...DEFAULT_ROS_NAMES, ...opts.names };
    this.problems = new ProblemLog(opts.onProblem);
    this.observation = new ObservationCache(this.names.observationTopic);
    this.pose = new PoseTracker(this.names.observationTopic);
    this.skillService = new Service<SkillRequest, unknown>({ ros, name: this.names.skillService, serviceType: this.names.skillServiceType });
    this.stopTopic = new Topic<StringMessage>({ ros, name: this.names.stopTopic, messageType: this.names.stringType });
    this.observationTopic = new Topic<unknown>({ ros, name: this.names.observationTopic, messageType: this.names.stringType });
  }

  /** Opens the WebSocket to rosbridge (`ws://host:9090`), subscribes to the observation, and resolves once connected. */
  static async connect(url: string, opts: RosBridgeBackendOptions): Promise<RosBridgeBackend> {
    const ros = new Ros({ transportFactory: opts.transportFactory ?? WebSocketTransportFactory });
    const backend = new RosBridgeBackend(ros, url, opts);
    await backend.open(opts.connectTimeoutMs ?? 5000);
    backend.observationTopic.subscribe((msg) => backend.onObservation(msg));
    return backend;
  }

  /** Whether the rosbridge connection is up now. */
  get connected(): boolean {
    return this.ros.isConnected && !this.closed;
  }

  async call(skill: string, args: readonly unknown[], opts: CallOptions = {}): Promise<SkillResult> {
    const { signal } = opts;
    if (signal?.aborted) throw signal.reason;
    if (!this.connected) throw new BridgeConnectionError(`${skill} was not sent: not connected to rosbridge at ${this.url}`);
    const id = randomUUID();
    const timeoutMs = this.opts.timeouts?.[skill] ?? this.opts.timeoutMs ?? 30_000;
    const motion = isSkillName(skill) && SKILLS[skill].kind === 'motion';
    if (motion) this.pose.motionSent(skill);
    const answer = this.inFlight.open(id, skill, {
      timeoutMs,
      ...(signal ? { signal } : {}),
      onGiveUp: (why) => {
        if (motion) this.pose.motionLost(skill);
        this.stopInBackground(`${why === 'cancelled' ? 'cancelled' : 'no answer in time'}: ${skill}`);
      },
    });
    if (motion) answer.catch(() => this.pose.motionLost(skill));
    this.skillService.callService(
      { skill, args_json: JSON.stringify(args) },
      (values) => this.onResponse(id, skill, values),
      (error) => {
        this.inFlight.fail(id, new BridgeServiceError(`${skill}: the ${this.names.skillService} service call failed: ${String(error)}`));
      },
      timeoutMs / 1000,
    );
    return answer;
  }

  /** Publishes a stop on the stop topic. rosbridge does not acknowledge publishes: this resolves once it is sent. */
  async stop(reason: string): Promise<void> {
    if (!this.connected) throw new BridgeConnectionError(`the stop (${reason}) could not be sent: not connected to rosbridge at ${this.url}`);
    const msg: StopMessage = { reason, at: Date.now() };
    this.stopTopic.publish({ data: JSON.stringify(msg) });
  }

  observe(): Promise<SceneObservation> {
    return this.observation.get(this.opts.observeTimeoutMs ?? 2000);
  }

  /** The robot's pose if it is confirmed (stamped, sequenced, from after its last motion, fresh); see RobotBackend. */
  confirmedPose(opts: { maxAgeMs: number; waitMs: number }): Promise<PoseState> {
    return this.pose.confirmed(opts.maxAgeMs, opts.waitMs);
  }

  /** Closes the connection; calls in flight reject with BridgeConnectionError. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.inFlight.failAll((skill, id) => new BridgeConnectionError(`${skill} (call ${id}) abandoned: the rosbridge backend was closed`));
    this.ros.close();
  }

  private async open(ms: number): Promise<void> {
    const { ros } = this;
    ros.on('error', (event) => {
      this.problems.report({ severity: 'error', source: this.url, message: `rosbridge link error: ${describeEvent(event)}`, issues: [] });
    });
    ros.on('close', () => {
      this.inFlight.failAll((skill, id) => new BridgeConnectionError(`lost the connection to rosbridge at ${this.url} while ${skill} was in flight (call ${id})`));
    });
    let timer: NodeJS.Timeout | undefined;
    let settle: ((err?: Error) => void) | undefined;
    const opened = new Promise<void>((resolve, reject) => {
      settle = (err) => (err ? reject(err) : resolve());
      timer = setTimeout(() => settle?.(new BridgeConnectionError(`no connection to rosbridge at ${this.url} within ${ms} ms`)), ms);
    });
    const onOpen = (): void => settle?.();
    const onClose = (): void => settle?.(new BridgeConnectionError(`rosbridge at ${this.url} refused or closed the connection`));
    ros.once('connection', onOpen);
    ros.once('close', onClose);
    try {
      await ros.connect(this.url);
      await opened;
    } catch (err) {
      ros.close();
      throw err instanceof BridgeConnectionError ? err : new BridgeConnectionError(`rosbridge at ${this.url}: ${err instanceof Error ? err.message : String(err)}`, { cause: err });
    } finally {
      clearTimeout(timer);
      ros.off('connection', onOpen);
      ros.off('close', onClose);
    }
  }

  private onResponse(id: string, skill: string, values: unknown): void {
    if (!this.inFlight.has(id)) return;
    const source = this.names.skillService;
    const response = parseValue(SkillResponse, values);
    const body = response.ok ? parsePayload(SkillResultBody, response.value.result_json) : response;
    if (body.ok) {
      if (isSkillName(skill) && SKILLS[skill].kind === 'motion') this.pose.motionResult(skill, body.value);
      this.inFlight.answer(id, body.value);
      return;
    }
    const issues = response.ok ? under('result_json', body.issues) : body.issues;
    this.problems.report({ severity: 'error', source, message: `malformed response to ${skill}: ${issues.join('; ')}`, issues, callId: id });
    this.inFlight.fail(id, new BridgePayloadError(source, issues, `${skill}: the robot's response on ${source} is malformed (${issues.join('; ')}); the robot was sent a stop`));
    this.stopInBackground(`malformed response to ${skill}`);
  }

  private onObservation(msg: unknown): void {
    const source = this.names.observationTopic;
    const outer = parseValue(StringMsg, msg);
    const parsed = outer.ok ? parsePayload(StampedObservation, outer.value.data) : outer;
    if (parsed.ok) {
      const { stamp: _stamp, seq: _seq, ...observation } = parsed.value;
      this.observation.set(observation);
      this.pose.observation(parsed.value);
      return;
    }
    const issues = outer.ok ? under('data', parsed.issues) : parsed.issues;
    this.problems.report({ severity: 'error', source, message: `dropped a malformed observation: ${issues.join('; ')}`, issues });
  }

  private stopInBackground(reason: string): void {
    this.stop(reason).catch((err: unknown) => {
      this.problems.report({ severity: 'error', source: this.names.stopTopic, message: err instanceof Error ? err.message : String(err), issues: [] });
    });
  }
}

function describeEvent(event: unknown): string {
  if (event instanceof Error) return event.message;
  if (typeof event === 'object' && event !== null && 'message' in event && typeof event.message === 'string') return event.message;
  return String(event);
}
