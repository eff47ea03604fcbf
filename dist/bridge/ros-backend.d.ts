import { type ITransportFactory } from 'roslib';
import { SceneObservation } from '../perception/observation.ts';
import type { CallOptions, RobotBackend, SafetyLimits } from '../skills/backend.ts';
import { type SkillResult, type SkillRobot } from '../skills/registry.ts';
import { type BridgeProblem } from './errors.ts';
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
 *   local: `data` is a SceneObservation as JSON.
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
export declare const DEFAULT_ROS_NAMES: RosBridgeNames;
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
/** A robot reached through a rosbridge server; see the file comment for the contract. */
export declare class RosBridgeBackend implements RobotBackend {
    private readonly ros;
    readonly url: string;
    private readonly opts;
    readonly name = "ros";
    readonly robot: SkillRobot;
    readonly capabilities: ReadonlySet<string>;
    readonly safety?: SafetyLimits;
    readonly names: RosBridgeNames;
    /** The last problems reported, newest last. */
    readonly problems: ProblemLog;
    private readonly inFlight;
    private readonly observation;
    private readonly skillService;
    private readonly stopTopic;
    private readonly observationTopic;
    private closed;
    private constructor();
    /** Opens the WebSocket to rosbridge (`ws://host:9090`), subscribes to the observation, and resolves once connected. */
    static connect(url: string, opts: RosBridgeBackendOptions): Promise<RosBridgeBackend>;
    /** Whether the rosbridge connection is up now. */
    get connected(): boolean;
    call(skill: string, args: readonly unknown[], opts?: CallOptions): Promise<SkillResult>;
    /** Publishes a stop on the stop topic. rosbridge does not acknowledge publishes: this resolves once it is sent. */
    stop(reason: string): Promise<void>;
    observe(): Promise<SceneObservation>;
    /** Closes the connection; calls in flight reject with BridgeConnectionError. */
    close(): Promise<void>;
    private open;
    private onResponse;
    private onObservation;
    private stopInBackground;
}
//# sourceMappingURL=ros-backend.d.ts.map