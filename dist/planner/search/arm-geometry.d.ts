import type { ObservedObject, SceneObservation } from '../../perception/observation.ts';
/**
 * Geometry the arm schemas reason with: world-aligned boxes (an object's parts, or the object
 * itself), a held tool as boxes relative to the gripper, sweeps and clearances. Everything is
 * computed from the observation; nothing here knows a task or an object by name.
 */
export type V3 = [number, number, number];
export interface Box {
    min: V3;
    max: V3;
}
/** Axis-aligned horizontal directions a tool can push or drag along. */
export type Axis = 0 | 1;
export interface Dir {
    axis: Axis;
    sign: 1 | -1;
}
export declare const DIRS: Dir[];
export declare const dirName: (d: Dir) => string;
export declare const dirVec: (d: Dir, len?: number) => V3;
/**
 * The space a down-pointing parallel gripper occupies around its tool centre point (m): the palm
 * and closed fingers. Fingertips are 15 mm below the centre point; the palm reaches 65 mm above it.
 */
export declare const GRIPPER_BOX: Box;
export declare const boxOf: (center: readonly number[], size: readonly number[]) => Box;
/** An object's solid boxes: its parts when it has any (a hammer's handle and head), else its bounding box. */
export declare function boxesOf(o: ObservedObject): Box[];
export declare const shift: (b: Box, d: readonly number[]) => Box;
export declare const grow: (b: Box, m: number, mz?: number) => Box;
/** The box swept by `b` moving by `d`. */
export declare const sweep: (b: Box, d: readonly number[]) => Box;
export declare const overlaps3: (a: Box, b: Box) => boolean;
export declare const overlapsXY: (a: Box, b: Box) => boolean;
/** Horizontal separation of two boxes: the larger of the x and y gaps (negative when they overlap). */
export declare function separationXY(a: Box, b: Box): number;
export declare const centreOf: (b: Box) => V3;
export type Workspace = SceneObservation extends {
    robot: infer R;
} ? (R extends {
    kind: 'arm';
    workspace: infer W;
} ? W : never) : never;
/** Whether a gripper position lies in the workspace's x–y range, `m` inside its edges. */
export declare function inWorkspaceXY(p: readonly number[], ws: Workspace, m?: number): boolean;
/** The move that brings point `p` at least `m` inside the workspace's x–y range (zero where it already is). */
export declare function intoWorkspace(p: readonly number[], ws: Workspace, m: number): V3;
/** A held tool: its solid boxes relative to the gripper's centre point when grasped at its graspable point. */
export interface ToolShape {
    object: string;
    boxes: Box[];
    /** Height of the grasp above the tool's lowest point (m). */
    below: number;
}
export declare function toolShape(o: ObservedObject): ToolShape | null;
/** Whether an object is long and thin in the horizontal plane (a stick, a handle). */
export declare function elongated(o: ObservedObject): boolean;
export declare const r3: (v: number) => number;
export declare const fmt: (v: readonly number[]) => string;
//# sourceMappingURL=arm-geometry.d.ts.map