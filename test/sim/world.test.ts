import { afterEach, describe, expect, it } from 'vitest';
import { SimWorld } from '../../src/sim/world.ts';
import { parseScene, parseSceneText, SceneError } from '../../src/scene/file.ts';
import type { SceneInput } from '../../src/scene/schema.ts';

const worlds: SimWorld[] = [];
afterEach(() => {
  for (const w of worlds.splice(0)) w.free();
});

function sceneWith(objects: SceneInput['objects'], goal: SceneInput['goal'] = { type: 'pressed', object: objects[0]!.name }) {
  return parseScene({
    name: 'test',
    command: 'test',
    robot: { kind: 'arm', workspace: { min: [0, -0.25, 0.01], max: [0.45, 0.25, 0.3] } },
    objects,
    goal,
  });
}

async function world(objects: SceneInput['objects']): Promise<SimWorld> {
  const w = await SimWorld.create(sceneWith(objects), undefined);
  worlds.push(w);
  return w;
}

describe('scene files', () => {
  it('names the JSON path and the reason of every bad field', () => {
    const bad = {
      name: 'bad',
      command: 'x',
      robot: { kind: 'arm', workspace: { min: [0, 0, 0], max: [0.4, 0.2, 0.3] } },
      objects: [
        { name: 'a', size: [0.1, -0.1, 0.1], position: [0, 0, 0] },
        { name: 'a', size: [0.1, 0.1, 0.1], position: [0, 0] },
      ],
      goal: { type: 'grasped', object: 'nope' },
    };
    let error: unknown;
    try {
      parseScene(bad, 'bad.json');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(SceneError);
    const paths = (error as SceneError).problems.map((p) => p.path);
    expect(paths).toContain('objects[0].size[1]');
    expect(paths).toContain('objects[1].position');
    expect((error as SceneError).message).toMatch(/bad\.json/);
  });

  it('reports duplicate names and a goal naming a missing object', () => {
    expect(() =>
      parseScene({
        name: 'x',
        command: 'x',
        robot: { kind: 'arm', workspace: { min: [0, 0, 0], max: [1, 1, 1] } },
        objects: [
          { name: 'a', size: [0.1, 0.1, 0.1], position: [0, 0, 0.05] },
          { name: 'a', size: [0.1, 0.1, 0.1], position: [1, 0, 0.05] },
        ],
        goal: { type: 'grasped', object: 'milk' },
      }),
    ).toThrow(/objects\[1\]\.name: duplicate object name "a"[\s\S]*goal\.object: no object named "milk"/);
  });

  it('gives line and column for a JSON syntax error', () => {
    expect(() => parseSceneText('{\n  "name": "x",\n  oops\n}', 'broken.json')).toThrow(/line 3, column 3/);
  });

  it('refuses unknown fields rather than ignoring them', () => {
    expect(() =>
      sceneWith([{ name: 'a', size: [0.1, 0.1, 0.1], position: [0, 0, 0.05], fargile: true } as never]),
    ).toThrow(/objects\[0\].*fargile/);
  });
});

describe('the world', () => {
  it('lets a box fall and come to rest on the ground', async () => {
    const w = await world([{ name: 'box', size: [0.1, 0.1, 0.1], position: [0, 0, 0.5] }]);
    w.stepFor(1.5);
    expect(w.pose('box').position[2]).toBeCloseTo(0.05, 2);
  });

  it('is reproducible: two worlds from one scene agree bit for bit', async () => {
    const objs: SceneInput['objects'] = [
      { name: 'a', size: [0.1, 0.1, 0.1], position: [0, 0, 0.3], yawDeg: 30 },
      { name: 'b', size: [0.1, 0.1, 0.1], position: [0.03, 0.02, 0.6] },
    ];
    const [w1, w2] = [await world(objs), await world(objs)];
    w1.stepFor(1);
    w2.stepFor(1);
    expect(w1.pose('b')).toEqual(w2.pose('b'));
  });

  it('restores a snapshot into an independent clone that continues identically', async () => {
    const w = await world([
      { name: 'a', size: [0.1, 0.1, 0.1], position: [0, 0, 0.3], yawDeg: 30 },
      { name: 'b', size: [0.1, 0.1, 0.1], position: [0.03, 0.02, 0.6] },
    ]);
    w.stepFor(0.2);
    const clone = await SimWorld.restore(w.scene, w.snapshot(), undefined);
    worlds.push(clone);
    w.stepFor(1);
    clone.stepFor(1);
    expect(clone.pose('b')).toEqual(w.pose('b'));
    expect(clone.time).toBeCloseTo(w.time, 12);
    // Stepping the clone further leaves the original where it was.
    const before = w.pose('b');
    clone.body('b').applyImpulse({ x: 1, y: 0, z: 0 }, true);
    clone.stepFor(0.5);
    expect(w.pose('b')).toEqual(before);
  });

  it('joins touching magnetic parts rigidly', async () => {
    const w = await world([
      { name: 'c1', size: [0.03, 0.03, 0.03], position: [0.3, 0, 0.015], magnetic: true },
      { name: 'c2', size: [0.03, 0.03, 0.03], position: [0.33, 0, 0.015], magnetic: true },
      { name: 'c3', size: [0.03, 0.03, 0.03], position: [0.5, 0, 0.015], magnetic: true },
    ]);
    w.stepFor(0.1);
    expect(w.joinedGroup('c1').sort()).toEqual(['c1', 'c2']);
    expect(w.joinedGroup('c3')).toEqual(['c3']);
    // Lifting one lifts the other: the join is a real joint, not a label.
    w.body('c1').applyImpulse({ x: 0, y: 0, z: 0.3 }, true);
    w.stepFor(0.05);
    expect(w.pose('c2').position[2]).toBeGreaterThan(0.02);
  });

  it('breaks a fragile object dropped onto a hard floor, not onto a soft cushion', async () => {
    const w = await world([
      { name: 'vase', size: [0.3, 0.1, 0.1], position: [0, 0, 0.45], fragile: { breakSpeed: 2.43 } },
      { name: 'vase2', size: [0.3, 0.1, 0.1], position: [1, 0, 0.45], fragile: { breakSpeed: 2.43 } },
      { name: 'cushion', size: [0.5, 0.5, 0.16], position: [1, 0, 0.08], soft: true, mass: 1 },
      { name: 'low', size: [0.3, 0.1, 0.1], position: [2, 0, 0.2], fragile: { breakSpeed: 2.43 } },
    ]);
    w.stepFor(1);
    expect(w.isBroken('vase')).toBe(true);
    expect(w.isBroken('vase2')).toBe(false);
    expect(w.isBroken('low')).toBe(false);
    const broke = w.events.find((e) => e.type === 'broken');
    expect(broke).toMatchObject({ object: 'vase', against: 'ground' });
  });

  it('presses a spring button under a weight and not under its own cap', async () => {
    const w = await world([
      { name: 'button', size: [0.2, 0.2, 0.2], position: [0.6, 0, 0.1], movable: false, button: {} },
      { name: 'other', size: [0.2, 0.2, 0.2], position: [1, 0, 0.1], movable: false, button: {} },
      { name: 'weight', size: [0.05, 0.05, 0.05], position: [0.6, 0, 0.23], mass: 3 },
    ]);
    w.stepFor(1);
    expect(w.isPressed('button')).toBe(true);
    expect(w.isPressed('other')).toBe(false);
  });
});
