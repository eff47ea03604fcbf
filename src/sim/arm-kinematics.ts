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
export const ARM_GEOMETRY = {
  /** Base to shoulder axis (J2). */
  shoulderHeight: 0.28,
  /** Shoulder (J2) to elbow (J3). */
  upperArm: 0.41,
  /** Elbow (J3) to wrist pitch (J5). */
  forearm: 0.41,
  /** Wrist pitch (J5) to the tool centre point between the fingertips. */
  tool: 0.2,
} as const;

/** Servo velocity limits (rad/s), the Gen3's large and small actuators. */
export const JOINT_VELOCITY_LIMITS: Readonly<JointAngles> = [1.39, 1.39, 1.39, 1.39, 1.22, 1.22];

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
export function solveIk(base: Vec3, tcp: Vec3, prevYaw: number, out: JointAngles): JointAngles {
  const { shoulderHeight, upperArm: l2, forearm: l3, tool } = ARM_GEOMETRY;
  const dx = tcp[0] - base[0];
  const dy = tcp[1] - base[1];
  const r = Math.hypot(dx, dy);
  const yaw = r < 1e-6 ? prevYaw : Math.atan2(dy, dx);
  const z = tcp[2] + tool - (base[2] + shoulderHeight);
  const d = Math.min(Math.max(Math.hypot(r, z), Math.abs(l2 - l3) + 1e-6), l2 + l3 - 1e-6);
  const alpha = Math.atan2(z, r);
  const beta = Math.acos(Math.min(1, Math.max(-1, (l2 * l2 + d * d - l3 * l3) / (2 * l2 * d))));
  const upper = alpha + beta;
  const er = l2 * Math.cos(upper);
  const ez = l2 * Math.sin(upper);
  const fore = Math.atan2(z - ez, r - er);
  out[0] = yaw;
  out[1] = upper;
  out[2] = fore - upper;
  out[3] = 0;
  out[4] = -Math.PI / 2 - fore;
  out[5] = yaw;
  return out;
}

/** A fresh, zeroed ArmPoints to pass to `forwardKinematics` as its output. */
export function armPoints(): ArmPoints {
  return { yaw: 0, shoulder: [0, 0, 0], elbow: [0, 0, 0], wrist: [0, 0, 0], tcp: [0, 0, 0], upperPitch: 0, forePitch: 0, toolPitch: 0, gripperYaw: 0 };
}

/**
 * Forward kinematics: where each joint and the tool centre point are for joint angles `q`.
 * Writes into `out` when given (the arm poses its links every step without allocating).
 */
export function forwardKinematics(base: Vec3, q: Readonly<JointAngles>, out: ArmPoints = armPoints()): ArmPoints {
  const { shoulderHeight, upperArm, forearm, tool } = ARM_GEOMETRY;
  const yaw = q[0];
  const c = Math.cos(yaw);
  const s = Math.sin(yaw);
  out.yaw = yaw;
  out.upperPitch = q[1];
  out.forePitch = q[1] + q[2];
  out.toolPitch = out.forePitch + q[4];
  out.gripperYaw = yaw - q[5];
  out.shoulder[0] = base[0];
  out.shoulder[1] = base[1];
  out.shoulder[2] = base[2] + shoulderHeight;
  along(out.elbow, out.shoulder, upperArm, out.upperPitch, c, s);
  along(out.wrist, out.elbow, forearm, out.forePitch, c, s);
  along(out.tcp, out.wrist, tool, out.toolPitch, c, s);
  return out;
}

/** `out` = `from` plus a link of length `len` at elevation `pitch` in the vertical plane of yaw (cos c, sin s). */
function along(out: Vec3, from: Vec3, len: number, pitch: number, c: number, s: number): void {
  const h = len * Math.cos(pitch);
  out[0] = from[0] + h * c;
  out[1] = from[1] + h * s;
  out[2] = from[2] + len * Math.sin(pitch);
}
