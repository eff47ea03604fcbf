import type { Vec3 } from '../scene/schema.ts';
/**
 * Kinematics of a Kinova Gen3-like 6-DoF arm with a spherical wrist whose gripper points
 * straight down:
 *   J1 base yaw, J2 shoulder pitch, J3 elbow pitch, J4 forearm roll, J5 wrist pitch, J6 tool roll.
 * With the tool pinned vertical, the closed-form solution keeps the forearm roll at zero
 * (elbow-up branch), lets the wrist pitch cancel the shoulder and elbow so the tool stays
 * vertical, and lets the tool roll cancel the base yaw so the fingers always close along world y.
 * Every IK solution satisfies the linear relations q2+q3+q5 = -π/2 and q6 = q1, so any
 * interpolation between two solutions keeps the gripper's orientation exactly.
 */
/** Joint angles (rad), J1..J6. */
export type JointAngles = [number, number, number, number, number, number];
/** Link lengths of the arm (m), close to a Gen3's. */
export declare const ARM_GEOMETRY: {
    /** Base to shoulder axis (J2). */
    readonly shoulderHeight: 0.28;
    /** Shoulder (J2) to elbow (J3). */
    readonly upperArm: 0.41;
    /** Elbow (J3) to wrist pitch (J5). */
    readonly forearm: 0.41;
    /** Wrist pitch (J5) to the tool centre point between the fingertips. */
    readonly tool: 0.2;
};
/** Servo velocity limits (rad/s), the Gen3's large and small actuators. */
export declare const JOINT_VELOCITY_LIMITS: Readonly<JointAngles>;
/** Points of the chain in the world frame, for posing the link bodies. */
export interface ArmPoints {
    yaw: number;
    shoulder: Vec3;
    elbow: Vec3;
    wrist: Vec3;
    tcp: Vec3;
    /** Elevation of the upper arm, forearm and tool above the horizontal (rad). */
    upperPitch: number;
    forePitch: number;
    toolPitch: number;
    /** Yaw of the gripper about world z (0: fingers close along world y). */
    gripperYaw: number;
}
/**
 * Joint angles that put the tool centre point at `tcp` with the gripper pointing down.
 * Targets too far or too close are pulled onto the reachable shell; `prevYaw` is kept when the
 * wrist is right above the base (where the base yaw is undetermined).
 */
export declare function solveIk(base: Vec3, tcp: Vec3, prevYaw: number, out: JointAngles): JointAngles;
/** A fresh, zeroed ArmPoints to pass to `forwardKinematics` as its output. */
export declare function armPoints(): ArmPoints;
/**
 * Forward kinematics: where each joint and the tool centre point are for joint angles `q`.
 * Writes into `out` when given (the arm poses its links every step without allocating).
 */
export declare function forwardKinematics(base: Vec3, q: Readonly<JointAngles>, out?: ArmPoints): ArmPoints;
//# sourceMappingURL=arm-kinematics.d.ts.map