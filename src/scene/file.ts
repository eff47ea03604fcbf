import { readFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { Scene } from './schema.ts';
import { sceneSanityProblems } from './sanity.ts';
import { editDistance } from './words.ts';

/** One thing wrong with a scene file: where (a JSON path such as `objects[2].size[0]`) and why. */
export interface SceneProblem {
  path: string;
  message: string;
}

/** A scene file that cannot be used, with every problem found in it. */
export class SceneError extends Error {
  override readonly name = 'SceneError';
  constructor(
    readonly source: string,
    readonly problems: SceneProblem[],
    options?: { cause?: unknown },
  ) {
    super(`${source}: invalid scene\n${problems.map((p) => `  ${p.path || '(root)'}: ${p.message}`).join('\n')}`, options);
  }
}

/** A scene that is not there: no bundled task of that name and no such file (or the file cannot be read). */
export class SceneNotFoundError extends SceneError {
  override readonly name = 'SceneError';
  readonly notFound = true;
}

/** Renders a zod path as a JSON path: `objects[2].size[0]`. */
export function jsonPath(path: readonly PropertyKey[]): string {
  return path
    .map((k, i) => (typeof k === 'number' ? `[${k}]` : i === 0 ? String(k) : `.${String(k)}`))
    .join('');
}

/** Turns zod issues into problems a person can act on. */
export function problemsOf(error: z.ZodError): SceneProblem[] {
  return error.issues.map((issue) => ({ path: jsonPath(issue.path), message: issue.message }));
}

/** What to check beyond the schema. */
export interface ParseOptions {
  /** Also the scene's sanity (overlaps, objects in the robot or floating, implausible numbers …); see src/scene/sanity.ts. Default false. */
  sanity?: boolean;
}

/** Validates already-parsed JSON as a scene. Throws SceneError naming each bad field. */
export function parseScene(data: unknown, source = 'scene', opts: ParseOptions = {}): Scene {
  const result = Scene.safeParse(data);
  if (!result.success) throw new SceneError(source, problemsOf(result.error));
  if (opts.sanity) assertSaneScene(result.data, source);
  return result.data;
}

/** Throws SceneError with every sanity problem of a schema-valid scene (objects inside one another, floating, …). */
export function assertSaneScene(scene: Scene, source = 'scene'): Scene {
  const problems = sceneSanityProblems(scene);
  if (problems.length) throw new SceneError(source, problems);
  return scene;
}

/** Parses scene text (JSON). A syntax error reports its line and column. */
export function parseSceneText(text: string, source = 'scene', opts: ParseOptions = {}): Scene {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    const pos = /position (\d+)/.exec(message);
    let where = '';
    if (pos?.[1]) {
      const offset = Number(pos[1]);
      const before = text.slice(0, offset).split('\n');
      where = ` at line ${before.length}, column ${(before.at(-1)?.length ?? 0) + 1}`;
    }
    throw new SceneError(source, [{ path: '', message: `not valid JSON${where}: ${message}` }], { cause: err });
  }
  return parseScene(data, source, opts);
}

/** The folder of bundled task scenes. */
export const scenesDir = resolve(dirname(fileURLToPath(import.meta.url)), '../../scenes');

/** Resolves a task name (`reach-milk`) or a path to a scene file. */
export function sceneFilePath(nameOrPath: string): string {
  if (nameOrPath.endsWith('.json') || nameOrPath.includes('/')) return resolve(nameOrPath);
  const bundled = join(scenesDir, `${nameOrPath}.json`);
  if (existsSync(bundled)) return bundled;
  const near = nearestTask(nameOrPath);
  throw new SceneNotFoundError(nameOrPath, [
    { path: '', message: `no bundled task "${nameOrPath}" and no such file${near ? `; did you mean ${near}?` : ''} (tasks: ${TASKS.join(', ')})` },
  ]);
}

/** The bundled task a mistyped name was probably meant to be (`reach_milk`, `reachmilk`, `Reach-Milk`). */
function nearestTask(name: string): string | undefined {
  const norm = (s: string): string => s.toLowerCase().replace(/[^a-z0-9]/g, '');
  const n = norm(name);
  const exact = TASKS.find((t) => norm(t) === n);
  if (exact) return exact;
  let best: string | undefined;
  let bestD = Infinity;
  for (const t of TASKS) {
    const d = editDistance(n, norm(t));
    if (d < bestD) [best, bestD] = [t, d];
  }
  return bestD <= 2 ? best : undefined;
}

/** Loads and validates a scene by task name or file path: the schema, then its sanity. */
export async function loadScene(nameOrPath: string): Promise<Scene> {
  const file = sceneFilePath(nameOrPath);
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    const code = (err as { code?: string }).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'a folder, not a scene file' : code === 'EACCES' ? 'permission denied' : String(err);
    throw new SceneNotFoundError(nameOrPath, [{ path: '', message: `cannot read the scene: ${why}${code ? ` (${code})` : ''}` }], { cause: err });
  }
  // Problems name the scene as the user gave it, not the resolved path.
  return parseSceneText(text, nameOrPath, { sanity: true });
}

/** The six RoboTool tasks, in the paper's order. */
export const TASKS = ['reach-milk', 'grasp-can', 'press-button', 'traverse-sofa', 'push-vase', 'climb-sofa'] as const;
export type TaskName = (typeof TASKS)[number];

/** The JSON Schema of scene files, generated from the zod schema. */
export function sceneJsonSchema(): unknown {
  return z.toJSONSchema(Scene, { io: 'input', unrepresentable: 'any' });
}
