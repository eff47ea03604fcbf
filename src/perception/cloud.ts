import { pixelRay, type CameraModel } from '../scene/camera.ts';

/** One depth image from one camera: depth along the optical axis (m), NaN where there was no return. */
export interface DepthImage {
  camera: CameraModel;
  depth: Float32Array;
}

/** A point of the cloud in the scene frame, with what the pipeline needs to know about it. */
export interface CloudPoint {
  x: number;
  y: number;
  z: number;
  /** Its surface faces up (normal within ~30 degrees of +z). */
  up: boolean;
  /** Spacing of neighbouring samples here on a surface facing the camera (m). */
  spacing: number;
  /** Expected depth noise here (m). */
  sigma: number;
  /** Sine of the angle the ray makes with the horizontal (how obliquely it sees a horizontal surface). */
  elevation: number;
  /** The camera it was seen from (depth noise moves a point along the ray from here). */
  from: readonly [number, number, number];
}

/** Neighbour offset for normals: a wider baseline averages depth noise. */
const BASE = 2;

/**
 * Back-projects depth images into one cloud in the scene frame and estimates each point's normal
 * from its neighbours two pixels away (none across a depth jump: such points are not `up`).
 */
export function depthToCloud(images: readonly DepthImage[]): CloudPoint[] {
  const out: CloudPoint[] = [];
  for (const { camera: cam, depth } of images) {
    const { width: W, height: H } = cam;
    const px = new Float32Array(W * H * 3);
    for (let v = 0; v < H; v++) {
      for (let u = 0; u < W; u++) {
        const i = v * W + u;
        const d = depth[i]!;
        if (!Number.isFinite(d)) continue;
        const r = pixelRay(cam, u, v);
        px[i * 3] = cam.position[0] + r[0] * d;
        px[i * 3 + 1] = cam.position[1] + r[1] * d;
        px[i * 3 + 2] = cam.position[2] + r[2] * d;
      }
    }
    const at = (u: number, v: number): number => (u < 0 || v < 0 || u >= W || v >= H ? NaN : depth[v * W + u]!);
    /** Three pixels on one line lie on one smooth surface: their second difference is small. */
    const smooth = (d0: number, d1: number, d2: number, sigma: number): boolean => {
      if (!Number.isFinite(d0) || !Number.isFinite(d1) || !Number.isFinite(d2)) return false;
      const a = d1 - d0;
      const b = d2 - d1;
      return Math.abs(a - b) < 0.002 + 6 * sigma + 0.25 * Math.min(Math.abs(a), Math.abs(b));
    };
    const P = (u: number, v: number): [number, number, number] => {
      const j = (v * W + u) * 3;
      return [px[j]!, px[j + 1]!, px[j + 2]!];
    };
    /**
     * A tangent of the surface at (u, v) along (du, dv): a central difference two pixels each
     * way where the surface continues that far (it averages noise), else one pixel, else
     * one-sided (thin objects are only a few pixels wide); none across depth jumps.
     */
    const tangent = (u: number, v: number, d: number, du: number, dv: number): [number, number, number] | null => {
      const sigma = cam.depthNoise * d * d;
      // [first, middle, last] pixel offsets along the line; the tangent runs from first to last.
      for (const [a, m, b] of [
        [-BASE, 0, BASE],
        [-1, 0, 1],
        [0, 1, 2],
        [-2, -1, 0],
      ] as const) {
        if (smooth(at(u + a * du, v + a * dv), at(u + m * du, v + m * dv), at(u + b * du, v + b * dv), sigma)) {
          const pa = P(u + b * du, v + b * dv);
          const pb = P(u + a * du, v + a * dv);
          return [pa[0] - pb[0], pa[1] - pb[1], pa[2] - pb[2]];
        }
      }
      return null;
    };
    for (let v = 0; v < H; v++) {
      for (let u = 0; u < W; u++) {
        const i = v * W + u;
        const d = depth[i]!;
        if (!Number.isFinite(d)) continue;
        const p = P(u, v);
        let up = false;
        const tu = tangent(u, v, d, 1, 0);
        const tv = tangent(u, v, d, 0, 1);
        if (tu && tv) {
          let nx = tu[1] * tv[2] - tu[2] * tv[1];
          let ny = tu[2] * tv[0] - tu[0] * tv[2];
          let nz = tu[0] * tv[1] - tu[1] * tv[0];
          const n = Math.hypot(nx, ny, nz);
          if (n > 0) {
            // Face the camera.
            if (nx * (cam.position[0] - p[0]) + ny * (cam.position[1] - p[1]) + nz * (cam.position[2] - p[2]) < 0) {
              nx = -nx;
              ny = -ny;
              nz = -nz;
            }
            up = nz / n > 0.85;
          }
        }
        const r = pixelRay(cam, u, v);
        const len = Math.hypot(r[0], r[1], r[2]);
        out.push({
          x: p[0],
          y: p[1],
          z: p[2],
          up,
          spacing: (d * len) / cam.fx,
          sigma: cam.depthNoise * d * d,
          elevation: Math.abs(r[2]) / len,
          from: cam.position,
        });
      }
    }
  }
  return out;
}
