export const DIRS = [
    { axis: 0, sign: -1 },
    { axis: 0, sign: 1 },
    { axis: 1, sign: -1 },
    { axis: 1, sign: 1 },
];
export const dirName = (d) => `${d.sign > 0 ? '+' : '-'}${d.axis === 0 ? 'x' : 'y'}`;
export const dirVec = (d, len = 1) => (d.axis === 0 ? [d.sign * len, 0, 0] : [0, d.sign * len, 0]);
/**
 * The space a down-pointing parallel gripper occupies around its tool centre point (m): the palm
 * and closed fingers. Fingertips are 15 mm below the centre point; the palm reaches 65 mm above it.
 */
export const GRIPPER_BOX = { min: [-0.02, -0.055, -0.015], max: [0.02, 0.055, 0.065] };
export const boxOf = (center, size) => ({
    min: [0, 1, 2].map((i) => center[i] - size[i] / 2),
    max: [0, 1, 2].map((i) => center[i] + size[i] / 2),
});
/** An object's solid boxes: its parts when it has any (a hammer's handle and head), else its bounding box. */
export function boxesOf(o) {
    return o.parts.length > 0 ? o.parts.map((p) => boxOf(p.center, p.size)) : [boxOf(o.center, o.size)];
}
export const shift = (b, d) => ({
    min: [b.min[0] + d[0], b.min[1] + d[1], b.min[2] + d[2]],
    max: [b.max[0] + d[0], b.max[1] + d[1], b.max[2] + d[2]],
});
export const grow = (b, m, mz = m) => ({
    min: [b.min[0] - m, b.min[1] - m, b.min[2] - mz],
    max: [b.max[0] + m, b.max[1] + m, b.max[2] + mz],
});
/** The box swept by `b` moving by `d`. */
export const sweep = (b, d) => {
    const e = shift(b, d);
    return {
        min: [0, 1, 2].map((i) => Math.min(b.min[i], e.min[i])),
        max: [0, 1, 2].map((i) => Math.max(b.max[i], e.max[i])),
    };
};
export const overlaps3 = (a, b) => [0, 1, 2].every((i) => a.min[i] < b.max[i] && b.min[i] < a.max[i]);
export const overlapsXY = (a, b) => [0, 1].every((i) => a.min[i] < b.max[i] && b.min[i] < a.max[i]);
/** Horizontal separation of two boxes: the larger of the x and y gaps (negative when they overlap). */
export function separationXY(a, b) {
    return Math.max(a.min[0] - b.max[0], b.min[0] - a.max[0], a.min[1] - b.max[1], b.min[1] - a.max[1]);
}
export const centreOf = (b) => [0, 1, 2].map((i) => (b.min[i] + b.max[i]) / 2);
/** Whether a gripper position lies in the workspace's x–y range, `m` inside its edges. */
export function inWorkspaceXY(p, ws, m = 0.005) {
    return [0, 1].every((i) => p[i] >= ws.min[i] + m && p[i] <= ws.max[i] - m);
}
/** The move that brings point `p` at least `m` inside the workspace's x–y range (zero where it already is). */
export function intoWorkspace(p, ws, m) {
    const v = [0, 0, 0];
    for (const i of [0, 1]) {
        const lo = ws.min[i] + m;
        const hi = ws.max[i] - m;
        if (p[i] < lo)
            v[i] = lo - p[i];
        else if (p[i] > hi)
            v[i] = hi - p[i];
    }
    return v;
}
export function toolShape(o) {
    const g = o.graspablePoint;
    if (!g)
        return null;
    const neg = g.map((v) => -v);
    const boxes = boxesOf(o).map((b) => shift(b, neg));
    return { object: o.name, boxes, below: -Math.min(...boxes.map((b) => b.min[2])) };
}
/** Whether an object is long and thin in the horizontal plane (a stick, a handle). */
export function elongated(o) {
    const long = Math.max(o.size[0], o.size[1]);
    const short = Math.min(o.size[0], o.size[1]);
    return long >= 0.15 && long >= 2.5 * short;
}
export const r3 = (v) => Math.round(v * 1000) / 1000;
export const fmt = (v) => `(${v.map((x) => r3(x).toFixed(3)).join(', ')})`;
//# sourceMappingURL=arm-geometry.js.map