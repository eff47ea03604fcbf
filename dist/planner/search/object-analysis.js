import { outsideBy } from "./analyzer.js";
const r3 = (v) => Math.round(v * 1000) / 1000;
/** Each object's properties and what it affords, from its geometry and flags (the Planner's first part). */
export function describeObjects(obs) {
    return obs.objects.map((o) => {
        const [sx, sy, sz] = o.size;
        const long = Math.max(sx, sy);
        const short = Math.min(sx, sy);
        const properties = [
            `size ${sx.toFixed(3)}×${sy.toFixed(3)}×${sz.toFixed(3)} m`,
            o.movable ? 'movable' : 'fixed',
            ...(o.magnetic ? ['magnetic'] : []),
            ...(o.soft ? ['soft'] : []),
            ...(o.fragile ? ['fragile'] : []),
            ...(o.button ? ['button'] : []),
            ...(o.parts.length > 1 ? [`made of ${o.parts.map((p) => p.name).join(' and ')}`] : []),
        ];
        const affordances = [];
        if (o.graspablePoint)
            affordances.push('can be grasped');
        if (o.movable && long > 2.5 * short && long > 0.15)
            affordances.push('elongated: can extend reach as a pusher or, with a head, a hook');
        if (o.movable && sz < 0.12 && long >= 0.3)
            affordances.push('flat: can carry objects placed on it, or bridge a gap');
        if (o.movable && short >= 0.25 && sz <= 0.3)
            affordances.push('box: can be pushed to serve as a step');
        if (!o.movable && short >= 0.25)
            affordances.push('surface to stand on');
        if (o.soft)
            affordances.push('cushions a fall');
        if (o.magnetic)
            affordances.push('joins rigidly with other magnetic parts it touches');
        const hook = hookShape(o);
        if (hook)
            affordances.push(`hook-shaped: ${hook}`);
        return { name: o.name, properties, affordances };
    });
}
/**
 * Whether an object is a hook: a long part (the handle, where it is grasped) with another part
 * lying across one of its ends, which can catch an object from behind. Returns a description.
 */
function hookShape(o) {
    if (!o.movable || !o.graspablePoint || o.parts.length < 2)
        return null;
    const g = o.graspablePoint;
    const holds = (p) => [0, 1].every((i) => Math.abs(g[i] - p.center[i]) <= p.size[i] / 2 + 1e-3);
    const handle = o.parts.find(holds);
    if (!handle)
        return null;
    const axis = handle.size[0] >= handle.size[1] ? 0 : 1;
    const across = axis === 0 ? 1 : 0;
    if (handle.size[axis] < 2.5 * handle.size[across])
        return null;
    for (const p of o.parts) {
        if (p === handle || p.size[across] < 2 * handle.size[across])
            continue;
        const end = Math.abs(p.center[axis] - handle.center[axis]) >= handle.size[axis] / 2 - p.size[axis];
        if (end)
            return `${p.name} lies across the far end of ${handle.name}, ${r3(p.size[across])} m wide: it can catch an object from behind and drag it`;
    }
    return null;
}
/** Spatial relations that matter for the goal: support, contact, and distance beyond the robot's reach. */
export function describeRelations(obs, goal) {
    const rel = [];
    for (const o of obs.objects) {
        for (const s of o.onTopOf)
            rel.push({ a: o.name, b: s, relation: 'is on top of' });
        for (const c of o.inContactWith)
            if (o.name < c)
                rel.push({ a: o.name, b: c, relation: 'is in contact with' });
    }
    if (obs.robot.kind === 'arm') {
        for (const o of obs.objects) {
            const out = outsideBy(o.graspablePoint ?? o.center, obs.robot.workspace);
            rel.push({ a: o.name, b: 'robot', relation: out > 0 ? `is ${r3(out)} m beyond the workspace` : 'is within the workspace' });
        }
    }
    else {
        const p = obs.robot.position;
        const t = obs.objects.find((o) => o.name === goal.object);
        if (t)
            rel.push({ a: t.name, b: 'robot', relation: `is ${r3(Math.hypot(t.center[0] - p[0], t.center[1] - p[1]))} m away horizontally, top ${r3(t.center[2] + t.size[2] / 2)} m high` });
    }
    return rel;
}
//# sourceMappingURL=object-analysis.js.map