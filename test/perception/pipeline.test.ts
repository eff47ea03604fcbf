import { describe, expect, it } from 'vitest';
import { loadScene, TASKS } from '../../src/scene/file.ts';
import { sceneCameras } from '../../src/scene/camera.ts';
import { withPoseNoise } from '../../src/scene/variants.ts';
import type { Scene } from '../../src/scene/schema.ts';
import { createSim } from '../../src/sim/create.ts';
import { renderDepth } from '../../src/sim/camera.ts';
import { observeGroundTruth } from '../../src/sim/ground-truth.ts';
import { seededRandom } from '../../src/scene/random.ts';
import { catalogueOf, perceive, type PerceptionResult } from '../../src/perception/pipeline.ts';
import type { SceneObservation } from '../../src/perception/observation.ts';

/** Renders `world`'s default cameras and perceives with `catalogue`'s object list; returns the result and the truth. */
async function perceiveScene(world: Scene, catalogue: Scene = world, seed = 1): Promise<{ r: PerceptionResult; truth: SceneObservation }> {
  const sim = await createSim(world);
  try {
    const rand = seededRandom(seed);
    const images = sceneCameras(world).map((c) => renderDepth(sim, c, rand));
    const truth = observeGroundTruth(sim);
    return { r: perceive({ images, catalogue: catalogueOf(catalogue), robot: truth.robot }), truth };
  } finally {
    sim.free();
  }
}

const dist = (a: readonly number[], b: readonly number[]): number => Math.hypot(...a.map((v, i) => v - b[i]!));
const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

describe('perception pipeline on the bundled scenes', () => {
  // Catalogue positions off by up to 2 cm (the user's description is rough); the world is the task's.
  // Arm scenes (objects 0.3-1 m from the camera): median centre error <= 1 cm, size error <= 1.5 cm.
  // Quadruped scenes (1-5 m at 160x120, a pixel is 1-3.5 cm there): <= 1.5 cm and <= 3.5 cm.
  it.each(TASKS)('%s: every object found and named, centres and sizes within the stated tolerance', async (task) => {
    const world = await loadScene(task);
    const { r, truth } = await perceiveScene(world, withPoseNoise(world, { seed: 7, poseNoise: 0.02 }));
    // The 4 mm cloth on a sofa is thinner than the depth noise lets the pipeline separate from the
    // sofa's top: it is the one object not seen, and is reported where the catalogue puts it.
    expect(r.missed).toEqual(task === 'traverse-sofa' ? ['cloth'] : []);
    expect(r.unknown).toEqual([]);
    const seen = truth.objects.filter((o) => !r.missed.includes(o.name));
    const centreErr = seen.map((t) => dist(r.observation.objects.find((o) => o.name === t.name)!.center, t.center));
    const sizeErr = seen.map((t) => dist(r.observation.objects.find((o) => o.name === t.name)!.size, t.size));
    const arm = world.robot.kind === 'arm';
    expect(median(centreErr)).toBeLessThanOrEqual(arm ? 0.01 : 0.015);
    expect(median(sizeErr)).toBeLessThanOrEqual(arm ? 0.015 : 0.035);
    // No object is far off (sofa_1 carries the cloth's 10 cm overhang into its box: 4 cm).
    expect(Math.max(...centreErr)).toBeLessThan(0.05);
    expect(r.observation.source).toBe('depth-camera');
    expect(r.warnings.filter((w) => w.includes('not seen'))).toHaveLength(r.missed.length);
  });
});

describe('naming by association', () => {
  it('names a cluster that matches nothing in the catalogue unknown_1, and names the rest right', async () => {
    const base = await loadScene('reach-milk');
    // The world holds a crate the user never mentioned.
    const world: Scene = { ...base, objects: [...base.objects, { ...base.objects[2]!, name: 'crate', size: [0.12, 0.12, 0.1], position: [0.3, 0.15, 0.05], graspablePoint: undefined, tags: [] }] };
    const { r, truth } = await perceiveScene(world, base);
    expect(r.unknown).toEqual(['unknown_1']);
    const u = r.observation.objects.find((o) => o.name === 'unknown_1')!;
    expect(dist(u.center, truth.objects.find((o) => o.name === 'crate')!.center)).toBeLessThan(0.01);
    expect(u.movable).toBe(false);
    expect(u.graspablePoint).toBeNull();
    for (const name of ['milk', 'hammer', 'pineapple']) {
      expect(dist(r.observation.objects.find((o) => o.name === name)!.center, truth.objects.find((o) => o.name === name)!.center)).toBeLessThan(0.01);
    }
  });

  it('tells apart objects of equal size by where the user said they are', async () => {
    const world = await loadScene('press-button');
    const { r, truth } = await perceiveScene(world, withPoseNoise(world, { seed: 3, poseNoise: 0.02 }));
    for (const name of ['cube_1', 'cube_2', 'cube_3']) {
      expect(dist(r.observation.objects.find((o) => o.name === name)!.center, truth.objects.find((o) => o.name === name)!.center)).toBeLessThan(0.01);
    }
  });

  it('reports a catalogue object no camera sees at its catalogue pose, with a warning', async () => {
    const catalogue = await loadScene('climb-sofa');
    // The world lacks box_1.
    const world: Scene = { ...catalogue, objects: catalogue.objects.filter((o) => o.name !== 'box_1') };
    const { r } = await perceiveScene(world, catalogue);
    expect(r.missed).toEqual(['box_1']);
    expect(r.warnings).toContain("box_1 not seen by any camera: reported at the scene file's pose");
    expect(r.observation.objects.find((o) => o.name === 'box_1')!.center).toEqual(catalogue.objects.find((o) => o.name === 'box_1')!.position);
  });

  it('re-poses the catalogue model (graspable point, parts) to the measured pose', async () => {
    const world = await loadScene('reach-milk');
    // The user says the hammer lies 4 cm further left than it does.
    const catalogue: Scene = { ...world, objects: world.objects.map((o) => (o.name === 'hammer' ? { ...o, position: [o.position[0], o.position[1] + 0.04, o.position[2]], graspablePoint: [o.graspablePoint![0], o.graspablePoint![1] + 0.04, o.graspablePoint![2]] } : o)) };
    const { r, truth } = await perceiveScene(world, catalogue);
    const seen = r.observation.objects.find((o) => o.name === 'hammer')!;
    const real = truth.objects.find((o) => o.name === 'hammer')!;
    expect(dist(seen.graspablePoint!, real.graspablePoint!)).toBeLessThan(0.01);
    expect(seen.parts.map((p) => p.name)).toEqual(['handle', 'head']);
    for (const p of seen.parts) expect(dist(p.center, real.parts.find((q) => q.name === p.name)!.center)).toBeLessThan(0.01);
  });
});
