import type RAPIER from '@dimforge/rapier3d-compat';
import { loadRapier, type Rapier } from './rapier.ts';
import type { RobotKind, Scene, SceneObject, Vec3, Quat } from '../scene/schema.ts';
import { buildObject, type ObjectHandles } from './objects.ts';
import { quatMul, rotate } from '../scene/geometry.ts';

/** Things that happen in the world that a person (or a predicate) cares about. */
export type SimEvent =
  | { type: 'joined'; t: number; a: string; b: string }
  | { type: 'broken'; t: number; object: string; against: string; speed: number }
  | { type: 'button-pressed'; t: number; object: string; depth: number };

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

/**
 * Everything needed to rebuild a world bit-identically: Rapier's snapshot plus robotool's own
 * state. Taking one also rebuilds the world it was taken from out of the same bytes (see
 * `SimWorld.snapshot`), so the world and every restore of it continue identically.
 */
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
  /** What touched each button's cap when it read pressed: object names, `robot`, `ground`. */
  pressedBy?: Record<string, string[]>;
  /** Bottom z of each object when the scene was built (for "lifted" predicates). */
  initialBottom: Record<string, number>;
}

export type RobotAttach = (world: SimWorld, saved?: unknown) => SimRobot;

const GROUND = 'ground';

/**
 * A Rapier world built from a scene. It owns the Rapier world and frees it in `free()`.
 * Fixed step, no randomness inside: the same scene and the same commands give the same result.
 */
export class SimWorld {
  readonly dt: number;
  robot: SimRobot | undefined;
  readonly events: SimEvent[] = [];
  private readonly colliderOwner = new Map<number, string>();
  private readonly eventQueue: RAPIER.EventQueue;
  private readonly listeners = new Set<(e: SimEvent) => void>();
  private readonly preStepSpeed = new Map<string, Vec3>();
  /** The scene's objects by name (contact events look them up every step). */
  private readonly defs: Map<string, SceneObject>;
  private freed = false;

  private constructor(
    readonly R: Rapier,
    private rapierWorld: RAPIER.World,
    readonly scene: Scene,
    private readonly st: WorldState,
    dt: number,
    private readonly attach: RobotAttach | undefined,
  ) {
    // Keep the step as a double: Rapier stores it as f32, which would make `time` drift.
    this.dt = dt;
    this.eventQueue = new R.EventQueue(true);
    this.defs = new Map(scene.objects.map((o) => [o.name, o]));
    for (const [name, h] of Object.entries(st.objects)) {
      for (const c of h.colliders) this.colliderOwner.set(c, name);
    }
    this.colliderOwner.set(st.objects[GROUND]?.colliders[0] ?? -1, GROUND);
  }

  /** Builds a world from a validated scene. The robot is attached by `attach` (see createSim). */
  static async create(scene: Scene, attach: RobotAttach | undefined, opts: SimOptions = {}): Promise<SimWorld> {
    const R = await loadRapier();
    const world = new R.World({ x: 0, y: 0, z: -9.81 });
    world.timestep = opts.dt ?? 1 / 240;
    const dt = opts.dt ?? 1 / 240;
    world.integrationParameters.numSolverIterations = opts.solverIterations ?? 16;
    const objects: Record<string, ObjectHandles> = {};
    const groundBody = world.createRigidBody(R.RigidBodyDesc.fixed().setTranslation(0, 0, -0.5));
    const groundCollider = world.createCollider(
      R.ColliderDesc.cuboid(50, 50, 0.5).setFriction(scene.ground.friction),
      groundBody,
    );
    objects[GROUND] = { body: groundBody.handle, colliders: [groundCollider.handle] };
    const initialBottom: Record<string, number> = {};
    for (const o of scene.objects) {
      objects[o.name] = buildObject(R, world, o);
      initialBottom[o.name] = o.position[2] - o.size[2] / 2;
    }
    const st: WorldState = { dt, time: 0, steps: 0, objects, broken: [], joined: [], pressed: [], initialBottom };
    const sim = new SimWorld(R, world, scene, st, opts.dt ?? 1 / 240, attach);
    if (attach) sim.robot = attach(sim);
    // Born from bytes, like every twin of it (see snapshot()).
    sim.snapshot();
    return sim;
  }

  /** Rebuilds a world from a snapshot: an independent clone that continues bit-identically. */
  static async restore(scene: Scene, snap: SimSnapshot, attach: RobotAttach | undefined): Promise<SimWorld> {
    const R = await loadRapier();
    const world = R.World.restoreSnapshot(snap.rapier);
    const sim = new SimWorld(R, world, scene, structuredClone(snap.state), snap.state.dt, attach);
    if (attach) sim.robot = attach(sim, structuredClone(snap.robot));
    return sim;
  }

  /** The Rapier world. Replaced by `snapshot()`: look it up each time, never keep it. */
  get world(): RAPIER.World {
    return this.rapierWorld;
  }

  /**
   * A snapshot of the world now. The world itself then continues from the same bytes: its Rapier
   * world is rebuilt from the snapshot and its robot re-attached from the saved state.
   *
   * Why: Rapier's snapshot leaves out state that steers later steps, above all the broad phase's
   * BVH workspace (its incremental re-optimisation; `serde(skip)` in Rapier) and with it the
   * tree's layout, which orders the shape casts of the quadruped's character controller and of
   * its own support rays. A world that goes on from its in-memory state and a clone restored from
   * the bytes therefore drift apart from the first contact query (measured: the quadruped's body
   * 2e-9 m apart at the first push contact, then pushes ending at other times), and a program
   * verified in a twin could fail when executed. Restored from the same bytes, the two are
   * bit-identical.
   */
  snapshot(): SimSnapshot {
    if (this.freed) throw new Error('SimWorld used after free()');
    const snap: SimSnapshot = {
      rapier: this.rapierWorld.takeSnapshot(),
      state: structuredClone(this.st),
      robot: structuredClone(this.robot?.saveState()),
    };
    const rebuilt = this.R.World.restoreSnapshot(snap.rapier);
    this.robot?.free();
    this.rapierWorld.free();
    this.rapierWorld = rebuilt;
    if (this.attach) this.robot = this.attach(this, structuredClone(snap.robot));
    return snap;
  }

  get time(): number {
    return this.st.time;
  }

  get steps(): number {
    return this.st.steps;
  }

  /** Advances the world one fixed step: robot control, physics, then magnets, breakage and buttons. */
  step(): void {
    if (this.freed) throw new Error('SimWorld used after free()');
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
  stepFor(seconds: number): void {
    const n = Math.round(seconds / this.dt);
    for (let i = 0; i < n; i++) this.step();
  }

  on(listener: (e: SimEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Names of the scene's objects (not the ground). */
  objectNames(): string[] {
    return this.scene.objects.map((o) => o.name);
  }

  def(name: string): SceneObject {
    const o = this.defs.get(name);
    if (!o) throw new Error(`no object named "${name}"; objects: ${this.objectNames().join(', ')}`);
    return o;
  }

  handles(name: string): ObjectHandles {
    const h = this.st.objects[name];
    if (!h) throw new Error(`no object named "${name}"; objects: ${this.objectNames().join(', ')}`);
    return h;
  }

  body(name: string): RAPIER.RigidBody {
    return this.world.getRigidBody(this.handles(name).body);
  }

  /** The object that owns a collider, `ground`, or undefined for robot colliders. */
  ownerOfCollider(handle: number): string | undefined {
    return this.colliderOwner.get(handle);
  }

  /** The object that owns a rigid body, or undefined. */
  ownerOfBody(handle: number): string | undefined {
    for (const [name, h] of Object.entries(this.st.objects)) if (h.body === handle || h.cap === handle) return name;
    return undefined;
  }

  pose(name: string): Pose {
    const b = this.body(name);
    const t = b.translation();
    const r = b.rotation();
    return { position: [t.x, t.y, t.z], rotation: [r.x, r.y, r.z, r.w] };
  }

  /** World-aligned bounding box of an object's colliders (m). */
  aabb(name: string): { min: Vec3; max: Vec3 } {
    const min: Vec3 = [Infinity, Infinity, Infinity];
    const max: Vec3 = [-Infinity, -Infinity, -Infinity];
    for (const c of this.handles(name).colliders) {
      const col = this.world.getCollider(c);
      // Rapier has no AABB query on colliders in the JS API; compute from the shape's half extents.
      const he = halfExtentsOf(col);
      const t = col.translation();
      const r = col.rotation();
      for (const sx of [-1, 1]) for (const sy of [-1, 1]) for (const sz of [-1, 1]) {
        const p = rotate(r, [sx * he[0], sy * he[1], sz * he[2]]);
        const w: Vec3 = [p[0] + t.x, p[1] + t.y, p[2] + t.z];
        for (let i = 0; i < 3; i++) {
          min[i] = Math.min(min[i]!, w[i]!);
          max[i] = Math.max(max[i]!, w[i]!);
        }
      }
    }
    return { min, max };
  }

  /** Bottom of the object when the scene was built (m). */
  initialBottom(name: string): number {
    return this.st.initialBottom[name] ?? 0;
  }

  isBroken(name: string): boolean {
    return this.st.broken.includes(name);
  }

  isPressed(name: string): boolean {
    return this.st.pressed.includes(name);
  }

  /** What touched a button's cap at the moment it read pressed (object names, or `robot`). */
  pressedBy(name: string): readonly string[] {
    return this.st.pressedBy?.[name] ?? [];
  }

  /** Pairs of magnetic objects joined so far. */
  joinedPairs(): readonly (readonly [string, string])[] {
    return this.st.joined;
  }

  /** Every object rigidly joined to `name` (magnets), including itself. */
  joinedGroup(name: string): string[] {
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
  free(): void {
    if (this.freed) return;
    this.freed = true;
    this.robot?.free();
    this.eventQueue.free();
    this.rapierWorld.free();
  }

  private emit(e: SimEvent): void {
    this.events.push(e);
    for (const l of this.listeners) l(e);
  }

  private recordFragileSpeeds(): void {
    for (const o of this.scene.objects) {
      if (!o.fragile || this.st.broken.includes(o.name)) continue;
      const v = this.body(o.name).linvel();
      this.preStepSpeed.set(o.name, [v.x, v.y, v.z]);
    }
  }

  private handleContacts(): void {
    const joins: [string, string][] = [];
    this.eventQueue.drainContactForceEvents((e) => {
      const a = this.colliderOwner.get(e.collider1());
      const b = this.colliderOwner.get(e.collider2());
      if (a === undefined || b === undefined || a === b) return;
      const da = a === GROUND ? undefined : this.def(a);
      const db = b === GROUND ? undefined : this.def(b);
      if (da?.magnetic && db?.magnetic) joins.push([a, b]);
      if (da?.fragile) this.checkBreak(da, b, db);
      if (db?.fragile) this.checkBreak(db, a, da);
    });
    for (const [a, b] of joins) this.join(a, b);
  }

  private checkBreak(fragile: SceneObject, otherName: string, other: SceneObject | undefined): void {
    if (this.st.broken.includes(fragile.name) || other?.soft) return;
    const v = this.preStepSpeed.get(fragile.name) ?? [0, 0, 0];
    const ov = otherName === GROUND ? { x: 0, y: 0, z: 0 } : this.body(otherName).linvel();
    const speed = Math.hypot(v[0] - ov.x, v[1] - ov.y, v[2] - ov.z);
    if (speed > (fragile.fragile?.breakSpeed ?? Infinity)) {
      this.st.broken.push(fragile.name);
      this.emit({ type: 'broken', t: this.st.time, object: fragile.name, against: otherName, speed });
    }
  }

  private join(a: string, b: string): void {
    if (this.joinedGroup(a).includes(b)) return;
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
    const data = R.JointData.fixed(
      { x: rel[0], y: rel[1], z: rel[2] },
      relRot,
      { x: 0, y: 0, z: 0 },
      { x: 0, y: 0, z: 0, w: 1 },
    );
    const joint = this.world.createImpulseJoint(data, ba, bb, true);
    joint.setContactsEnabled(false);
    this.st.joined.push([a, b]);
    this.emit({ type: 'joined', t: this.st.time, a, b });
  }

  /** Owners of the colliders in contact with a collider now (objects, `ground`, `robot`), sorted. */
  private touching(collider: number): string[] {
    const world = this.rapierWorld;
    const c = world.getCollider(collider);
    const owners = new Set<string>();
    world.contactPairsWith(c, (other) => {
      let touches = false;
      world.contactPair(c, other, (manifold) => {
        if (manifold.numContacts() > 0) touches = true;
      });
      if (touches) owners.add(this.colliderOwner.get(other.handle) ?? 'robot');
    });
    return [...owners].sort();
  }

  private updateButtons(): void {
    for (const o of this.scene.objects) {
      if (!o.button) continue;
      const h = this.handles(o.name);
      if (h.cap === undefined || h.capRestZ === undefined) continue;
      const depth = h.capRestZ - this.world.getRigidBody(h.cap).translation().z;
      const was = this.st.pressed.includes(o.name);
      if (!was && depth > o.button.pressDepth) {
        this.st.pressed.push(o.name);
        (this.st.pressedBy ??= {})[o.name] = this.touching(h.colliders[h.colliders.length - 1]!);
        this.emit({ type: 'button-pressed', t: this.st.time, object: o.name, depth });
      }
    }
  }
}

/** Current depth of a button's cap below its rest height (m). */
export function buttonDepth(sim: SimWorld, name: string): number {
  const h = sim.handles(name);
  if (h.cap === undefined || h.capRestZ === undefined) return 0;
  return h.capRestZ - sim.world.getRigidBody(h.cap).translation().z;
}

/** Half extents of a collider's shape in its own frame (cylinders and balls by their bounding box). */
export function halfExtentsOf(col: RAPIER.Collider): Vec3 {
  const s = col.shape as unknown as { halfExtents?: { x: number; y: number; z: number }; radius?: number; halfHeight?: number };
  if (s.halfExtents) return [s.halfExtents.x, s.halfExtents.y, s.halfExtents.z];
  const r = s.radius ?? 0;
  // Rapier's cylinders run along their local y axis.
  return s.halfHeight !== undefined ? [r, s.halfHeight, r] : [r, r, r];
}

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
