import type RAPIER from '@dimforge/rapier3d-compat';
import type { QuadrupedSpec, Vec3 } from '../../scene/schema.ts';
import type { SimRobot } from '../world.ts';
import type { RobotAttach, SimWorld } from '../world.ts';
import type { XY } from './path.ts';
import {
  BODY_HALF_LENGTH,
  BODY_RADIUS,
  CAPSULE_ALONG_X,
  CONTROL_EVERY,
  G,
  NOSE,
  OFFSET,
  REACH_TOLERANCE,
  wrap,
  yawQ,
  type Outcome,
  type PushTask,
  type QuadrupedState,
  type WalkTask,
} from './body.ts';
import { RawQueries } from './raw-queries.ts';
import { QuadrupedTerrain } from './terrain.ts';
import { Pusher } from './push.ts';

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
 *   at about half the commanded speed, see docs/ARCHITECTURE.md, so they are off.) Otherwise the controller
 *   keeps its offset from everything, so walking never shoves or drags objects.
 *
 * The locomotion controller runs every CONTROL_EVERY physics steps (60 Hz at dt 1/240, a typical
 * rate for a quadruped's body-velocity controller); between its ticks the body moves along the
 * computed motion in equal steps. Everything it remembers is plain data in QuadrupedState, so a
 * world restored from a snapshot continues (the character controller itself is rebuilt).
 *
 * This file holds the body and its motion (QuadrupedRobot: walking, turning, falling, the
 * controller tick); the checks of what it stands on and walks over are in terrain.ts, pushing in
 * push.ts, the shared dimensions and state in body.ts.
 */

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
const PLATE_HALF: Vec3 = [0.04, 0.13, (2 * BODY_RADIUS - PLATE_CLEARANCE) / 2];
/** Collision groups of the plate: off (interacts with nothing) and on (the default, everything). */
const PLATE_OFF = 0x0000_0000;
const PLATE_ON = 0xffff_ffff;
/** Fastest upward speed of the body after a lift (m/s): a hop of at most ~5 cm. */
const MAX_RISE = 1;
/**
 * Solver iterations in a quadruped's world, the main cost of a step (at most: a world configured
 * with fewer keeps its count). The world's default of 16 is for an arm pressing a held tool into
 * fixed geometry (docs/ARCHITECTURE.md); the quadruped only stands on, walks over and pushes objects: a few
 * more while the plate pushes (the kinematic body drives into the pushed object). Measured here
 * with the three quadruped reference programs under ±1 cm pose noise, seeds 1–40: 6/8 failed
 * none (16 everywhere failed one climb-sofa seed; 6 everywhere, two push-vase and one
 * climb-sofa). Rapier's default of 4 failed push-vase seeds: a cushion pushed into place stayed
 * pressed into the body, and the robot then read it as a step.
 */
const WALK_ITERATIONS = 6;
const PUSH_ITERATIONS = 8;
/** Turning rate in place (rad/s). */
const TURN_RATE = 2.5;
/** Heading error above which the robot turns in place before walking (rad). */
const TURN_IN_PLACE = 0.35;
/** Closer than this to its target the robot only translates (m). */
const NO_TURN_RADIUS = 0.15;
/** Arrival tolerance at a waypoint before the last (m). */
const WAYPOINT_TOLERANCE = 0.05;
/** Below this fraction of the commanded speed for STALL_SECONDS, the robot is blocked. */
const STALL_FRACTION = 0.2;
const STALL_SECONDS = 0.5;

export class QuadrupedRobot implements SimRobot {
  readonly kind = 'quadruped';
  private readonly spec: QuadrupedSpec;
  private readonly controller: RAPIER.KinematicCharacterController;
  private readonly queries: RawQueries;
  /** The support, foothold and clearance checks (terrain.ts). */
  private readonly terrain: QuadrupedTerrain;
  /** Push planning and driving (push.ts). */
  private readonly pusher: Pusher;
  private body: RAPIER.RigidBody | undefined;

  constructor(
    private readonly sim: SimWorld,
    private readonly st: QuadrupedState,
  ) {
    if (sim.scene.robot.kind !== 'quadruped') throw new Error('the quadruped needs a scene whose robot is a quadruped');
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
    this.terrain = new QuadrupedTerrain(sim, st, this.spec, cc, this.queries);
    this.pusher = new Pusher(sim, this.spec, st, {
      walkCommand: (pos, task, speed) => this.walkCommand(pos, task, speed),
      finish: (outcome, reason) => this.finish(outcome, reason),
    });
    st.iterations ??= sim.world.integrationParameters.numSolverIterations;
    this.setSolverIterations();
  }

  /** Creates the body standing at the scene's start pose. */
  static create(sim: SimWorld): QuadrupedRobot {
    const spec = sim.scene.robot;
    if (spec.kind !== 'quadruped') throw new Error('the quadruped needs a scene whose robot is a quadruped');
    const R = sim.R;
    const yaw = (spec.yawDeg * Math.PI) / 180;
    const p: Vec3 = [spec.start[0], spec.start[1], spec.start[2] + BODY_RADIUS + OFFSET];
    const body = sim.world.createRigidBody(
      R.RigidBodyDesc.kinematicPositionBased().setTranslation(p[0], p[1], p[2]).setRotation(yawQ(yaw)),
    );
    const collider = sim.world.createCollider(
      // A frictionless shell: a push only pushes, it never drags an object sideways.
      R.ColliderDesc.capsule(BODY_HALF_LENGTH, BODY_RADIUS)
        .setRotation(CAPSULE_ALONG_X)
        .setFriction(0)
        .setFrictionCombineRule(R.CoefficientCombineRule.Min),
      body,
    );
    const plate = sim.world.createCollider(
      R.ColliderDesc.cuboid(PLATE_HALF[0], PLATE_HALF[1], PLATE_HALF[2])
        .setTranslation(NOSE - PLATE_HALF[0], 0, PLATE_CLEARANCE + PLATE_HALF[2] - BODY_RADIUS - OFFSET)
        .setFriction(0)
        .setFrictionCombineRule(R.CoefficientCombineRule.Min)
        .setCollisionGroups(PLATE_OFF),
      body,
    );
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

  bodyHandles(): readonly number[] {
    return [this.st.body];
  }

  /** Body centre (m). */
  position(): Vec3 {
    const t = this.rb().translation();
    return [t.x, t.y, t.z];
  }

  /** Heading (rad, about z). */
  heading(): number {
    return this.st.yaw;
  }

  held(): readonly string[] {
    return [];
  }

  /**
   * What is under the body centre within the legs' reach (a step below the body's underside).
   * Straddling two surfaces (hind legs still on a plank, forelegs on a sofa), this is the one
   * under the centre of mass.
   */
  standingOn(): string | null {
    const p = this.position();
    const reach = BODY_RADIUS + OFFSET + this.spec.stepUp;
    if (this.sim.steps === 0) return this.terrain.standingOnBeforeFirstStep(p, reach);
    const hit = this.terrain.castDown([p[0], p[1]], p[2], reach);
    return hit ? (this.sim.ownerOfCollider(hit.collider.handle) ?? null) : null;
  }


  /** 'moving' until the current walk or push ends as 'reached' or 'blocked' (then `reason` says why). */
  outcome(): Outcome {
    return this.st.outcome;
  }

  get reason(): string {
    return this.st.reason;
  }

  /** Walks in a straight line until the body centre is above `xy`. */
  walkTo(xy: XY): void {
    this.start({ kind: 'walk', waypoints: [[xy[0], xy[1]]], heading: null });
  }

  /** The object-centre waypoints a push of `object` to `xy` would follow from here (see Pusher.planLegs). */
  pushRoute(object: string, xy: readonly number[]): [number, number][] {
    return this.pusher.planLegs(object, [xy[0]!, xy[1]!]);
  }

  /** Walks behind `object` and pushes it with the body until its centre is at `xy` (see Pusher.planLegs). */
  push(object: string, xy: XY): void {
    const box = this.sim.aabb(object);
    const startHeight = (box.min[2] + box.max[2]) / 2;
    const legFrom: XY = [(box.min[0] + box.max[0]) / 2, (box.min[1] + box.max[1]) / 2];
    const legs = this.pusher.planLegs(object, [xy[0], xy[1]]);
    this.start({ kind: 'push', object, target: [xy[0], xy[1]], legs, legFrom, phase: 'approach', walk: null, approaches: 0, stuckTicks: 0, startHeight, settleSteps: 0, quietTicks: 0 });
  }

  halt(): void {
    const st = this.st;
    st.task = null;
    if (st.outcome === 'moving') st.outcome = 'idle';
    // Stop where the body is now; vertical motion (falling) continues at the next tick.
    const t = this.rb().translation();
    st.from = [t.x, t.y, t.z];
    st.move = [0, 0, 0];
    st.yaw += wrap(st.yawTo - st.yaw) * (st.sub / CONTROL_EVERY);
    st.yawTo = st.yaw;
    st.sub = CONTROL_EVERY;
  }

  beforeStep(): void {
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
    if (st.yawTo !== st.yaw) b.setNextKinematicRotation(yawQ(st.yaw + wrap(st.yawTo - st.yaw) * f));
  }

  afterStep(): void {}

  saveState(): unknown {
    return structuredClone(this.st);
  }

  free(): void {
    this.sim.world.removeCharacterController(this.controller);
    this.queries.free();
    this.terrain.free();
  }

  private start(task: WalkTask | PushTask): void {
    this.st.task = task;
    this.st.outcome = 'moving';
    this.st.reason = '';
    this.st.stalled = 0;
    this.st.turnBlocked = false;
  }

  /** Solver iterations for walking or pushing (see WALK_ITERATIONS). */
  private setSolverIterations(): void {
    const n = Math.min(this.st.plateOn ? PUSH_ITERATIONS : WALK_ITERATIONS, this.st.iterations ?? Infinity);
    const ip = this.sim.world.integrationParameters;
    if (ip.numSolverIterations !== n) ip.numSolverIterations = n;
  }

  private rb(): RAPIER.RigidBody {
    return (this.body ??= this.sim.world.getRigidBody(this.st.body));
  }

  private finish(outcome: 'reached' | 'blocked', reason = ''): void {
    this.st.task = null;
    this.st.outcome = outcome;
    this.st.reason = reason;
  }

  /** One locomotion-controller tick: decide the body velocity, then move through the controller. */
  private tick(): void {
    const st = this.st;
    const t = this.rb().translation();
    const pos: Vec3 = [t.x, t.y, t.z];
    const T = CONTROL_EVERY * this.sim.dt;
    const cmd = this.command(pos);
    // Turning: the body turns only where the turned capsule is free of everything else.
    let yawTo = st.yaw;
    if (Math.abs(cmd.yawRate) > 1e-3) {
      const candidate = st.yaw + Math.max(-TURN_RATE, Math.min(TURN_RATE, cmd.yawRate)) * T;
      if (this.terrain.canTurnTo(pos, candidate)) yawTo = candidate;
    }
    // Gravity: no vertical motion while the body rests on something (a constant downward push
    // defeats the controller's autostep), free fall otherwise.
    this.terrain.beginTick(pos, st.yaw);
    const under = this.terrain.surfaceUnder(pos, st.yaw, 0.003);
    st.grounded = under > -Infinity;
    if (st.grounded) st.level = under;
    st.vz = st.grounded ? 0 : st.vz - G * T;
    const desired = { x: cmd.v[0] * T, y: cmd.v[1] * T, z: st.vz * T };
    const pushing = st.task?.kind === 'push' && st.task.phase === 'push';
    if (pushing !== st.plateOn) {
      this.sim.world.getCollider(st.plate).setCollisionGroups(pushing ? PLATE_ON : PLATE_OFF);
      st.plateOn = pushing;
      this.setSolverIterations();
    }
    // Pushing, the controller ignores the pushed object (and the plate): the body drives into it.
    this.queries.moveCollider(this.controller, st.collider, desired.x, desired.y, desired.z, pushing ? this.ignoring((st.task as PushTask).object) : undefined);
    const m = this.controller.computedMovement();
    // Landed (or caught on an edge): the fall stops. A lift (an autostep, or the controller
    // pushing the body out of a box slid under it) carries on as an upward speed of at most what
    // legs give (MAX_RISE): uncapped, a 0.1 m lift in one tick launched the body 2 m high.
    if (!st.grounded) st.vz = Math.min(m.z / T, MAX_RISE);
    const move: Vec3 = [m.x, m.y, m.z];
    let why = '';
    if (move[2] > CREEP) {
      // Rapier's capsule climbs an edge like a ramp, and approached at an angle it climbs 0.13 m:
      // the body may rise only onto a surface no more than a leg's reach above where it stands.
      const climb = this.terrain.climbHeight() - st.level;
      if (climb > this.spec.stepUp + 0.005) {
        why = `a ${climb.toFixed(3)} m step up ahead (limit ${this.spec.stepUp} m)`;
        move[0] = 0;
        move[1] = 0;
        move[2] = 0;
      }
    }
    const horizontal = Math.hypot(move[0], move[1]);
    if (!why && (horizontal > 1e-6 || yawTo !== st.yaw)) {
      const dir: XY = horizontal > 1e-6 ? [move[0] / horizontal, move[1] / horizontal] : [0, 0];
      const next: Vec3 = [pos[0] + move[0], pos[1] + move[1], pos[2]];
      let lost = this.terrain.lostFoothold(pos, st.yaw, next, yawTo, dir);
      if (lost && yawTo !== st.yaw) {
        // Turning would take a foot off its support: side-step without turning instead.
        st.turnBlocked = true;
        yawTo = st.yaw;
        lost = horizontal > 1e-6 ? this.terrain.lostFoothold(pos, st.yaw, next, yawTo, dir) : lost;
      }
      if (lost) {
        move[0] = 0;
        move[1] = 0;
        why = lost;
      }
    }
    if (!why && Math.hypot(move[0], move[1]) < 0.5 * Math.hypot(desired.x, desired.y)) why = this.terrain.obstacle();
    st.lastTick = { commanded: Math.hypot(cmd.v[0], cmd.v[1]), achieved: Math.hypot(move[0], move[1]) / T, why };
    this.terrain.loadSupports(pos, yawTo, st.grounded);
    this.terrain.endTick();
    const turned = yawTo !== st.yaw;
    st.from = pos;
    st.move = move;
    st.yawTo = yawTo;
    this.watchProgress(cmd.turning, turned);
  }

  /** The controller's filter while pushing `object`: everything but the object and the plate (made once per object). */
  private ignoring(object: string): (handle: number) => boolean {
    const colliders = this.sim.handles(object).colliders;
    if (this.ignore?.colliders !== colliders) {
      const set = new Set([...colliders, this.st.plate]);
      this.ignore = { colliders, filter: (h) => !set.has(h) };
    }
    return this.ignore.filter;
  }

  private ignore: { colliders: readonly number[]; filter: (handle: number) => boolean } | undefined;

  /** Ends the task as blocked when the body has not moved as commanded for a while. */
  private watchProgress(turning: boolean, turned: boolean): void {
    const st = this.st;
    if (st.outcome !== 'moving' || !st.task) return;
    const r = st.lastTick;
    const slow = turning ? !turned : r.commanded > 0.02 && r.achieved < STALL_FRACTION * r.commanded;
    if (turning && !turned) r.why ||= 'no room to turn';
    st.stalled = slow ? st.stalled + 1 : 0;
    if (st.stalled * CONTROL_EVERY * this.sim.dt >= STALL_SECONDS) {
      const p = this.position();
      this.finish('blocked', `stopped at (${p[0].toFixed(2)}, ${p[1].toFixed(2)}): ${r.why || 'cannot move on'}`);
      this.stopMotion();
    }
  }

  private stopMotion(): void {
    this.st.move = [0, 0, this.st.move[2]];
    this.st.yawTo = this.st.yaw;
  }

  /** The body velocity the current task asks for. */
  private command(pos: Vec3): { v: XY; yawRate: number; turning: boolean } {
    const st = this.st;
    const still = { v: [0, 0] as XY, yawRate: 0, turning: false };
    const task = st.task;
    if (!task) return still;
    if (task.kind === 'walk') {
      const c = this.walkCommand(pos, task, this.spec.maxSpeed);
      if (c === 'done') {
        this.finish('reached');
        return still;
      }
      return c;
    }
    return this.pusher.pushCommand(pos, task) ?? still;
  }

  private walkCommand(pos: Vec3, task: WalkTask, speed: number): { v: XY; yawRate: number; turning: boolean } | 'done' {
    const T = CONTROL_EVERY * this.sim.dt;
    for (;;) {
      const wp = task.waypoints[0];
      if (!wp) break;
      const last = task.waypoints.length === 1;
      const d = Math.hypot(wp[0] - pos[0], wp[1] - pos[1]);
      if (d < (last ? REACH_TOLERANCE : WAYPOINT_TOLERANCE)) {
        task.waypoints.shift();
        continue;
      }
      const want = Math.atan2(wp[1] - pos[1], wp[0] - pos[0]);
      const err = wrap(want - this.st.yaw);
      if (d > NO_TURN_RADIUS && Math.abs(err) > TURN_IN_PLACE && !this.st.turnBlocked && this.terrain.canTurnTo(pos, this.st.yaw + Math.sign(err) * TURN_RATE * T)) {
        return { v: [0, 0], yawRate: Math.sign(err) * Math.min(TURN_RATE, Math.abs(err) / T), turning: true };
      }
      // Full speed to the last tick, which ends exactly on the target (autostep needs the speed).
      const v = Math.min(speed, d / T);
      const yawRate = d > NO_TURN_RADIUS ? err / T : 0;
      return { v: [((wp[0] - pos[0]) / d) * v, ((wp[1] - pos[1]) / d) * v], yawRate, turning: false };
    }
    if (task.heading !== null) {
      const err = wrap(task.heading - this.st.yaw);
      if (Math.abs(err) > 0.03 && !this.st.turnBlocked && this.terrain.canTurnTo(pos, this.st.yaw + Math.sign(err) * TURN_RATE * T)) {
        return { v: [0, 0], yawRate: Math.sign(err) * Math.min(TURN_RATE, Math.abs(err) / T), turning: true };
      }
    }
    return 'done';
  }

}

/** Attaches the quadruped: a new body at the start pose, or, with saved state, the body already in a restored world. */
export const attachQuadruped: RobotAttach = (world, saved) =>
  saved === undefined ? QuadrupedRobot.create(world) : new QuadrupedRobot(world, structuredClone(saved as QuadrupedState));
