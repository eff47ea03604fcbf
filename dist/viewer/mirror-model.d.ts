import type { Quat, RobotKind, Vec3 } from '../scene/schema.ts';
import type { SimWorld } from '../sim/world.ts';
/**
 * The data a viewer needs to draw a world: every body with the shapes of its colliders, taken
 * from Rapier itself so that any robot (arm links, quadruped capsule) is drawn the same way.
 * Plain JSON: it travels over the WebSocket and into MCAP recordings.
 */
/** One collider of a body, posed in the body's frame. Cylinders and capsules run along local y (Rapier's convention). */
export type MirrorShape = {
    kind: 'box';
    halfExtents: Vec3;
    offset: Vec3;
    rotation: Quat;
} | {
    kind: 'sphere';
    radius: number;
    offset: Vec3;
    rotation: Quat;
} | {
    kind: 'cylinder';
    radius: number;
    halfHeight: number;
    offset: Vec3;
    rotation: Quat;
} | {
    kind: 'capsule';
    radius: number;
    halfHeight: number;
    offset: Vec3;
    rotation: Quat;
};
/** A rigid body of the world: a scene object (or a button's cap) or a robot link. */
export interface MirrorBody {
    /** Unique id, also the Foxglove frame id: the object name, `NAME/cap`, or `robot/N`. */
    id: string;
    /** `object` bodies belong to the scene object named `object`. */
    owner: 'object' | 'robot';
    object?: string;
    /** CSS colour (#rrggbb). */
    color: string;
    shapes: MirrorShape[];
}
/** Everything static about a world as a viewer draws it. */
export interface MirrorModel {
    version: 1;
    scene: string;
    robot: RobotKind;
    bodies: MirrorBody[];
    /** The arm's reachable box, drawn as a wireframe. */
    workspace?: {
        min: Vec3;
        max: Vec3;
    };
}
/** Position then quaternion: [x, y, z, qx, qy, qz, qw]. */
export type Pose7 = [number, number, number, number, number, number, number];
/** The poses of every body at one simulated time (s). */
export interface PoseFrame {
    t: number;
    /** Scene objects (and button caps) by body id. */
    objects: Record<string, Pose7>;
    /** Robot links by body id. */
    robot: Record<string, Pose7>;
}
/** Describes a world for a viewer: one entry per body, its shapes read from its colliders. */
export declare function describeWorld(sim: SimWorld): MirrorModel;
/** Reads every body's pose from the world (rounded to 1e-7). Cheap (a few dozen WASM calls); runs every frame. */
export declare function captureFrame(sim: SimWorld): PoseFrame;
/** The pose of one body in a frame, wherever it lives. */
export declare function poseIn(frame: PoseFrame, id: string): Pose7 | undefined;
//# sourceMappingURL=mirror-model.d.ts.map