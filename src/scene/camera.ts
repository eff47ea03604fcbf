import type { CameraSpec, Scene, Vec3 } from './schema.ts';

/** A camera with every intrinsic resolved and its axes in the scene frame (optical: x right, y down, z forward). */
export interface CameraModel {
  name: string;
  width: number;
  height: number;
  fx: number;
  fy: number;
  cx: number;
  cy: number;
  position: Vec3;
  right: Vec3;
  down: Vec3;
  forward: Vec3;
  depthNoise: number;
  dropout: number;
  maxRange: number;
}

const norm = (v: Vec3): Vec3 => {
  const n = Math.hypot(v[0], v[1], v[2]);
  return [v[0] / n, v[1] / n, v[2] / n];
};
const cross = (a: Vec3, b: Vec3): Vec3 => [a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0]];

/** Resolves a camera spec into a model: default intrinsics, and axes from position and lookAt. */
export function cameraModel(spec: CameraSpec): CameraModel {
  const forward = norm([spec.lookAt[0] - spec.position[0], spec.lookAt[1] - spec.position[1], spec.lookAt[2] - spec.position[2]]);
  // Image up is scene +z; a camera looking straight down takes scene +x as image up instead.
  const up: Vec3 = Math.abs(forward[2]) > 0.999 ? [1, 0, 0] : [0, 0, 1];
  const right = norm(cross(forward, up));
  const down = cross(forward, right);
  const f = spec.width / 2 / Math.tan(Math.PI / 6);
  return {
    name: spec.name,
    width: spec.width,
    height: spec.height,
    fx: spec.fx ?? spec.fy ?? f,
    fy: spec.fy ?? spec.fx ?? f,
    cx: spec.cx ?? spec.width / 2,
    cy: spec.cy ?? spec.height / 2,
    position: spec.position,
    right,
    down,
    forward,
    depthNoise: spec.depthNoise,
    dropout: spec.dropout,
    maxRange: spec.maxRange,
  };
}

/** The unnormalised ray of pixel (u, v) (pixel centres at +0.5): unit depth along the optical axis. */
export function pixelRay(cam: CameraModel, u: number, v: number): Vec3 {
  const xn = (u + 0.5 - cam.cx) / cam.fx;
  const yn = (v + 0.5 - cam.cy) / cam.fy;
  return [0, 1, 2].map((i) => cam.forward[i]! + xn * cam.right[i]! + yn * cam.down[i]!) as Vec3;
}

/** Projects a scene point to pixel coordinates (u, v) and depth, or null behind the camera. */
export function projectPoint(cam: CameraModel, p: Vec3): { u: number; v: number; depth: number } | null {
  const d: Vec3 = [p[0] - cam.position[0], p[1] - cam.position[1], p[2] - cam.position[2]];
  const z = d[0] * cam.forward[0] + d[1] * cam.forward[1] + d[2] * cam.forward[2];
  if (z <= 1e-6) return null;
  const x = d[0] * cam.right[0] + d[1] * cam.right[1] + d[2] * cam.right[2];
  const y = d[0] * cam.down[0] + d[1] * cam.down[1] + d[2] * cam.down[2];
  return { u: (x / z) * cam.fx + cam.cx, v: (y / z) * cam.fy + cam.cy, depth: z };
}

/**
 * The cameras of a scene: its `sensors` section, or one default camera. An arm gets a head
 * camera 0.75 m above its base looking down at the table in front of it (x 0.2 to 1.1 m,
 * y +-0.5 m in view); a quadruped gets a camera 1.2 m behind and 2.6 m above its start, looking
 * 2.3 m ahead along its heading (0.3 m behind it to 3.6 m ahead in view).
 */
export function sceneCameras(scene: Scene): CameraModel[] {
  if (scene.sensors) return scene.sensors.cameras.map(cameraModel);
  return [cameraModel(defaultCamera(scene))];
}

function defaultCamera(scene: Scene): CameraSpec {
  const base = { width: 160, height: 120, depthNoise: 0.0005, dropout: 0.01, maxRange: 8 };
  const r = scene.robot;
  if (r.kind === 'arm') {
    const [bx, by, bz] = r.base;
    return { ...base, name: 'head', position: [bx + 0.1, by, bz + 0.75], lookAt: [bx + 0.55, by + 0.05, bz] };
  }
  const yaw = (r.yawDeg * Math.PI) / 180;
  const [sx, sy, sz] = r.start;
  const at = (d: number, h: number): Vec3 => [sx + Math.cos(yaw) * d, sy + Math.sin(yaw) * d, sz + h];
  return { ...base, name: 'head', position: at(-1.2, 2.6), lookAt: at(1.1, 0) };
}
