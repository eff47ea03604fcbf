import type RAPIER from '@dimforge/rapier3d-compat';
import type { SimWorld } from './world.ts';

type RawVector = ReturnType<typeof RAPIER.VectorOps.intoRaw>;
import { pixelRay, type CameraModel } from '../scene/camera.ts';

/** One depth frame: depth along the optical axis per pixel (m, NaN where no return), row-major. */
export interface DepthFrame {
  camera: CameraModel;
  depth: Float32Array;
  /**
   * Ground-truth label per pixel, for tests and measurement only (the perception pipeline never
   * reads it): an index into `labelNames`, or -1 for no return.
   */
  labels: Int16Array;
  labelNames: string[];
  /** Wall-clock milliseconds the frame took to render. */
  ms: number;
}

/** A standard normal draw from a uniform source (Box-Muller). */
function gaussian(rand: () => number): number {
  const u = Math.max(rand(), 1e-12);
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rand());
}

/**
 * Renders a depth image by casting one ray per pixel through the Rapier world. The robot's
 * own colliders are transparent (a self-filter: the camera never reports the robot as an
 * object). Depth gets Gaussian noise with sigma = depthNoise * depth^2, a `dropout` fraction of
 * pixels returns nothing, and so does anything beyond `maxRange`.
 */
export function renderDepth(sim: SimWorld, cam: CameraModel, rand: () => number): DepthFrame {
  const t0 = performance.now();
  const { width, height } = cam;
  const depth = new Float32Array(width * height);
  const labels = new Int16Array(width * height);
  const labelNames: string[] = [];
  const labelIndex = new Map<string, number>();
  const R = sim.R;
  // Each object's collider is cast against directly (exact, and independent of whether the
  // broad phase has been updated since the world was built or restored); a bounding-sphere test
  // in JS skips the colliders a ray cannot meet. Robot colliders are left out: a self-filter.
  const targets: { owner: string; shape: ReturnType<RAPIER.Shape['intoRaw']>; pos: RawVector; rot: ReturnType<typeof R.RotationOps.intoRaw>; c: [number, number, number]; r2: number }[] = [];
  sim.world.colliders.forEach((col) => {
    const owner = sim.ownerOfCollider(col.handle);
    if (owner === undefined) return;
    const shape = col.shape;
    const t = col.translation();
    let radius = Infinity;
    if (shape instanceof R.Cuboid) radius = Math.hypot(shape.halfExtents.x, shape.halfExtents.y, shape.halfExtents.z);
    else if (shape instanceof R.Ball) radius = shape.radius;
    else if (shape instanceof R.Cylinder) radius = Math.hypot(shape.radius, shape.halfHeight);
    targets.push({ owner, shape: shape.intoRaw(), pos: R.VectorOps.intoRaw(t), rot: R.RotationOps.intoRaw(col.rotation()), c: [t.x, t.y, t.z], r2: radius * radius });
  });
  const origin = R.VectorOps.intoRaw({ x: cam.position[0], y: cam.position[1], z: cam.position[2] });
  const dir = R.VectorOps.intoRaw({ x: 1, y: 0, z: 0 });
  const [ox, oy, oz] = cam.position;
  /** The nearest hit along the ray from the camera: [distance, owner], or null. */
  const cast = (dx: number, dy: number, dz: number, maxToi: number): [number, string] | null => {
    dir.x = dx;
    dir.y = dy;
    dir.z = dz;
    let best = maxToi;
    let owner: string | null = null;
    for (const t of targets) {
      if (t.r2 !== Infinity) {
        const cx = t.c[0] - ox;
        const cy = t.c[1] - oy;
        const cz = t.c[2] - oz;
        const b = cx * dx + cy * dy + cz * dz;
        if (cx * cx + cy * cy + cz * cz - b * b > t.r2 || b - Math.sqrt(t.r2) > best) continue;
      }
      const toi = t.shape.castRay(t.pos, t.rot, origin, dir, best, true);
      if (toi >= 0 && toi < best) {
        best = toi;
        owner = t.owner;
      }
    }
    return owner === null ? null : [best, owner];
  };
  for (let v = 0; v < height; v++) {
    for (let u = 0; u < width; u++) {
      const i = v * width + u;
      const d = pixelRay(cam, u, v);
      const len = Math.hypot(d[0], d[1], d[2]);
      const hit = cast(d[0] / len, d[1] / len, d[2] / len, cam.maxRange * len);
      const dropped = cam.dropout > 0 && rand() < cam.dropout;
      if (!hit || dropped) {
        depth[i] = NaN;
        labels[i] = -1;
        continue;
      }
      const z = hit[0] / len;
      if (z > cam.maxRange) {
        depth[i] = NaN;
        labels[i] = -1;
        continue;
      }
      depth[i] = z + (cam.depthNoise > 0 ? gaussian(rand) * cam.depthNoise * z * z : 0);
      const owner = hit[1];
      let li = labelIndex.get(owner);
      if (li === undefined) {
        li = labelNames.length;
        labelNames.push(owner);
        labelIndex.set(owner, li);
      }
      labels[i] = li;
    }
  }
  origin.free();
  dir.free();
  for (const t of targets) {
    t.shape.free();
    t.pos.free();
    t.rot.free();
  }
  return { camera: cam, depth, labels, labelNames, ms: performance.now() - t0 };
}
