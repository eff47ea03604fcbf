/**
 * Geometry of the parallel two-finger gripper, in the gripper frame: origin at the tool centre
 * point (between the fingers, 15 mm above their tips), z up the tool, fingers closing along y.
 * Sizes are close to a Robotiq 2F-85's: 85 mm stroke, 50 mm fingers.
 */
export const GRIPPER = {
    /** Half of the fully open stroke, per finger (m). */
    openHalf: 0.0425,
    /** Finger speed while opening or closing (m/s). */
    fingerSpeed: 0.1,
    /** Half extents of one finger pad (m): 20 mm deep (x), 10 mm thick (y), 50 mm tall (z). */
    fingerHalf: [0.01, 0.005, 0.025],
    /** Height of a finger's centre above the tool centre point (tips 15 mm below it). */
    fingerCentreZ: 0.01,
    /** Half extents of the palm (m). */
    palmHalf: [0.02, 0.055, 0.015],
    palmCentreZ: 0.05,
    /** Rubber pads. */
    friction: 1.0,
};
/** Lateral offset of a finger's centre for a half opening `half` (inner face at `half`). */
export function fingerOffsetY(half) {
    return half + GRIPPER.fingerHalf[1];
}
/** World-aligned box around the palm and fingers with the tool centre point at `tcp` (the gripper never turns). */
export function gripperBox(tcp, half) {
    const hx = Math.max(GRIPPER.palmHalf[0], GRIPPER.fingerHalf[0]);
    const hy = Math.max(GRIPPER.palmHalf[1], fingerOffsetY(half) + GRIPPER.fingerHalf[1]);
    return {
        min: [tcp[0] - hx, tcp[1] - hy, tcp[2] + GRIPPER.fingerCentreZ - GRIPPER.fingerHalf[2]],
        max: [tcp[0] + hx, tcp[1] + hy, tcp[2] + GRIPPER.palmCentreZ + GRIPPER.palmHalf[2]],
    };
}
//# sourceMappingURL=arm-gripper.js.map