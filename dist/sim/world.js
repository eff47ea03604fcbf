import { loadRapier } from "./rapier.js";
import { buildObject } from "./objects.js";
import { quatMul, rotate } from "../scene/geometry.js";
const GROUND = 'ground';
/**
 * A Rapier world built from a scene. It owns the Rapier world and frees it in `free()`.
 * Fixed step, no randomness inside: the same scene and the same commands give the same result.
 */
export class SimWorld {
    R;
    world;
    scene;
    st;
    dt;
    robot;
    events = [];
    colliderOwner = new Map();
    eventQueue;
    listeners = new Set();
    preStepSpeed = new Map();
    /** The scene's objects by name (contact events look them up every step). */
    defs;
    freed = false;
    constructor(R, world, scene, st, dt) {
        this.R = R;
        this.world = world;
        this.scene = scene;
        this.st = st;
        // Keep the step as a double: Rapier stores it as f32, which would make `time` drift.
        this.dt = dt;
        this.eventQueue = new R.EventQueue(true);
        this.defs = new Map(scene.objects.map((o) => [o.name, o]));
        for (const [name, h] of Object.entries(st.objects)) {
            for (const c of h.colliders)
                this.colliderOwner.set(c, name);
        }
        this.colliderOwner.set(st.objects[GROUND]?.colliders[0] ?? -1, GROUND);
    }
    /** Builds a world from a validated scene. The robot is attached by `attach` (see createSim). */
    static async create(scene, attach, opts = {}) {
        const R = await loadRapier();
        const world = new R.World({ x: 0, y: 0, z: -9.81 });
        world.timestep = opts.dt ?? 1 / 240;
        const dt = opts.dt ?? 1 / 240;
        world.integrationParameters.numSolverIterations = opts.solverIterations ?? 16;
        const objects = {};
        const groundBody = world.createRigidBody(R.RigidBodyDesc.fixed().setTranslation(0, 0, -0.5));
        const groundCollider = world.createCollider(R.ColliderDesc.cuboid(50, 50, 0.5).setFriction(scene.ground.friction), groundBody);
        objects[GROUND] = { body: groundBody.handle, colliders: [groundCollider.handle] };
        const initialBottom = {};
        for (const o of scene.objects) {
            objects[o.name] = buildObject(R, world, o);
            initialBottom[o.name] = o.position[2] - o.size[2] / 2;
        }
        const st = { dt, time: 0, steps: 0, objects, broken: [], joined: [], pressed: [], initialBottom };
        const sim = new SimWorld(R, world, scene, st, opts.dt ?? 1 / 240);
        if (attach)
            sim.robot = attach(sim);
        return sim;
    }
    /** Rebuilds a world from a snapshot: an independent clone that continues bit-identically. */
    static async restore(scene, snap, attach) {
        const R = await loadRapier();
        const world = R.World.restoreSnapshot(snap.rapier);
        const sim = new SimWorld(R, world, scene, structuredClone(snap.state), snap.state.dt);
        if (attach)
            sim.robot = attach(sim, snap.robot);
        return sim;
    }
    snapshot() {
        return {
            rapier: this.world.takeSnapshot(),
            state: structuredClone(this.st),
            robot: structuredClone(this.robot?.saveState()),
        };
    }
    get time() {
        return this.st.time;
    }
    get steps() {
        return this.st.steps;
    }
    /** Advances the world one fixed step: robot control, physics, then magnets, breakage and buttons. */
    step() {
        if (this.freed)
            throw new Error('SimWorld used after free()');
        this.robot?.beforeStep(this);
        this.recordFragileSpeeds();
        this.world.step(this.eventQueue);
        this.st.time += this.dt;
        this.st.steps += 1;
        this.handleContacts();
        this.updateButtons();
        this.robot?.afterStep(this);
    }
    /** Steps for a span of simulated time. */
    stepFor(seconds) {
        const n = Math.round(seconds / this.dt);
        for (let i = 0; i < n; i++)
            this.step();
    }
    on(listener) {
        this.listeners.add(listener);
        return () => this.listeners.delete(listener);
    }
    /** Names of the scene's objects (not the ground). */
    objectNames() {
        return this.scene.objects.map((o) => o.name);
    }
    def(name) {
        const o = this.defs.get(name);
        if (!o)
            throw new Error(`no object named "${name}"; objects: ${this.objectNames().join(', ')}`);
        return o;
    }
    handles(name) {
        const h = this.st.objects[name];
        if (!h)
            throw new Error(`no object named "${name}"; objects: ${this.objectNames().join(', ')}`);
        return h;
    }
    body(name) {
        return this.world.getRigidBody(this.handles(name).body);
    }
    /** The object that owns a collider, `ground`, or undefined for robot colliders. */
    ownerOfCollider(handle) {
        return this.colliderOwner.get(handle);
    }
    /** The object that owns a rigid body, or undefined. */
    ownerOfBody(handle) {
        for (const [name, h] of Object.entries(this.st.objects))
            if (h.body === handle || h.cap === handle)
                return name;
        return undefined;
    }
    pose(name) {
        const b = this.body(name);
        const t = b.translation();
        const r = b.rotation();
        return { position: [t.x, t.y, t.z], rotation: [r.x, r.y, r.z, r.w] };
    }
    /** World-aligned bounding box of an object's colliders (m). */
    aabb(name) {
        const min = [Infinity, Infinity, Infinity];
        const max = [-Infinity, -Infinity, -Infinity];
        for (const c of this.handles(name).colliders) {
            const col = this.world.getCollider(c);
            // Rapier has no AABB query on colliders in the JS API; compute from the shape's half extents.
            const he = halfExtentsOf(col);
            const t = col.translation();
            const r = col.rotation();
            for (const sx of [-1, 1])
                for (const sy of [-1, 1])
                    for (const sz of [-1, 1]) {
                        const p = rotate(r, [sx * he[0], sy * he[1], sz * he[2]]);
                        const w = [p[0] + t.x, p[1] + t.y, p[2] + t.z];
                        for (let i = 0; i < 3; i++) {
                            min[i] = Math.min(min[i], w[i]);
                            max[i] = Math.max(max[i], w[i]);
                        }
                    }
        }
        return { min, max };
    }
    /** Bottom of the object when the scene was built (m). */
    initialBottom(name) {
        return this.st.initialBottom[name] ?? 0;
    }
    isBroken(name) {
        return this.st.broken.includes(name);
    }
    isPressed(name) {
        return this.st.pressed.includes(name);
    }
    /** Pairs of magnetic objects joined so far. */
    joinedPairs() {
        return this.st.joined;
    }
    /** Every object rigidly joined to `name` (magnets), including itself. */
    joinedGroup(name) {
        const group = new Set([name]);
        let grew = true;
        while (grew) {
            grew = false;
            for (const [a, b] of this.st.joined) {
                if (group.has(a) !== group.has(b)) {
                    group.add(a);
                    group.add(b);
                    grew = true;
                }
            }
        }
        return [...group];
    }
    /** Frees Rapier's memory. The world cannot be used afterwards. */
    free() {
        if (this.freed)
            return;
        this.freed = true;
        this.robot?.free();
        this.eventQueue.free();
        this.world.free();
    }
    emit(e) {
        this.events.push(e);
        for (const l of this.listeners)
            l(e);
    }
    recordFragileSpeeds() {
        for (const o of this.scene.objects) {
            if (!o.fragile || this.st.broken.includes(o.name))
                continue;
            const v = this.body(o.name).linvel();
            this.preStepSpeed.set(o.name, [v.x, v.y, v.z]);
        }
    }
    handleContacts() {
        const joins = [];
        this.eventQueue.drainContactForceEvents((e) => {
            const a = this.colliderOwner.get(e.collider1());
            const b = this.colliderOwner.get(e.collider2());
            if (a === undefined || b === undefined || a === b)
                return;
            const da = a === GROUND ? undefined : this.def(a);
            const db = b === GROUND ? undefined : this.def(b);
            if (da?.magnetic && db?.magnetic)
                joins.push([a, b]);
            if (da?.fragile)
                this.checkBreak(da, b, db);
            if (db?.fragile)
                this.checkBreak(db, a, da);
        });
        for (const [a, b] of joins)
            this.join(a, b);
    }
    checkBreak(fragile, otherName, other) {
        if (this.st.broken.includes(fragile.name) || other?.soft)
            return;
        const v = this.preStepSpeed.get(fragile.name) ?? [0, 0, 0];
        const ov = otherName === GROUND ? { x: 0, y: 0, z: 0 } : this.body(otherName).linvel();
        const speed = Math.hypot(v[0] - ov.x, v[1] - ov.y, v[2] - ov.z);
        if (speed > (fragile.fragile?.breakSpeed ?? Infinity)) {
            this.st.broken.push(fragile.name);
            this.emit({ type: 'broken', t: this.st.time, object: fragile.name, against: otherName, speed });
        }
    }
    join(a, b) {
        if (this.joinedGroup(a).includes(b))
            return;
        const R = this.R;
        const ba = this.body(a);
        const bb = this.body(b);
        // Fixed joint at the current relative pose: anchor b's origin expressed in a's frame.
        const ta = ba.translation();
        const ra = ba.rotation();
        const tb = bb.translation();
        const rb = bb.rotation();
        const inv = { x: -ra.x, y: -ra.y, z: -ra.z, w: ra.w };
        const rel = rotate(inv, [tb.x - ta.x, tb.y - ta.y, tb.z - ta.z]);
        const relRot = quatMul(inv, rb);
        const data = R.JointData.fixed({ x: rel[0], y: rel[1], z: rel[2] }, relRot, { x: 0, y: 0, z: 0 }, { x: 0, y: 0, z: 0, w: 1 });
        const joint = this.world.createImpulseJoint(data, ba, bb, true);
        joint.setContactsEnabled(false);
        this.st.joined.push([a, b]);
        this.emit({ type: 'joined', t: this.st.time, a, b });
    }
    updateButtons() {
        for (const o of this.scene.objects) {
            if (!o.button)
                continue;
            const h = this.handles(o.name);
            if (h.cap === undefined || h.capRestZ === undefined)
                continue;
            const depth = h.capRestZ - this.world.getRigidBody(h.cap).translation().z;
            const was = this.st.pressed.includes(o.name);
            if (!was && depth > o.button.pressDepth) {
                this.st.pressed.push(o.name);
                this.emit({ type: 'button-pressed', t: this.st.time, object: o.name, depth });
            }
        }
    }
}
/** Current depth of a button's cap below its rest height (m). */
export function buttonDepth(sim, name) {
    const h = sim.handles(name);
    if (h.cap === undefined || h.capRestZ === undefined)
        return 0;
    return h.capRestZ - sim.world.getRigidBody(h.cap).translation().z;
}
function halfExtentsOf(col) {
    const s = col.shape;
    if (s.halfExtents)
        return [s.halfExtents.x, s.halfExtents.y, s.halfExtents.z];
    const r = s.radius ?? 0;
    // Rapier's cylinders run along their local y axis.
    return s.halfHeight !== undefined ? [r, s.halfHeight, r] : [r, r, r];
}
//# sourceMappingURL=world.js.map