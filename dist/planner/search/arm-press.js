import { GRIPPER_BOX, separationXY, shift } from "./arm-geometry.js";
/** The closed fingertips, relative to the tool centre point (m): what presses when nothing is held. */
const FINGERTIPS = { min: [-0.01, -0.01, -0.015], max: [0.01, 0.01, 0.035] };
/**
 * A pressing part must land this far inside the target's top edges (m)... A button's cap is its
 * whole top face, so a few millimetres onto it press it as well as its centre does.
 */
const EDGE_INSET = 0.003;
/** ...over at least this much in both directions (m); more than `ENOUGH` adds nothing. */
const MIN_OVERLAP = 0.004;
const ENOUGH = 0.03;
const GRID = 0.005;
/** How far inside the workspace's edges the gripper stays (m). */
const WS_MARGIN = 0.001;
/**
 * Where to hold the gripper so that the lowest part of what it holds (or its bare fingertips)
 * comes down on the target's top, with the gripper inside the workspace and, when it holds a
 * tool, clear of the target. Returns the gripper's x, y (z 0), or null when nothing reaches.
 */
export function pressPlacement(shape, target, ws) {
    const boxes = shape ? shape.boxes : [FINGERTIPS];
    const lowest = Math.min(...boxes.map((b) => b.min[2]));
    const contacts = boxes.filter((b) => b.min[2] <= lowest + 0.003);
    const cx = (target.min[0] + target.max[0]) / 2;
    const cy = (target.min[1] + target.max[1]) / 2;
    let best = null;
    // The grid runs from the workspace's far edges inwards, so that its outermost positions are tried.
    for (let x = ws.max[0] - WS_MARGIN; x >= ws.min[0] + WS_MARGIN; x -= GRID) {
        for (let y = ws.max[1] - WS_MARGIN; y >= ws.min[1] + WS_MARGIN; y -= GRID) {
            const g = [x, y, 0];
            if (shape && separationXY(shift(GRIPPER_BOX, g), target) < 0.005)
                continue;
            let score = -Infinity;
            for (const k of contacts) {
                const w = shift(k, g);
                const ox = Math.min(w.max[0], target.max[0] - EDGE_INSET) - Math.max(w.min[0], target.min[0] + EDGE_INSET);
                const oy = Math.min(w.max[1], target.max[1] - EDGE_INSET) - Math.max(w.min[1], target.min[1] + EDGE_INSET);
                score = Math.max(score, Math.min(ox, oy));
            }
            if (score < MIN_OVERLAP)
                continue;
            score = Math.min(score, ENOUGH);
            const off = Math.hypot(x - cx, y - cy);
            if (!best || score > best.score + 1e-9 || (Math.abs(score - best.score) <= 1e-9 && off < best.off))
                best = { g, score, off };
        }
    }
    return best?.g ?? null;
}
//# sourceMappingURL=arm-press.js.map