import { quatMul, rotate } from "../scene/geometry.js";
import { ARM_GEOMETRY, JOINT_VELOCITY_LIMITS, armPoints, forwardKinematics, solveIk } from "./arm-kinematics.js";
import { GRIPPER, fingerOffsetY, gripperBox } from "./arm-gripper.js";
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
export class ArmRobot {
    sim;
    st;
    kind = 'arm';
    spec;
    staticBoxes;
    tcpCache;
    /** Scratch for posing the links every step without allocating. */
    points = armPoints();
    vec = { x: 0, y: 0, z: 0 };
    linkRot = { x: 0, y: 0, z: 0, w: 1 };
    gripRot = { x: 0, y: 0, z: 0, w: 1 };
    constructor(sim, st) {
        this.sim = sim;
        this.st = st;
        if (sim.scene.robot.kind !== 'arm')
            throw new Error('the arm needs a scene whose robot is an arm');
        this.spec = sim.scene.robot;
        this.tcpCache = forwardKinematics(this.spec.base, st.q).tcp;
    }
    /** Creates the arm's bodies in the world, at home with the gripper open. */
    static create(sim) {
        const spec = sim.scene.robot;
        if (spec.kind !== 'arm')
            throw new Error('the arm needs a scene whose robot is an arm');
        const R = sim.R;
        const world = sim.world;
        const q = solveIk(spec.base, spec.home, 0, [0, 0, 0, 0, 0, 0]);
        const body = () => world.createRigidBody(R.RigidBodyDesc.kinematicPositionBased()).handle;
        const bodies = {
            base: body(),
            shoulder: body(),
            upperArm: body(),
            forearm: body(),
            wrist: body(),
            toolLink: body(),
            palm: body(),
            fingerLeft: body(),
            fingerRight: body(),
        };
        const { upperArm, forearm } = ARM_GEOMETRY;
        const collider = (b, hx, hy, hz, solid, offset = [0, 0, 0]) => world.createCollider(R.ColliderDesc.cuboid(hx, hy, hz)
            .setTranslation(...offset)
            .setFriction(GRIPPER.friction)
            .setCollisionGroups(solid ? ARM_GROUPS : DRAWN_ONLY_GROUPS), world.getRigidBody(b)).handle;
        collider(bodies.base, 0.07, 0.07, 0.05, false, [0, 0, 0.05]);
        collider(bodies.shoulder, 0.05, 0.05, ARM_GEOMETRY.shoulderHeight / 2 - 0.05, false, [0, 0, 0.05]);
        collider(bodies.upperArm, upperArm / 2, 0.04, 0.04, false);
        collider(bodies.forearm, forearm / 2 - 0.04, 0.035, 0.035, true);
        collider(bodies.wrist, 0.04, 0.035, 0.035, false);
        collider(bodies.toolLink, TOOL_LINK_LENGTH / 2, 0.03, 0.03, true);
        const [px, py, pz] = GRIPPER.palmHalf;
        collider(bodies.palm, px, py, pz, true);
        const [fx, fy, fz] = GRIPPER.fingerHalf;
        const fingers = [collider(bodies.fingerLeft, fx, fy, fz, true), collider(bodies.fingerRight, fx, fy, fz, true)];
        const st = {
            bodies,
            fingerColliders: fingers,
            q: [...q],
            qGoal: [...q],
            motion: null,
            outcome: 'idle',
            blockedBy: '',
            fingers: [GRIPPER.openHalf, GRIPPER.openHalf],
            fingerGoal: [GRIPPER.openHalf, GRIPPER.openHalf],
            touched: [null, null],
            gripper: 'idle',
            grasp: null,
            savedGroups: [],
            joinCount: 0,
            solver: { precise: world.integrationParameters.numSolverIterations, current: -1, loadedUntil: 0 },
        };
        const arm = new ArmRobot(sim, st);
        arm.pose(true);
        world.getRigidBody(bodies.base).setTranslation({ x: spec.base[0], y: spec.base[1], z: spec.base[2] }, false);
        return arm;
    }
    bodyHandles() {
        return Object.values(this.st.bodies);
    }
    /** The tool centre point, between the fingertips (m). */
    position() {
        return [this.tcpCache[0], this.tcpCache[1], this.tcpCache[2]];
    }
    /** Joint angles now (rad). */
    joints() {
        return [...this.st.q];
    }
    /** Opening of the gripper between the fingers' inner faces (m). */
    opening() {
        return this.st.fingers[0] + this.st.fingers[1];
    }
    held() {
        return this.st.grasp ? this.sim.joinedGroup(this.st.grasp.object) : [];
    }
    /** The object the fingers closed on (without the parts joined to it), or null. */
    grasped() {
        return this.st.grasp?.object ?? null;
    }
    standingOn() {
        return null;
    }
    /** Starts a straight-line move of the tool centre point; the target must already be inside the workspace. */
    moveTo(target) {
        const from = this.position();
        const length = Math.hypot(target[0] - from[0], target[1] - from[1], target[2] - from[2]);
        this.st.motion = { from, to: [...target], length, travelled: 0 };
        this.st.outcome = 'moving';
        this.st.blockedBy = '';
    }
    /** 'moving' until the move ends as 'reached' or 'blocked' (then `blockedBy` says by what). */
    moveOutcome() {
        return this.st.outcome;
    }
    get blockedBy() {
        return this.st.blockedBy;
    }
    /** Closes the fingers until each touches something or they meet. */
    close() {
        this.st.fingerGoal = [0, 0];
        this.st.touched = [null, null];
        this.st.gripper = 'closing';
    }
    /** Releases whatever is held and opens the fingers fully. */
    open() {
        this.release();
        this.st.fingerGoal = [GRIPPER.openHalf, GRIPPER.openHalf];
        this.st.touched = [null, null];
        this.st.gripper = 'opening';
    }
    /** Whether the fingers are still moving. */
    gripperBusy() {
        return this.st.gripper !== 'idle';
    }
    /** What each finger touched when it stopped (left, right). */
    fingerContacts() {
        return this.st.touched;
    }
    halt() {
        this.st.motion = null;
        this.st.qGoal = [...this.st.q];
        if (this.st.outcome === 'moving')
            this.st.outcome = 'idle';
        this.st.fingerGoal = [...this.st.fingers];
        this.st.gripper = 'idle';
    }
    beforeStep() {
        const st = this.st;
        this.setSolverIterations();
        let changed = false;
        if (st.motion)
            changed = this.advanceJoints(st.motion);
        if (st.gripper !== 'idle') {
            const step = GRIPPER.fingerSpeed * this.sim.dt;
            for (const i of [0, 1]) {
                const d = st.fingerGoal[i] - st.fingers[i];
                if (d === 0)
                    continue;
                st.fingers[i] += Math.abs(d) <= step ? d : Math.sign(d) * step;
                changed = true;
            }
        }
        if (changed)
            this.pose(false);
    }
    afterStep() {
        const st = this.st;
        if (st.grasp) {
            const joins = this.sim.joinedPairs().length;
            if (joins !== st.joinCount) {
                st.joinCount = joins;
                this.isolateHeld();
            }
            this.checkHeldLag(st.grasp);
        }
        if (st.gripper === 'closing')
            this.senseFingers();
        else if (st.gripper === 'opening' && st.fingers[0] === st.fingerGoal[0] && st.fingers[1] === st.fingerGoal[1])
            st.gripper = 'idle';
    }
    saveState() {
        return structuredClone(this.st);
    }
    free() {
        // Every resource of the arm is a Rapier body, collider or joint: they go with the world.
    }
    /** One servo step: advance the waypoint when the joints caught up, then move joints within their limits. */
    advanceJoints(m) {
        const st = this.st;
        let atGoal = true;
        for (let i = 0; i < 6; i++)
            if (st.q[i] !== st.qGoal[i])
                atGoal = false;
        if (atGoal) {
            if (m.travelled >= m.length) {
                st.motion = null;
                st.outcome = 'reached';
                return false;
            }
            const travelled = Math.min(m.length, m.travelled + this.spec.maxSpeed * this.sim.dt);
            const f = m.length === 0 ? 1 : travelled / m.length;
            const next = [
                m.from[0] + (m.to[0] - m.from[0]) * f,
                m.from[1] + (m.to[1] - m.from[1]) * f,
                m.from[2] + (m.to[2] - m.from[2]) * f,
            ];
            const blocker = this.staticBlocker(next);
            if (blocker) {
                this.stopBlocked(`the gripper would run into ${blocker}`);
                return false;
            }
            m.travelled = travelled;
            solveIk(this.spec.base, next, st.q[0], st.qGoal);
        }
        let k = 1;
        for (let i = 0; i < 6; i++) {
            const d = Math.abs(st.qGoal[i] - st.q[i]);
            const lim = JOINT_VELOCITY_LIMITS[i] * this.sim.dt;
            if (d > lim)
                k = Math.min(k, lim / d);
        }
        for (let i = 0; i < 6; i++)
            st.q[i] = k === 1 ? st.qGoal[i] : st.q[i] + k * (st.qGoal[i] - st.q[i]);
        return true;
    }
    stopBlocked(why) {
        this.st.motion = null;
        this.st.qGoal = [...this.st.q];
        this.st.outcome = 'blocked';
        this.st.blockedBy = why;
    }
    /** A fixed object (or the table) the gripper would overlap at `tcp`; kinematic bodies get no contacts with fixed ones. */
    staticBlocker(tcp) {
        const box = gripperBox(tcp, Math.max(this.st.fingers[0], this.st.fingers[1]));
        if (box.min[2] < -0.001)
            return 'the table';
        this.staticBoxes ??= this.computeStaticBoxes();
        for (const s of this.staticBoxes) {
            if (box.min[0] < s.max[0] && box.max[0] > s.min[0] && box.min[1] < s.max[1] && box.max[1] > s.min[1] && box.min[2] < s.max[2] && box.max[2] > s.min[2])
                return s.name;
        }
        return null;
    }
    computeStaticBoxes() {
        const out = [];
        for (const o of this.sim.scene.objects) {
            if (o.movable)
                continue;
            // A button's cap is a dynamic body meant to be pushed; only its housing stops the gripper.
            const cols = o.button ? this.sim.handles(o.name).colliders.slice(0, 1) : this.sim.handles(o.name).colliders;
            for (const c of cols)
                out.push({ name: o.name, ...colliderBox(this.sim.world.getCollider(c)) });
        }
        return out;
    }
    /**
     * How far what is held lags its grasp. Any load on the grasp (pressing, dragging, hooking)
     * shows as lag of some held part: it switches the solver to its precise iteration count for a
     * while. A lag of the grasped object itself past HELD_LAG_LIMIT during a move means the arm
     * presses it into something it cannot move: the move stops as blocked. (Parts joined to it by
     * magnets may flex further on their own joints without stopping the arm.)
     */
    checkHeldLag(g) {
        const world = this.sim.world;
        const tcp = this.tcpCache;
        let loaded = false;
        let graspedLag = 0;
        for (const part of g.parts) {
            const t = world.getRigidBody(part.body).translation();
            const lag = Math.hypot(t.x - tcp[0] - part.offset[0], t.y - tcp[1] - part.offset[1], t.z - tcp[2] - part.offset[2]);
            if (lag > LOADED_LAG)
                loaded = true;
            if (part.name === g.object)
                graspedLag = lag;
        }
        if (loaded)
            this.st.solver.loadedUntil = this.sim.steps + LOADED_HOLD_STEPS;
        if (graspedLag < HELD_LAG_LIMIT || !this.st.motion)
            return;
        const against = this.contactsOf(this.held());
        this.stopBlocked(`the held ${g.object} pressed against ${against.length ? against.join(', ') : 'something'} and lagged ${(graspedLag * 1000).toFixed(0)} mm behind the gripper`);
    }
    /**
     * Solver iterations for the coming step, the main cost of a step. With nothing held the arm is
     * kinematic and objects only touch it or each other: FREE_ITERATIONS are enough. A held object
     * hangs on an impulse joint (and magnets may chain more parts to it): CARRY_ITERATIONS keep it
     * within a millimetre while carried, and while the grasp is loaded the world's own count (16 by
     * default: DESIGN, pressing a held tool into static geometry) holds it stiff.
     */
    setSolverIterations() {
        const s = this.st.solver;
        const want = !this.st.grasp ? FREE_ITERATIONS : this.sim.steps < s.loadedUntil ? s.precise : CARRY_ITERATIONS;
        const n = Math.min(want, s.precise);
        if (n === s.current)
            return;
        this.sim.world.integrationParameters.numSolverIterations = n;
        s.current = n;
    }
    /** Names of objects (not in `group`, not the robot) touching any collider of `group`. */
    contactsOf(group) {
        const names = new Set();
        const world = this.sim.world;
        for (const name of group) {
            for (const c of this.sim.handles(name).colliders) {
                const col = world.getCollider(c);
                world.contactPairsWith(col, (other) => {
                    const owner = this.sim.ownerOfCollider(other.handle);
                    if (owner === undefined || group.includes(owner))
                        return;
                    if (touching(col, other))
                        names.add(owner);
                });
            }
        }
        return [...names];
    }
    /** Each closing finger stops at its first contact; both on one object (or its joined parts) is a grasp. */
    senseFingers() {
        const st = this.st;
        const world = this.sim.world;
        for (const i of [0, 1]) {
            if (st.touched[i] !== null || st.fingers[i] === st.fingerGoal[i])
                continue;
            const finger = world.getCollider(st.fingerColliders[i]);
            let hit = null;
            world.contactPairsWith(finger, (other) => {
                const owner = this.sim.ownerOfCollider(other.handle);
                if (hit === null && owner !== undefined && owner !== 'ground' && touching(finger, other))
                    hit = owner;
            });
            if (hit !== null) {
                st.touched[i] = hit;
                st.fingerGoal[i] = st.fingers[i];
            }
        }
        const [a, b] = st.touched;
        if (a !== null && b !== null && this.sim.joinedGroup(a).includes(b)) {
            this.grasp(a);
            st.gripper = 'idle';
        }
        else if (st.fingers[0] === st.fingerGoal[0] && st.fingers[1] === st.fingerGoal[1]) {
            st.gripper = 'idle';
        }
    }
    grasp(object) {
        const world = this.sim.world;
        const palm = world.getRigidBody(this.st.bodies.palm);
        const obj = world.getRigidBody(this.sim.handles(object).body);
        const tp = palm.translation();
        const rp = palm.rotation();
        const to = obj.translation();
        const ro = obj.rotation();
        const inv = { x: -rp.x, y: -rp.y, z: -rp.z, w: rp.w };
        const rel = rotate(inv, [to.x - tp.x, to.y - tp.y, to.z - tp.z]);
        const joint = world.createImpulseJoint(this.sim.R.JointData.fixed({ x: rel[0], y: rel[1], z: rel[2] }, quatMul(inv, ro), { x: 0, y: 0, z: 0 }, { x: 0, y: 0, z: 0, w: 1 }), palm, obj, true);
        joint.setContactsEnabled(false);
        this.st.grasp = { object, joint: joint.handle, parts: [] };
        this.st.joinCount = this.sim.joinedPairs().length;
        this.isolateHeld();
    }
    /** Puts everything held in the HELD group, which the arm's colliders ignore, and notes where it is held. */
    isolateHeld() {
        const world = this.sim.world;
        const grasp = this.st.grasp;
        const tcp = this.tcpCache;
        for (const name of this.held()) {
            if (!grasp.parts.some((p) => p.name === name)) {
                const body = this.sim.handles(name).body;
                const t = world.getRigidBody(body).translation();
                grasp.parts.push({ name, body, offset: [t.x - tcp[0], t.y - tcp[1], t.z - tcp[2]] });
            }
            for (const c of this.sim.handles(name).colliders) {
                if (this.st.savedGroups.some(([h]) => h === c))
                    continue;
                const col = world.getCollider(c);
                this.st.savedGroups.push([c, col.collisionGroups()]);
                col.setCollisionGroups(HELD_GROUPS);
            }
        }
    }
    release() {
        const st = this.st;
        if (!st.grasp)
            return;
        const world = this.sim.world;
        world.removeImpulseJoint(world.getImpulseJoint(st.grasp.joint), true);
        for (const [c, groups] of st.savedGroups)
            world.getCollider(c).setCollisionGroups(groups);
        st.savedGroups = [];
        st.grasp = null;
    }
    /** Poses every link body from the joint angles and finger openings. */
    pose(teleport) {
        const st = this.st;
        const p = forwardKinematics(this.spec.base, st.q, this.points);
        this.tcpCache = p.tcp;
        const base = this.spec.base;
        const [s, e, w, t] = [p.shoulder, p.elbow, p.wrist, p.tcp];
        const r = this.linkRot;
        this.place(st.bodies.shoulder, base[0], base[1], base[2] + ARM_GEOMETRY.shoulderHeight / 2, linkRotation(r, p.yaw, 0, 0), teleport);
        this.place(st.bodies.upperArm, (s[0] + e[0]) / 2, (s[1] + e[1]) / 2, (s[2] + e[2]) / 2, linkRotation(r, p.yaw, -p.upperPitch, 0), teleport);
        this.place(st.bodies.forearm, (e[0] + w[0]) / 2, (e[1] + w[1]) / 2, (e[2] + w[2]) / 2, linkRotation(r, p.yaw, -p.forePitch, 0), teleport);
        this.place(st.bodies.wrist, w[0], w[1], w[2], linkRotation(r, p.yaw, -p.forePitch, st.q[3]), teleport);
        const f = TOOL_LINK_LENGTH / 2 / ARM_GEOMETRY.tool;
        this.place(st.bodies.toolLink, w[0] + (t[0] - w[0]) * f, w[1] + (t[1] - w[1]) * f, w[2] + (t[2] - w[2]) * f, linkRotation(r, p.yaw, -p.toolPitch, 0), teleport);
        // The gripper frame: z up along the tool (pointing the fingers down), fingers closing along y.
        const g = gripperRotation(this.gripRot, p.yaw, -(p.toolPitch + Math.PI / 2), -st.q[5]);
        this.placeInGripper(st.bodies.palm, g, 0, GRIPPER.palmCentreZ, teleport);
        this.placeInGripper(st.bodies.fingerLeft, g, fingerOffsetY(st.fingers[0]), GRIPPER.fingerCentreZ, teleport);
        this.placeInGripper(st.bodies.fingerRight, g, -fingerOffsetY(st.fingers[1]), GRIPPER.fingerCentreZ, teleport);
    }
    /** Places a gripper body at (0, y, z) in the gripper frame `g`, whose origin is the tool centre point. */
    placeInGripper(handle, g, y, z, teleport) {
        // g rotates (0, y, z): v + 2w(u×v) + 2u×(u×v) with u = (g.x, g.y, g.z).
        const cx = g.y * z - g.z * y;
        const cy = -g.x * z;
        const cz = g.x * y;
        const t = this.tcpCache;
        this.place(handle, t[0] + 2 * (g.w * cx + g.y * cz - g.z * cy), t[1] + y + 2 * (g.w * cy + g.z * cx - g.x * cz), t[2] + z + 2 * (g.w * cz + g.x * cy - g.y * cx), g, teleport);
    }
    /** Sets a link body's pose: its next kinematic pose while stepping, or directly when first built. */
    place(handle, x, y, z, rot, teleport) {
        const b = this.sim.world.getRigidBody(handle);
        const v = this.vec;
        v.x = x;
        v.y = y;
        v.z = z;
        if (teleport) {
            b.setTranslation(v, false);
            b.setRotation(rot, false);
        }
        else {
            b.setNextKinematicTranslation(v);
            b.setNextKinematicRotation(rot);
        }
    }
}
/** Attaches the table-mounted arm: new bodies, or, with saved state, the bodies already in a restored world. */
export const attachArm = (world, saved) => saved === undefined ? ArmRobot.create(world) : new ArmRobot(world, structuredClone(saved));
/** Rapier interaction groups: upper 16 bits membership, lower 16 bits filter. */
const ARM_BIT = 0x0002;
const HELD_BIT = 0x0004;
const ARM_GROUPS = (ARM_BIT << 16) | (0xffff & ~HELD_BIT);
const HELD_GROUPS = (HELD_BIT << 16) | (0xffff & ~ARM_BIT);
const DRAWN_ONLY_GROUPS = ARM_BIT << 16;
/** How far a held object may lag its grasp before the move counts as blocked (m). */
const HELD_LAG_LIMIT = 0.008;
/** Lag of a held object that counts as a loaded grasp (m), and how long the load is remembered (steps). */
const LOADED_LAG = 0.001;
const LOADED_HOLD_STEPS = 120;
/** Solver iterations with nothing held, and while carrying without load (see setSolverIterations). */
const FREE_ITERATIONS = 4;
const CARRY_ITERATIONS = 8;
const TOOL_LINK_LENGTH = ARM_GEOMETRY.tool - GRIPPER.palmCentreZ - GRIPPER.palmHalf[2];
/** Shapes closer than this count as touching (m). */
const TOUCH_DISTANCE = 0.0005;
/**
 * Whether two colliders touch, from an exact shape query. The narrow phase's contact manifolds
 * are not used: between a moving kinematic finger and a resting body their distances were
 * measured here to stay at the value of the step the pair was created (9.6 mm while the finger
 * closed through the handle), so they cannot tell contact from approach.
 */
function touching(a, b) {
    const c = a.contactCollider(b, TOUCH_DISTANCE);
    return c !== null && c.distance < TOUCH_DISTANCE;
}
/** `out` = Rz(yaw)·Ry(pitch)·Rx(roll): a link's orientation from base yaw, elevation and roll. */
function linkRotation(out, yaw, pitch, roll) {
    const cz = Math.cos(yaw / 2);
    const sz = Math.sin(yaw / 2);
    const cy = Math.cos(pitch / 2);
    const sy = Math.sin(pitch / 2);
    const cx = Math.cos(roll / 2);
    const sx = Math.sin(roll / 2);
    // Rz·Ry first, then ·Rx.
    const aw = cz * cy;
    const ax = -sz * sy;
    const ay = cz * sy;
    const az = sz * cy;
    out.w = aw * cx - ax * sx;
    out.x = aw * sx + ax * cx;
    out.y = ay * cx + az * sx;
    out.z = az * cx - ay * sx;
    return out;
}
/** `out` = Rz(yaw)·Ry(pitch)·Rz(roll): the gripper's orientation (tool roll about its own axis). */
function gripperRotation(out, yaw, pitch, roll) {
    const cz = Math.cos(yaw / 2);
    const sz = Math.sin(yaw / 2);
    const cy = Math.cos(pitch / 2);
    const sy = Math.sin(pitch / 2);
    const cr = Math.cos(roll / 2);
    const sr = Math.sin(roll / 2);
    const aw = cz * cy;
    const ax = -sz * sy;
    const ay = cz * sy;
    const az = sz * cy;
    out.w = aw * cr - az * sr;
    out.x = ax * cr + ay * sr;
    out.y = ay * cr - ax * sr;
    out.z = az * cr + aw * sr;
    return out;
}
/** World-aligned box of a cuboid collider. */
function colliderBox(col) {
    const he = col.halfExtents() ?? { x: 0, y: 0, z: 0 };
    const t = col.translation();
    const r = col.rotation();
    const min = [Infinity, Infinity, Infinity];
    const max = [-Infinity, -Infinity, -Infinity];
    for (const sx of [-1, 1])
        for (const sy of [-1, 1])
            for (const sz of [-1, 1]) {
                const p = rotate(r, [sx * he.x, sy * he.y, sz * he.z]);
                const w = [p[0] + t.x, p[1] + t.y, p[2] + t.z];
                for (let i = 0; i < 3; i++) {
                    min[i] = Math.min(min[i], w[i]);
                    max[i] = Math.max(max[i], w[i]);
                }
            }
    return { min, max };
}
//# sourceMappingURL=arm.js.map