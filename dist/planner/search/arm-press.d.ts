import { type Box, type ToolShape, type V3, type Workspace } from './arm-geometry.ts';
/**
 * Where to hold the gripper so that the lowest part of what it holds (or its bare fingertips)
 * comes down on the target's top, with the gripper inside the workspace and, when it holds a
 * tool, clear of the target. Returns the gripper's x, y (z 0), or null when nothing reaches.
 */
export declare function pressPlacement(shape: ToolShape | null, target: Box, ws: Workspace): V3 | null;
//# sourceMappingURL=arm-press.d.ts.map