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
};
/** Servo velocity limits (rad/s), the Gen3's large and small actuators. */
export const JOINT_VELOCITY_LIMITS = [1.39, 1.39, 1.39, 1.39, 1.22, 1.22];
/**
 * Joint angles that put the tool centre point at `tcp` with the gripper pointing down.
 * Targets too far or too close are pulled onto the reachable shell; `prevYaw` is kept when the
 * wrist is right above the base (where the base yaw is undetermined).
 */
export function solveIk(base, tcp, prevYaw, out) {
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
export function armPoints() {
    return { yaw: 0, shoulder: [0, 0, 0], elbow: [0, 0, 0], wrist: [0, 0, 0], tcp: [0, 0, 0], upperPitch: 0, forePitch: 0, toolPitch: 0, gripperYaw: 0 };
}
/**
 * Forward kinematics: where each joint and the tool centre point are for joint angles `q`.
 * Writes into `out` when given (the arm poses its links every step without allocating).
 */
export function forwardKinematics(base, q, out = armPoints()) {
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
function along(out, from, len, pitch, c, s) {
    const h = len * Math.cos(pitch);
    out[0] = from[0] + h * c;
    out[1] = from[1] + h * s;
    out[2] = from[2] + len * Math.sin(pitch);
}
//# sourceMappingURL=arm-kinematics.js.map