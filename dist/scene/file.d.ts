import { z } from 'zod';
import { Scene } from './schema.ts';
/** One thing wrong with a scene file: where (a JSON path such as `objects[2].size[0]`) and why. */
export interface SceneProblem {
    path: string;
    message: string;
}
/** A scene file that cannot be used, with every problem found in it. */
export declare class SceneError extends Error {
    readonly source: string;
    readonly problems: SceneProblem[];
    readonly name = "SceneError";
    constructor(source: string, problems: SceneProblem[], options?: {
        cause?: unknown;
    });
}
/** Renders a zod path as a JSON path: `objects[2].size[0]`. */
export declare function jsonPath(path: readonly PropertyKey[]): string;
/** Turns zod issues into problems a person can act on. */
export declare function problemsOf(error: z.ZodError): SceneProblem[];
/** Validates already-parsed JSON as a scene. Throws SceneError naming each bad field. */
export declare function parseScene(data: unknown, source?: string): Scene;
/** Parses scene text (JSON). A syntax error reports its line and column. */
export declare function parseSceneText(text: string, source?: string): Scene;
/** The folder of bundled task scenes. */
export declare const scenesDir: string;
/** Resolves a task name (`reach-milk`) or a path to a scene file. */
export declare function sceneFilePath(nameOrPath: string): string;
/** Loads and validates a scene by task name or file path. */
export declare function loadScene(nameOrPath: string): Promise<Scene>;
/** The six RoboTool tasks, in the paper's order. */
export declare const TASKS: readonly ["reach-milk", "grasp-can", "press-button", "traverse-sofa", "push-vase", "climb-sofa"];
export type TaskName = (typeof TASKS)[number];
/** The JSON Schema of scene files, generated from the zod schema. */
export declare function sceneJsonSchema(): unknown;
//# sourceMappingURL=file.d.ts.map