export const GROUND = { name: 'ground', z: 0, min: [-1e3, -1e3], max: [1e3, 1e3], movable: false };
/** Smallest top face a quadruped can use as a step (m, shorter side). */
const MIN_STEP_WIDTH = 0.25;
/** The top faces of objects large and flat enough to stand on. */
export function surfacesOf(obs) {
    return [
        GROUND,
        ...obs.objects
            .filter((o) => !o.fragile && !o.button && Math.min(o.size[0], o.size[1]) >= MIN_STEP_WIDTH)
            .map(surfaceOf),
    ];
}
export function surfaceOf(o) {
    return {
        name: o.name,
        z: o.center[2] + o.size[2] / 2,
        min: [o.center[0] - o.size[0] / 2, o.center[1] - o.size[1] / 2],
        max: [o.center[0] + o.size[0] / 2, o.center[1] + o.size[1] / 2],
        movable: o.movable,
    };
}
/** Horizontal gap between two rectangles (0 when they touch or overlap). */
export function gapBetween(a, b) {
    const dx = Math.max(0, a.min[0] - b.max[0], b.min[0] - a.max[0]);
    const dy = Math.max(0, a.min[1] - b.max[1], b.min[1] - a.max[1]);
    return Math.hypot(dx, dy);
}
/** Whether b's rectangle overlaps a's (b lies over or under a). */
export function overlapsXY(a, b) {
    return a.min[0] < b.max[0] && b.min[0] < a.max[0] && a.min[1] < b.max[1] && b.min[1] < a.max[1];
}
/**
 * How far past its nominal step limit the robot still climbs (m): the simulated quadruped
 * takes steps up to its limit plus 5 mm and refuses 0.13 m for a 0.12 m limit.
 */
export const STEP_TOLERANCE = 0.005;
/** Whether the robot can go from surface a onto surface b directly. */
export function canStep(a, b, lim) {
    if (a.name === b.name)
        return false;
    const rise = b.z - a.z;
    if (rise > lim.stepUp + STEP_TOLERANCE || -rise > lim.stepDown + STEP_TOLERANCE)
        return false;
    if (a.name === 'ground' || b.name === 'ground') {
        // Onto or off an object standing on the ground: its side is the boundary.
        return true;
    }
    return gapBetween(a, b) <= lim.maxGap + 1e-3;
}
/** Which surface the robot stands on, from the observation. */
export function supportOf(obs, surfaces) {
    if (obs.robot.kind !== 'quadruped')
        return GROUND;
    const name = obs.robot.standingOn;
    return surfaces.find((s) => s.name === name) ?? GROUND;
}
/** Shortest chain of surfaces from `from` to `to` (inclusive), or null when none exists. */
export function route(from, to, surfaces, lim) {
    const prev = new Map([[from.name, null]]);
    const queue = [from];
    while (queue.length > 0) {
        const s = queue.shift();
        if (s.name === to.name) {
            const path = [];
            for (let c = s; c; c = prev.get(c.name))
                path.unshift(c);
            return path;
        }
        for (const n of surfaces) {
            // A surface covered by another one cannot be stepped on where they overlap; ignore thin covers.
            if (!prev.has(n.name) && canStep(s, n, lim)) {
                prev.set(n.name, s);
                queue.push(n);
            }
        }
    }
    return null;
}
export function centreOf(s) {
    return [(s.min[0] + s.max[0]) / 2, (s.min[1] + s.max[1]) / 2];
}
/** Whether the segment a→b passes through the open rectangle of s (Liang–Barsky clipping). */
function segmentHits(a, b, s) {
    let t0 = 0;
    let t1 = 1;
    for (let i = 0; i < 2; i++) {
        const d = b[i] - a[i];
        const lo = s.min[i] - a[i];
        const hi = s.max[i] - a[i];
        if (Math.abs(d) < 1e-12) {
            if (lo >= 0 || hi <= 0)
                return false;
            continue;
        }
        const ta = Math.min(lo / d, hi / d);
        const tb = Math.max(lo / d, hi / d);
        t0 = Math.max(t0, ta);
        t1 = Math.min(t1, tb);
        if (t0 >= t1)
            return false;
    }
    return true;
}
function grow(s, by) {
    return { ...s, min: [s.min[0] - by, s.min[1] - by], max: [s.max[0] + by, s.max[1] + by] };
}
/**
 * A short walk on the ground from `from` to `to` round obstacle footprints: the robot's centre
 * keeps `clearance` from every obstacle and turns at corners `corner` out from them (far enough
 * to turn its body there). Shortest path over the corners' visibility graph; waypoints exclude
 * `from` and end with `to`. When no path exists, the straight line.
 */
export function groundPath(from, to, obstacles, clearance, corner) {
    const walls = obstacles.map((o) => grow(o, clearance));
    const free = (p) => !walls.some((w) => p[0] > w.min[0] && p[0] < w.max[0] && p[1] > w.min[1] && p[1] < w.max[1]);
    const nodes = [from, to];
    for (const o of obstacles) {
        const g = grow(o, corner);
        for (const c of [[g.min[0], g.min[1]], [g.max[0], g.min[1]], [g.max[0], g.max[1]], [g.min[0], g.max[1]]])
            if (free(c))
                nodes.push(c);
    }
    const visible = (a, b) => !walls.some((w) => segmentHits(a, b, w));
    const dist = nodes.map(() => Infinity);
    const prev = nodes.map(() => -1);
    const done = nodes.map(() => false);
    dist[0] = 0;
    for (;;) {
        let u = -1;
        for (let i = 0; i < nodes.length; i++)
            if (!done[i] && dist[i] < Infinity && (u < 0 || dist[i] < dist[u]))
                u = i;
        if (u < 0 || u === 1)
            break;
        done[u] = true;
        for (let v = 0; v < nodes.length; v++) {
            if (done[v] || !visible(nodes[u], nodes[v]))
                continue;
            const d = dist[u] + Math.hypot(nodes[v][0] - nodes[u][0], nodes[v][1] - nodes[u][1]);
            if (d < dist[v]) {
                dist[v] = d;
                prev[v] = u;
            }
        }
    }
    if (dist[1] === Infinity)
        return [to];
    const path = [];
    for (let v = 1; v > 0; v = prev[v])
        path.unshift(nodes[v]);
    return path;
}
//# sourceMappingURL=surfaces.js.map