import type { Vec3 } from '../scene/schema.ts';
import type { SimRobot } from './world.ts';
import type { RobotAttach, SimWorld } from './world.ts';
import { type JointAngles } from './arm-kinematics.ts';
/**
 * The table-mounted arm: a Kinova Gen3-like chain of six revolute joints with a parallel
 * two-finger gripper that always points down (as in RoboTool, the gripper only translates).
 *
 * How it is driven, honestly: the links are `kinematicPositionBased` Rapier bodies, posed every
 * step by forward kinematics of the joint angles. The joints behave as stiff position-controlled
 * servos: each step the tool's waypoint advances along a straight Cartesian line at the scene's
 * `maxSpeed`, closed-form IK gives the joint targets, and every joint moves towards its target no
 * faster than its velocity limit (all joints scaled together, which keeps the gripper vertical).
 * There are no joint torques: Rapier's impulse-joint motors do not hold an arm against gravity
 * (see DESIGN, "Mechanics measured here"), so the arm cannot be pushed off its path; it can only
 * stop, which it does when it would drive the gripper into fixed geometry or when a held object
 * is pressed so hard against something that it lags its grasp.
 *
 * Grasp assist (explicit): the fingers close until each touches something; when both touch the
 * same object (or parts magnetically joined to it) a fixed impulse joint ties that object to the
 * palm at its current relative pose, and contacts between the gripper and everything held are
 * switched off through collision groups. Opening removes the joint and restores the groups.
 * Only the forearm, the tool link, the palm and the fingers collide; the base, shoulder, upper arm
 * and wrist housing are there to be drawn.
 *
 * Cost: the arm itself adds only kinematic bodies, and resting objects are left to sleep (a moving
 * kinematic link wakes what it touches, measured here). The solver's iteration count, the main
 * cost of a step, follows what the arm does: few with nothing held, more while carrying, and the
 * world's configured count while a held object is loaded (see `setSolverIterations`).
 */
export declare class ArmRobot implements SimRobot {
    private readonly sim;
    private readonly st;
    readonly kind = "arm";
    private readonly spec;
    private staticBoxes;
    private tcpCache;
    /** Scratch for posing the links every step without allocating. */
    private readonly points;
    private readonly vec;
    private readonly linkRot;
    private readonly gripRot;
    constructor(sim: SimWorld, st: ArmState);
    /** Creates the arm's bodies in the world, at home with the gripper open. */
    static create(sim: SimWorld): ArmRobot;
    bodyHandles(): readonly number[];
    /** The tool centre point, between the fingertips (m). */
    position(): Vec3;
    /** Joint angles now (rad). */
    joints(): JointAngles;
    /** Opening of the gripper between the fingers' inner faces (m). */
    opening(): number;
    held(): readonly string[];
    /** The object the fingers closed on (without the parts joined to it), or null. */
    grasped(): string | null;
    standingOn(): string | null;
    /** Starts a straight-line move of the tool centre point; the target must already be inside the workspace. */
    moveTo(target: Vec3): void;
    /** 'moving' until the move ends as 'reached' or 'blocked' (then `blockedBy` says by what). */
    moveOutcome(): ArmState['outcome'];
    get blockedBy(): string;
    /** Closes the fingers until each touches something or they meet. */
    close(): void;
    /** Releases whatever is held and opens the fingers fully. */
    open(): void;
    /** Whether the fingers are still moving. */
    gripperBusy(): boolean;
    /** What each finger touched when it stopped (left, right). */
    fingerContacts(): readonly [string | null, string | null];
    halt(): void;
    beforeStep(): void;
    afterStep(): void;
    saveState(): unknown;
    free(): void;
    /** One servo step: advance the waypoint when the joints caught up, then move joints within their limits. */
    private advanceJoints;
    private stopBlocked;
    /** A fixed object (or the table) the gripper would overlap at `tcp`; kinematic bodies get no contacts with fixed ones. */
    private staticBlocker;
    private computeStaticBoxes;
    /**
     * How far what is held lags its grasp. Any load on the grasp (pressing, dragging, hooking)
     * shows as lag of some held part: it switches the solver to its precise iteration count for a
     * while. A lag of the grasped object itself past HELD_LAG_LIMIT during a move means the arm
     * presses it into something it cannot move: the move stops as blocked. (Parts joined to it by
     * magnets may flex further on their own joints without stopping the arm.)
     */
    private checkHeldLag;
    /**
     * Solver iterations for the coming step, the main cost of a step. With nothing held the arm is
     * kinematic and objects only touch it or each other: FREE_ITERATIONS are enough. A held object
     * hangs on an impulse joint (and magnets may chain more parts to it): CARRY_ITERATIONS keep it
     * within a millimetre while carried, and while the grasp is loaded the world's own count (16 by
     * default: DESIGN, pressing a held tool into static geometry) holds it stiff.
     */
    private setSolverIterations;
    /** Names of objects (not in `group`, not the robot) touching any collider of `group`. */
    private contactsOf;
    /** Each closing finger stops at its first contact; both on one object (or its joined parts) is a grasp. */
    private senseFingers;
    private grasp;
    /** Puts everything held in the HELD group, which the arm's colliders ignore, and notes where it is held. */
    private isolateHeld;
    private release;
    /** Poses every link body from the joint angles and finger openings. */
    private pose;
    /** Places a gripper body at (0, y, z) in the gripper frame `g`, whose origin is the tool centre point. */
    private placeInGripper;
    /** Sets a link body's pose: its next kinematic pose while stepping, or directly when first built. */
    private place;
}
/** Attaches the table-mounted arm: new bodies, or, with saved state, the bodies already in a restored world. */
export declare const attachArm: RobotAttach;
/** Rapier handles of the arm's links. */
interface ArmBodies {
    base: number;
    shoulder: number;
    upperArm: number;
    forearm: number;
    wrist: number;
    toolLink: number;
    palm: number;
    fingerLeft: number;
    fingerRight: number;
}
interface Motion {
    from: Vec3;
    to: Vec3;
    length: number;
    travelled: number;
}
interface Grasp {
    object: string;
    joint: number;
    /**
     * Everything held (the grasped object and parts joined to it), with each body's origin minus
     * the tool centre point when it became held (world frame; the gripper never turns).
     */
    parts: {
        name: string;
        body: number;
        offset: Vec3;
    }[];
}
/** Everything about the arm that Rapier's snapshot does not hold; plain data, so a restored world continues identically. */
interface ArmState {
    bodies: ArmBodies;
    fingerColliders: [number, number];
    q: JointAngles;
    qGoal: JointAngles;
    motion: Motion | null;
    outcome: 'idle' | 'moving' | 'reached' | 'blocked';
    blockedBy: string;
    /** Half openings of the left and right finger (m). */
    fingers: [number, number];
    fingerGoal: [number, number];
    touched: [string | null, string | null];
    gripper: 'idle' | 'closing' | 'opening';
    grasp: Grasp | null;
    /** Collision groups of held colliders before the grasp, restored on release. */
    savedGroups: [number, number][];
    joinCount: number;
    solver: {
        /** The world's configured solver iterations, used while the grasp is loaded. */
        precise: number;
        /** Iterations set for the current step (-1 before the first step). */
        current: number;
        /** Step until which the grasp counts as loaded. */
        loadedUntil: number;
    };
}
export {};
//# sourceMappingURL=arm.d.ts.map