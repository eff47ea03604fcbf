import type { ObservedObject, SceneObservation } from '../../perception/observation.ts';
/** A horizontal surface a walking robot can stand on: an object's top face, or the ground. */
export interface Surface {
    name: string;
    /** Height of the surface (m). */
    z: number;
    min: [number, number];
    max: [number, number];
    movable: boolean;
}
export declare const GROUND: Surface;
/** The top faces of objects large and flat enough to stand on. */
export declare function surfacesOf(obs: SceneObservation): Surface[];
export declare function surfaceOf(o: ObservedObject): Surface;
/** Horizontal gap between two rectangles (0 when they touch or overlap). */
export declare function gapBetween(a: Surface, b: Surface): number;
/** Whether b's rectangle overlaps a's (b lies over or under a). */
export declare function overlapsXY(a: Surface, b: Surface): boolean;
export interface Limits {
    stepUp: number;
    maxGap: number;
    /** Highest step down the robot takes (m). */
    stepDown: number;
}
/**
 * How far past its nominal step limit the robot still climbs (m): the simulated quadruped
 * takes steps up to its limit plus 5 mm and refuses 0.13 m for a 0.12 m limit.
 */
export declare const STEP_TOLERANCE = 0.005;
/** Whether the robot can go from surface a onto surface b directly. */
export declare function canStep(a: Surface, b: Surface, lim: Limits): boolean;
/** Which surface the robot stands on, from the observation. */
export declare function supportOf(obs: SceneObservation, surfaces: Surface[]): Surface;
/** Shortest chain of surfaces from `from` to `to` (inclusive), or null when none exists. */
export declare function route(from: Surface, to: Surface, surfaces: Surface[], lim: Limits): Surface[] | null;
export declare function centreOf(s: Surface): [number, number];
type XY = [number, number];
/**
 * A short walk on the ground from `from` to `to` round obstacle footprints: the robot's centre
 * keeps `clearance` from every obstacle and turns at corners `corner` out from them (far enough
 * to turn its body there). Shortest path over the corners' visibility graph; waypoints exclude
 * `from` and end with `to`. When no path exists, the straight line.
 */
export declare function groundPath(from: XY, to: XY, obstacles: Surface[], clearance: number, corner: number): XY[];
export {};
//# sourceMappingURL=surfaces.d.ts.map