import type RAPIER from '@dimforge/rapier3d-compat';
import type { ArmSpec, Vec3 } from '../scene/schema.ts';
import type { SimRobot } from './world.ts';
import { halfExtentsOf, type RobotAttach, type SimWorld } from './world.ts';
import { quatMul, rotate, type Q } from '../scene/geometry.ts';
import { ARM_GEOMETRY, JOINT_VELOCITY_LIMITS, armPoints, forwardKinematics, solveIk, type ArmPoints, type JointAngles } from './arm-kinematics.ts';
import { GRIPPER, fingerOffsetY, gripperBox } from './arm-gripper.ts';

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
 * (docs/ARCHITECTURE.md, "Mechanics measured here"), so the arm cannot be pushed off its path; it can only
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
export class ArmRobot implements SimRobot {
  readonly kind = 'arm';
  private readonly spec: ArmSpec;
  private staticBoxes: { name: string; min: Vec3; max: Vec3 }[] | undefined;
  private fixedColliders: { name: string; handle: number }[] | undefined;
  private tcpCache: Vec3;
  /** Scratch for posing the links every step without allocating. */
  private readonly points = armPoints();
  private readonly vec = { x: 0, y: 0, z: 0 };
  private readonly linkRot: Q = { x: 0, y: 0, z: 0, w: 1 };
  private readonly gripRot: Q = { x: 0, y: 0, z: 0, w: 1 };

  constructor(
    private readonly sim: SimWorld,
    private readonly st: ArmState,
  ) {
    if (sim.scene.robot.kind !== 'arm') throw new Error('the arm needs a scene whose robot is an arm');
    this.spec = sim.scene.robot;
    this.tcpCache = forwardKinematics(this.spec.base, st.q).tcp;
  }

  /** Creates the arm's bodies in the world, at home with the gripper open. */
  static create(sim: SimWorld): ArmRobot {
    const spec = sim.scene.robot;
    if (spec.kind !== 'arm') throw new Error('the arm needs a scene whose robot is an arm');
    const R = sim.R;
    const world = sim.world;
    const q = solveIk(spec.base, spec.home, 0, [0, 0, 0, 0, 0, 0]);
    const body = (): number => world.createRigidBody(R.RigidBodyDesc.kinematicPositionBased()).handle;
    const bodies: ArmBodies = {
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
    const handles = new Map<string, number>();
    for (const c of ARM_COLLIDERS) {
      const h = world.createCollider(
        R.ColliderDesc.cuboid(...c.half)
          .setTranslation(...c.offset)
          .setFriction(GRIPPER.friction)
          .setCollisionGroups(c.solid ? ARM_GROUPS : DRAWN_ONLY_GROUPS),
        world.getRigidBody(bodies[c.body]),
      ).handle;
      handles.set(c.body, h);
    }
    const fingers: [number, number] = [handles.get('fingerLeft')!, handles.get('fingerRight')!];
    const st: ArmState = {
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

  bodyHandles(): readonly number[] {
    return Object.values(this.st.bodies);
  }

  /** The tool centre point, between the fingertips (m). */
  position(): Vec3 {
    return [this.tcpCache[0], this.tcpCache[1], this.tcpCache[2]];
  }

  /** Joint angles now (rad). */
  joints(): JointAngles {
    return [...this.st.q];
  }

  /** Opening of the gripper between the fingers' inner faces (m). */
  opening(): number {
    return this.st.fingers[0] + this.st.fingers[1];
  }

  held(): readonly string[] {
    return this.st.grasp ? this.sim.joinedGroup(this.st.grasp.object) : [];
  }

  /** The object the fingers closed on (without the parts joined to it), or null. */
  grasped(): string | null {
    return this.st.grasp?.object ?? null;
  }

  standingOn(): string | null {
    return null;
  }

  /** Starts a straight-line move of the tool centre point; the target must already be inside the workspace. */
  moveTo(target: Vec3): void {
    const from = this.position();
    const length = Math.hypot(target[0] - from[0], target[1] - from[1], target[2] - from[2]);
    this.st.motion = { from, to: [...target], length, travelled: 0 };
    this.st.outcome = 'moving';
    this.st.blockedBy = '';
  }

  /** 'moving' until the move ends as 'reached' or 'blocked' (then `blockedBy` says by what). */
  moveOutcome(): ArmState['outcome'] {
    return this.st.outcome;
  }

  get blockedBy(): string {
    return this.st.blockedBy;
  }

  /** Closes the fingers until each touches something or they meet. */
  close(): void {
    this.st.fingerGoal = [0, 0];
    this.st.touched = [null, null];
    this.st.gripper = 'closing';
  }

  /** Releases whatever is held and opens the fingers fully. */
  open(): void {
    this.release();
    this.st.fingerGoal = [GRIPPER.openHalf, GRIPPER.openHalf];
    this.st.touched = [null, null];
    this.st.gripper = 'opening';
  }

  /** Whether the fingers are still moving. */
  gripperBusy(): boolean {
    return this.st.gripper !== 'idle';
  }

  /** What each finger touched when it stopped (left, right). */
  fingerContacts(): readonly [string | null, string | null] {
    return this.st.touched;
  }

  halt(): void {
    this.st.motion = null;
    this.st.qGoal = [...this.st.q];
    if (this.st.outcome === 'moving') this.st.outcome = 'idle';
    this.st.fingerGoal = [...this.st.fingers];
    this.st.gripper = 'idle';
  }

  beforeStep(): void {
    const st = this.st;
    this.setSolverIterations();
    let changed = false;
    if (st.motion) changed = this.advanceJoints(st.motion);
    if (st.gripper !== 'idle') {
      const step = GRIPPER.fingerSpeed * this.sim.dt;
      for (const i of [0, 1] as const) {
        const d = st.fingerGoal[i] - st.fingers[i];
        if (d === 0) continue;
        st.fingers[i] += Math.abs(d) <= step ? d : Math.sign(d) * step;
        changed = true;
      }
    }
    if (changed) this.pose(false);
  }

  afterStep(): void {
    const st = this.st;
    if (st.grasp) {
      const joins = this.sim.joinedPairs().length;
      if (joins !== st.joinCount) {
        st.joinCount = joins;
        this.isolateHeld();
      }
      this.checkHeldLag(st.grasp);
    }
    if (st.gripper === 'closing') this.senseFingers();
    else if (st.gripper === 'opening' && st.fingers[0] === st.fingerGoal[0] && st.fingers[1] === st.fingerGoal[1]) st.gripper = 'idle';
  }

  saveState(): unknown {
    return structuredClone(this.st);
  }

  free(): void {
    // Every resource of the arm is a Rapier body, collider or joint: they go with the world.
  }

  /** One servo step: advance the waypoint when the joints caught up, then move joints within their limits. */
  private advanceJoints(m: Motion): boolean {
    const st = this.st;
    let atGoal = true;
    for (let i = 0; i < 6; i++) if (st.q[i] !== st.qGoal[i]) atGoal = false;
    if (atGoal) {
      if (m.travelled >= m.length) {
        st.motion = null;
        st.outcome = 'reached';
        return false;
      }
      const travelled = Math.min(m.length, m.travelled + this.spec.maxSpeed * this.sim.dt);
      const f = m.length === 0 ? 1 : travelled / m.length;
      const next: Vec3 = [
        m.from[0] + (m.to[0] - m.from[0]) * f,
        m.from[1] + (m.to[1] - m.from[1]) * f,
        m.from[2] + (m.to[2] - m.from[2]) * f,
      ];
      const blocker = this.staticBlocker(next);
      if (blocker) {
        this.stopBlocked(`the gripper would run into ${blocker}`);
        return false;
      }
      const heldBlocker = this.heldBlocker(next);
      if (heldBlocker) {
        this.stopBlocked(heldBlocker);
        return false;
      }
      m.travelled = travelled;
      solveIk(this.spec.base, next, st.q[0], st.qGoal);
    }
    let k = 1;
    for (let i = 0; i < 6; i++) {
      const d = Math.abs(st.qGoal[i]! - st.q[i]!);
      const lim = JOINT_VELOCITY_LIMITS[i]! * this.sim.dt;
      if (d > lim) k = Math.min(k, lim / d);
    }
    for (let i = 0; i < 6; i++) st.q[i] = k === 1 ? st.qGoal[i]! : st.q[i]! + k * (st.qGoal[i]! - st.q[i]!);
    return true;
  }

  private stopBlocked(why: string): void {
    this.st.motion = null;
    this.st.qGoal = [...this.st.q];
    this.st.outcome = 'blocked';
    this.st.blockedBy = why;
  }

  /** A fixed object (or the table) the gripper would overlap at `tcp`; kinematic bodies get no contacts with fixed ones. */
  private staticBlocker(tcp: Vec3): string | null {
    const box = gripperBox(tcp, Math.max(this.st.fingers[0], this.st.fingers[1]));
    if (box.min[2] < -0.001) return 'the table';
    this.staticBoxes ??= this.computeStaticBoxes();
    for (const s of this.staticBoxes) {
      if (box.min[0] < s.max[0] && box.max[0] > s.min[0] && box.min[1] < s.max[1] && box.max[1] > s.min[1] && box.min[2] < s.max[2] && box.max[2] > s.min[2])
        return s.name;
    }
    return null;
  }

  /**
   * Whether anything held (the grasped object and every part joined to it) would enter a fixed
   * body (the table, a fixed object, a button's housing) with the tool centre point at `tcp`:
   * each held collider is placed where the grasp carries it, and Rapier's exact shape query
   * gives its penetration into each fixed collider. A move may keep a resting contact and may
   * back out of one; it may not push deeper than HELD_PENETRATION. Returns what would collide.
   */
  private heldBlocker(tcp: Vec3): string | null {
    const g = this.st.grasp;
    if (!g) return null;
    const world = this.sim.world;
    this.fixedColliders ??= this.computeFixedColliders();
    const at = this.vec;
    for (const part of g.parts) {
      const bt = world.getRigidBody(part.body).translation();
      for (const c of this.sim.handles(part.name).colliders) {
        const col = world.getCollider(c);
        const ct = col.translation();
        const rot = col.rotation();
        at.x = tcp[0] + part.offset[0] + ct.x - bt.x;
        at.y = tcp[1] + part.offset[1] + ct.y - bt.y;
        at.z = tcp[2] + part.offset[2] + ct.z - bt.z;
        const shape = col.shape;
        const what = (): string => (part.name === g.object ? `the held ${part.name}` : `${part.name} (joined to the held ${g.object})`);
        // The table is a plane at z = 0: depth is how far the lowest point goes below it.
        const bottom = ct.z - colliderBox(col).min[2];
        const below = (z: number): number => Math.max(0, bottom - z);
        if (below(at.z) > HELD_PENETRATION && below(at.z) > below(ct.z) + 1e-4) {
          return `${what()} would run into the table (${(below(at.z) * 1000).toFixed(1)} mm deep)`;
        }
        for (const f of this.fixedColliders) {
          const fixed = world.getCollider(f.handle);
          const after = fixed.contactShape(shape, at, rot, 0);
          if (!after || after.distance >= -HELD_PENETRATION) continue;
          const before = fixed.contactShape(shape, ct, rot, 0);
          if (-after.distance <= (before ? -before.distance : 0) + 1e-4) continue;
          return `${what()} would run into ${f.name} (${(-after.distance * 1000).toFixed(1)} mm deep)`;
        }
      }
    }
    return null;
  }

  /** Every fixed object's collider (button housings, not their caps); the table is checked as a plane. */
  private computeFixedColliders(): { name: string; handle: number }[] {
    const out: { name: string; handle: number }[] = [];
    for (const o of this.sim.scene.objects) {
      if (o.movable) continue;
      const cols = o.button ? this.sim.handles(o.name).colliders.slice(0, 1) : this.sim.handles(o.name).colliders;
      for (const handle of cols) out.push({ name: o.name, handle });
    }
    return out;
  }

  private computeStaticBoxes(): { name: string; min: Vec3; max: Vec3 }[] {
    const out: { name: string; min: Vec3; max: Vec3 }[] = [];
    for (const o of this.sim.scene.objects) {
      if (o.movable) continue;
      // A button's cap is a dynamic body meant to be pushed; only its housing stops the gripper.
      const cols = o.button ? this.sim.handles(o.name).colliders.slice(0, 1) : this.sim.handles(o.name).colliders;
      for (const c of cols) out.push({ name: o.name, ...colliderBox(this.sim.world.getCollider(c)) });
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
  private checkHeldLag(g: Grasp): void {
    const world = this.sim.world;
    const tcp = this.tcpCache;
    let loaded = false;
    let graspedLag = 0;
    for (const part of g.parts) {
      const t = world.getRigidBody(part.body).translation();
      const lag = Math.hypot(t.x - tcp[0] - part.offset[0], t.y - tcp[1] - part.offset[1], t.z - tcp[2] - part.offset[2]);
      if (lag > LOADED_LAG) loaded = true;
      if (part.name === g.object) graspedLag = lag;
    }
    if (loaded) this.st.solver.loadedUntil = this.sim.steps + LOADED_HOLD_STEPS;
    if (graspedLag < HELD_LAG_LIMIT || !this.st.motion) return;
    const against = this.contactsOf(this.held());
    this.stopBlocked(
      `the held ${g.object} pressed against ${against.length ? against.join(', ') : 'something'} and lagged ${(graspedLag * 1000).toFixed(0)} mm behind the gripper`,
    );
  }

  /**
   * Solver iterations for the coming step, the main cost of a step. With nothing held the arm is
   * kinematic and objects only touch it or each other: FREE_ITERATIONS are enough. A held object
   * hangs on an impulse joint (and magnets may chain more parts to it): CARRY_ITERATIONS keep it
   * within a millimetre while carried, and while the grasp is loaded the world's own count (16 by
   * default: docs/ARCHITECTURE.md, pressing a held tool into static geometry) holds it stiff.
   */
  private setSolverIterations(): void {
    const s = this.st.solver;
    const want = !this.st.grasp ? FREE_ITERATIONS : this.sim.steps < s.loadedUntil ? s.precise : CARRY_ITERATIONS;
    const n = Math.min(want, s.precise);
    if (n === s.current) return;
    this.sim.world.integrationParameters.numSolverIterations = n;
    s.current = n;
  }

  /** Names of objects (not in `group`, not the robot) touching any collider of `group`. */
  private contactsOf(group: readonly string[]): string[] {
    const names = new Set<string>();
    const world = this.sim.world;
    for (const name of group) {
      for (const c of this.sim.handles(name).colliders) {
        const col = world.getCollider(c);
        world.contactPairsWith(col, (other) => {
          const owner = this.sim.ownerOfCollider(other.handle);
          if (owner === undefined || group.includes(owner)) return;
          if (touching(col, other)) names.add(owner);
        });
      }
    }
    return [...names];
  }

  /** Each closing finger stops at its first contact; both on one object (or its joined parts) is a grasp. */
  private senseFingers(): void {
    const st = this.st;
    const world = this.sim.world;
    for (const i of [0, 1] as const) {
      if (st.touched[i] !== null || st.fingers[i] === st.fingerGoal[i]) continue;
      const finger = world.getCollider(st.fingerColliders[i]);
      let hit: string | null = null;
      world.contactPairsWith(finger, (other) => {
        const owner = this.sim.ownerOfCollider(other.handle);
        if (hit === null && owner !== undefined && owner !== 'ground' && touching(finger, other)) hit = owner;
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
    } else if (st.fingers[0] === st.fingerGoal[0] && st.fingers[1] === st.fingerGoal[1]) {
      st.gripper = 'idle';
    }
  }

  private grasp(object: string): void {
    const world = this.sim.world;
    const palm = world.getRigidBody(this.st.bodies.palm);
    const obj = world.getRigidBody(this.sim.handles(object).body);
    const tp = palm.translation();
    const rp = palm.rotation();
    const to = obj.translation();
    const ro = obj.rotation();
    const inv: Q = { x: -rp.x, y: -rp.y, z: -rp.z, w: rp.w };
    const rel = rotate(inv, [to.x - tp.x, to.y - tp.y, to.z - tp.z]);
    const joint = world.createImpulseJoint(
      this.sim.R.JointData.fixed({ x: rel[0], y: rel[1], z: rel[2] }, quatMul(inv, ro), { x: 0, y: 0, z: 0 }, { x: 0, y: 0, z: 0, w: 1 }),
      palm,
      obj,
      true,
    );
    joint.setContactsEnabled(false);
    this.st.grasp = { object, joint: joint.handle, parts: [] };
    this.st.joinCount = this.sim.joinedPairs().length;
    this.isolateHeld();
  }

  /** Puts everything held in the HELD group, which the arm's colliders ignore, and notes where it is held. */
  private isolateHeld(): void {
    const world = this.sim.world;
    const grasp = this.st.grasp!;
    const tcp = this.tcpCache;
    for (const name of this.held()) {
      if (!grasp.parts.some((p) => p.name === name)) {
        const body = this.sim.handles(name).body;
        const t = world.getRigidBody(body).translation();
        grasp.parts.push({ name, body, offset: [t.x - tcp[0], t.y - tcp[1], t.z - tcp[2]] });
      }
      for (const c of this.sim.handles(name).colliders) {
        if (this.st.savedGroups.some(([h]) => h === c)) continue;
        const col = world.getCollider(c);
        this.st.savedGroups.push([c, col.collisionGroups()]);
        col.setCollisionGroups(HELD_GROUPS);
      }
    }
  }

  private release(): void {
    const st = this.st;
    if (!st.grasp) return;
    const world = this.sim.world;
    world.removeImpulseJoint(world.getImpulseJoint(st.grasp.joint), true);
    for (const [c, groups] of st.savedGroups) world.getCollider(c).setCollisionGroups(groups);
    st.savedGroups = [];
    st.grasp = null;
  }

  /** Poses every link body from the joint angles and finger openings. */
  private pose(teleport: boolean): void {
    const st = this.st;
    const p = forwardKinematics(this.spec.base, st.q, this.points);
    this.tcpCache = p.tcp;
    placeLinks(this.spec.base, p, st.q, st.fingers, this.linkRot, this.gripRot, (body, x, y, z, rot) => this.place(st.bodies[body], x, y, z, rot, teleport));
  }

  /**
   * The arm's solid geometry with its tool centre point at `tcp`: every link (those drawn
   * only as well), the palm, both fingers fully open (so that opening or closing them stays
   * inside), and every collider of what it holds, carried along with the gripper. Oriented
   * boxes in the world frame, from the same kinematics and collider sizes that pose the
   * simulated bodies; cylinders and balls by their bounding boxes.
   */
  solidsAt(tcp: Vec3): Solid[] {
    const q = solveIk(this.spec.base, tcp, this.st.q[0], [0, 0, 0, 0, 0, 0]);
    const p = forwardKinematics(this.spec.base, q);
    const out: Solid[] = [];
    const open: [number, number] = [GRIPPER.openHalf, GRIPPER.openHalf];
    const add = (body: keyof ArmBodies, x: number, y: number, z: number, rot: Q): void => {
      for (const c of ARM_COLLIDERS) {
        if (c.body !== body) continue;
        const o = rotate(rot, c.offset);
        out.push({ name: body, centre: [x + o[0], y + o[1], z + o[2]], half: [...c.half], rotation: [rot.x, rot.y, rot.z, rot.w] });
      }
    };
    const b = this.spec.base;
    add('base', b[0], b[1], b[2], { x: 0, y: 0, z: 0, w: 1 });
    placeLinks(b, p, q, open, { x: 0, y: 0, z: 0, w: 1 }, { x: 0, y: 0, z: 0, w: 1 }, add);
    const world = this.sim.world;
    const now = this.tcpCache;
    for (const name of this.held()) {
      for (const c of this.sim.handles(name).colliders) {
        const col = world.getCollider(c);
        const t = col.translation();
        const r = col.rotation();
        out.push({
          name,
          centre: [t.x + tcp[0] - now[0], t.y + tcp[1] - now[1], t.z + tcp[2] - now[2]],
          half: halfExtentsOf(col),
          rotation: [r.x, r.y, r.z, r.w],
        });
      }
    }
    return out;
  }

  /** Sets a link body's pose: its next kinematic pose while stepping, or directly when first built. */
  private place(handle: number, x: number, y: number, z: number, rot: Q, teleport: boolean): void {
    const b = this.sim.world.getRigidBody(handle);
    const v = this.vec;
    v.x = x;
    v.y = y;
    v.z = z;
    if (teleport) {
      b.setTranslation(v, false);
      b.setRotation(rot, false);
    } else {
      b.setNextKinematicTranslation(v);
      b.setNextKinematicRotation(rot);
    }
  }
}

/** Attaches the table-mounted arm: new bodies, or, with saved state, the bodies already in a restored world. */
export const attachArm: RobotAttach = (world, saved) =>
  saved === undefined ? ArmRobot.create(world) : new ArmRobot(world, structuredClone(saved as ArmState));

/** An oriented box in the world frame (m): part of the robot or of what it holds. */
export interface Solid {
  name: string;
  centre: Vec3;
  half: Vec3;
  /** Unit quaternion [x, y, z, w]. */
  rotation: [number, number, number, number];
}

/**
 * Poses of the moving link bodies (not the base) for the FK points `p`, joint angles `q` and
 * half openings `fingers`, handed to `sink` one by one (`link` and `grip` are scratch
 * rotations, reused: `sink` must read the rotation before returning).
 */
function placeLinks(
  base: Vec3,
  p: ArmPoints,
  q: Readonly<JointAngles>,
  fingers: readonly [number, number],
  link: Q,
  grip: Q,
  sink: (body: keyof ArmBodies, x: number, y: number, z: number, rot: Q) => void,
): void {
  const [s, e, w, t] = [p.shoulder, p.elbow, p.wrist, p.tcp];
  sink('shoulder', base[0], base[1], base[2] + ARM_GEOMETRY.shoulderHeight / 2, linkRotation(link, p.yaw, 0, 0));
  sink('upperArm', (s[0] + e[0]) / 2, (s[1] + e[1]) / 2, (s[2] + e[2]) / 2, linkRotation(link, p.yaw, -p.upperPitch, 0));
  sink('forearm', (e[0] + w[0]) / 2, (e[1] + w[1]) / 2, (e[2] + w[2]) / 2, linkRotation(link, p.yaw, -p.forePitch, 0));
  sink('wrist', w[0], w[1], w[2], linkRotation(link, p.yaw, -p.forePitch, q[3]));
  const f = TOOL_LINK_LENGTH / 2 / ARM_GEOMETRY.tool;
  sink('toolLink', w[0] + (t[0] - w[0]) * f, w[1] + (t[1] - w[1]) * f, w[2] + (t[2] - w[2]) * f, linkRotation(link, p.yaw, -p.toolPitch, 0));
  // The gripper frame: z up along the tool (pointing the fingers down), fingers closing along y.
  const g = gripperRotation(grip, p.yaw, -(p.toolPitch + Math.PI / 2), -q[5]);
  const inGripper = (body: keyof ArmBodies, y: number, z: number): void => {
    // g rotates (0, y, z): v + 2w(u×v) + 2u×(u×v) with u = (g.x, g.y, g.z).
    const cx = g.y * z - g.z * y;
    const cy = -g.x * z;
    const cz = g.x * y;
    sink(body, t[0] + 2 * (g.w * cx + g.y * cz - g.z * cy), t[1] + y + 2 * (g.w * cy + g.z * cx - g.x * cz), t[2] + z + 2 * (g.w * cz + g.x * cy - g.y * cx), g);
  };
  inGripper('palm', 0, GRIPPER.palmCentreZ);
  inGripper('fingerLeft', fingerOffsetY(fingers[0]), GRIPPER.fingerCentreZ);
  inGripper('fingerRight', -fingerOffsetY(fingers[1]), GRIPPER.fingerCentreZ);
}

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
  parts: { name: string; body: number; offset: Vec3 }[];
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
/**
 * Every collider of the arm: its body, half extents and offset in the body frame, and whether it
 * collides (the base, shoulder, upper arm and wrist housing are drawn only; the envelope's
 * keep-out check covers them all).
 */
const ARM_COLLIDERS: readonly { body: keyof ArmBodies; half: Vec3; offset: Vec3; solid: boolean }[] = [
  { body: 'base', half: [0.07, 0.07, 0.05], offset: [0, 0, 0.05], solid: false },
  { body: 'shoulder', half: [0.05, 0.05, ARM_GEOMETRY.shoulderHeight / 2 - 0.05], offset: [0, 0, 0.05], solid: false },
  { body: 'upperArm', half: [ARM_GEOMETRY.upperArm / 2, 0.04, 0.04], offset: [0, 0, 0], solid: false },
  { body: 'forearm', half: [ARM_GEOMETRY.forearm / 2 - 0.04, 0.035, 0.035], offset: [0, 0, 0], solid: true },
  { body: 'wrist', half: [0.04, 0.035, 0.035], offset: [0, 0, 0], solid: false },
  { body: 'toolLink', half: [TOOL_LINK_LENGTH / 2, 0.03, 0.03], offset: [0, 0, 0], solid: true },
  { body: 'palm', half: [...GRIPPER.palmHalf], offset: [0, 0, 0], solid: true },
  { body: 'fingerLeft', half: [...GRIPPER.fingerHalf], offset: [0, 0, 0], solid: true },
  { body: 'fingerRight', half: [...GRIPPER.fingerHalf], offset: [0, 0, 0], solid: true },
];
/** How deep a held part may be pushed into a fixed body before the move stops (m): contact compliance, not entry. */
const HELD_PENETRATION = 0.002;
/** Shapes closer than this count as touching (m). */
const TOUCH_DISTANCE = 0.0005;

/**
 * Whether two colliders touch, from an exact shape query. The narrow phase's contact manifolds
 * are not used: between a moving kinematic finger and a resting body their distances were
 * measured here to stay at the value of the step the pair was created (9.6 mm while the finger
 * closed through the handle), so they cannot tell contact from approach.
 */
function touching(a: RAPIER.Collider, b: RAPIER.Collider): boolean {
  const c = a.contactCollider(b, TOUCH_DISTANCE);
  return c !== null && c.distance < TOUCH_DISTANCE;
}

/** `out` = Rz(yaw)·Ry(pitch)·Rx(roll): a link's orientation from base yaw, elevation and roll. */
function linkRotation(out: Q, yaw: number, pitch: number, roll: number): Q {
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
function gripperRotation(out: Q, yaw: number, pitch: number, roll: number): Q {
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

/** World-aligned box of a collider (cylinders and balls by their bounding box). */
function colliderBox(col: RAPIER.Collider): { min: Vec3; max: Vec3 } {
  const [x, y, z] = halfExtentsOf(col);
  const he = { x, y, z };
  const t = col.translation();
  const r = col.rotation();
  const min: Vec3 = [Infinity, Infinity, Infinity];
  const max: Vec3 = [-Infinity, -Infinity, -Infinity];
  for (const sx of [-1, 1]) for (const sy of [-1, 1]) for (const sz of [-1, 1]) {
    const p = rotate(r, [sx * he.x, sy * he.y, sz * he.z]);
    const w = [p[0] + t.x, p[1] + t.y, p[2] + t.z];
    for (let i = 0; i < 3; i++) {
      min[i] = Math.min(min[i]!, w[i]!);
      max[i] = Math.max(max[i]!, w[i]!);
    }
  }
  return { min, max };
}
