/**
 * Typed errors of the hardware bridges. A bridge rejects a skill call only when the link to the
 * robot fails (no connection, no answer in time, a service failure); a skill that fails on the
 * robot is data (`status: 'failed'`), and a cancelled call rejects with the signal's reason.
 */
/** Base of every bridge error; `code` is stable for programs, `message` is for people. */
export class BridgeError extends Error {
}
/** The broker or rosbridge server is unreachable, or the link dropped while a call was in flight. */
export class BridgeConnectionError extends BridgeError {
    name = 'BridgeConnectionError';
    code = 'connection';
}
/** The robot did not answer in time. The bridge has sent a stop. */
export class BridgeTimeoutError extends BridgeError {
    skill;
    timeoutMs;
    name = 'BridgeTimeoutError';
    code = 'timeout';
    constructor(skill, timeoutMs, message) {
        super(message);
        this.skill = skill;
        this.timeoutMs = timeoutMs;
    }
}
/** A payload from the robot did not fit its schema; `issues` name the fields (`status`, `robot.gripper[2]`). */
export class BridgePayloadError extends BridgeError {
    source;
    issues;
    name = 'BridgePayloadError';
    code = 'payload';
    constructor(
    /** Where it came from: an MQTT topic or a ROS service/topic name. */
    source, issues, message) {
        super(message);
        this.source = source;
        this.issues = issues;
    }
}
/** rosbridge reported the service call as failed (no such service, the handler threw). */
export class BridgeServiceError extends BridgeError {
    name = 'BridgeServiceError';
    code = 'service';
}
//# sourceMappingURL=errors.js.map