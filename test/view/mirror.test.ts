import { describe, expect, it } from 'vitest';
import * as THREE from 'three';
import { createSim } from '../../src/sim/create.ts';
import { loadScene, parseScene } from '../../src/scene/file.ts';
import { captureFrame, describeWorld } from '../../src/viewer/mirror-model.ts';
import { SceneMirror } from '../../src/viewer/mirror.ts';
import { frameIndexAt } from '../../src/viewer/client/frame-index.ts';

describe('SceneMirror', () => {
  it('puts every scene object where the simulator has it', async () => {
    const sim = await createSim(await loadScene('reach-milk'));
    try {
      const mirror = new SceneMirror(describeWorld(sim));
      mirror.apply(captureFrame(sim));
      for (const name of ['milk', 'pineapple', 'hammer']) {
        const box = new THREE.Box3().setFromObject(mirror.body(name)!);
        const { min, max } = sim.aabb(name);
        box.min.toArray().forEach((v, i) => expect(v).toBeCloseTo(min[i]!, 4));
        box.max.toArray().forEach((v, i) => expect(v).toBeCloseTo(max[i]!, 4));
      }
      mirror.dispose();
    } finally {
      sim.free();
    }
  });

  it('draws the arm from its colliders and follows its links as they move', async () => {
    const sim = await createSim(await loadScene('press-button'));
    try {
      const model = describeWorld(sim);
      const links = model.bodies.filter((b) => b.owner === 'robot');
      expect(links.length).toBeGreaterThan(3);
      expect(links.every((l) => l.shapes.length > 0 || l.id === 'robot/0')).toBe(true);
      const mirror = new SceneMirror(model);
      mirror.apply(captureFrame(sim));
      const id = links.at(-1)!.id;
      const before = mirror.body(id)!.position.clone();
      sim.robot!.halt();
      const handle = sim.robot!.bodyHandles()[Number(id.split('/')[1])]!;
      const body = sim.world.getRigidBody(handle);
      body.setTranslation({ x: before.x + 0.05, y: before.y, z: before.z }, false);
      mirror.apply(captureFrame(sim));
      expect(mirror.body(id)!.position.x).toBeCloseTo(before.x + 0.05, 6);
    } finally {
      sim.free();
    }
  });

  it('draws a quadruped from its colliders too (a capsule)', async () => {
    const scene = parseScene({
      name: 'quad-view',
      command: 'Walk to the box.',
      robot: { kind: 'quadruped', start: [0, 0, 0] },
      objects: [{ name: 'box', size: [0.3, 0.3, 0.3], position: [1, 0, 0.15] }],
      goal: { type: 'within-reach', object: 'box' },
    });
    const sim = await createSim(scene);
    try {
      const model = describeWorld(sim);
      const robot = model.bodies.filter((b) => b.owner === 'robot');
      expect(robot.flatMap((b) => b.shapes.map((s) => s.kind))).toContain('capsule');
      const mirror = new SceneMirror(model);
      mirror.apply(captureFrame(sim));
      const c = mirror.centerOf(robot[0]!.id)!;
      const p = sim.robot!.position();
      [c.x, c.y, c.z].forEach((v, i) => expect(v).toBeCloseTo(p[i]!, 3));
    } finally {
      sim.free();
    }
  });
});

describe('frameIndexAt', () => {
  const frames = [0, 0.1, 0.2, 0.3].map((t) => ({ t, objects: {}, robot: {} }));
  it('picks the last frame at or before the time, clamping at both ends', () => {
    expect([-1, 0, 0.05, 0.1, 0.25, 9].map((t) => frameIndexAt(frames, t))).toEqual([0, 0, 0, 1, 2, 3]);
    expect(frameIndexAt([], 1)).toBe(0);
  });
});
