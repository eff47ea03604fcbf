import type RAPIER from '@dimforge/rapier3d-compat';
import type { QuadrupedSpec, Vec3 } from '../../scene/schema.ts';
import type { SimWorld } from '../world.ts';
import type { XY } from './path.ts';
import { BODY_HALF_LENGTH, BODY_RADIUS, CAPSULE_ALONG_X, G, OFFSET, yawQ, type QuadrupedState } from './body.ts';
import { downRayToi, fixedBoxOf, type FixedBox, type RawQueries, type RawShape } from './raw-queries.ts';

/**
 * What the quadruped stands on and walks over: the support under the body, the footholds of the
 * four feet (a move that would lose one is refused), the height of an edge the body runs into,
 * the robot's weight on dynamic bodies under its feet, and whether the body has room to turn.
 * Where only fixed boxes are near, the support and foothold checks skip Rapier's rays (see
 * footholdsUnderFixedBoxes); one broad-phase scan per controller tick (scanRegion) finds out.
 */

/** Foot points in the body frame (x forward, y left), under a Go1's hips (m). */
const FEET: readonly XY[] = [
  [0.19, 0.12],
  [0.19, -0.12],
  [-0.19, 0.12],
  [-0.19, -0.12],
];

/** The colliders in a box around the quadruped during one controller tick (QuadrupedTerrain.scanRegion). */
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
  readonly boxes: FixedBox[] = [];
  /** A dynamic body's collider is in it. */
  dynamic = false;

  /** Whether the box with this centre and these half extents lies inside. */
  contains(cx: number, cy: number, cz: number, hx: number, hy: number, hz: number): boolean {
    return cx - hx >= this.x0 && cx + hx <= this.x1 && cy - hy >= this.y0 && cy + hy <= this.y1 && cz - hz >= this.z0 && cz + hz <= this.z1;
  }
}

/** Controller ticks without scanRegion after one that found more than fixed boxes around the body. */
const RESCAN_TICKS = 8;

/** Closer than this to a fixed box's side (m), a downward ray is left to Rapier (see footholdsUnderFixedBoxes). */
const FIXED_BOX_MARGIN = 1e-4;

interface Foothold {
  z: number;
  collider: RAPIER.Collider;
  point: Vec3;
}

/** The xy box [x0, x1, y0, y1] that holds the given one and every foot. */
function spanOf(feet: readonly XY[], x0: number, x1: number, y0: number, y1: number): [number, number, number, number] {
  for (const [x, y] of feet) {
    x0 = Math.min(x0, x);
    x1 = Math.max(x1, x);
    y0 = Math.min(y0, y);
    y1 = Math.max(y1, y);
  }
  return [x0, x1, y0, y1];
}

/** Where surfaceUnder casts along the body's bottom line: centre, front and back (× BODY_HALF_LENGTH). */
const ALONG_BODY = [0, 1, -1] as const;

/**
 * The quadruped's support, foothold and clearance checks for one robot (QuadrupedRobot owns one):
 * it reads the robot's state (its handles, the level it stands at, the current task) and keeps
 * the caches the checks share between ticks.
 */
export class QuadrupedTerrain {
  /** The capsule a turn must find free (Rapier's raw shape, made once). */
  private readonly turnShape: RawShape;
  /** Handles of the colliders on dynamic bodies (none are added while the robot runs). */
  private dynamicColliders: Set<number> | undefined;

  constructor(
    private readonly sim: SimWorld,
    private readonly st: QuadrupedState,
    private readonly spec: QuadrupedSpec,
    private readonly controller: RAPIER.KinematicCharacterController,
    private readonly queries: RawQueries,
  ) {
    this.turnShape = new sim.R.Capsule(BODY_HALF_LENGTH, BODY_RADIUS - 0.003).intoRaw();
  }

  free(): void {
    this.turnShape.free();
  }

  /**
   * Starts a controller tick at (pos, yaw): near anything but fixed boxes (standing on a plank,
   * pushing), the support and foothold checks cast rays; the region is looked at again after a
   * few ticks.
   */
  beginTick(pos: Vec3, yaw: number): void {
    if (this.rescan > 0) {
      this.rescan -= 1;
      this.fixedOnly = false;
    } else {
      this.scanRegion(pos, yaw);
      this.fixedOnly = true;
    }
  }

  /** Ends a controller tick: what scanRegion found holds only during it. */
  endTick(): void {
    this.region.valid = false;
    this.fixedOnly = false;
  }

  /**
   * Rapier's scene queries see nothing until the world has stepped once, so in a freshly built
   * world the support comes from the objects' boxes: the highest top under the centre within reach.
   */
  standingOnBeforeFirstStep(p: Vec3, reach: number): string | null {
    let best: string | null = p[2] - reach <= 0 ? 'ground' : null;
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

  /** Height of the highest surface right under the capsule's bottom line at pos, or -Infinity. */
  surfaceUnder(pos: Vec3, yaw: number, slack = 0.02): number {
    const c = Math.cos(yaw) * BODY_HALF_LENGTH;
    const s = Math.sin(yaw) * BODY_HALF_LENGTH;
    const reach = BODY_RADIUS + OFFSET + slack;
    const fixed = this.fixedOnly ? this.surfaceUnderFixedBoxes(pos, c, s, reach) : null;
    if (fixed !== null) return fixed;
    const body = this.st.body;
    let top = -Infinity;
    for (const k of ALONG_BODY) {
      const toi = this.queries.castDown(pos[0] + k * c, pos[1] + k * s, pos[2], reach, body);
      if (toi >= 0) top = Math.max(top, pos[2] - toi);
    }
    return top;
  }

  /**
   * surfaceUnder without rays where only fixed boxes are under the body (see
   * footholdsUnderFixedBoxes): the same three rays' first hits, from Rapier's own arithmetic
   * (downRayToi), or null where the rays must be cast (something else near, a ray within 0.1 mm
   * of a box's side).
   */
  private surfaceUnderFixedBoxes(pos: Vec3, c: number, s: number, reach: number): number | null {
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
        if (lx > b.hx + margin || ly > b.hy + margin) continue;
        if (lx > b.hx - margin || ly > b.hy - margin) return null;
        const t = downRayToi(b, pos[2], reach);
        if (t >= 0) toi = Math.min(toi, t);
      }
      if (toi !== Infinity) top = Math.max(top, pos[2] - toi);
    }
    return top;
  }

  /** Casts straight down at xy from height z0; the first hit within `reach`, skipping the robot. */
  castDown(xy: XY, z0: number, reach: number): (Foothold & { toi: number }) | null {
    const toi = this.queries.castDown(xy[0], xy[1], z0, reach, this.st.body);
    if (toi < 0) return null;
    const z = z0 - toi;
    return { z, collider: this.sim.world.colliders.get(this.queries.hitCollider)!, point: [xy[0], xy[1], z], toi };
  }

  /** A foothold for a foot at xy, reaching up to `maxGap` ahead along dir across a gap. */
  private foothold(xy: XY, support: number, dir: XY): Foothold | null {
    const probe = this.footholdProbe(xy, support, dir);
    if (probe < 0) return null;
    const p = this.probeAt;
    return { z: this.probeZ, collider: this.sim.world.colliders.get(this.queries.hitCollider)!, point: [p[0], p[1], this.probeZ] };
  }

  /** Where the last foothold found by `footholdProbe` is (xy and height). */
  private readonly probeAt: [number, number] = [0, 0];
  private probeZ = 0;

  /**
   * The probe (0–3) of `foothold` that found a foothold, or -1 for none; without allocating (the
   * hit in probeAt, probeZ and queries.hitCollider).
   */
  private footholdProbe(xy: XY, support: number, dir: XY): number {
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
      if (toi < 0) continue;
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

  private feet(pos: Vec3, yaw: number): XY[] {
    const c = Math.cos(yaw);
    const s = Math.sin(yaw);
    return FEET.map(([x, y]) => [pos[0] + c * x - s * y, pos[1] + s * x + c * y]);
  }

  /** Why a move from (pos, yaw) to (next, nextYaw) would lose a foothold, or '' when it would not. */
  lostFoothold(pos: Vec3, yaw: number, next: Vec3, nextYaw: number, dir: XY): string {
    const support = this.st.level;
    const then = this.feet(next, nextYaw);
    if (this.fixedOnly && this.footholdsUnderFixedBoxes(then, support)) return '';
    const now = this.feet(pos, yaw);
    for (let i = 0; i < now.length; i++) {
      // A foot keeps a foothold, or had none to lose (the foothold ahead is checked first: it
      // usually holds, and then the one now need not be cast for).
      const f = then[i]!;
      if (this.footholdProbe(f, support, dir) >= 0 || this.footholdProbe(now[i]!, support, dir) < 0) continue;
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
  private footholdsUnderFixedBoxes(feet: readonly XY[], support: number): boolean {
    const up = this.spec.stepUp + 0.005;
    const down = this.spec.stepUp + 0.005;
    const z0 = support + up + 0.02;
    const maxToi = up + down + 0.02;
    const [x0, x1, y0, y1] = spanOf(feet, Infinity, -Infinity, Infinity, -Infinity);
    const boxes = this.onlyFixedBoxesIn((x0 + x1) / 2, (y0 + y1) / 2, z0 - maxToi / 2, (x1 - x0) / 2 + 0.01, (y1 - y0) / 2 + 0.01, maxToi / 2 + 0.01);
    if (!boxes) return false;
    const margin = FIXED_BOX_MARGIN;
    for (const [x, y] of feet) {
      let toi = Infinity;
      for (const b of boxes) {
        const dx = x - b.x;
        const dy = y - b.y;
        const lx = Math.abs(b.c * dx + b.s * dy);
        const ly = Math.abs(-b.s * dx + b.c * dy);
        if (lx > b.hx + margin || ly > b.hy + margin) continue;
        if (lx > b.hx - margin || ly > b.hy - margin) return false;
        if (Math.abs(z0 - b.bottom) < margin) return false;
        if (z0 < b.bottom) continue;
        const t = Math.max(0, z0 - b.top);
        if (Math.abs(t - maxToi) < margin) return false;
        if (t < maxToi) toi = Math.min(toi, t);
      }
      if (toi === Infinity) return false;
      const z = z0 - toi;
      if (!(z < support + up - margin && z > support - down + margin)) return false;
    }
    return true;
  }

  /**
   * Whether every collider (the robot's aside) whose broad-phase box meets the given box (centre,
   * half extents) is a fixed cuboid turned about z only: those boxes (possibly more), or null.
   */
  private onlyFixedBoxesIn(cx: number, cy: number, cz: number, hx: number, hy: number, hz: number): readonly FixedBox[] | null {
    const region = this.region;
    if (region.valid && region.known && region.contains(cx, cy, cz, hx, hy, hz)) return region.boxes;
    const boxes = this.nearBoxes;
    boxes.length = 0;
    let known = true;
    const st = this.st;
    this.queries.collidersInAabb(cx, cy, cz, hx, hy, hz, (h) => {
      if (h === st.collider || h === st.plate) return true;
      const box = this.fixedBox(h);
      if (box) boxes.push(box);
      else known = false;
      return known;
    });
    return known ? boxes : null;
  }

  /**
   * Finds the colliders around the body for this tick's support, foothold and load checks with
   * one broad-phase query (they are looked up in `region` while it is valid, during the tick;
   * a check whose box the region does not contain queries on its own).
   */
  private scanRegion(pos: Vec3, yaw: number): void {
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
    this.queries.collidersInAabb(
      (region.x0 + region.x1) / 2,
      (region.y0 + region.y1) / 2,
      (region.z0 + region.z1) / 2,
      (region.x1 - region.x0) / 2,
      (region.y1 - region.y0) / 2,
      (region.z1 - region.z0) / 2,
      (h) => {
        if (h === st.collider || h === st.plate) return true;
        const box = this.fixedBox(h);
        if (box) region.boxes.push(box);
        else region.known = false;
        if (dynamic.has(h)) region.dynamic = true;
        return region.known || !region.dynamic;
      },
    );
    region.valid = true;
  }

  /** Whether this tick tries the fast paths of surfaceUnder and lostFoothold (they need fixed boxes alone around the body). */
  private fixedOnly = false;
  /** Ticks until the next scanRegion. */
  private rescan = 0;

  /** What is around the body during a tick (scanRegion). */
  private readonly region = new Region();

  /** Fixed cuboids near the robot (onlyFixedBoxesIn). */
  private readonly nearBoxes: FixedBox[] = [];
  /** The scene's fixed cuboids by collider handle, null for any other collider (read once: fixed bodies do not move). */
  private readonly fixedBoxes = new Map<number, FixedBox | null>();

  private fixedBox(handle: number): FixedBox | null {
    let box = this.fixedBoxes.get(handle);
    if (box !== undefined) return box;
    box = fixedBoxOf(this.sim.R, this.sim.world.getCollider(handle));
    this.fixedBoxes.set(handle, box);
    return box;
  }

  /** Top of the highest edge the controller's last move ran into (m), or -Infinity. */
  climbHeight(): number {
    let top = -Infinity;
    const n = this.controller.numComputedCollisions();
    for (let i = 0; i < n; i++) {
      const hit = this.controller.computedCollision(i);
      if (!hit) continue;
      const h = Math.hypot(hit.normal1.x, hit.normal1.y);
      // Probe 1 cm inside the edge, from above the highest step the robot could take.
      const k = h > 1e-3 ? 0.01 / h : 0;
      const probe: XY = [hit.witness1.x - hit.normal1.x * k, hit.witness1.y - hit.normal1.y * k];
      const from = this.st.level + this.spec.stepUp + 0.1;
      const below = this.castDown(probe, from, from - this.st.level + 0.05);
      if (below) top = Math.max(top, below.z);
    }
    return top;
  }

  /** What the controller bumped into on its last move, with the height of the step it presents. */
  obstacle(): string {
    const support = this.st.level;
    const n = this.controller.numComputedCollisions();
    for (let i = 0; i < n; i++) {
      const hit = this.controller.computedCollision(i);
      const c = hit?.collider;
      if (!c || !hit || hit.normal1.z > 0.7) continue;
      const owner = this.sim.ownerOfCollider(c.handle);
      if (!owner || owner === 'ground') continue;
      const top = this.sim.aabb(owner).max[2];
      return `bumped into ${owner}, a ${(top - support).toFixed(2)} m step (limit ${this.spec.stepUp} m)`;
    }
    return '';
  }

  /** Puts the robot's weight on the dynamic bodies its feet stand on, as forces at the footholds. */
  loadSupports(pos: Vec3, yaw: number, grounded: boolean): void {
    const support = this.st.level;
    const w = this.sim.world;
    for (const h of this.st.loaded) {
      const b = w.getRigidBody(h);
      b.resetForces(false);
      b.resetTorques(false);
    }
    this.st.loaded = [];
    if (!grounded) return;
    const feet = this.feet(pos, yaw);
    if (!this.dynamicUnder(feet, support)) return;
    const holds = feet
      .map((f) => this.foothold(f, support, [0, 0]))
      .filter((h): h is Foothold => h !== null);
    const share = (this.spec.mass * G) / Math.max(holds.length, 1);
    for (const h of holds) {
      const b = h.collider.parent();
      if (!b || !b.isDynamic()) continue;
      b.addForceAtPoint({ x: 0, y: 0, z: -share }, { x: h.point[0], y: h.point[1], z: h.point[2] }, true);
      if (!this.st.loaded.includes(b.handle)) this.st.loaded.push(b.handle);
    }
  }

  /**
   * Whether a dynamic body's collider may lie where the footholds of `feet` are cast for (see
   * `foothold` without a direction). When none does, no foothold can be on a dynamic body and the
   * casts are skipped: a ray only hits colliders whose bounding box in Rapier's broad phase it
   * crosses, and this asks the broad phase for the boxes meeting the one around all those rays.
   */
  private dynamicSet(): Set<number> {
    if (!this.dynamicColliders) {
      const set = new Set<number>();
      this.sim.world.forEachCollider((c) => {
        if (c.parent()?.isDynamic()) set.add(c.handle);
      });
      this.dynamicColliders = set;
    }
    return this.dynamicColliders;
  }

  private dynamicUnder(feet: readonly XY[], support: number): boolean {
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
    if (region.valid && !region.dynamic && region.contains(cx, cy, cz, hx, hy, hz)) return false;
    let found = false;
    this.queries.collidersInAabb(cx, cy, cz, hx, hy, hz, (h) => {
      found = dynamic.has(h);
      return !found;
    });
    return found;
  }

  /** Whether the body can turn to `yaw` at `pos` without its capsule entering anything. */
  canTurnTo(pos: Vec3, yaw: number): boolean {
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
