import { readFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { Scene } from "./schema.js";
/** A scene file that cannot be used, with every problem found in it. */
export class SceneError extends Error {
    source;
    problems;
    name = 'SceneError';
    constructor(source, problems, options) {
        super(`${source}: invalid scene\n${problems.map((p) => `  ${p.path || '(root)'}: ${p.message}`).join('\n')}`, options);
        this.source = source;
        this.problems = problems;
    }
}
/** Renders a zod path as a JSON path: `objects[2].size[0]`. */
export function jsonPath(path) {
    return path
        .map((k, i) => (typeof k === 'number' ? `[${k}]` : i === 0 ? String(k) : `.${String(k)}`))
        .join('');
}
/** Turns zod issues into problems a person can act on. */
export function problemsOf(error) {
    return error.issues.map((issue) => ({ path: jsonPath(issue.path), message: issue.message }));
}
/** Validates already-parsed JSON as a scene. Throws SceneError naming each bad field. */
export function parseScene(data, source = 'scene') {
    const result = Scene.safeParse(data);
    if (!result.success)
        throw new SceneError(source, problemsOf(result.error));
    return result.data;
}
/** Parses scene text (JSON). A syntax error reports its line and column. */
export function parseSceneText(text, source = 'scene') {
    let data;
    try {
        data = JSON.parse(text);
    }
    catch (err) {
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
    return parseScene(data, source);
}
/** The folder of bundled task scenes. */
export const scenesDir = resolve(dirname(fileURLToPath(import.meta.url)), '../../scenes');
/** Resolves a task name (`reach-milk`) or a path to a scene file. */
export function sceneFilePath(nameOrPath) {
    if (nameOrPath.endsWith('.json') || nameOrPath.includes('/'))
        return resolve(nameOrPath);
    const bundled = join(scenesDir, `${nameOrPath}.json`);
    if (existsSync(bundled))
        return bundled;
    throw new SceneError(nameOrPath, [
        { path: '', message: `no bundled task "${nameOrPath}" and no such file; tasks: ${TASKS.join(', ')}` },
    ]);
}
/** Loads and validates a scene by task name or file path. */
export async function loadScene(nameOrPath) {
    const file = sceneFilePath(nameOrPath);
    return parseSceneText(await readFile(file, 'utf8'), file);
}
/** The six RoboTool tasks, in the paper's order. */
export const TASKS = ['reach-milk', 'grasp-can', 'press-button', 'traverse-sofa', 'push-vase', 'climb-sofa'];
/** The JSON Schema of scene files, generated from the zod schema. */
export function sceneJsonSchema() {
    return z.toJSONSchema(Scene, { io: 'input', unrepresentable: 'any' });
}
//# sourceMappingURL=file.js.map