import type { Vec3 } from '../scene/schema.ts';
/**
 * Geometry of the parallel two-finger gripper, in the gripper frame: origin at the tool centre
 * point (between the fingers, 15 mm above their tips), z up the tool, fingers closing along y.
 * Sizes are close to a Robotiq 2F-85's: 85 mm stroke, 50 mm fingers.
 */
export declare const GRIPPER: {
    /** Half of the fully open stroke, per finger (m). */
    readonly openHalf: 0.0425;
    /** Finger speed while opening or closing (m/s). */
    readonly fingerSpeed: 0.1;
    /** Half extents of one finger pad (m): 20 mm deep (x), 10 mm thick (y), 50 mm tall (z). */
    readonly fingerHalf: Vec3;
    /** Height of a finger's centre above the tool centre point (tips 15 mm below it). */
    readonly fingerCentreZ: 0.01;
    /** Half extents of the palm (m). */
    readonly palmHalf: Vec3;
    readonly palmCentreZ: 0.05;
    /** Rubber pads. */
    readonly friction: 1;
};
/** Lateral offset of a finger's centre for a half opening `half` (inner face at `half`). */
export declare function fingerOffsetY(half: number): number;
/** World-aligned box around the palm and fingers with the tool centre point at `tcp` (the gripper never turns). */
export declare function gripperBox(tcp: Vec3, half: number): {
    min: Vec3;
    max: Vec3;
};
//# sourceMappingURL=arm-gripper.d.ts.map