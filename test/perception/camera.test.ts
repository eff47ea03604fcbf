import { describe, expect, it } from 'vitest';
import { parseScene, loadScene } from '../../src/scene/file.ts';
import { cameraModel, projectPoint, sceneCameras } from '../../src/scene/camera.ts';
import type { CameraSpecInput, SceneInput } from '../../src/scene/schema.ts';
import { CameraSpec } from '../../src/scene/schema.ts';
import { createSim } from '../../src/sim/create.ts';
import { renderDepth } from '../../src/sim/camera.ts';
import { seededRandom } from '../../src/scene/random.ts';

/** A quadruped scene (the robot far from the camera's view) with one box, and an exact camera. */
function boxScene(camera: Partial<CameraSpecInput> = {}): ReturnType<typeof parseScene> {
  const input: SceneInput = {
    name: 'camera-geometry',
    command: 'Get onto the crate.',
    robot: { kind: 'quadruped', start: [-5, 0, 0] },
    objects: [{ name: 'crate', size: [0.4, 0.3, 0.2], position: [1, 0.2, 0.1], movable: false }],
    goal: { type: 'robot-on', object: 'crate' },
    sensors: {
      cameras: [{ name: 'top', position: [1, 0, 2], lookAt: [1, 0, 0], width: 160, height: 120, depthNoise: 0, dropout: 0, ...camera }],
    },
  };
  return parseScene(input);
}

describe('simulated depth camera', () => {
  it('sees a plane straight below at its distance in every pixel (depth along the optical axis)', async () => {
    const scene = boxScene({ position: [-1, 0, 2], lookAt: [-1, 0, 0] });
    const sim = await createSim(scene);
    try {
      const f = renderDepth(sim, sceneCameras(scene)[0]!, seededRandom(1));
      for (const d of f.depth) expect(d).toBeCloseTo(2, 5);
      expect(f.labelNames).toEqual(['ground']);
    } finally {
      sim.free();
    }
  });

  it('puts the box top at its height and its edge at the pixel where the box projects', async () => {
    const scene = boxScene();
    const sim = await createSim(scene);
    try {
      const cam = sceneCameras(scene)[0]!;
      const f = renderDepth(sim, cam, seededRandom(1));
      const at = (u: number, v: number): { depth: number; label: string } => ({ depth: f.depth[v * cam.width + u]!, label: f.labelNames[f.labels[v * cam.width + u]!]! });
      // The box's +y edge (y 0.35) at its top (z 0.2), over the box's centre line x = 1.
      const edge = projectPoint(cam, [1, 0.35, 0.2])!;
      const centre = projectPoint(cam, [1, 0.2, 0.2])!;
      const v = Math.floor(centre.v);
      expect(at(Math.floor(centre.u), v)).toEqual({ depth: expect.closeTo(1.8, 5) as unknown as number, label: 'crate' });
      // Looking straight down with image up = +x, the camera's right is scene -y: u grows as y
      // falls, so the pixel whose centre (u + 0.5) lies just past the edge is on the box and the
      // one before it is on the floor.
      expect(centre.u).toBeGreaterThan(edge.u);
      const boxPixel = Math.ceil(edge.u - 0.5);
      const floorPixel = boxPixel - 1;
      expect(at(boxPixel, v).label).toBe('crate');
      expect(at(floorPixel, v).label).toBe('ground');
      expect(at(floorPixel, v).depth).toBeGreaterThan(1.8);
    } finally {
      sim.free();
    }
  });

  it('adds noise that grows with range and drops the asked fraction of pixels', async () => {
    const scene = boxScene({ position: [-1, 0, 2], lookAt: [-1, 0, 0], depthNoise: 0.002, dropout: 0.1 });
    const sim = await createSim(scene);
    try {
      const f = renderDepth(sim, sceneCameras(scene)[0]!, seededRandom(3));
      const valid = [...f.depth].filter((d) => Number.isFinite(d));
      const dropped = 1 - valid.length / f.depth.length;
      expect(dropped).toBeGreaterThan(0.08);
      expect(dropped).toBeLessThan(0.12);
      const mean = valid.reduce((s, d) => s + d, 0) / valid.length;
      const sd = Math.sqrt(valid.reduce((s, d) => s + (d - mean) ** 2, 0) / valid.length);
      // sigma = 0.002 * 2^2 = 8 mm at 2 m.
      expect(sd).toBeGreaterThan(0.007);
      expect(sd).toBeLessThan(0.009);
    } finally {
      sim.free();
    }
  });

  it("never reports the robot: the arm's links are transparent to its own head camera", async () => {
    const scene = await loadScene('reach-milk');
    const sim = await createSim(scene);
    try {
      const cam = sceneCameras(scene)[0]!;
      const f = renderDepth(sim, cam, seededRandom(1));
      expect(new Set(f.labelNames)).toEqual(new Set(['ground', 'milk', 'hammer', 'pineapple']));
      // The gripper hangs right between the camera and the table at home (0.25, 0, 0.25).
      const p = projectPoint(cam, [0.25, 0, 0.25])!;
      expect(f.labelNames[f.labels[Math.floor(p.v) * cam.width + Math.floor(p.u)]!]).toBe('ground');
    } finally {
      sim.free();
    }
  });

  it('gives every scene without sensors a default camera, and names the bad field of a camera', () => {
    expect(sceneCameras(boxScene())[0]!.name).toBe('top');
    const r = CameraSpec.safeParse({ name: 'c', position: [0, 0, 1], lookAt: [0, 0, 1] });
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.path).toEqual(['lookAt']);
    const m = cameraModel(CameraSpec.parse({ name: 'c', position: [0, 0, 1], lookAt: [1, 0, 1] }));
    expect(m.fx).toBeCloseTo(80 / Math.tan(Math.PI / 6));
    expect([m.cx, m.cy]).toEqual([80, 60]);
  });
});
