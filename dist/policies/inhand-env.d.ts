/**
 * A toy in-hand reorientation task in Rapier, after Visual Dexterity (Chen et al.) in its
 * smallest form: a 5 cm cube rests on a flat palm between two fingertips; the policy turns it
 * about the vertical axis to a goal orientation (±90° from where it starts) by moving the
 * fingertips, which push on the cube through contacts (physics, never teleport).
 *
 * Not Visual Dexterity's 16-joint Allegro hand, nor its vision: the fingertips are kinematic
 * spheres that translate in the palm's plane, and the observation is the simulator's state.
 *
 * Observation (OBS_SIZE = 12), positions and velocities in the cube's yaw frame (x along the
 * cube's local x axis projected on the palm, z up), scaled to about unit range:
 *   0-1  cube centre relative to the palm centre, x y / 0.05 m
 *   2-3  sin, cos of the yaw still to go (goal yaw − cube yaw, wrapped to ±π)
 *   4    cube yaw rate / 5 rad/s
 *   5-6  cube velocity x y / 0.2 m/s
 *   7-8  fingertip 0 relative to the cube centre, x y / 0.05 m
 *   9-10 fingertip 1 relative to the cube centre, x y / 0.05 m
 *   11   cube tilt (angle between its local z and the world z) / 1 rad
 * Action (ACTION_SIZE = 4), each clipped to [-1, 1]: fingertip 0 velocity x y, fingertip 1
 * velocity x y, in the cube's yaw frame, times MAX_FINGER_SPEED. Fingertips stay within
 * FINGER_REACH of the palm centre, at the height of the cube's centre.
 * Reward per control step: the reduction of the orientation error (radians, full 3-D angle
 * to the goal quaternion), +1 on success, −1 when the cube leaves the palm, and a small shaping
 * penalty for a fingertip farther than CONTACT_RANGE from the cube centre.
 * Success: orientation error < SUCCESS_TOLERANCE (0.4 rad); the episode ends there.
 */
import RAPIER from '@dimforge/rapier3d-compat';
import { seededRandom } from '../scene/random.ts';
import type { Rapier } from '../sim/rapier.ts';
export { loadRapier, type Rapier } from '../sim/rapier.ts';
export declare const OBS_SIZE = 12;
export declare const ACTION_SIZE = 4;
export declare const PHYSICS_DT: number;
export declare const SUBSTEPS = 2;
export declare const MAX_CONTROL_STEPS = 150;
export declare const SUCCESS_TOLERANCE = 0.4;
export declare const MAX_FINGER_SPEED = 0.15;
export declare const FINGER_REACH = 0.09;
export declare const FINGER_RADIUS = 0.008;
export declare const CUBE_HALF = 0.025;
export declare const PALM_HALF = 0.1;
export declare const GOAL_TURN: number;
/** Shaping: per control step, −REACH_PENALTY × (fingertip distance beyond CONTACT_RANGE) / 5 cm. */
export declare const REACH_PENALTY = 0.003;
export declare const CONTACT_RANGE = 0.045;
/** Fingertip start angle jitter around the cube's ±x faces, rad. */
export declare const FINGER_JITTER = 0.4;
export interface Quat {
    x: number;
    y: number;
    z: number;
    w: number;
}
export interface StepResult {
    obs: Float32Array;
    reward: number;
    done: boolean;
    success: boolean;
    dropped: boolean;
    /** Orientation error to the goal, radians. */
    error: number;
}
/** The project's seeded generator (mulberry32), so that episodes are reproducible. */
export declare const rng: typeof seededRandom;
export declare function yawQuat(yaw: number): Quat;
export declare function yawOf(q: Quat): number;
/** The rotation angle between two unit quaternions, in [0, π]. */
export declare function quatAngle(a: Quat, b: Quat): number;
export interface EpisodeOptions {
    /** Seeds the start pose, the fingertip placement and the goal direction. */
    seed: number;
    /** A goal quaternion instead of the seeded ±90° yaw turn. */
    goal?: Quat;
    /** A yaw turn from the start pose (rad) instead of the seeded ±90°; ignored with `goal`. */
    goalTurn?: number;
    /** The cube's start yaw (rad) instead of the seeded one. */
    startYaw?: number;
    /** Episode length in control steps; default MAX_CONTROL_STEPS. */
    maxControlSteps?: number;
}
/**
 * One episode in a fresh Rapier world (a fresh world per episode keeps runs bit-reproducible:
 * no solver warm-start carries over). Call `await loadRapier()` before constructing.
 */
export declare class InHandEnv {
    readonly world: RAPIER.World;
    readonly goal: Quat;
    private readonly cube;
    private readonly fingers;
    private readonly fingerPos;
    private error;
    private steps;
    private finished;
    private readonly maxSteps;
    constructor(R: Rapier, opts: EpisodeOptions);
    /** Orientation error to the goal, radians. */
    get orientationError(): number;
    get done(): boolean;
    get cubeRotation(): Quat;
    observe(): Float32Array;
    step(action: ArrayLike<number>): StepResult;
    free(): void;
}
/** What a policy is to a rollout: an observation in, an action out. */
export type ActFn = (obs: Float32Array) => ArrayLike<number>;
export interface EpisodeResult {
    return: number;
    success: boolean;
    dropped: boolean;
    finalError: number;
    initialError: number;
    controlSteps: number;
    physicsSteps: number;
}
/** Runs one seeded episode to its end. */
export declare function runEpisode(R: Rapier, act: ActFn, seed: number | EpisodeOptions): EpisodeResult;
//# sourceMappingURL=inhand-env.d.ts.map