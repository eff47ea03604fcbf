import { detour, inflate } from "./quadruped-path.js";
import { yawOf } from "../scene/geometry.js";
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
export const BODY_RADIUS = 0.15;
/** Capsule half-length of the cylinder part (m); the body is 2 × (0.175 + 0.15) = 0.65 m long. */
export const BODY_HALF_LENGTH = 0.175;
/** From the body centre to its front (m). */
export const NOSE = BODY_HALF_LENGTH + BODY_RADIUS;
/** Gap the character controller keeps to its surroundings (m). */
const OFFSET = 0.01;
/** Foot points in the body frame (x forward, y left), under a Go1's hips (m). */
const FEET = [
    [0.19, 0.12],
    [0.19, -0.12],
    [-0.19, 0.12],
    [-0.19, -0.12],
];
/**
 * The controller's autostep height (m). Measured here with this capsule and offset at 60 Hz:
 * 0.11 climbs 0.12 m (and 0.125 m) and refuses 0.13 m at walking speeds of 0.3 to 0.5 m/s;
 * slower than ~0.3 m/s it fails to step at all, so the robot walks at full speed up to its target.
 */
const AUTOSTEP = 0.11;
/** Vertical motion per tick below this is the controller keeping its offset (m). */
const CREEP = 0.001;
/**
 * Half extents of the pushing plate: the front legs and chest, flush with the body's front,
 * from PLATE_CLEARANCE above the ground to the top of the body. It collides only while pushing
 * (the capsule's round nose would press a low object down into what it lies on); walking, the
 * controller moves the capsule alone and the plate must not shove anything.
 */
const PLATE_CLEARANCE = 0.02;
const PLATE_HALF = [0.04, 0.13, (2 * BODY_RADIUS - PLATE_CLEARANCE) / 2];
/** Collision groups of the plate: off (interacts with nothing) and on (the default, everything). */
const PLATE_OFF = 0x0000_0000;
const PLATE_ON = 0xffff_ffff;
/** Fastest upward speed of the body after a lift (m/s): a hop of at most ~5 cm. */
const MAX_RISE = 1;
/** Physics steps per locomotion-controller tick. */
const CONTROL_EVERY = 4;
/**
 * Solver iterations in a quadruped's world, the main cost of a step (at most: a world configured
 * with fewer keeps its count). The world's default of 16 is for an arm pressing a held tool into
 * fixed geometry (DESIGN); the quadruped only stands on, walks over and pushes objects: a few
 * more while the plate pushes (the kinematic body drives into the pushed object). Measured here
 * with the three quadruped reference programs under ±1 cm pose noise, seeds 1–40: 6/8 failed
 * none (16 everywhere failed one climb-sofa seed; 6 everywhere, two push-vase and one
 * climb-sofa). Rapier's default of 4 failed push-vase seeds: a cushion pushed into place stayed
 * pressed into the body, and the robot then read it as a step.
 */
const WALK_ITERATIONS = 6;
const PUSH_ITERATIONS = 8;
const G = 9.81;
/** Turning rate in place (rad/s). */
const TURN_RATE = 2.5;
/** Heading error above which the robot turns in place before walking (rad). */
const TURN_IN_PLACE = 0.35;
/** Closer than this to its target the robot only translates (m). */
const NO_TURN_RADIUS = 0.15;
/** Arrival tolerances (m). */
const REACH_TOLERANCE = 0.015;
const WAYPOINT_TOLERANCE = 0.05;
/** Pushing speed (m/s): slow enough that the pushed object stays on the nose. */
const PUSH_SPEED = 0.3;
/** Clearance left behind an object before a push starts (m). */
const APPROACH_CLEARANCE = 0.06;
/** The robot's centre keeps this far outside an object's footprint while going round it (m). */
const KEEP_OUT = BODY_RADIUS + 0.1;
/** A push target within this angle of a box's face normal is pushed in one straight leg (rad). */
const STRAIGHT_PUSH_ANGLE = (15 * Math.PI) / 180;
/** A pushed object this far off its leg's line gets a new line to the leg's end (m)... */
const REAIM_DRIFT = 0.03;
/** ...unless it is this close to the leg's end (m). */
const REAIM_UNTIL = 0.15;
/** An object pushed off an edge has landed when at rest this long (s), or after the time-out (s). */
const SETTLED_SECONDS = 0.25;
const SETTLE_TIMEOUT = 4;
/** A pushed object whose centre dropped this much fell off what it stood on (m). */
const FALLEN = 0.05;
/** A pushed object that has not followed the plate for this long is pinned (s)... */
const STUCK_SECONDS = 0.2;
/** ...and so is one the plate has driven this deep into (m). */
const PINNED_DEPTH = 0.08;
/** A pushed object ending within this of the target has reached it (m). */
const PLACE_TOLERANCE = 0.05;
/**
 * Clearance a pushed box's swept footprint keeps from other objects for a leg to count as clear
 * (m), to the sides of the leg: a box pushed along a neighbour's side with less rubs it (the pushed
 * box turns a little under the plate, and the neighbour may have settled since it was seen), and
 * friction drags the neighbour along.
 */
const SWEEP_CLEARANCE = 0.03;
/** An object pushed off an edge that lands within this of the target has reached it (m). */
const FALL_TOLERANCE = 0.2;
/** The robot gives up a push after this many fresh approaches (the object slid off its nose). */
const MAX_APPROACHES = 4;
/** Below this fraction of the commanded speed for STALL_SECONDS, the robot is blocked. */
const STALL_FRACTION = 0.2;
const STALL_SECONDS = 0.5;
/** The colliders in a box around the quadruped during one controller tick (QuadrupedRobot.scanRegion). */
class Region {
    valid = false;
    x0 = 0;
    x1 = 0;
    y0 = 0;
    y1 = 0;
    z0 = 0;
    z1 = 0;
    /** Every collider in it (the robot's aside) is a fixed cuboid turned about z only: these. */
    known = true;
    boxes = [];
    /** A dynamic body's collider is in it. */
    dynamic = false;
    /** Whether the box with this centre and these half extents lies inside. */
    contains(cx, cy, cz, hx, hy, hz) {
        return cx - hx >= this.x0 && cx + hx <= this.x1 && cy - hy >= this.y0 && cy + hy <= this.y1 && cz - hz >= this.z0 && cz + hz <= this.z1;
    }
}
/** Controller ticks without scanRegion after one that found more than fixed boxes around the body. */
const RESCAN_TICKS = 8;
/** The collider as a fixed cuboid turned about z only, or null when it is anything else (moving, a sensor, another shape, tilted). */
export function fixedBoxOf(R, c) {
    const parent = c.parent();
    if ((parent && !parent.isFixed()) || c.isSensor() || c.shape.type !== R.ShapeType.Cuboid)
        return null;
    const r = c.rotation();
    const he = c.halfExtents();
    if (r.x !== 0 || r.y !== 0 || !he)
        return null;
    const t = c.translation();
    const yaw = 2 * Math.atan2(r.z, r.w);
    return { x: t.x, y: t.y, c: Math.cos(yaw), s: Math.sin(yaw), hx: he.x, hy: he.y, top: t.z + he.z, bottom: t.z - he.z, z: t.z, hz: he.z };
}
/** Closer than this to a fixed box's side (m), a downward ray is left to Rapier (see footholdsUnderFixedBoxes). */
const FIXED_BOX_MARGIN = 1e-4;
/**
 * Rapier's time of impact for a solid ray cast straight down from height z0 at a point inside
 * the footprint of a fixed cuboid turned about z only (`Cuboid::cast_local_ray`, in single
 * precision: the ray's origin in the box's frame, then the slab test along z), or -1 for a miss.
 * Checked bit for bit against `World.castRay` on every fixed box of every task scene (scratch).
 */
export function downRayToi(box, z0, maxToi) {
    const f = Math.fround;
    const lz = f(f(z0) - box.z);
    const near = f(lz - box.hz);
    const far = f(lz + box.hz);
    const tmin = Math.max(0, near);
    const tmax = Math.min(f(maxToi), far);
    return tmin > tmax ? -1 : tmin;
}
/** The xy box [x0, x1, y0, y1] that holds the given one and every foot. */
function spanOf(feet, x0, x1, y0, y1) {
    for (const [x, y] of feet) {
        x0 = Math.min(x0, x);
        x1 = Math.max(x1, x);
        y0 = Math.min(y0, y);
        y1 = Math.max(y1, y);
    }
    return [x0, x1, y0, y1];
}
/** Signed distance of p from the line through a and b (left positive). */
function lateralOffset(p, a, b) {
    const l = Math.hypot(b[0] - a[0], b[1] - a[1]);
    if (l < 1e-9)
        return 0;
    return ((b[0] - a[0]) * (p[1] - a[1]) - (b[1] - a[1]) * (p[0] - a[0])) / l;
}
const wrap = (a) => Math.atan2(Math.sin(a), Math.cos(a));
const yawQ = (yaw) => ({ x: 0, y: 0, z: Math.sin(yaw / 2), w: Math.cos(yaw / 2) });
/** Where surfaceUnder casts along the body's bottom line: centre, front and back (× BODY_HALF_LENGTH). */
const ALONG_BODY = [0, 1, -1];
/** The capsule's axis is Rapier's local y; this turns it onto the body's x axis. */
const CAPSULE_ALONG_X = { x: 0, y: 0, z: -Math.SQRT1_2, w: Math.SQRT1_2 };
/**
 * Downward ray casts and box queries through Rapier's raw bindings, with argument vectors made
 * once. The locomotion controller casts 7–11 rays per tick, and `World.castRay` spends most of
 * each on glue: two WebAssembly vectors allocated and freed per call, and a JS filter closure
 * called back for every candidate collider even when no filter is given. This makes the same
 * query (same arguments, same result) without either.
 */
export class RawQueries {
    R;
    world;
    origin;
    dir;
    half;
    desired;
    ox = 0;
    oy = 0;
    oz = 0;
    constructor(R, world) {
        this.R = R;
        this.world = world;
        this.origin = R.VectorOps.intoRaw({ x: 0, y: 0, z: 0 });
        this.dir = R.VectorOps.intoRaw({ x: 0, y: 0, z: -1 });
        this.half = R.VectorOps.intoRaw({ x: 0, y: 0, z: 0 });
        this.desired = R.VectorOps.intoRaw({ x: 0, y: 0, z: 0 });
    }
    setOrigin(x, y, z) {
        const o = this.origin;
        if (x !== this.ox)
            o.x = this.ox = x;
        if (y !== this.oy)
            o.y = this.oy = y;
        if (z !== this.oz)
            o.z = this.oz = z;
    }
    /** Collider handle of the last hit `castDown` reported. */
    hitCollider = -1;
    /**
     * `world.castRay` straight down from (x, y, z), solid, excluding one rigid body: the time of
     * impact (the hit collider's handle in `hitCollider`), or -1 for no hit.
     */
    castDown(x, y, z, maxToi, excludeBody) {
        this.setOrigin(x, y, z);
        const w = this.world;
        const raw = w.broadPhase.raw.castRay(w.narrowPhase.raw, w.bodies.raw, w.colliders.raw, this.origin, this.dir, maxToi, true, undefined, undefined, null, excludeBody, undefined);
        if (!raw)
            return -1;
        this.hitCollider = raw.colliderHandle();
        const toi = raw.timeOfImpact();
        raw.free();
        return toi;
    }
    /** `world.collidersWithAabbIntersectingAabb` with the collider handles passed to `callback`. */
    collidersInAabb(cx, cy, cz, hx, hy, hz, callback) {
        this.setOrigin(cx, cy, cz);
        const h = this.half;
        h.x = hx;
        h.y = hy;
        h.z = hz;
        const w = this.world;
        w.broadPhase.raw.collidersWithAabbIntersectingAabb(w.narrowPhase.raw, w.bodies.raw, w.colliders.raw, this.origin, h, callback);
    }
    /**
     * `controller.computeColliderMovement(collider, desired, undefined, undefined, filter)` with a
     * reused vector for the desired motion and a filter on collider handles (none: no call-backs).
     */
    moveCollider(controller, collider, dx, dy, dz, filter) {
        const d = this.desired;
        d.x = dx;
        d.y = dy;
        d.z = dz;
        const w = this.world;
        const cc = controller;
        cc.raw.computeColliderMovement(w.integrationParameters.dt, w.broadPhase.raw, w.narrowPhase.raw, w.bodies.raw, w.colliders.raw, collider, d, cc._applyImpulsesToDynamicBodies, cc._characterMass, undefined, undefined, filter);
    }
    /**
     * `world.intersectionWithShape(pos, rot, shape, undefined, undefined, undefined, body, filter)`
     * with the shape made once and a filter on collider handles (none: no call-backs): whether
     * the shape there meets any collider.
     */
    shapeMeetsAny(x, y, z, rot, shape, excludeBody, filter) {
        this.setOrigin(x, y, z);
        const r = this.R.RotationOps.intoRaw(rot);
        const w = this.world;
        const hit = w.broadPhase.raw.intersectionWithShape(w.narrowPhase.raw, w.bodies.raw, w.colliders.raw, this.origin, r, shape, undefined, undefined, null, excludeBody, filter);
        r.free();
        return hit !== undefined;
    }
    free() {
        this.desired.free();
        this.origin.free();
        this.dir.free();
        this.half.free();
    }
}
export class QuadrupedRobot {
    sim;
    st;
    kind = 'quadruped';
    spec;
    controller;
    queries;
    /** The capsule a turn must find free (Rapier's raw shape, made once). */
    turnShape;
    body;
    /** Handles of the colliders on dynamic bodies (none are added while the robot runs). */
    dynamicColliders;
    constructor(sim, st) {
        this.sim = sim;
        this.st = st;
        if (sim.scene.robot.kind !== 'quadruped')
            throw new Error('the quadruped needs a scene whose robot is a quadruped');
        this.spec = sim.scene.robot;
        const R = sim.R;
        // The controller is not part of Rapier's snapshot: it is rebuilt here, also after a restore.
        const cc = sim.world.createCharacterController(OFFSET);
        cc.setUp({ x: 0, y: 0, z: 1 });
        cc.enableAutostep(AUTOSTEP, 0.1, true);
        cc.enableSnapToGround(0.03);
        // Pushing goes through the solver, not through the controller's impulses (see the class note).
        cc.setApplyImpulsesToDynamicBodies(false);
        this.controller = cc;
        this.queries = new RawQueries(R, sim.world);
        this.turnShape = new R.Capsule(BODY_HALF_LENGTH, BODY_RADIUS - 0.003).intoRaw();
        st.iterations ??= sim.world.integrationParameters.numSolverIterations;
        this.setSolverIterations();
    }
    /** Creates the body standing at the scene's start pose. */
    static create(sim) {
        const spec = sim.scene.robot;
        if (spec.kind !== 'quadruped')
            throw new Error('the quadruped needs a scene whose robot is a quadruped');
        const R = sim.R;
        const yaw = (spec.yawDeg * Math.PI) / 180;
        const p = [spec.start[0], spec.start[1], spec.start[2] + BODY_RADIUS + OFFSET];
        const body = sim.world.createRigidBody(R.RigidBodyDesc.kinematicPositionBased().setTranslation(p[0], p[1], p[2]).setRotation(yawQ(yaw)));
        const collider = sim.world.createCollider(
        // A frictionless shell: a push only pushes, it never drags an object sideways.
        R.ColliderDesc.capsule(BODY_HALF_LENGTH, BODY_RADIUS)
            .setRotation(CAPSULE_ALONG_X)
            .setFriction(0)
            .setFrictionCombineRule(R.CoefficientCombineRule.Min), body);
        const plate = sim.world.createCollider(R.ColliderDesc.cuboid(PLATE_HALF[0], PLATE_HALF[1], PLATE_HALF[2])
            .setTranslation(NOSE - PLATE_HALF[0], 0, PLATE_CLEARANCE + PLATE_HALF[2] - BODY_RADIUS - OFFSET)
            .setFriction(0)
            .setFrictionCombineRule(R.CoefficientCombineRule.Min)
            .setCollisionGroups(PLATE_OFF), body);
        return new QuadrupedRobot(sim, {
            body: body.handle,
            collider: collider.handle,
            plate: plate.handle,
            plateOn: false,
            yaw,
            yawTo: yaw,
            vz: 0,
            grounded: true,
            level: spec.start[2],
            from: p,
            move: [0, 0, 0],
            sub: 0,
            task: null,
            outcome: 'idle',
            reason: '',
            stalled: 0,
            turnBlocked: false,
            lastTick: { commanded: 0, achieved: 0, why: '' },
            loaded: [],
        });
    }
    bodyHandles() {
        return [this.st.body];
    }
    /** Body centre (m). */
    position() {
        const t = this.rb().translation();
        return [t.x, t.y, t.z];
    }
    /** Heading (rad, about z). */
    heading() {
        return this.st.yaw;
    }
    held() {
        return [];
    }
    /**
     * What is under the body centre within the legs' reach (a step below the body's underside).
     * Straddling two surfaces (hind legs still on a plank, forelegs on a sofa), this is the one
     * under the centre of mass.
     */
    standingOn() {
        const p = this.position();
        const reach = BODY_RADIUS + OFFSET + this.spec.stepUp;
        if (this.sim.steps === 0)
            return this.standingOnBeforeFirstStep(p, reach);
        const hit = this.castDown([p[0], p[1]], p[2], reach);
        return hit ? (this.sim.ownerOfCollider(hit.collider.handle) ?? null) : null;
    }
    /**
     * Rapier's scene queries see nothing until the world has stepped once, so in a freshly built
     * world the support comes from the objects' boxes: the highest top under the centre within reach.
     */
    standingOnBeforeFirstStep(p, reach) {
        let best = p[2] - reach <= 0 ? 'ground' : null;
        let top = 0;
        for (const name of this.sim.objectNames()) {
            const b = this.sim.aabb(name);
            const inside = p[0] >= b.min[0] && p[0] <= b.max[0] && p[1] >= b.min[1] && p[1] <= b.max[1];
            if (inside && b.max[2] < p[2] && b.max[2] >= p[2] - reach && b.max[2] >= top) {
                best = name;
                top = b.max[2];
            }
        }
        return best;
    }
    /** 'moving' until the current walk or push ends as 'reached' or 'blocked' (then `reason` says why). */
    outcome() {
        return this.st.outcome;
    }
    get reason() {
        return this.st.reason;
    }
    /** Walks in a straight line until the body centre is above `xy`. */
    walkTo(xy) {
        this.start({ kind: 'walk', waypoints: [[xy[0], xy[1]]], heading: null });
    }
    /** Walks behind `object` and pushes it with the body until its centre is at `xy` (see planLegs). */
    push(object, xy) {
        const box = this.sim.aabb(object);
        const startHeight = (box.min[2] + box.max[2]) / 2;
        const legFrom = [(box.min[0] + box.max[0]) / 2, (box.min[1] + box.max[1]) / 2];
        const legs = this.planLegs(object, [xy[0], xy[1]]);
        this.start({ kind: 'push', object, target: [xy[0], xy[1]], legs, legFrom, phase: 'approach', walk: null, approaches: 0, stuckTicks: 0, startHeight, settleSteps: 0, quietTicks: 0 });
    }
    halt() {
        const st = this.st;
        st.task = null;
        if (st.outcome === 'moving')
            st.outcome = 'idle';
        // Stop where the body is now; vertical motion (falling) continues at the next tick.
        const t = this.rb().translation();
        st.from = [t.x, t.y, t.z];
        st.move = [0, 0, 0];
        st.yaw += wrap(st.yawTo - st.yaw) * (st.sub / CONTROL_EVERY);
        st.yawTo = st.yaw;
        st.sub = CONTROL_EVERY;
    }
    beforeStep() {
        const st = this.st;
        if (st.sub >= CONTROL_EVERY) {
            st.yaw = st.yawTo;
            this.tick();
            st.sub = 0;
        }
        st.sub += 1;
        const f = st.sub / CONTROL_EVERY;
        const b = this.rb();
        b.setNextKinematicTranslation({ x: st.from[0] + st.move[0] * f, y: st.from[1] + st.move[1] * f, z: st.from[2] + st.move[2] * f });
        if (st.yawTo !== st.yaw)
            b.setNextKinematicRotation(yawQ(st.yaw + wrap(st.yawTo - st.yaw) * f));
    }
    afterStep() { }
    saveState() {
        return structuredClone(this.st);
    }
    free() {
        this.sim.world.removeCharacterController(this.controller);
        this.queries.free();
        this.turnShape.free();
    }
    start(task) {
        this.st.task = task;
        this.st.outcome = 'moving';
        this.st.reason = '';
        this.st.stalled = 0;
        this.st.turnBlocked = false;
    }
    /** Solver iterations for walking or pushing (see WALK_ITERATIONS). */
    setSolverIterations() {
        const n = Math.min(this.st.plateOn ? PUSH_ITERATIONS : WALK_ITERATIONS, this.st.iterations ?? Infinity);
        const ip = this.sim.world.integrationParameters;
        if (ip.numSolverIterations !== n)
            ip.numSolverIterations = n;
    }
    rb() {
        return (this.body ??= this.sim.world.getRigidBody(this.st.body));
    }
    finish(outcome, reason = '') {
        this.st.task = null;
        this.st.outcome = outcome;
        this.st.reason = reason;
    }
    /** One locomotion-controller tick: decide the body velocity, then move through the controller. */
    tick() {
        const st = this.st;
        const t = this.rb().translation();
        const pos = [t.x, t.y, t.z];
        const T = CONTROL_EVERY * this.sim.dt;
        const cmd = this.command(pos);
        // Turning: the body turns only where the turned capsule is free of everything else.
        let yawTo = st.yaw;
        if (Math.abs(cmd.yawRate) > 1e-3) {
            const candidate = st.yaw + Math.max(-TURN_RATE, Math.min(TURN_RATE, cmd.yawRate)) * T;
            if (this.canTurnTo(pos, candidate))
                yawTo = candidate;
        }
        // Gravity: no vertical motion while the body rests on something (a constant downward push
        // defeats the controller's autostep), free fall otherwise.
        // Near anything but fixed boxes (standing on a plank, pushing), the support and foothold
        // checks cast rays; the region is looked at again after a few ticks.
        if (this.rescan > 0) {
            this.rescan -= 1;
            this.fixedOnly = false;
        }
        else {
            this.scanRegion(pos, st.yaw);
            this.fixedOnly = true;
        }
        const under = this.surfaceUnder(pos, st.yaw, 0.003);
        st.grounded = under > -Infinity;
        if (st.grounded)
            st.level = under;
        st.vz = st.grounded ? 0 : st.vz - G * T;
        const desired = { x: cmd.v[0] * T, y: cmd.v[1] * T, z: st.vz * T };
        const pushing = st.task?.kind === 'push' && st.task.phase === 'push';
        if (pushing !== st.plateOn) {
            this.sim.world.getCollider(st.plate).setCollisionGroups(pushing ? PLATE_ON : PLATE_OFF);
            st.plateOn = pushing;
            this.setSolverIterations();
        }
        // Pushing, the controller ignores the pushed object (and the plate): the body drives into it.
        this.queries.moveCollider(this.controller, st.collider, desired.x, desired.y, desired.z, pushing ? this.ignoring(st.task.object) : undefined);
        const m = this.controller.computedMovement();
        // Landed (or caught on an edge): the fall stops. A lift (an autostep, or the controller
        // pushing the body out of a box slid under it) carries on as an upward speed of at most what
        // legs give (MAX_RISE): uncapped, a 0.1 m lift in one tick launched the body 2 m high.
        if (!st.grounded)
            st.vz = Math.min(m.z / T, MAX_RISE);
        const move = [m.x, m.y, m.z];
        let why = '';
        if (move[2] > CREEP) {
            // Rapier's capsule climbs an edge like a ramp, and approached at an angle it climbs 0.13 m:
            // the body may rise only onto a surface no more than a leg's reach above where it stands.
            const climb = this.climbHeight() - st.level;
            if (climb > this.spec.stepUp + 0.005) {
                why = `a ${climb.toFixed(3)} m step up ahead (limit ${this.spec.stepUp} m)`;
                move[0] = 0;
                move[1] = 0;
                move[2] = 0;
            }
        }
        const horizontal = Math.hypot(move[0], move[1]);
        if (!why && (horizontal > 1e-6 || yawTo !== st.yaw)) {
            const dir = horizontal > 1e-6 ? [move[0] / horizontal, move[1] / horizontal] : [0, 0];
            const next = [pos[0] + move[0], pos[1] + move[1], pos[2]];
            let lost = this.lostFoothold(pos, st.yaw, next, yawTo, dir);
            if (lost && yawTo !== st.yaw) {
                // Turning would take a foot off its support: side-step without turning instead.
                st.turnBlocked = true;
                yawTo = st.yaw;
                lost = horizontal > 1e-6 ? this.lostFoothold(pos, st.yaw, next, yawTo, dir) : lost;
            }
            if (lost) {
                move[0] = 0;
                move[1] = 0;
                why = lost;
            }
        }
        if (!why && Math.hypot(move[0], move[1]) < 0.5 * Math.hypot(desired.x, desired.y))
            why = this.obstacle();
        st.lastTick = { commanded: Math.hypot(cmd.v[0], cmd.v[1]), achieved: Math.hypot(move[0], move[1]) / T, why };
        this.loadSupports(pos, yawTo, st.grounded);
        this.region.valid = false;
        this.fixedOnly = false;
        const turned = yawTo !== st.yaw;
        st.from = pos;
        st.move = move;
        st.yawTo = yawTo;
        this.watchProgress(cmd.turning, turned);
    }
    /** The controller's filter while pushing `object`: everything but the object and the plate (made once per object). */
    ignoring(object) {
        const colliders = this.sim.handles(object).colliders;
        if (this.ignore?.colliders !== colliders) {
            const set = new Set([...colliders, this.st.plate]);
            this.ignore = { colliders, filter: (h) => !set.has(h) };
        }
        return this.ignore.filter;
    }
    ignore;
    /** Ends the task as blocked when the body has not moved as commanded for a while. */
    watchProgress(turning, turned) {
        const st = this.st;
        if (st.outcome !== 'moving' || !st.task)
            return;
        const r = st.lastTick;
        const slow = turning ? !turned : r.commanded > 0.02 && r.achieved < STALL_FRACTION * r.commanded;
        if (turning && !turned)
            r.why ||= 'no room to turn';
        st.stalled = slow ? st.stalled + 1 : 0;
        if (st.stalled * CONTROL_EVERY * this.sim.dt >= STALL_SECONDS) {
            const p = this.position();
            this.finish('blocked', `stopped at (${p[0].toFixed(2)}, ${p[1].toFixed(2)}): ${r.why || 'cannot move on'}`);
            this.stopMotion();
        }
    }
    stopMotion() {
        this.st.move = [0, 0, this.st.move[2]];
        this.st.yawTo = this.st.yaw;
    }
    /** The body velocity the current task asks for. */
    command(pos) {
        const st = this.st;
        const still = { v: [0, 0], yawRate: 0, turning: false };
        const task = st.task;
        if (!task)
            return still;
        if (task.kind === 'walk') {
            const c = this.walkCommand(pos, task, this.spec.maxSpeed);
            if (c === 'done') {
                this.finish('reached');
                return still;
            }
            return c;
        }
        return this.pushCommand(pos, task) ?? still;
    }
    walkCommand(pos, task, speed) {
        const T = CONTROL_EVERY * this.sim.dt;
        for (;;) {
            const wp = task.waypoints[0];
            if (!wp)
                break;
            const last = task.waypoints.length === 1;
            const d = Math.hypot(wp[0] - pos[0], wp[1] - pos[1]);
            if (d < (last ? REACH_TOLERANCE : WAYPOINT_TOLERANCE)) {
                task.waypoints.shift();
                continue;
            }
            const want = Math.atan2(wp[1] - pos[1], wp[0] - pos[0]);
            const err = wrap(want - this.st.yaw);
            if (d > NO_TURN_RADIUS && Math.abs(err) > TURN_IN_PLACE && !this.st.turnBlocked && this.canTurnTo(pos, this.st.yaw + Math.sign(err) * TURN_RATE * T)) {
                return { v: [0, 0], yawRate: Math.sign(err) * Math.min(TURN_RATE, Math.abs(err) / T), turning: true };
            }
            // Full speed to the last tick, which ends exactly on the target (autostep needs the speed).
            const v = Math.min(speed, d / T);
            const yawRate = d > NO_TURN_RADIUS ? err / T : 0;
            return { v: [((wp[0] - pos[0]) / d) * v, ((wp[1] - pos[1]) / d) * v], yawRate, turning: false };
        }
        if (task.heading !== null) {
            const err = wrap(task.heading - this.st.yaw);
            if (Math.abs(err) > 0.03 && !this.st.turnBlocked && this.canTurnTo(pos, this.st.yaw + Math.sign(err) * TURN_RATE * T)) {
                return { v: [0, 0], yawRate: Math.sign(err) * Math.min(TURN_RATE, Math.abs(err) / T), turning: true };
            }
        }
        return 'done';
    }
    /** Pushing: approach behind the object, then drive it along the current leg to the leg's end. */
    pushCommand(pos, task) {
        const box = this.sim.aabb(task.object);
        const c = [(box.min[0] + box.max[0]) / 2, (box.min[1] + box.max[1]) / 2];
        const miss = Math.hypot(task.target[0] - c[0], task.target[1] - c[1]);
        const body = this.sim.body(task.object);
        if (task.phase !== 'settle' && (box.min[2] + box.max[2]) / 2 < task.startHeight - FALLEN) {
            // It left the surface it was pushed on (pushed off an edge): stop and let it land.
            task.phase = 'settle';
        }
        if (task.phase === 'settle') {
            const v = body.linvel();
            const w = body.angvel();
            task.settleSteps += CONTROL_EVERY;
            task.quietTicks = Math.hypot(v.x, v.y, v.z) < 0.02 && Math.hypot(w.x, w.y, w.z) < 0.1 ? task.quietTicks + 1 : 0;
            if (task.quietTicks * CONTROL_EVERY * this.sim.dt >= SETTLED_SECONDS || task.settleSteps * this.sim.dt > SETTLE_TIMEOUT) {
                if (miss < FALL_TOLERANCE)
                    this.finish('reached');
                else
                    this.finish('blocked', `${task.object} fell and came to rest ${miss.toFixed(2)} m from the target`);
            }
            return null;
        }
        const end = task.legs[0];
        // An object that drifted off the leg's line (it turned under the plate) is pushed on along a
        // new line from where it is to the leg's end, until the last stretch.
        const drift = lateralOffset(c, task.legFrom, end);
        if (Math.abs(drift) > REAIM_DRIFT && Math.hypot(end[0] - c[0], end[1] - c[1]) > REAIM_UNTIL)
            task.legFrom = c;
        const legLength = Math.hypot(end[0] - task.legFrom[0], end[1] - task.legFrom[1]);
        const dir = legLength > 1e-6 ? [(end[0] - task.legFrom[0]) / legLength, (end[1] - task.legFrom[1]) / legLength] : [1, 0];
        const remaining = (end[0] - c[0]) * dir[0] + (end[1] - c[1]) * dir[1];
        if (remaining < REACH_TOLERANCE) {
            if (task.legs.length > 1) {
                // Next leg: go round to the object's new back side.
                task.legs.shift();
                task.legFrom = c;
                task.phase = 'approach';
                task.walk = null;
                return null;
            }
            if (miss <= PLACE_TOLERANCE)
                this.finish('reached');
            else
                this.finish('blocked', `${task.object} ended ${miss.toFixed(2)} m from the target (it slid sideways while pushed)`);
            return null;
        }
        const heading = Math.atan2(dir[1], dir[0]);
        if (task.phase === 'approach') {
            if (!task.walk) {
                // Back far enough that the body clears the footprint's corners, on the line of the leg.
                const half = [(box.max[0] - box.min[0]) / 2, (box.max[1] - box.min[1]) / 2];
                const extent = Math.abs(dir[0]) * half[0] + Math.abs(dir[1]) * half[1] + NOSE + APPROACH_CLEARANCE;
                const behind = [c[0] - dir[0] * extent, c[1] - dir[1] * extent];
                const keepOut = inflate({ min: [box.min[0], box.min[1]], max: [box.max[0], box.max[1]] }, KEEP_OUT);
                task.walk = { kind: 'walk', waypoints: detour([pos[0], pos[1]], behind, keepOut, 0.1), heading };
            }
            const w = this.walkCommand(pos, task.walk, this.spec.maxSpeed);
            if (w !== 'done')
                return w;
            task.phase = 'push';
            task.walk = null;
        }
        // Where the body centre is relative to the line through the object's centre along dir.
        const rel = [pos[0] - c[0], pos[1] - c[1]];
        const along = rel[0] * dir[0] + rel[1] * dir[1];
        const lateral = -rel[0] * dir[1] + rel[1] * dir[0];
        const gap = -along - this.contactDistance(task.object, dir, body);
        if (Math.abs(lateral) > 0.12 || gap > 0.2 || along > 0) {
            // The object slid off the nose: go round behind it again.
            task.approaches += 1;
            if (task.approaches > MAX_APPROACHES) {
                this.finish('blocked', `${task.object} kept sliding off the robot's nose; it is ${miss.toFixed(2)} m from the target`);
                return null;
            }
            task.phase = 'approach';
            return null;
        }
        const push = Math.min(PUSH_SPEED, 2.5 * remaining);
        // Stuck: in contact and driving, but the object does not follow (pinned against something).
        const ov = body.linvel();
        const following = ov.x * dir[0] + ov.y * dir[1] > 0.25 * push;
        task.stuckTicks = gap < 0.01 && !following ? task.stuckTicks + 1 : 0;
        if (gap < -PINNED_DEPTH || task.stuckTicks * CONTROL_EVERY * this.sim.dt > STUCK_SECONDS) {
            this.finish('blocked', `${task.object} does not move on: it is stuck ${miss.toFixed(2)} m from the target`);
            return null;
        }
        body.wakeUp();
        // Close the gap to the object, hold the body on the line through its centre, push.
        const forward = push + 2 * Math.max(gap, 0);
        const side = -2 * lateral;
        const speed = Math.min(this.spec.maxSpeed, Math.hypot(forward, side));
        const scale = speed / Math.max(Math.hypot(forward, side), 1e-9);
        const T = CONTROL_EVERY * this.sim.dt;
        const v = [(dir[0] * forward - dir[1] * side) * scale, (dir[1] * forward + dir[0] * side) * scale];
        return { v, yawRate: wrap(heading - this.st.yaw) / T, turning: false };
    }
    /**
     * The legs of a push, as object-centre waypoints ending at the target. A box is pushed along
     * its face normals, where a flat face stays on the nose: a target well off both normals is
     * reached in two legs (the longer first, unless that sweeps the box into something standing
     * at its level). Round objects and near-normal targets go in one straight leg.
     */
    planLegs(object, target) {
        const def = this.sim.def(object);
        const pose = this.sim.pose(object);
        const c = [pose.position[0], pose.position[1]];
        const yaw = yawOf({ x: pose.rotation[0], y: pose.rotation[1], z: pose.rotation[2], w: pose.rotation[3] });
        const u = [Math.cos(yaw), Math.sin(yaw)];
        const w = [-Math.sin(yaw), Math.cos(yaw)];
        const delta = [target[0] - c[0], target[1] - c[1]];
        const a = delta[0] * u[0] + delta[1] * u[1];
        const b = delta[0] * w[0] + delta[1] * w[1];
        const straight = Math.tan(STRAIGHT_PUSH_ANGLE);
        if ((def.shape !== 'box' && !def.parts) || Math.abs(b) <= straight * Math.abs(a) || Math.abs(a) <= straight * Math.abs(b))
            return [target];
        const viaU = [[c[0] + a * u[0], c[1] + a * u[1]], target];
        const viaW = [[c[0] + b * w[0], c[1] + b * w[1]], target];
        const options = Math.abs(a) >= Math.abs(b) ? [viaU, viaW] : [viaW, viaU];
        return options.find((legs) => this.legsClear(object, c, legs)) ?? options[0];
    }
    /** Whether the object's footprint, swept along the legs, stays clear of everything at its level. */
    legsClear(object, from, legs) {
        const box = this.sim.aabb(object);
        const half = [(box.max[0] - box.min[0]) / 2, (box.max[1] - box.min[1]) / 2];
        const others = this.sim
            .objectNames()
            .filter((n) => n !== object)
            .map((n) => this.sim.aabb(n))
            .filter((o) => o.min[2] < box.max[2] - 0.01 && o.max[2] > box.min[2] + 0.01);
        let start = from;
        for (const end of legs) {
            // The clearance is to the sides of the leg: ahead, the leg may end against a neighbour.
            const len = Math.hypot(end[0] - start[0], end[1] - start[1]);
            const mx = len > 1e-9 ? (SWEEP_CLEARANCE * Math.abs(end[1] - start[1])) / len : 0;
            const my = len > 1e-9 ? (SWEEP_CLEARANCE * Math.abs(end[0] - start[0])) / len : 0;
            const sweep = {
                min: [Math.min(start[0], end[0]) - half[0] - mx, Math.min(start[1], end[1]) - half[1] - my],
                max: [Math.max(start[0], end[0]) + half[0] + mx, Math.max(start[1], end[1]) + half[1] + my],
            };
            if (others.some((o) => o.min[0] < sweep.max[0] && sweep.min[0] < o.max[0] && o.min[1] < sweep.max[1] && sweep.min[1] < o.max[1]))
                return false;
            start = end;
        }
        return true;
    }
    /** Height of the highest surface right under the capsule's bottom line at pos, or -Infinity. */
    surfaceUnder(pos, yaw, slack = 0.02) {
        const c = Math.cos(yaw) * BODY_HALF_LENGTH;
        const s = Math.sin(yaw) * BODY_HALF_LENGTH;
        const reach = BODY_RADIUS + OFFSET + slack;
        const fixed = this.fixedOnly ? this.surfaceUnderFixedBoxes(pos, c, s, reach) : null;
        if (fixed !== null)
            return fixed;
        const body = this.st.body;
        let top = -Infinity;
        for (const k of ALONG_BODY) {
            const toi = this.queries.castDown(pos[0] + k * c, pos[1] + k * s, pos[2], reach, body);
            if (toi >= 0)
                top = Math.max(top, pos[2] - toi);
        }
        return top;
    }
    /**
     * surfaceUnder without rays where only fixed boxes are under the body (see
     * footholdsUnderFixedBoxes): the same three rays' first hits, from Rapier's own arithmetic
     * (downRayToi), or null where the rays must be cast (something else near, a ray within 0.1 mm
     * of a box's side).
     */
    surfaceUnderFixedBoxes(pos, c, s, reach) {
        const ac = Math.abs(c);
        const as = Math.abs(s);
        const boxes = this.onlyFixedBoxesIn(pos[0], pos[1], pos[2] - reach / 2, ac + 0.01, as + 0.01, reach / 2 + 0.01);
        if (!boxes) {
            // Something else is under the body (a plank, a box): cast rays for a few ticks.
            this.rescan = RESCAN_TICKS;
            return null;
        }
        const margin = FIXED_BOX_MARGIN;
        let top = -Infinity;
        for (const k of ALONG_BODY) {
            const x = pos[0] + k * c;
            const y = pos[1] + k * s;
            let toi = Infinity;
            for (const b of boxes) {
                const dx = x - b.x;
                const dy = y - b.y;
                const lx = Math.abs(b.c * dx + b.s * dy);
                const ly = Math.abs(-b.s * dx + b.c * dy);
                if (lx > b.hx + margin || ly > b.hy + margin)
                    continue;
                if (lx > b.hx - margin || ly > b.hy - margin)
                    return null;
                const t = downRayToi(b, pos[2], reach);
                if (t >= 0)
                    toi = Math.min(toi, t);
            }
            if (toi !== Infinity)
                top = Math.max(top, pos[2] - toi);
        }
        return top;
    }
    /** How far the body centre is from the object's centre when the plate touches the object's back face, pushing along dir. */
    contactDistance(object, dir, body) {
        const def = this.sim.def(object);
        if (def.shape !== 'box' && !def.parts)
            return def.size[0] / 2 + NOSE;
        const yaw = yawOf(body.rotation());
        const local = [Math.cos(yaw) * dir[0] + Math.sin(yaw) * dir[1], -Math.sin(yaw) * dir[0] + Math.cos(yaw) * dir[1]];
        let d = Infinity;
        for (let i = 0; i < 2; i++) {
            const l = Math.abs(local[i]);
            if (l > 1e-6)
                d = Math.min(d, def.size[i] / 2 / l);
        }
        return d + NOSE;
    }
    /** Casts straight down at xy from height z0; the first hit within `reach`, skipping the robot. */
    castDown(xy, z0, reach) {
        const toi = this.queries.castDown(xy[0], xy[1], z0, reach, this.st.body);
        if (toi < 0)
            return null;
        const z = z0 - toi;
        return { z, collider: this.sim.world.colliders.get(this.queries.hitCollider), point: [xy[0], xy[1], z], toi };
    }
    /** A foothold for a foot at xy, reaching up to `maxGap` ahead along dir across a gap. */
    foothold(xy, support, dir) {
        const probe = this.footholdProbe(xy, support, dir);
        if (probe < 0)
            return null;
        const p = this.probeAt;
        return { z: this.probeZ, collider: this.sim.world.colliders.get(this.queries.hitCollider), point: [p[0], p[1], this.probeZ] };
    }
    /** Where the last foothold found by `footholdProbe` is (xy and height). */
    probeAt = [0, 0];
    probeZ = 0;
    /**
     * The probe (0–3) of `foothold` that found a foothold, or -1 for none; without allocating (the
     * hit in probeAt, probeZ and queries.hitCollider).
     */
    footholdProbe(xy, support, dir) {
        const up = this.spec.stepUp + 0.005;
        const down = this.spec.stepUp + 0.005;
        const probes = dir[0] === 0 && dir[1] === 0 ? 1 : 4;
        const z0 = support + up + 0.02;
        const maxToi = up + down + 0.02;
        const body = this.st.body;
        for (let k = 0; k < probes; k++) {
            const reach = (this.spec.maxGap * k) / 3;
            const x = xy[0] + dir[0] * reach;
            const y = xy[1] + dir[1] * reach;
            const toi = this.queries.castDown(x, y, z0, maxToi, body);
            if (toi < 0)
                continue;
            const z = z0 - toi;
            if (z <= support + up && z >= support - down) {
                this.probeAt[0] = x;
                this.probeAt[1] = y;
                this.probeZ = z;
                return k;
            }
        }
        return -1;
    }
    feet(pos, yaw) {
        const c = Math.cos(yaw);
        const s = Math.sin(yaw);
        return FEET.map(([x, y]) => [pos[0] + c * x - s * y, pos[1] + s * x + c * y]);
    }
    /** Why a move from (pos, yaw) to (next, nextYaw) would lose a foothold, or '' when it would not. */
    lostFoothold(pos, yaw, next, nextYaw, dir) {
        const support = this.st.level;
        const then = this.feet(next, nextYaw);
        if (this.fixedOnly && this.footholdsUnderFixedBoxes(then, support))
            return '';
        const now = this.feet(pos, yaw);
        for (let i = 0; i < now.length; i++) {
            // A foot keeps a foothold, or had none to lose (the foothold ahead is checked first: it
            // usually holds, and then the one now need not be cast for).
            const f = then[i];
            if (this.footholdProbe(f, support, dir) >= 0 || this.footholdProbe(now[i], support, dir) < 0)
                continue;
            const below = this.castDown(f, support + 1, 3);
            const step = below ? below.z - support : -Infinity;
            const what = below ? (this.sim.ownerOfCollider(below.collider.handle) ?? 'something') : 'nothing';
            return step > 0
                ? `a ${step.toFixed(2)} m step up onto ${what} ahead (limit ${this.spec.stepUp} m)`
                : `no foothold ahead: a drop of ${(-step).toFixed(2)} m to ${what} wider than the ${this.spec.maxGap} m the robot can step across`;
        }
        return '';
    }
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
    footholdsUnderFixedBoxes(feet, support) {
        const up = this.spec.stepUp + 0.005;
        const down = this.spec.stepUp + 0.005;
        const z0 = support + up + 0.02;
        const maxToi = up + down + 0.02;
        const [x0, x1, y0, y1] = spanOf(feet, Infinity, -Infinity, Infinity, -Infinity);
        const boxes = this.onlyFixedBoxesIn((x0 + x1) / 2, (y0 + y1) / 2, z0 - maxToi / 2, (x1 - x0) / 2 + 0.01, (y1 - y0) / 2 + 0.01, maxToi / 2 + 0.01);
        if (!boxes)
            return false;
        const margin = FIXED_BOX_MARGIN;
        for (const [x, y] of feet) {
            let toi = Infinity;
            for (const b of boxes) {
                const dx = x - b.x;
                const dy = y - b.y;
                const lx = Math.abs(b.c * dx + b.s * dy);
                const ly = Math.abs(-b.s * dx + b.c * dy);
                if (lx > b.hx + margin || ly > b.hy + margin)
                    continue;
                if (lx > b.hx - margin || ly > b.hy - margin)
                    return false;
                if (Math.abs(z0 - b.bottom) < margin)
                    return false;
                if (z0 < b.bottom)
                    continue;
                const t = Math.max(0, z0 - b.top);
                if (Math.abs(t - maxToi) < margin)
                    return false;
                if (t < maxToi)
                    toi = Math.min(toi, t);
            }
            if (toi === Infinity)
                return false;
            const z = z0 - toi;
            if (!(z < support + up - margin && z > support - down + margin))
                return false;
        }
        return true;
    }
    /**
     * Whether every collider (the robot's aside) whose broad-phase box meets the given box (centre,
     * half extents) is a fixed cuboid turned about z only: those boxes (possibly more), or null.
     */
    onlyFixedBoxesIn(cx, cy, cz, hx, hy, hz) {
        const region = this.region;
        if (region.valid && region.known && region.contains(cx, cy, cz, hx, hy, hz))
            return region.boxes;
        const boxes = this.nearBoxes;
        boxes.length = 0;
        let known = true;
        const st = this.st;
        this.queries.collidersInAabb(cx, cy, cz, hx, hy, hz, (h) => {
            if (h === st.collider || h === st.plate)
                return true;
            const box = this.fixedBox(h);
            if (box)
                boxes.push(box);
            else
                known = false;
            return known;
        });
        return known ? boxes : null;
    }
    /**
     * Finds the colliders around the body for this tick's support, foothold and load checks with
     * one broad-phase query (they are looked up in `region` while it is valid, during the tick;
     * a check whose box the region does not contain queries on its own).
     */
    scanRegion(pos, yaw) {
        const region = this.region;
        const feet = this.feet(pos, yaw);
        const c = Math.abs(Math.cos(yaw) * BODY_HALF_LENGTH);
        const s = Math.abs(Math.sin(yaw) * BODY_HALF_LENGTH);
        const [x0, x1, y0, y1] = spanOf(feet, pos[0] - c, pos[0] + c, pos[1] - s, pos[1] + s);
        // Room for the move and turn of one tick, and for the support anywhere a step below the body.
        const m = 0.05;
        const reach = this.spec.stepUp + 0.005;
        region.x0 = x0 - m;
        region.x1 = x1 + m;
        region.y0 = y0 - m;
        region.y1 = y1 + m;
        region.z0 = pos[2] - (BODY_RADIUS + OFFSET + 0.02) - reach - 0.03;
        region.z1 = pos[2] + reach + 0.05;
        region.boxes.length = 0;
        region.known = true;
        region.dynamic = false;
        const dynamic = this.dynamicSet();
        const st = this.st;
        this.queries.collidersInAabb((region.x0 + region.x1) / 2, (region.y0 + region.y1) / 2, (region.z0 + region.z1) / 2, (region.x1 - region.x0) / 2, (region.y1 - region.y0) / 2, (region.z1 - region.z0) / 2, (h) => {
            if (h === st.collider || h === st.plate)
                return true;
            const box = this.fixedBox(h);
            if (box)
                region.boxes.push(box);
            else
                region.known = false;
            if (dynamic.has(h))
                region.dynamic = true;
            return region.known || !region.dynamic;
        });
        region.valid = true;
    }
    /** Whether this tick tries the fast paths of surfaceUnder and lostFoothold (they need fixed boxes alone around the body). */
    fixedOnly = false;
    /** Ticks until the next scanRegion. */
    rescan = 0;
    /** What is around the body during a tick (scanRegion). */
    region = new Region();
    /** Fixed cuboids near the robot (onlyFixedBoxesIn). */
    nearBoxes = [];
    /** The scene's fixed cuboids by collider handle, null for any other collider (read once: fixed bodies do not move). */
    fixedBoxes = new Map();
    fixedBox(handle) {
        let box = this.fixedBoxes.get(handle);
        if (box !== undefined)
            return box;
        box = fixedBoxOf(this.sim.R, this.sim.world.getCollider(handle));
        this.fixedBoxes.set(handle, box);
        return box;
    }
    /** Top of the highest edge the controller's last move ran into (m), or -Infinity. */
    climbHeight() {
        let top = -Infinity;
        const n = this.controller.numComputedCollisions();
        for (let i = 0; i < n; i++) {
            const hit = this.controller.computedCollision(i);
            if (!hit)
                continue;
            const h = Math.hypot(hit.normal1.x, hit.normal1.y);
            // Probe 1 cm inside the edge, from above the highest step the robot could take.
            const k = h > 1e-3 ? 0.01 / h : 0;
            const probe = [hit.witness1.x - hit.normal1.x * k, hit.witness1.y - hit.normal1.y * k];
            const from = this.st.level + this.spec.stepUp + 0.1;
            const below = this.castDown(probe, from, from - this.st.level + 0.05);
            if (below)
                top = Math.max(top, below.z);
        }
        return top;
    }
    /** What the controller bumped into on its last move, with the height of the step it presents. */
    obstacle() {
        const support = this.st.level;
        const n = this.controller.numComputedCollisions();
        for (let i = 0; i < n; i++) {
            const hit = this.controller.computedCollision(i);
            const c = hit?.collider;
            if (!c || !hit || hit.normal1.z > 0.7)
                continue;
            const owner = this.sim.ownerOfCollider(c.handle);
            if (!owner || owner === 'ground')
                continue;
            const top = this.sim.aabb(owner).max[2];
            return `bumped into ${owner}, a ${(top - support).toFixed(2)} m step (limit ${this.spec.stepUp} m)`;
        }
        return '';
    }
    /** Puts the robot's weight on the dynamic bodies its feet stand on, as forces at the footholds. */
    loadSupports(pos, yaw, grounded) {
        const support = this.st.level;
        const w = this.sim.world;
        for (const h of this.st.loaded) {
            const b = w.getRigidBody(h);
            b.resetForces(false);
            b.resetTorques(false);
        }
        this.st.loaded = [];
        if (!grounded)
            return;
        const feet = this.feet(pos, yaw);
        if (!this.dynamicUnder(feet, support))
            return;
        const holds = feet
            .map((f) => this.foothold(f, support, [0, 0]))
            .filter((h) => h !== null);
        const share = (this.spec.mass * G) / Math.max(holds.length, 1);
        for (const h of holds) {
            const b = h.collider.parent();
            if (!b || !b.isDynamic())
                continue;
            b.addForceAtPoint({ x: 0, y: 0, z: -share }, { x: h.point[0], y: h.point[1], z: h.point[2] }, true);
            if (!this.st.loaded.includes(b.handle))
                this.st.loaded.push(b.handle);
        }
    }
    /**
     * Whether a dynamic body's collider may lie where the footholds of `feet` are cast for (see
     * `foothold` without a direction). When none does, no foothold can be on a dynamic body and the
     * casts are skipped: a ray only hits colliders whose bounding box in Rapier's broad phase it
     * crosses, and this asks the broad phase for the boxes meeting the one around all those rays.
     */
    dynamicSet() {
        if (!this.dynamicColliders) {
            const set = new Set();
            this.sim.world.forEachCollider((c) => {
                if (c.parent()?.isDynamic())
                    set.add(c.handle);
            });
            this.dynamicColliders = set;
        }
        return this.dynamicColliders;
    }
    dynamicUnder(feet, support) {
        const dynamic = this.dynamicSet();
        const [x0, x1, y0, y1] = spanOf(feet, Infinity, -Infinity, Infinity, -Infinity);
        // The rays run from support + up + 0.02 down to support - down (see foothold); 1 cm margin.
        const reach = this.spec.stepUp + 0.005;
        const z0 = support - reach - 0.01;
        const z1 = support + reach + 0.03;
        const cx = (x0 + x1) / 2;
        const cy = (y0 + y1) / 2;
        const cz = (z0 + z1) / 2;
        const hx = (x1 - x0) / 2 + 0.01;
        const hy = (y1 - y0) / 2 + 0.01;
        const hz = (z1 - z0) / 2;
        // No dynamic body in a box around this one: none in it.
        const region = this.region;
        if (region.valid && !region.dynamic && region.contains(cx, cy, cz, hx, hy, hz))
            return false;
        let found = false;
        this.queries.collidersInAabb(cx, cy, cz, hx, hy, hz, (h) => {
            found = dynamic.has(h);
            return !found;
        });
        return found;
    }
    /** Whether the body can turn to `yaw` at `pos` without its capsule entering anything. */
    canTurnTo(pos, yaw) {
        const q = yawQ(yaw);
        const c = CAPSULE_ALONG_X;
        const rot = {
            w: q.w * c.w - q.z * c.z,
            x: 0,
            y: 0,
            z: q.w * c.z + q.z * c.w,
        };
        // Pushing, the body may turn against the pushed object: that only turns the object with it.
        const task = this.st.task;
        const pushed = task?.kind === 'push' && task.phase === 'push' ? this.sim.handles(task.object).colliders : null;
        return !this.queries.shapeMeetsAny(pos[0], pos[1], pos[2] + 0.003, rot, this.turnShape, this.st.body, pushed ? (h) => !pushed.includes(h) : undefined);
    }
}
/** Attaches the quadruped: a new body at the start pose, or, with saved state, the body already in a restored world. */
export const attachQuadruped = (world, saved) => saved === undefined ? QuadrupedRobot.create(world) : new QuadrupedRobot(world, structuredClone(saved));
//# sourceMappingURL=quadruped.js.map