import type RAPIER from '@dimforge/rapier3d-compat';

/**
 * The quadruped's scene queries at the level of Rapier's raw bindings (RawQueries), and the
 * arithmetic that lets its controller skip a query where only fixed boxes are near (FixedBox,
 * fixedBoxOf, downRayToi: Rapier's own single-precision result, computed in JavaScript). Both
 * give exactly what the public Rapier calls give; test/sim/quadruped-queries.test.ts checks that.
 */

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
export function fixedBoxOf(R: typeof RAPIER, c: RAPIER.Collider): FixedBox | null {
  const parent = c.parent();
  if ((parent && !parent.isFixed()) || c.isSensor() || c.shape.type !== R.ShapeType.Cuboid) return null;
  const r = c.rotation();
  const he = c.halfExtents();
  if (r.x !== 0 || r.y !== 0 || !he) return null;
  const t = c.translation();
  const yaw = 2 * Math.atan2(r.z, r.w);
  return { x: t.x, y: t.y, c: Math.cos(yaw), s: Math.sin(yaw), hx: he.x, hy: he.y, top: t.z + he.z, bottom: t.z - he.z, z: t.z, hz: he.z };
}

/**
 * Rapier's time of impact for a solid ray cast straight down from height z0 at a point inside
 * the footprint of a fixed cuboid turned about z only (`Cuboid::cast_local_ray`, in single
 * precision: the ray's origin in the box's frame, then the slab test along z), or -1 for a miss.
 * Checked bit for bit against `World.castRay` on every fixed box of every task scene (scratch).
 */
export function downRayToi(box: FixedBox, z0: number, maxToi: number): number {
  const f = Math.fround;
  const lz = f(f(z0) - box.z);
  const near = f(lz - box.hz);
  const far = f(lz + box.hz);
  const tmin = Math.max(0, near);
  const tmax = Math.min(f(maxToi), far);
  return tmin > tmax ? -1 : tmin;
}

type RawVector = ReturnType<typeof RAPIER.VectorOps.intoRaw>;
export type RawShape = ReturnType<RAPIER.Shape['intoRaw']>;
type RawBroadPhase = RAPIER.World['broadPhase']['raw'];
type RawNarrowPhase = RAPIER.World['narrowPhase']['raw'];
type RawRigidBodySet = RAPIER.World['bodies']['raw'];
type RawColliderSet = RAPIER.World['colliders']['raw'];
/** The part of Rapier's raw character controller that `computeColliderMovement` calls (see RawQueries.moveCollider). */
interface RawCharacterController {
  computeColliderMovement(
    dt: number,
    broadPhase: RawBroadPhase,
    narrowPhase: RawNarrowPhase,
    bodies: RawRigidBodySet,
    colliders: RawColliderSet,
    collider: number,
    desired: RawVector,
    applyImpulses: boolean,
    characterMass: number | null | undefined,
    filterFlags: number | undefined,
    filterGroups: number | undefined,
    filter: ((handle: number) => boolean) | undefined,
  ): void;
}

/**
 * Downward ray casts and box queries through Rapier's raw bindings, with argument vectors made
 * once. The locomotion controller casts 7–11 rays per tick, and `World.castRay` spends most of
 * each on glue: two WebAssembly vectors allocated and freed per call, and a JS filter closure
 * called back for every candidate collider even when no filter is given. This makes the same
 * query (same arguments, same result) without either.
 */
export class RawQueries {
  private readonly origin: RawVector;
  private readonly dir: RawVector;
  private readonly half: RawVector;
  private readonly desired: RawVector;
  private ox = 0;
  private oy = 0;
  private oz = 0;

  constructor(
    private readonly R: typeof RAPIER,
    private readonly world: RAPIER.World,
  ) {
    this.origin = R.VectorOps.intoRaw({ x: 0, y: 0, z: 0 });
    this.dir = R.VectorOps.intoRaw({ x: 0, y: 0, z: -1 });
    this.half = R.VectorOps.intoRaw({ x: 0, y: 0, z: 0 });
    this.desired = R.VectorOps.intoRaw({ x: 0, y: 0, z: 0 });
  }

  private setOrigin(x: number, y: number, z: number): void {
    const o = this.origin;
    if (x !== this.ox) o.x = this.ox = x;
    if (y !== this.oy) o.y = this.oy = y;
    if (z !== this.oz) o.z = this.oz = z;
  }

  /** Collider handle of the last hit `castDown` reported. */
  hitCollider = -1;

  /**
   * `world.castRay` straight down from (x, y, z), solid, excluding one rigid body: the time of
   * impact (the hit collider's handle in `hitCollider`), or -1 for no hit.
   */
  castDown(x: number, y: number, z: number, maxToi: number, excludeBody: number): number {
    this.setOrigin(x, y, z);
    const w = this.world;
    const raw = w.broadPhase.raw.castRay(
      w.narrowPhase.raw,
      w.bodies.raw,
      w.colliders.raw,
      this.origin,
      this.dir,
      maxToi,
      true,
      undefined as unknown as number,
      undefined,
      null,
      excludeBody,
      undefined as unknown as () => boolean,
    );
    if (!raw) return -1;
    this.hitCollider = raw.colliderHandle();
    const toi = raw.timeOfImpact();
    raw.free();
    return toi;
  }

  /** `world.collidersWithAabbIntersectingAabb` with the collider handles passed to `callback`. */
  collidersInAabb(cx: number, cy: number, cz: number, hx: number, hy: number, hz: number, callback: (handle: number) => boolean): void {
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
  moveCollider(controller: RAPIER.KinematicCharacterController, collider: number, dx: number, dy: number, dz: number, filter?: (handle: number) => boolean): void {
    const d = this.desired;
    d.x = dx;
    d.y = dy;
    d.z = dz;
    const w = this.world;
    const cc = controller as unknown as { raw: RawCharacterController; _applyImpulsesToDynamicBodies: boolean; _characterMass: number | null };
    cc.raw.computeColliderMovement(
      w.integrationParameters.dt,
      w.broadPhase.raw,
      w.narrowPhase.raw,
      w.bodies.raw,
      w.colliders.raw,
      collider,
      d,
      cc._applyImpulsesToDynamicBodies,
      cc._characterMass,
      undefined,
      undefined,
      filter,
    );
  }

  /**
   * `world.intersectionWithShape(pos, rot, shape, undefined, undefined, undefined, body, filter)`
   * with the shape made once and a filter on collider handles (none: no call-backs): whether
   * the shape there meets any collider.
   */
  shapeMeetsAny(x: number, y: number, z: number, rot: RAPIER.Rotation, shape: RawShape, excludeBody: number, filter?: (handle: number) => boolean): boolean {
    this.setOrigin(x, y, z);
    const r = this.R.RotationOps.intoRaw(rot);
    const w = this.world;
    const hit = w.broadPhase.raw.intersectionWithShape(
      w.narrowPhase.raw,
      w.bodies.raw,
      w.colliders.raw,
      this.origin,
      r,
      shape,
      undefined as unknown as number,
      undefined,
      null,
      excludeBody,
      filter as unknown as () => boolean,
    );
    r.free();
    return hit !== undefined;
  }

  free(): void {
    this.desired.free();
    this.origin.free();
    this.dir.free();
    this.half.free();
  }
}
