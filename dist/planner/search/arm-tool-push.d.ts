import type { ObservedObject } from '../../perception/observation.ts';
import { type Box, type Dir, type ToolShape, type V3, type Workspace } from './arm-geometry.ts';
/**
 * The placement search behind every "move a target with a held tool" schema. Pulling a target
 * towards the robot with a hook and pushing it sideways with a stick are the same act: some part
 * of the tool is set down on the trailing side of the target, the rest of the tool and the
 * gripper clear of it, and the gripper travels along the direction of motion. Only geometry
 * decides which part touches, which side the handle passes on and where the gripper goes.
 */
/** Gap left between the tool's contact face and the target before the sweep starts (m). */
export declare const CONTACT_GAP = 0.02;
export interface Obstacle {
    name: string;
    box: Box;
}
/** Every other object's solid boxes, shrunk by a millimetre so that resting contact does not count. */
export declare function obstaclesOf(objects: readonly ObservedObject[], exclude: readonly string[]): Obstacle[];
export interface PushPlacement {
    /** Gripper (tool centre point) where the tool is set down, and where the sweep ends. */
    start: V3;
    end: V3;
    /** Index of the tool box that touches the target. */
    contact: number;
    /** Which side of the target the gripper passes on, across the motion: -1, 0 (in line) or +1. */
    side: -1 | 0 | 1;
    /** Higher is better: the smaller of the clearance beside the target and the contact face's overhang past it. */
    score: number;
    /** Objects the tool, the gripper or the pushed target would run into on the way. */
    blockedBy: string[];
}
export interface PushRequest {
    shape: ToolShape;
    target: Box;
    dir: Dir;
    /** How far the target must travel (m). */
    travel: number;
    /** Height of the tool's bottom above the target's bottom (m). */
    clearance: number;
    ws: Workspace;
    /** Obstacles for the tool and the gripper. */
    obstacles: Obstacle[];
    /** Obstacles for the pushed target (its supports and the carrier it goes onto left out). */
    targetObstacles: Obstacle[];
    /** Where the gripper is coming from (the tool's graspable point): among equally good placements, the nearest wins. */
    from: readonly number[];
}
/** Every feasible way to set the tool down behind the target and sweep it along `dir`, best first (at most one per side). */
export declare function pushPlacements(req: PushRequest): PushPlacement[];
/** The highest top among objects whose footprint meets `region` (the target's top at least), for carrying over them. */
export declare function highestTop(objects: readonly ObservedObject[], region: Box, skip: readonly string[], floor: number): number;
//# sourceMappingURL=arm-tool-push.d.ts.map