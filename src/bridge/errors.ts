/**
 * Typed errors of the hardware bridges. A bridge rejects a skill call only when the link to the
 * robot fails (no connection, no answer in time, a service failure); a skill that fails on the
 * robot is data (`status: 'failed'`), and a cancelled call rejects with the signal's reason.
 */

/** Base of every bridge error; `code` is stable for programs, `message` is for people. */
export abstract class BridgeError extends Error {
  abstract readonly code: 'connection' | 'timeout' | 'payload' | 'service' | 'control' | 'robot-lost';
}

/** The broker or rosbridge server is unreachable, or the link dropped while a call was in flight. */
export class BridgeConnectionError extends BridgeError {
  override readonly name = 'BridgeConnectionError';
  readonly code = 'connection';
}

/** The robot did not answer in time. The bridge has sent a stop. */
export class BridgeTimeoutError extends BridgeError {
  override readonly name = 'BridgeTimeoutError';
  readonly code = 'timeout';
  constructor(
    readonly skill: string,
    readonly timeoutMs: number,
    message: string,
  ) {
    super(message);
  }
}

/** A payload from the robot did not fit its schema; `issues` name the fields (`status`, `robot.gripper[2]`). */
export class BridgePayloadError extends BridgeError {
  override readonly name = 'BridgePayloadError';
  readonly code = 'payload';
  constructor(
    /** Where it came from: an MQTT topic or a ROS service/topic name. */
    readonly source: string,
    readonly issues: readonly string[],
    message: string,
  ) {
    super(message);
  }
}

/** rosbridge reported the service call as failed (no such service, the handler threw). */
export class BridgeServiceError extends BridgeError {
  override readonly name = 'BridgeServiceError';
  readonly code = 'service';
}

/**
 * Another controller holds the robot, or this one lost its lease: the robot refused or
 * revoked control. `holder` names the controller that has it, when the robot said.
 */
export class BridgeControlError extends BridgeError {
  override readonly name = 'BridgeControlError';
  readonly code = 'control';
  constructor(
    message: string,
    readonly holder?: { client: string; name?: string | undefined },
  ) {
    super(message);
  }
}

/** The robot went silent: no observation, result or lease reply within the allowed time. The bridge has sent a stop. */
export class BridgeRobotLostError extends BridgeError {
  override readonly name = 'BridgeRobotLostError';
  readonly code = 'robot-lost';
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
