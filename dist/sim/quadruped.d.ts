import type RAPIER from '@dimforge/rapier3d-compat';
import type { Vec3 } from '../scene/schema.ts';
import type { SimRobot } from './robot.ts';
import type { RobotAttach, SimWorld } from './world.ts';
import { type XY } from './quadruped-path.ts';
/**
 * A Unitree Go1-sized quadruped (body 0.65 × 0.3 × 0.3 m with its legs) as a kinematic body
 * moved by Rapier's kinematic character controller. There are no simulated legs; what legs do
 * is modelled explicitly, and only that:
 *
 * - Body: a frictionless capsule along the body's x axis (radius 0.15, half-length 0.175),
 *   hovering the controller's offset above what it stands on. The controller slides it along
 *   obstacles, climbs edges and snaps it to the ground.
 * - Steps: Rapier's capsule climbs an edge like a ramp and, met at an angle, climbs 0.13 m; so
 *   any rise is checked against the top of the edge being climbed, and refused above the step
 *   limit (plus 5 mm): the robot climbs 0.12 m and refuses 0.13 m from any direction.
 * - Gravity: no vertical motion while the body rests on something (rays under the capsule's
 *   bottom line), free fall at g otherwise.
 * - Feet: four foot points under the hips (±0.19, ±0.12). A move that would take a foot that
 *   has a foothold to a spot without one is refused: a foothold is a surface no more than the
 *   step limit above or below the body's support, under the foot or within `maxGap` ahead of
 *   it along the motion (a foot reaches across a gap that narrow). So the robot stops at the
 *   edge of a wider gap or a higher drop and reports itself blocked, although its body is long
 *   enough to span the gap. A turn that would take a foot off its support becomes a side-step.
 * - Weight: the robot's weight (mass × g) is shared between the feet's footholds, and the
 *   shares on dynamic bodies are applied to them as forces, so a plank it stands on is loaded
 *   and tips when the robot walks out past its support.
 * - Pushing: a flat plate at the front (the forelegs and chest) collides only while pushing.
 *   The controller then ignores the pushed object and the kinematic body drives into it at the
 *   push speed; Rapier's solver moves the object. (The controller's own impulses push a 5 kg box
 *   at about half the commanded speed, see DESIGN, so they are off.) Otherwise the controller
 *   keeps its offset from everything, so walking never shoves or drags objects.
 *
 * The locomotion controller runs every CONTROL_EVERY physics steps (60 Hz at dt 1/240, a typical
 * rate for a quadruped's body-velocity controller); between its ticks the body moves along the
 * computed motion in equal steps. Everything it remembers is plain data in QuadrupedState, so a
 * world restored from a snapshot continues (the character controller itself is rebuilt).
 */
/** Capsule radius (m): half the body's width and height with legs. */
export declare const BODY_RADIUS = 0.15;
/** Capsule half-length of the cylinder part (m); the body is 2 × (0.175 + 0.15) = 0.65 m long. */
export declare const BODY_HALF_LENGTH = 0.175;
/** From the body centre to its front (m). */
export declare const NOSE: number;
type Outcome = 'idle' | 'moving' | 'reached' | 'blocked';
interface WalkTask {
    kind: 'walk';
    waypoints: XY[];
    /** Heading to turn to at the end (rad), if any. */
    heading: number | null;
}
interface PushTask {
    kind: 'push';
    object: string;
    target: XY;
    /** Object-centre waypoints still to reach, the target last (see planLegs). */
    legs: XY[];
    /** Where the object's centre was when the current leg began. */
    legFrom: XY;
    phase: 'approach' | 'push' | 'settle';
    /** The approach walk while phase is 'approach'. */
    walk: WalkTask | null;
    approaches: number;
    /** Control ticks in a row the object has not followed the robot's push. */
    stuckTicks: number;
    /** Height of the object's centre when the push started (m): it has fallen when this drops. */
    startHeight: number;
    settleSteps: number;
    /** Control ticks in a row the fallen object has been at rest. */
    quietTicks: number;
}
/** Everything about the quadruped that Rapier's snapshot does not hold (plain data). */
interface QuadrupedState {
    body: number;
    collider: number;
    /** The pushing plate at the front (see PLATE_HALF) and whether it is switched on. */
    plate: number;
    plateOn: boolean;
    /** Heading (rad) at the start of the current control period, and at its end. */
    yaw: number;
    yawTo: number;
    /** Vertical speed while falling (m/s). */
    vz: number;
    /** Whether the body rested on something at its last tick. */
    grounded: boolean;
    /** Height of the surface the body last rested on (m). */
    level: number;
    /** Body position at the start of the current control period and the motion over it. */
    from: Vec3;
    move: Vec3;
    /** Physics steps done in the current control period. */
    sub: number;
    task: WalkTask | PushTask | null;
    outcome: Outcome;
    reason: string;
    /** Control ticks in a row with too little progress. */
    stalled: number;
    /** A turn was refused for the footholds during this task: walk without turning. */
    turnBlocked: boolean;
    /** How the last controller tick went (for stall detection). */
    lastTick: TickReport;
    /** Dynamic bodies currently carrying the robot's weight (their forces are reset each tick). */
    loaded: number[];
    /** The world's configured solver iterations, the most the quadruped uses (see WALK_ITERATIONS). */
    iterations?: number;
}
/** A fixed cuboid turned about z only: centre xy, cos and sin of its yaw, half extents in xy, top and bottom heights (m). */
export interface FixedBox {
    x: number;
    y: number;
    c: number;
    s: number;
    hx: number;
    hy: number;
    top: number;
    bottom: number;
    /** Centre height and half height, as Rapier holds them (single precision). */
    z: number;
    hz: number;
}
/** The collider as a fixed cuboid turned about z only, or null when it is anything else (moving, a sensor, another shape, tilted). */
export declare function fixedBoxOf(R: typeof RAPIER, c: RAPIER.Collider): FixedBox | null;
/**
 * Rapier's time of impact for a solid ray cast straight down from height z0 at a point inside
 * the footprint of a fixed cuboid turned about z only (`Cuboid::cast_local_ray`, in single
 * precision: the ray's origin in the box's frame, then the slab test along z), or -1 for a miss.
 * Checked bit for bit against `World.castRay` on every fixed box of every task scene (scratch).
 */
export declare function downRayToi(box: FixedBox, z0: number, maxToi: number): number;
/** Why the last controller tick could not move as commanded. */
interface TickReport {
    commanded: number;
    achieved: number;
    why: string;
}
type RawShape = ReturnType<RAPIER.Shape['intoRaw']>;
/**
 * Downward ray casts and box queries through Rapier's raw bindings, with argument vectors made
 * once. The locomotion controller casts 7–11 rays per tick, and `World.castRay` spends most of
 * each on glue: two WebAssembly vectors allocated and freed per call, and a JS filter closure
 * called back for every candidate collider even when no filter is given. This makes the same
 * query (same arguments, same result) without either.
 */
export declare class RawQueries {
    private readonly R;
    private readonly world;
    private readonly origin;
    private readonly dir;
    private readonly half;
    private readonly desired;
    private ox;
    private oy;
    private oz;
    constructor(R: typeof RAPIER, world: RAPIER.World);
    private setOrigin;
    /** Collider handle of the last hit `castDown` reported. */
    hitCollider: number;
    /**
     * `world.castRay` straight down from (x, y, z), solid, excluding one rigid body: the time of
     * impact (the hit collider's handle in `hitCollider`), or -1 for no hit.
     */
    castDown(x: number, y: number, z: number, maxToi: number, excludeBody: number): number;
    /** `world.collidersWithAabbIntersectingAabb` with the collider handles passed to `callback`. */
    collidersInAabb(cx: number, cy: number, cz: number, hx: number, hy: number, hz: number, callback: (handle: number) => boolean): void;
    /**
     * `controller.computeColliderMovement(collider, desired, undefined, undefined, filter)` with a
     * reused vector for the desired motion and a filter on collider handles (none: no call-backs).
     */
    moveCollider(controller: RAPIER.KinematicCharacterController, collider: number, dx: number, dy: number, dz: number, filter?: (handle: number) => boolean): void;
    /**
     * `world.intersectionWithShape(pos, rot, shape, undefined, undefined, undefined, body, filter)`
     * with the shape made once and a filter on collider handles (none: no call-backs): whether
     * the shape there meets any collider.
     */
    shapeMeetsAny(x: number, y: number, z: number, rot: RAPIER.Rotation, shape: RawShape, excludeBody: number, filter?: (handle: number) => boolean): boolean;
    free(): void;
}
export declare class QuadrupedRobot implements SimRobot {
    private readonly sim;
    private readonly st;
    readonly kind = "quadruped";
    private readonly spec;
    private readonly controller;
    private readonly queries;
    /** The capsule a turn must find free (Rapier's raw shape, made once). */
    private readonly turnShape;
    private body;
    /** Handles of the colliders on dynamic bodies (none are added while the robot runs). */
    private dynamicColliders;
    constructor(sim: SimWorld, st: QuadrupedState);
    /** Creates the body standing at the scene's start pose. */
    static create(sim: SimWorld): QuadrupedRobot;
    bodyHandles(): readonly number[];
    /** Body centre (m). */
    position(): Vec3;
    /** Heading (rad, about z). */
    heading(): number;
    held(): readonly string[];
    /**
     * What is under the body centre within the legs' reach (a step below the body's underside).
     * Straddling two surfaces (hind legs still on a plank, forelegs on a sofa), this is the one
     * under the centre of mass.
     */
    standingOn(): string | null;
    /**
     * Rapier's scene queries see nothing until the world has stepped once, so in a freshly built
     * world the support comes from the objects' boxes: the highest top under the centre within reach.
     */
    private standingOnBeforeFirstStep;
    /** 'moving' until the current walk or push ends as 'reached' or 'blocked' (then `reason` says why). */
    outcome(): Outcome;
    get reason(): string;
    /** Walks in a straight line until the body centre is above `xy`. */
    walkTo(xy: XY): void;
    /** Walks behind `object` and pushes it with the body until its centre is at `xy` (see planLegs). */
    push(object: string, xy: XY): void;
    halt(): void;
    beforeStep(): void;
    afterStep(): void;
    saveState(): unknown;
    free(): void;
    private start;
    /** Solver iterations for walking or pushing (see WALK_ITERATIONS). */
    private setSolverIterations;
    private rb;
    private finish;
    /** One locomotion-controller tick: decide the body velocity, then move through the controller. */
    private tick;
    /** The controller's filter while pushing `object`: everything but the object and the plate (made once per object). */
    private ignoring;
    private ignore;
    /** Ends the task as blocked when the body has not moved as commanded for a while. */
    private watchProgress;
    private stopMotion;
    /** The body velocity the current task asks for. */
    private command;
    private walkCommand;
    /** Pushing: approach behind the object, then drive it along the current leg to the leg's end. */
    private pushCommand;
    /**
     * The legs of a push, as object-centre waypoints ending at the target. A box is pushed along
     * its face normals, where a flat face stays on the nose: a target well off both normals is
     * reached in two legs (the longer first, unless that sweeps the box into something standing
     * at its level). Round objects and near-normal targets go in one straight leg.
     */
    private planLegs;
    /** Whether the object's footprint, swept along the legs, stays clear of everything at its level. */
    private legsClear;
    /** Height of the highest surface right under the capsule's bottom line at pos, or -Infinity. */
    private surfaceUnder;
    /**
     * surfaceUnder without rays where only fixed boxes are under the body (see
     * footholdsUnderFixedBoxes): the same three rays' first hits, from Rapier's own arithmetic
     * (downRayToi), or null where the rays must be cast (something else near, a ray within 0.1 mm
     * of a box's side).
     */
    private surfaceUnderFixedBoxes;
    /** How far the body centre is from the object's centre when the plate touches the object's back face, pushing along dir. */
    private contactDistance;
    /** Casts straight down at xy from height z0; the first hit within `reach`, skipping the robot. */
    private castDown;
    /** A foothold for a foot at xy, reaching up to `maxGap` ahead along dir across a gap. */
    private foothold;
    /** Where the last foothold found by `footholdProbe` is (xy and height). */
    private readonly probeAt;
    private probeZ;
    /**
     * The probe (0–3) of `foothold` that found a foothold, or -1 for none; without allocating (the
     * hit in probeAt, probeZ and queries.hitCollider).
     */
    private footholdProbe;
    private feet;
    /** Why a move from (pos, yaw) to (next, nextYaw) would lose a foothold, or '' when it would not. */
    private lostFoothold;
    /**
     * Whether every foot in `feet` certainly has a foothold right under it (the first probe of
     * `foothold`), decided without casting rays where only fixed boxes are near: one broad-phase
     * query finds every collider any of the four rays could hit (a ray only hits colliders whose
     * bounding box it crosses), and when all of them are fixed cuboids turned about z only (the
     * scene's static geometry, read once), each ray's first hit is the top of the highest box over
     * that foot. A foot within 0.1 mm of a box's side, or a hit within 0.1 mm of the foothold
     * window's ends, is left to the rays (Rapier computes in single precision); so is anything
     * else near the feet, and any foot without a foothold here. True only where the rays would
     * find all four footholds.
     */
    private footholdsUnderFixedBoxes;
    /**
     * Whether every collider (the robot's aside) whose broad-phase box meets the given box (centre,
     * half extents) is a fixed cuboid turned about z only: those boxes (possibly more), or null.
     */
    private onlyFixedBoxesIn;
    /**
     * Finds the colliders around the body for this tick's support, foothold and load checks with
     * one broad-phase query (they are looked up in `region` while it is valid, during the tick;
     * a check whose box the region does not contain queries on its own).
     */
    private scanRegion;
    /** Whether this tick tries the fast paths of surfaceUnder and lostFoothold (they need fixed boxes alone around the body). */
    private fixedOnly;
    /** Ticks until the next scanRegion. */
    private rescan;
    /** What is around the body during a tick (scanRegion). */
    private readonly region;
    /** Fixed cuboids near the robot (onlyFixedBoxesIn). */
    private readonly nearBoxes;
    /** The scene's fixed cuboids by collider handle, null for any other collider (read once: fixed bodies do not move). */
    private readonly fixedBoxes;
    private fixedBox;
    /** Top of the highest edge the controller's last move ran into (m), or -Infinity. */
    private climbHeight;
    /** What the controller bumped into on its last move, with the height of the step it presents. */
    private obstacle;
    /** Puts the robot's weight on the dynamic bodies its feet stand on, as forces at the footholds. */
    private loadSupports;
    /**
     * Whether a dynamic body's collider may lie where the footholds of `feet` are cast for (see
     * `foothold` without a direction). When none does, no foothold can be on a dynamic body and the
     * casts are skipped: a ray only hits colliders whose bounding box in Rapier's broad phase it
     * crosses, and this asks the broad phase for the boxes meeting the one around all those rays.
     */
    private dynamicSet;
    private dynamicUnder;
    /** Whether the body can turn to `yaw` at `pos` without its capsule entering anything. */
    private canTurnTo;
}
/** Attaches the quadruped: a new body at the start pose, or, with saved state, the body already in a restored world. */
export declare const attachQuadruped: RobotAttach;
export {};
//# sourceMappingURL=quadruped.d.ts.map