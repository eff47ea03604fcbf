import { type IClientOptions } from 'mqtt';
import { SceneObservation } from '../perception/observation.ts';
import type { CallOptions, RobotBackend, SafetyLimits } from '../skills/backend.ts';
import { type SkillResult, type SkillRobot } from '../skills/registry.ts';
import { type BridgeProblem } from './errors.ts';
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
export declare function mqttTopics(prefix?: string): {
    request: string;
    result: string;
    stop: string;
    observation: string;
};
/** A robot reached through an MQTT broker; see the file comment for the topic contract. */
export declare class MqttBackend implements RobotBackend {
    private readonly client;
    readonly url: string;
    private readonly opts;
    readonly name = "mqtt";
    readonly robot: SkillRobot;
    readonly capabilities: ReadonlySet<string>;
    readonly safety?: SafetyLimits;
    readonly topics: ReturnType<typeof mqttTopics>;
    /** The last problems reported, newest last. */
    readonly problems: ProblemLog;
    private readonly inFlight;
    private readonly observation;
    private stopOnReconnect;
    private closed;
    private constructor();
    /** Connects to the broker (`mqtt://`, `mqtts://`, `ws://`, `wss://`), subscribes, and resolves once ready. */
    static connect(url: string, opts: MqttBackendOptions): Promise<MqttBackend>;
    /** Whether the broker connection is up now. */
    get connected(): boolean;
    call(skill: string, args: readonly unknown[], opts?: CallOptions): Promise<SkillResult>;
    /** Publishes a stop (QoS 1) and resolves when the broker has acknowledged it. */
    stop(reason: string): Promise<void>;
    /** The latest valid retained observation; waits `observeTimeoutMs` for a first one. */
    observe(): Promise<SceneObservation>;
    /** Disconnects; calls in flight reject with BridgeConnectionError. */
    close(): Promise<void>;
    private waitForConnect;
    private onLinkLost;
    private onLinkUp;
    private onMessage;
    private onResult;
    private onObservation;
    private publishStop;
    private stopInBackground;
}
//# sourceMappingURL=mqtt-backend.d.ts.map