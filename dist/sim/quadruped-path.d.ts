/** Planar geometry for the quadruped's own short paths: getting behind an object without bumping it. */
export type XY = [number, number];
/** An axis-aligned rectangle in the ground plane. */
export interface Rect {
    min: XY;
    max: XY;
}
export declare function inflate(r: Rect, by: number): Rect;
export declare function inside(p: XY, r: Rect): boolean;
/** Whether the segment a→b passes through the open rectangle (Liang–Barsky clipping). */
export declare function segmentHitsRect(a: XY, b: XY, r: Rect): boolean;
/**
 * Waypoints from `from` to `to` that keep the robot's centre out of `keepOut` (an object's
 * footprint grown by the robot's half width and a margin), going round its corners on the
 * rectangle grown by `round`. A start inside `keepOut` first backs straight out through the
 * nearest side. The result ends with `to` and does not include `from`.
 */
export declare function detour(from: XY, to: XY, keepOut: Rect, round: number): XY[];
//# sourceMappingURL=quadruped-path.d.ts.map