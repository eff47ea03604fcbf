import { GRIPPER_BOX, boxOf, boxesOf, dirVec, grow, inWorkspaceXY, overlaps3, separationXY, shift, sweep, } from "./arm-geometry.js";
/**
 * The placement search behind every "move a target with a held tool" schema. Pulling a target
 * towards the robot with a hook and pushing it sideways with a stick are the same act: some part
 * of the tool is set down on the trailing side of the target, the rest of the tool and the
 * gripper clear of it, and the gripper travels along the direction of motion. Only geometry
 * decides which part touches, which side the handle passes on and where the gripper goes.
 */
/** Gap left between the tool's contact face and the target before the sweep starts (m). */
export const CONTACT_GAP = 0.02;
/** Smallest horizontal clearance between the rest of the tool and the target (m). */
const MIN_CLEARANCE = 0.008;
/** Clearance wanted between the target and a part the tool passes beside it with (m); more adds nothing. */
const WANTED_CLEARANCE = 0.02;
/** Scan step for the gripper's position across the direction of motion (m). */
const SCAN = 0.002;
/** Every other object's solid boxes, shrunk by a millimetre so that resting contact does not count. */
export function obstaclesOf(objects, exclude) {
    return objects
        .filter((o) => !exclude.includes(o.name))
        .flatMap((o) => boxesOf(o).map((b) => ({ name: o.name, box: grow(b, -0.001) })));
}
/** Every feasible way to set the tool down behind the target and sweep it along `dir`, best first (at most one per side). */
export function pushPlacements(req) {
    const { shape, target: T, dir, travel, ws } = req;
    const a = dir.axis;
    const b = a === 0 ? 1 : 0;
    const s = dir.sign;
    const tz = T.min[2] + req.clearance + shape.below;
    const trailing = s > 0 ? T.min[a] : T.max[a];
    const width = T.max[b] - T.min[b];
    const centreB = (T.min[b] + T.max[b]) / 2;
    const stroke = travel + CONTACT_GAP;
    const move = dirVec(dir, stroke);
    const best = new Map();
    shape.boxes.forEach((k, ki) => {
        // The contact part must meet the target in height.
        if (k.min[2] + tz >= T.max[2] || k.max[2] + tz <= T.min[2])
            return;
        const lead = s > 0 ? k.max[a] : k.min[a];
        const ga = trailing - s * CONTACT_GAP - lead;
        for (let gb = T.min[b] - k.max[b]; gb <= T.max[b] - k.min[b] + 1e-9; gb += SCAN) {
            const g = [0, 0, tz];
            g[a] = ga;
            g[b] = gb;
            const end = [g[0] + move[0], g[1] + move[1], tz];
            if (!inWorkspaceXY(g, req.ws) || !inWorkspaceXY(end, ws))
                continue;
            const kw = shift(k, g);
            const overhang = Math.min(kw.max[b] - T.max[b], T.min[b] - kw.min[b]);
            if (overhang < -0.3 * width)
                continue; // covers too little of the target to push it straight
            let clearance = WANTED_CLEARANCE;
            let ok = true;
            shape.boxes.forEach((o, oi) => {
                if (oi === ki)
                    return;
                const w = shift(o, g);
                if (w.min[2] >= T.max[2])
                    return; // passes above the target
                const sep = separationXY(w, T);
                if (sep < MIN_CLEARANCE)
                    ok = false;
                clearance = Math.min(clearance, sep);
            });
            const gripper = shift(GRIPPER_BOX, g);
            if (gripper.min[2] < T.max[2] && separationXY(gripper, T) < 0.005)
                ok = false;
            if (!ok)
                continue;
            const score = Math.min(clearance, overhang + 0.01);
            const side = Math.abs(gb - centreB) < 0.005 ? 0 : gb < centreB ? -1 : 1;
            const prev = best.get(side);
            const far = (p) => Math.hypot(p[0] - req.from[0], p[1] - req.from[1]);
            if (prev && (prev.score > score + 1e-3 || (prev.score >= score - 1e-3 && far(prev.start) <= far(g))))
                continue;
            best.set(side, { start: g, end, contact: ki, side, score, blockedBy: [] });
        }
    });
    const out = [...best.values()];
    for (const p of out) {
        const hits = new Set();
        const swept = [...shape.boxes, GRIPPER_BOX].map((bx) => sweep(shift(bx, p.start), move));
        for (const o of req.obstacles)
            if (swept.some((w) => overlaps3(w, o.box)))
                hits.add(o.name);
        const tSwept = sweep(T, dirVec(dir, travel));
        for (const o of req.targetObstacles)
            if (overlaps3(tSwept, o.box))
                hits.add(o.name);
        p.blockedBy = [...hits];
    }
    return out.sort((x, y) => x.blockedBy.length - y.blockedBy.length || y.score - x.score);
}
/** The highest top among objects whose footprint meets `region` (the target's top at least), for carrying over them. */
export function highestTop(objects, region, skip, floor) {
    let top = floor;
    for (const o of objects) {
        if (skip.includes(o.name))
            continue;
        const ob = boxOf(o.center, o.size);
        if (ob.min[0] < region.max[0] && region.min[0] < ob.max[0] && ob.min[1] < region.max[1] && region.min[1] < ob.max[1])
            top = Math.max(top, ob.max[2]);
    }
    return top;
}
//# sourceMappingURL=arm-tool-push.js.map