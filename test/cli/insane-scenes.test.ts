import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.ts';
import { scenesDir } from '../../src/scene/file.ts';
import { captureOutput } from '../helpers/capture-output.ts';

/**
 * Scene files that fit the schema's types but make no physical sense (or do not fit it at all),
 * each made from a bundled scene by edits at JSON paths. `scene check` must refuse each, naming
 * the path; `run` must refuse each at once (exit 2, one line), never crash or stall on it.
 */

type Json = Record<string, unknown>;
type Edit = [path: string, value: unknown];
interface Insane {
  what: string;
  base: string;
  edits: Edit[];
  /** The JSON path scene check must name. */
  expect: string;
  /** Raw text instead of JSON edits. */
  text?: string;
}

/** Sets `value` at a JSON path such as `objects[0].position[2]`; `undefined` deletes the key. */
function setPath(root: Json, path: string, value: unknown): void {
  const keys = [...path.matchAll(/([^.[\]]+)|\[(\d+)\]/g)].map((m) => (m[2] !== undefined ? Number(m[2]) : m[1]!));
  let node = root as Record<string | number, unknown>;
  for (const k of keys.slice(0, -1)) {
    node[k] ??= typeof keys[keys.indexOf(k) + 1] === 'number' ? [] : {};
    node = node[k] as Record<string | number, unknown>;
  }
  const last = keys.at(-1)!;
  if (value === undefined) delete node[last];
  else node[last] = value;
}

const milkLike = (i: number): Json => ({ name: `box_${i}`, size: [0.05, 0.05, 0.05], position: [0.3, 0, 0.025] });

const INSANE: Insane[] = [
  // Geometry: overlaps, the robot, the ground.
  { what: 'the milk inside the hammer', base: 'reach-milk', edits: [['objects[0].position', [0.45, -0.15, 0.08]], ['objects[0].graspablePoint', [0.45, -0.15, 0.135]]], expect: 'objects[1].position' },
  { what: 'the pineapple inside the milk', base: 'reach-milk', edits: [['objects[2].position', [0.544, -0.001, 0.03]], ['objects[2].graspablePoint', [0.544, -0.001, 0.03]]], expect: 'objects[2].position' },
  { what: 'the milk inside the arm base', base: 'reach-milk', edits: [['objects[0].position', [0, 0, 0.08]], ['objects[0].graspablePoint', [0, 0, 0.135]]], expect: 'objects[0].position' },
  { what: 'the milk below the ground', base: 'reach-milk', edits: [['objects[0].position[2]', -0.05]], expect: 'objects[0].position[2]' },
  { what: 'the milk floating 0.4 m up', base: 'reach-milk', edits: [['objects[0].position[2]', 0.5], ['objects[0].graspablePoint[2]', 0.55]], expect: 'objects[0].position[2]' },
  { what: 'a graspable point far outside its object', base: 'reach-milk', edits: [['objects[0].graspablePoint', [0.2, 0.2, 0.1]]], expect: 'objects[0].graspablePoint' },
  { what: 'the object moved without its graspable point', base: 'reach-milk', edits: [['objects[0].position', [0.3, 0.1, 0.08]]], expect: 'objects[0].graspablePoint' },
  { what: 'a part sticking out of its object', base: 'reach-milk', edits: [['objects[1].parts[1].offset', [0.5, 0, 0]]], expect: 'objects[1].parts[1].offset[0]' },
  { what: 'the surfboard inside the quadruped at its start', base: 'traverse-sofa', edits: [['objects[2].position', [-0.5, 0, 0.45]]], expect: 'objects[2].position' },
  { what: 'the quadruped standing on air', base: 'traverse-sofa', edits: [['robot.start[2]', 1]], expect: 'robot.start[2]' },
  // Numbers no robot cell has.
  { what: 'a 1e308 position', base: 'reach-milk', edits: [['objects[0].position[0]', 1e308]], expect: 'objects[0].position[0]' },
  { what: 'a 1e308 size', base: 'reach-milk', edits: [['objects[0].size[0]', 1e308]], expect: 'objects[0].size[0]' },
  { what: 'a zero size', base: 'reach-milk', edits: [['objects[0].size[0]', 0]], expect: 'objects[0].size[0]' },
  { what: 'a 1e9 kg carton', base: 'reach-milk', edits: [['objects[0].mass', 1e9]], expect: 'objects[0].mass' },
  { what: 'a weightless carton', base: 'reach-milk', edits: [['objects[0].mass', 1e-9]], expect: 'objects[0].mass' },
  { what: 'friction 50', base: 'reach-milk', edits: [['objects[0].friction', 50]], expect: 'objects[0].friction' },
  { what: 'a yaw of 1e300 degrees', base: 'reach-milk', edits: [['objects[0].yawDeg', 1e300]], expect: 'objects[0].yawDeg' },
  { what: 'a tiny arm speed', base: 'reach-milk', edits: [['robot.maxSpeed', 1e-9]], expect: 'robot.maxSpeed' },
  { what: 'a supersonic arm', base: 'reach-milk', edits: [['robot.maxSpeed', 1e6]], expect: 'robot.maxSpeed' },
  { what: 'a workspace 5 m long', base: 'reach-milk', edits: [['robot.workspace.max[0]', 5]], expect: 'robot.workspace.max[0]' },
  { what: 'home outside the workspace', base: 'reach-milk', edits: [['robot.home', [1, 0, 0.25]]], expect: 'robot.home[0]' },
  { what: 'a start 1e6 m away', base: 'traverse-sofa', edits: [['robot.start', [1e6, 0, 0.34]]], expect: 'robot.start[0]' },
  { what: 'a tiny quadruped speed', base: 'traverse-sofa', edits: [['robot.maxSpeed', 1e-6]], expect: 'robot.maxSpeed' },
  { what: 'a 10 m step-up', base: 'traverse-sofa', edits: [['robot.stepUp', 10]], expect: 'robot.stepUp' },
  { what: 'a 1000 t quadruped', base: 'traverse-sofa', edits: [['robot.mass', 1e6]], expect: 'robot.mass' },
  { what: 'a time limit of 30 years', base: 'reach-milk', edits: [['timeLimit', 1e9]], expect: 'timeLimit' },
  { what: 'a button that can never read as pressed', base: 'press-button', edits: [['objects[3].button', { travel: 0.01, pressDepth: 0.02 }]], expect: 'objects[3].button.pressDepth' },
  { what: 'an inverted keep-out box', base: 'reach-milk', edits: [['keepOut', [{ name: 'cup', min: [0.3, 0.1, 0.1], max: [0.2, 0.2, 0.2] }]]], expect: 'keepOut[0].min[0]' },
  { what: 'a sphere that is not round', base: 'reach-milk', edits: [['objects[2].shape', 'sphere']], expect: 'objects[2].size[1]' },
  // Names.
  { what: 'an object named __proto__', base: 'reach-milk', edits: [['objects[0].name', '__proto__'], ['goal.object', '__proto__']], expect: 'objects[0].name' },
  { what: 'an object named ground', base: 'reach-milk', edits: [['objects[0].name', 'ground'], ['goal.object', 'ground']], expect: 'objects[0].name' },
  { what: 'an object named constructor', base: 'reach-milk', edits: [['objects[2].name', 'constructor']], expect: 'objects[2].name' },
  { what: 'a name with a space', base: 'reach-milk', edits: [['objects[2].name', 'pine apple']], expect: 'objects[2].name' },
  { what: 'two objects with one name', base: 'reach-milk', edits: [['objects[2].name', 'hammer']], expect: 'objects[2].name' },
  // Goals that do not fit.
  { what: 'robot-on for an arm', base: 'reach-milk', edits: [['goal', { type: 'robot-on', object: 'milk' }]], expect: 'goal.type' },
  { what: 'grasped for a quadruped', base: 'traverse-sofa', edits: [['goal', { type: 'grasped', object: 'surfboard' }]], expect: 'goal.type' },
  { what: 'pressing a milk carton', base: 'reach-milk', edits: [['goal', { type: 'pressed', object: 'milk' }]], expect: 'goal.object' },
  { what: 'grasping what has no graspable point', base: 'reach-milk', edits: [['objects[0].graspablePoint', undefined]], expect: 'goal.object' },
  { what: 'a goal object that does not exist', base: 'reach-milk', edits: [['goal.object', 'tin']], expect: 'goal.object' },
  // Counts and types.
  { what: '10,000 objects', base: 'reach-milk', edits: [['objects', Array.from({ length: 10_000 }, (_, i) => milkLike(i))], ['goal.object', 'box_0']], expect: 'objects' },
  { what: 'a position that is a word', base: 'reach-milk', edits: [['objects[0].position', 'on the table']], expect: 'objects[0].position' },
  { what: 'not JSON', base: 'reach-milk', edits: [], text: '{"name": "x",', expect: '(root)' },
];

let dir: string;
const files = new Map<Insane, string>();
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'robotool-insane-'));
  for (const [i, c] of INSANE.entries()) {
    const scene = JSON.parse(await readFile(join(scenesDir, `${c.base}.json`), 'utf8')) as Json;
    for (const [path, value] of c.edits) setPath(scene, path, value);
    const file = join(dir, `insane-${i}.json`);
    await writeFile(file, c.text ?? JSON.stringify(scene));
    files.set(c, file);
  }
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** The JSON paths `scene check` printed, one per problem line (`  path: message`). */
const pathsIn = (stderr: string): string[] => [...stderr.matchAll(/^ {2}(\S+): /gm)].map((m) => m[1]!);

describe('insane scene files', () => {
  it('has at least 30 of them, every one different', () => {
    expect(INSANE.length).toBeGreaterThanOrEqual(30);
    expect(new Set(INSANE.map((c) => c.what)).size).toBe(INSANE.length);
  });

  it('the bundled scenes themselves pass scene check', async () => {
    const bundled = (await readdir(scenesDir)).filter((f) => f.endsWith('.json') && f !== 'scene.schema.json').map((f) => join(scenesDir, f));
    const r = await captureOutput(() => main(['scene', 'check', ...bundled]));
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout.trim().split('\n')).toHaveLength(bundled.length);
  });

  it.each(INSANE.map((c) => [c.what, c] as const))('scene check refuses %s, naming the JSON path', async (_what, c) => {
    const file = files.get(c)!;
    const r = await captureOutput(() => main(['scene', 'check', file]));
    expect(r.code, r.stderr).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr.split('\n')[0]).toBe(`${file}: invalid scene`);
    expect(pathsIn(r.stderr), r.stderr).toContain(c.expect);
  });

  it.each(INSANE.map((c) => [c.what, c] as const))('run refuses %s at once: exit 2, one line, no stack trace', async (_what, c) => {
    const file = files.get(c)!;
    const t0 = performance.now();
    const r = await captureOutput(() => main(['run', 'do the task', '--scene', file, '--planner', 'search']));
    expect(performance.now() - t0).toBeLessThan(10_000);
    expect(r.code, r.stderr).toBe(2);
    expect(r.stdout).toBe('');
    const lines = r.stderr.trimEnd().split('\n');
    expect(lines, r.stderr).toHaveLength(1);
    expect(lines[0]).toMatch(new RegExp(`^robotool run: ${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: `));
    expect(r.stderr).not.toMatch(/^\s+at /m);
  });
});
