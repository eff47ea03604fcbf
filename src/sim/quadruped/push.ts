import type RAPIER from '@dimforge/rapier3d-compat';
import type { QuadrupedSpec, Vec3 } from '../../scene/schema.ts';
import type { SimWorld } from '../world.ts';
import { yawOf } from '../../scene/geometry.ts';
import { detour, inflate, type Rect, type XY } from './path.ts';
import { BODY_RADIUS, CONTROL_EVERY, NOSE, REACH_TOLERANCE, wrap, type PushTask, type QuadrupedState, type WalkTask } from './body.ts';

/**
 * Pushing an object with the body: the legs of a push planned along a box's face normals
 * (planLegs), and each control tick's command (pushCommand): walk round behind the object, drive
 * it along the current leg with the plate at the front, and end the push as reached or blocked
 * (it slid off the nose, it is pinned, it fell off an edge and landed).
 */

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
/**
 * Overlaps of swept footprints thinner than this do not count (m): a box pushed flush against
 * another touches it within single-precision noise (0.03 mm was seen), not through it.
 */
const FLUSH_TOLERANCE = 0.001;
/** An object pushed off an edge that lands within this of the target has reached it (m). */
const FALL_TOLERANCE = 0.2;
/** The robot gives up a push after this many fresh approaches (the object slid off its nose). */
const MAX_APPROACHES = 4;

/** Signed distance of p from the line through a and b (left positive). */
function lateralOffset(p: XY, a: XY, b: XY): number {
  const l = Math.hypot(b[0] - a[0], b[1] - a[1]);
  if (l < 1e-9) return 0;
  return ((b[0] - a[0]) * (p[1] - a[1]) - (b[1] - a[1]) * (p[0] - a[0])) / l;
}

/** What pushing needs from the robot's motion: its walk toward waypoints, and ending the task. */
export interface PushMotion {
  walkCommand(pos: Vec3, task: WalkTask, speed: number): { v: XY; yawRate: number; turning: boolean } | 'done';
  finish(outcome: 'reached' | 'blocked', reason?: string): void;
}

/** Plans and drives the pushes of one robot (QuadrupedRobot owns one). */
export class Pusher {
  constructor(
    private readonly sim: SimWorld,
    private readonly spec: QuadrupedSpec,
    private readonly st: QuadrupedState,
    private readonly motion: PushMotion,
  ) {}

  /** Pushing: approach behind the object, then drive it along the current leg to the leg's end. */
  pushCommand(pos: Vec3, task: PushTask): { v: XY; yawRate: number; turning: boolean } | null {
    const box = this.sim.aabb(task.object);
    const c: XY = [(box.min[0] + box.max[0]) / 2, (box.min[1] + box.max[1]) / 2];
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
        if (miss < FALL_TOLERANCE) this.motion.finish('reached');
        else this.motion.finish('blocked', `${task.object} fell and came to rest ${miss.toFixed(2)} m from the target`);
      }
      return null;
    }
    const end = task.legs[0]!;
    // An object that drifted off the leg's line (it turned under the plate) is pushed on along a
    // new line from where it is to the leg's end, until the last stretch.
    const drift = lateralOffset(c, task.legFrom, end);
    if (Math.abs(drift) > REAIM_DRIFT && Math.hypot(end[0] - c[0], end[1] - c[1]) > REAIM_UNTIL) task.legFrom = c;
    const legLength = Math.hypot(end[0] - task.legFrom[0], end[1] - task.legFrom[1]);
    const dir: XY = legLength > 1e-6 ? [(end[0] - task.legFrom[0]) / legLength, (end[1] - task.legFrom[1]) / legLength] : [1, 0];
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
      if (miss <= PLACE_TOLERANCE) this.motion.finish('reached');
      else this.motion.finish('blocked', `${task.object} ended ${miss.toFixed(2)} m from the target (it slid sideways while pushed)`);
      return null;
    }
    const heading = Math.atan2(dir[1], dir[0]);
    if (task.phase === 'approach') {
      if (!task.walk) {
        // Back far enough that the body clears the footprint's corners, on the line of the leg.
        const half: XY = [(box.max[0] - box.min[0]) / 2, (box.max[1] - box.min[1]) / 2];
        const extent = Math.abs(dir[0]) * half[0] + Math.abs(dir[1]) * half[1] + NOSE + APPROACH_CLEARANCE;
        const behind: XY = [c[0] - dir[0] * extent, c[1] - dir[1] * extent];
        const keepOut: Rect = inflate({ min: [box.min[0], box.min[1]], max: [box.max[0], box.max[1]] }, KEEP_OUT);
        task.walk = { kind: 'walk', waypoints: detour([pos[0], pos[1]], behind, keepOut, 0.1), heading };
      }
      const w = this.motion.walkCommand(pos, task.walk, this.spec.maxSpeed);
      if (w !== 'done') return w;
      task.phase = 'push';
      task.walk = null;
    }
    // Where the body centre is relative to the line through the object's centre along dir.
    const rel: XY = [pos[0] - c[0], pos[1] - c[1]];
    const along = rel[0] * dir[0] + rel[1] * dir[1];
    const lateral = -rel[0] * dir[1] + rel[1] * dir[0];
    const gap = -along - this.contactDistance(task.object, dir, body);
    if (Math.abs(lateral) > 0.12 || gap > 0.2 || along > 0) {
      // The object slid off the nose: go round behind it again.
      task.approaches += 1;
      if (task.approaches > MAX_APPROACHES) {
        this.motion.finish('blocked', `${task.object} kept sliding off the robot's nose; it is ${miss.toFixed(2)} m from the target`);
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
      this.motion.finish('blocked', `${task.object} does not move on: it is stuck ${miss.toFixed(2)} m from the target`);
      return null;
    }
    body.wakeUp();
    // Close the gap to the object, hold the body on the line through its centre, push.
    const forward = push + 2 * Math.max(gap, 0);
    const side = -2 * lateral;
    const speed = Math.min(this.spec.maxSpeed, Math.hypot(forward, side));
    const scale = speed / Math.max(Math.hypot(forward, side), 1e-9);
    const T = CONTROL_EVERY * this.sim.dt;
    const v: XY = [(dir[0] * forward - dir[1] * side) * scale, (dir[1] * forward + dir[0] * side) * scale];
    return { v, yawRate: wrap(heading - this.st.yaw) / T, turning: false };
  }

  /**
   * The legs of a push, as object-centre waypoints ending at the target. A box is pushed along
   * its face normals, where a flat face stays on the nose: a target well off both normals is
   * reached in two legs (the longer first), and when a route's swept footprint would meet
   * something standing at the box's level, routes with a sidestep lane (three legs, the lane one
   * or two box widths out) are tried too. The first route that keeps SWEEP_CLEARANCE to the sides
   * of its legs wins (fewest legs, then shortest); when none does, the one that overlaps movable
   * neighbours least and no fixed body; when every route meets a fixed body, the plain route (the
   * push then stops there and says so). Round objects go in one straight leg.
   */
  planLegs(object: string, target: XY): XY[] {
    const def = this.sim.def(object);
    const pose = this.sim.pose(object);
    const c: XY = [pose.position[0], pose.position[1]];
    if (def.shape !== 'box' && !def.parts) return [target];
    const yaw = yawOf({ x: pose.rotation[0], y: pose.rotation[1], z: pose.rotation[2], w: pose.rotation[3] });
    const u: XY = [Math.cos(yaw), Math.sin(yaw)];
    const w: XY = [-Math.sin(yaw), Math.cos(yaw)];
    const delta: XY = [target[0] - c[0], target[1] - c[1]];
    const a = delta[0] * u[0] + delta[1] * u[1];
    const b = delta[0] * w[0] + delta[1] * w[1];
    const at = (da: number, db: number): XY => [c[0] + da * u[0] + db * w[0], c[1] + da * u[1] + db * w[1]];
    const straight = Math.tan(STRAIGHT_PUSH_ANGLE);
    const options: XY[][] = [];
    if (Math.abs(b) <= straight * Math.abs(a) || Math.abs(a) <= straight * Math.abs(b)) options.push([target]);
    else {
      const viaU: XY[] = [at(a, 0), target];
      const viaW: XY[] = [at(0, b), target];
      options.push(...(Math.abs(a) >= Math.abs(b) ? [viaU, viaW] : [viaW, viaU]));
    }
    const first = this.legsCollision(object, c, options[0]!);
    if (first.area === 0) return options[0]!;
    // Sidestep lanes: out across the main travel, along it, then in to the target.
    const box = this.sim.aabb(object);
    const size: XY = [box.max[0] - box.min[0], box.max[1] - box.min[1]];
    const across = (d: XY): number => Math.abs(d[0]) * size[0] + Math.abs(d[1]) * size[1] + SWEEP_CLEARANCE;
    for (const k of [1, 2]) {
      for (const sgn of [1, -1]) {
        const sw = sgn * k * across(w);
        const su = sgn * k * across(u);
        options.push([at(0, sw), at(a, sw), target], [at(su, 0), at(su, b), target]);
      }
    }
    const length = (legs: XY[]): number => legs.reduce((d, p, i) => d + Math.hypot(p[0] - (i ? legs[i - 1]![0] : c[0]), p[1] - (i ? legs[i - 1]![1] : c[1])), 0);
    const scored = options.map((legs, i) => ({ legs, i, len: length(legs), ...(i === 0 ? first : this.legsCollision(object, c, legs)) }));
    const clear = scored.filter((x) => x.area === 0).sort((x, y) => x.legs.length - y.legs.length || x.len - y.len || x.i - y.i);
    if (clear.length) return clear[0]!.legs;
    // Rubbing movable neighbours is a fallback; going through a fixed body is not: when every
    // route meets one, the plain route is kept and the push reports where it was stopped.
    const movableOnly = scored.filter((x) => x.fixed === 0).sort((x, y) => x.area - y.area || x.legs.length - y.legs.length || x.len - y.len);
    return movableOnly[0]?.legs ?? options[0]!;
  }

  /**
   * How much the object's footprint, swept along the legs, overlaps everything else at its level
   * (m²; SWEEP_CLEARANCE added to the sides of each leg), and how much of that is fixed bodies.
   * Overlaps thinner than FLUSH_TOLERANCE do not count: a box that ends flush against another
   * (the usual goal of a push) touches it within single-precision noise, not through it.
   */
  private legsCollision(object: string, from: XY, legs: XY[]): { area: number; fixed: number } {
    const box = this.sim.aabb(object);
    const half: XY = [(box.max[0] - box.min[0]) / 2, (box.max[1] - box.min[1]) / 2];
    const others = this.sim
      .objectNames()
      .filter((n) => n !== object)
      .map((n) => ({ box: this.sim.aabb(n), fixed: !this.sim.def(n).movable }))
      .filter((o) => o.box.min[2] < box.max[2] - 0.01 && o.box.max[2] > box.min[2] + 0.01);
    let area = 0;
    let fixed = 0;
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
      for (const o of others) {
        const ox = Math.min(sweep.max[0]!, o.box.max[0]) - Math.max(sweep.min[0]!, o.box.min[0]);
        const oy = Math.min(sweep.max[1]!, o.box.max[1]) - Math.max(sweep.min[1]!, o.box.min[1]);
        if (ox <= FLUSH_TOLERANCE || oy <= FLUSH_TOLERANCE) continue;
        area += ox * oy;
        if (o.fixed) fixed += ox * oy;
      }
      start = end;
    }
    return { area, fixed };
  }

  /** How far the body centre is from the object's centre when the plate touches the object's back face, pushing along dir. */
  private contactDistance(object: string, dir: XY, body: RAPIER.RigidBody): number {
    const def = this.sim.def(object);
    if (def.shape !== 'box' && !def.parts) return def.size[0] / 2 + NOSE;
    const yaw = yawOf(body.rotation());
    const local = [Math.cos(yaw) * dir[0] + Math.sin(yaw) * dir[1], -Math.sin(yaw) * dir[0] + Math.cos(yaw) * dir[1]];
    let d = Infinity;
    for (let i = 0; i < 2; i++) {
      const l = Math.abs(local[i]!);
      if (l > 1e-6) d = Math.min(d, def.size[i]! / 2 / l);
    }
    return d + NOSE;
  }
}
