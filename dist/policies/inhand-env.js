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
import { seededRandom } from "../scene/random.js";
export { loadRapier } from "../sim/rapier.js";
export const OBS_SIZE = 12;
export const ACTION_SIZE = 4;
export const PHYSICS_DT = 1 / 120;
export const SUBSTEPS = 2; // physics steps per control step: 60 Hz control
export const MAX_CONTROL_STEPS = 150; // 2.5 s
export const SUCCESS_TOLERANCE = 0.4; // rad
export const MAX_FINGER_SPEED = 0.15; // m/s
export const FINGER_REACH = 0.09; // m from the palm centre
export const FINGER_RADIUS = 0.008;
export const CUBE_HALF = 0.025;
export const PALM_HALF = 0.1;
export const GOAL_TURN = Math.PI / 2;
/** Shaping: per control step, −REACH_PENALTY × (fingertip distance beyond CONTACT_RANGE) / 5 cm. */
export const REACH_PENALTY = 0.003;
export const CONTACT_RANGE = 0.045;
/** Fingertip start angle jitter around the cube's ±x faces, rad. */
export const FINGER_JITTER = 0.4;
/** The project's seeded generator (mulberry32), so that episodes are reproducible. */
export const rng = seededRandom;
export function yawQuat(yaw) {
    return { x: 0, y: 0, z: Math.sin(yaw / 2), w: Math.cos(yaw / 2) };
}
export function yawOf(q) {
    return Math.atan2(2 * (q.w * q.z + q.x * q.y), 1 - 2 * (q.y * q.y + q.z * q.z));
}
/** The rotation angle between two unit quaternions, in [0, π]. */
export function quatAngle(a, b) {
    const dot = Math.abs(a.x * b.x + a.y * b.y + a.z * b.z + a.w * b.w);
    return 2 * Math.acos(Math.min(1, dot));
}
function wrap(a) {
    return Math.atan2(Math.sin(a), Math.cos(a));
}
/**
 * One episode in a fresh Rapier world (a fresh world per episode keeps runs bit-reproducible:
 * no solver warm-start carries over). Call `await loadRapier()` before constructing.
 */
export class InHandEnv {
    world;
    goal;
    cube;
    fingers;
    fingerPos; // x0 y0 x1 y1, world frame
    error;
    steps = 0;
    finished = false;
    maxSteps;
    constructor(R, opts) {
        const rand = rng(opts.seed);
        const world = new R.World({ x: 0, y: 0, z: -9.81 });
        world.timestep = PHYSICS_DT;
        this.world = world;
        const palm = world.createRigidBody(R.RigidBodyDesc.fixed().setTranslation(0, 0, -0.01));
        world.createCollider(R.ColliderDesc.cuboid(PALM_HALF, PALM_HALF, 0.01).setFriction(0.5), palm);
        const seededYaw = (rand() * 2 - 1) * Math.PI; // drawn always, so the other draws keep their order
        const yaw0 = opts.startYaw ?? seededYaw;
        const q0 = yawQuat(yaw0);
        const cx = (rand() * 2 - 1) * 0.01;
        const cy = (rand() * 2 - 1) * 0.01;
        this.cube = world.createRigidBody(R.RigidBodyDesc.dynamic().setTranslation(cx, cy, CUBE_HALF + 0.0005).setRotation(q0).setCanSleep(false));
        world.createCollider(R.ColliderDesc.cuboid(CUBE_HALF, CUBE_HALF, CUBE_HALF).setDensity(800).setFriction(0.6), this.cube);
        // fingertips near opposite faces (the cube's local ±x), jittered
        const a0 = yaw0 + (rand() * 2 - 1) * FINGER_JITTER;
        const a1 = yaw0 + Math.PI + (rand() * 2 - 1) * FINGER_JITTER;
        const r = CUBE_HALF + FINGER_RADIUS + 0.004;
        this.fingerPos = new Float64Array([
            cx + r * Math.cos(a0), cy + r * Math.sin(a0),
            cx + r * Math.cos(a1), cy + r * Math.sin(a1),
        ]);
        this.fingers = [0, 1].map((i) => {
            const body = world.createRigidBody(R.RigidBodyDesc.kinematicPositionBased().setTranslation(this.fingerPos[2 * i], this.fingerPos[2 * i + 1], CUBE_HALF));
            world.createCollider(R.ColliderDesc.ball(FINGER_RADIUS).setFriction(1.0), body);
            return body;
        });
        const turn = rand() < 0.5 ? GOAL_TURN : -GOAL_TURN;
        this.goal = opts.goal ?? yawQuat(yaw0 + (opts.goalTurn ?? turn));
        this.maxSteps = opts.maxControlSteps ?? MAX_CONTROL_STEPS;
        this.error = quatAngle(q0, this.goal);
    }
    /** Orientation error to the goal, radians. */
    get orientationError() {
        return this.error;
    }
    get done() {
        return this.finished;
    }
    get cubeRotation() {
        return this.cube.rotation();
    }
    observe() {
        const o = new Float32Array(OBS_SIZE);
        const q = this.cube.rotation();
        const t = this.cube.translation();
        const v = this.cube.linvel();
        const w = this.cube.angvel();
        const yaw = yawOf(q);
        const c = Math.cos(yaw);
        const s = Math.sin(yaw);
        // world -> cube yaw frame: rotate by -yaw
        const lx = (x, y) => c * x + s * y;
        const ly = (x, y) => -s * x + c * y;
        o[0] = lx(t.x, t.y) / 0.05;
        o[1] = ly(t.x, t.y) / 0.05;
        const togo = wrap(yawOf(this.goal) - yaw);
        o[2] = Math.sin(togo);
        o[3] = Math.cos(togo);
        o[4] = w.z / 5;
        o[5] = lx(v.x, v.y) / 0.2;
        o[6] = ly(v.x, v.y) / 0.2;
        for (let i = 0; i < 2; i++) {
            const dx = this.fingerPos[2 * i] - t.x;
            const dy = this.fingerPos[2 * i + 1] - t.y;
            o[7 + 2 * i] = lx(dx, dy) / 0.05;
            o[8 + 2 * i] = ly(dx, dy) / 0.05;
        }
        // local z in world: third column of the rotation matrix; its z component is cos(tilt)
        const upz = 1 - 2 * (q.x * q.x + q.y * q.y);
        o[11] = Math.acos(Math.max(-1, Math.min(1, upz)));
        return o;
    }
    step(action) {
        if (this.finished)
            throw new Error('InHandEnv.step: the episode is over; make a new env');
        const q = this.cube.rotation();
        const yaw = yawOf(q);
        const c = Math.cos(yaw);
        const s = Math.sin(yaw);
        const vel = new Float64Array(4);
        for (let i = 0; i < 2; i++) {
            const ax = clip(action[2 * i] ?? 0);
            const ay = clip(action[2 * i + 1] ?? 0);
            vel[2 * i] = (c * ax - s * ay) * MAX_FINGER_SPEED;
            vel[2 * i + 1] = (s * ax + c * ay) * MAX_FINGER_SPEED;
        }
        for (let k = 0; k < SUBSTEPS; k++) {
            for (let i = 0; i < 2; i++) {
                let x = this.fingerPos[2 * i] + vel[2 * i] * PHYSICS_DT;
                let y = this.fingerPos[2 * i + 1] + vel[2 * i + 1] * PHYSICS_DT;
                const d = Math.hypot(x, y);
                if (d > FINGER_REACH) {
                    x *= FINGER_REACH / d;
                    y *= FINGER_REACH / d;
                }
                this.fingerPos[2 * i] = x;
                this.fingerPos[2 * i + 1] = y;
                this.fingers[i].setNextKinematicTranslation({ x, y, z: CUBE_HALF });
            }
            this.world.step();
        }
        this.steps++;
        const t = this.cube.translation();
        const err = quatAngle(this.cube.rotation(), this.goal);
        let reward = this.error - err;
        this.error = err;
        for (let i = 0; i < 2; i++) {
            const gap = Math.hypot(this.fingerPos[2 * i] - t.x, this.fingerPos[2 * i + 1] - t.y) - CONTACT_RANGE;
            if (gap > 0)
                reward -= (REACH_PENALTY * gap) / 0.05;
        }
        const dropped = t.z < 0 || Math.abs(t.x) > PALM_HALF || Math.abs(t.y) > PALM_HALF;
        const success = !dropped && err < SUCCESS_TOLERANCE;
        if (success)
            reward += 1;
        if (dropped)
            reward -= 1;
        const done = success || dropped || this.steps >= this.maxSteps;
        this.finished = done;
        return { obs: this.observe(), reward, done, success, dropped, error: err };
    }
    free() {
        this.world.free();
    }
}
function clip(a) {
    return Number.isFinite(a) ? Math.max(-1, Math.min(1, a)) : 0;
}
/** Runs one seeded episode to its end. */
export function runEpisode(R, act, seed) {
    const env = new InHandEnv(R, typeof seed === 'number' ? { seed } : seed);
    const initialError = env.orientationError;
    let obs = env.observe();
    let ret = 0;
    let last;
    let n = 0;
    try {
        while (!env.done) {
            last = env.step(act(obs));
            ret += last.reward;
            obs = last.obs;
            n++;
        }
    }
    finally {
        env.free();
    }
    return {
        return: ret,
        success: last?.success ?? false,
        dropped: last?.dropped ?? false,
        finalError: last?.error ?? initialError,
        initialError,
        controlSteps: n,
        physicsSteps: n * SUBSTEPS,
    };
}
//# sourceMappingURL=inhand-env.js.map