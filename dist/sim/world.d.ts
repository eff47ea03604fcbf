import type RAPIER from '@dimforge/rapier3d-compat';
import { type Rapier } from './rapier.ts';
import type { RobotKind, Scene, SceneObject, Vec3, Quat } from '../scene/schema.ts';
import { type ObjectHandles } from './objects.ts';
/** Things that happen in the world that a person (or a predicate) cares about. */
export type SimEvent = {
    type: 'joined';
    t: number;
    a: string;
    b: string;
} | {
    type: 'broken';
    t: number;
    object: string;
    against: string;
    speed: number;
} | {
    type: 'button-pressed';
    t: number;
    object: string;
    depth: number;
};
export interface SimOptions {
    /** Fixed physics step (s). */
    dt?: number;
    /** Solver iterations; pressing a held tool into static geometry wants ~16. */
    solverIterations?: number;
}
/** A pose in the world frame. */
export interface Pose {
    position: Vec3;
    rotation: Quat;
}
/** Everything needed to rebuild a world bit-identically: Rapier's snapshot plus robotool's own state. */
export interface SimSnapshot {
    rapier: Uint8Array;
    state: WorldState;
    robot: unknown;
}
interface WorldState {
    dt: number;
    time: number;
    steps: number;
    objects: Record<string, ObjectHandles>;
    broken: string[];
    joined: [string, string][];
    pressed: string[];
    /** Bottom z of each object when the scene was built (for "lifted" predicates). */
    initialBottom: Record<string, number>;
}
export type RobotAttach = (world: SimWorld, saved?: unknown) => SimRobot;
/**
 * A Rapier world built from a scene. It owns the Rapier world and frees it in `free()`.
 * Fixed step, no randomness inside: the same scene and the same commands give the same result.
 */
export declare class SimWorld {
    readonly R: Rapier;
    readonly world: RAPIER.World;
    readonly scene: Scene;
    private readonly st;
    readonly dt: number;
    robot: SimRobot | undefined;
    readonly events: SimEvent[];
    private readonly colliderOwner;
    private readonly eventQueue;
    private readonly listeners;
    private readonly preStepSpeed;
    /** The scene's objects by name (contact events look them up every step). */
    private readonly defs;
    private freed;
    private constructor();
    /** Builds a world from a validated scene. The robot is attached by `attach` (see createSim). */
    static create(scene: Scene, attach: RobotAttach | undefined, opts?: SimOptions): Promise<SimWorld>;
    /** Rebuilds a world from a snapshot: an independent clone that continues bit-identically. */
    static restore(scene: Scene, snap: SimSnapshot, attach: RobotAttach | undefined): Promise<SimWorld>;
    snapshot(): SimSnapshot;
    get time(): number;
    get steps(): number;
    /** Advances the world one fixed step: robot control, physics, then magnets, breakage and buttons. */
    step(): void;
    /** Steps for a span of simulated time. */
    stepFor(seconds: number): void;
    on(listener: (e: SimEvent) => void): () => void;
    /** Names of the scene's objects (not the ground). */
    objectNames(): string[];
    def(name: string): SceneObject;
    handles(name: string): ObjectHandles;
    body(name: string): RAPIER.RigidBody;
    /** The object that owns a collider, `ground`, or undefined for robot colliders. */
    ownerOfCollider(handle: number): string | undefined;
    /** The object that owns a rigid body, or undefined. */
    ownerOfBody(handle: number): string | undefined;
    pose(name: string): Pose;
    /** World-aligned bounding box of an object's colliders (m). */
    aabb(name: string): {
        min: Vec3;
        max: Vec3;
    };
    /** Bottom of the object when the scene was built (m). */
    initialBottom(name: string): number;
    isBroken(name: string): boolean;
    isPressed(name: string): boolean;
    /** Pairs of magnetic objects joined so far. */
    joinedPairs(): readonly (readonly [string, string])[];
    /** Every object rigidly joined to `name` (magnets), including itself. */
    joinedGroup(name: string): string[];
    /** Frees Rapier's memory. The world cannot be used afterwards. */
    free(): void;
    private emit;
    private recordFragileSpeeds;
    private handleContacts;
    private checkBreak;
    private join;
    private updateButtons;
}
/** Current depth of a button's cap below its rest height (m). */
export declare function buttonDepth(sim: SimWorld, name: string): number;
/**
 * A simulated robot living inside a SimWorld. The world calls `beforeStep` and `afterStep`
 * around every physics step; the robot moves its own bodies (kinematic links, character
 * controller) and never teleports objects.
 */
export interface SimRobot {
    readonly kind: RobotKind;
    /** Rapier rigid-body handles the robot owns, so the world can tell robot contacts from object contacts. */
    bodyHandles(): readonly number[];
    beforeStep(world: SimWorld): void;
    afterStep(world: SimWorld): void;
    /** Serialisable controller state (everything not in Rapier's own snapshot). */
    saveState(): unknown;
    /** Names of the objects the robot holds (arm: grasped, plus parts joined to it). */
    held(): readonly string[];
    /** The object the robot stands on (quadruped), `ground`, or null when it stands on nothing it can use. */
    standingOn(): string | null;
    /** A reference point of the robot: the gripper centre (arm) or body centre (quadruped). */
    position(): Vec3;
    /** Stop all motion now and hold position (e-stop, cancellation, safety stop). */
    halt(): void;
    /** Frees the robot's non-Rapier resources (character controllers); Rapier bodies go with the world. */
    free(): void;
}
export {};
//# sourceMappingURL=world.d.ts.map