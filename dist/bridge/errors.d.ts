/**
 * Typed errors of the hardware bridges. A bridge rejects a skill call only when the link to the
 * robot fails (no connection, no answer in time, a service failure); a skill that fails on the
 * robot is data (`status: 'failed'`), and a cancelled call rejects with the signal's reason.
 */
/** Base of every bridge error; `code` is stable for programs, `message` is for people. */
export declare abstract class BridgeError extends Error {
    abstract readonly code: 'connection' | 'timeout' | 'payload' | 'service';
}
/** The broker or rosbridge server is unreachable, or the link dropped while a call was in flight. */
export declare class BridgeConnectionError extends BridgeError {
    readonly name = "BridgeConnectionError";
    readonly code = "connection";
}
/** The robot did not answer in time. The bridge has sent a stop. */
export declare class BridgeTimeoutError extends BridgeError {
    readonly skill: string;
    readonly timeoutMs: number;
    readonly name = "BridgeTimeoutError";
    readonly code = "timeout";
    constructor(skill: string, timeoutMs: number, message: string);
}
/** A payload from the robot did not fit its schema; `issues` name the fields (`status`, `robot.gripper[2]`). */
export declare class BridgePayloadError extends BridgeError {
    /** Where it came from: an MQTT topic or a ROS service/topic name. */
    readonly source: string;
    readonly issues: readonly string[];
    readonly name = "BridgePayloadError";
    readonly code = "payload";
    constructor(
    /** Where it came from: an MQTT topic or a ROS service/topic name. */
    source: string, issues: readonly string[], message: string);
}
/** rosbridge reported the service call as failed (no such service, the handler threw). */
export declare class BridgeServiceError extends BridgeError {
    readonly name = "BridgeServiceError";
    readonly code = "service";
}
/** A problem the bridge recovered from (a malformed payload it dropped), reported as data, never thrown. */
export interface BridgeProblem {
    severity: 'warn' | 'error';
    /** Topic or service the payload came from. */
    source: string;
    message: string;
    /** Field-level issues, `path: what is wrong`. */
    issues: readonly string[];
    /** The call the payload was meant for, when its id could be read. */
    callId?: string;
}
//# sourceMappingURL=errors.d.ts.map