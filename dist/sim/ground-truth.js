import { rotate, yawOf } from "../scene/geometry.js";
const CONTACT_TOLERANCE = 0.005;
function overlaps1(aMin, aMax, bMin, bMax, tol) {
    return aMin <= bMax + tol && bMin <= aMax + tol;
}
function touching(a, b) {
    return [0, 1, 2].every((i) => overlaps1(a.min[i], a.max[i], b.min[i], b.max[i], CONTACT_TOLERANCE));
}
/** a rests on b: a's bottom at b's top, and they overlap in x and y. */
function restsOn(a, b) {
    const gap = a.min[2] - b.max[2];
    return (Math.abs(gap) < 0.01 &&
        overlaps1(a.min[0], a.max[0], b.min[0], b.max[0], -0.005) &&
        overlaps1(a.min[1], a.max[1], b.min[1], b.max[1], -0.005));
}
const round = (v) => Math.round(v * 1e4) / 1e4;
const round3 = (v) => [round(v[0]), round(v[1]), round(v[2])];
/** The simulator's ground truth as a SceneObservation (what a perfect perception stack would report). */
export function observeGroundTruth(sim) {
    const names = sim.objectNames();
    const boxes = new Map(names.map((n) => [n, sim.aabb(n)]));
    const objects = names.map((name) => {
        const def = sim.def(name);
        const box = boxes.get(name);
        const pose = sim.pose(name);
        const q = { x: pose.rotation[0], y: pose.rotation[1], z: pose.rotation[2], w: pose.rotation[3] };
        let graspablePoint = null;
        if (def.graspablePoint) {
            // The graspable point moves with the object: express it in the body frame at build time, then re-pose it.
            const local = rotate({ x: 0, y: 0, z: -Math.sin((def.yawDeg * Math.PI) / 360), w: Math.cos((def.yawDeg * Math.PI) / 360) }, [
                def.graspablePoint[0] - def.position[0],
                def.graspablePoint[1] - def.position[1],
                def.graspablePoint[2] - def.position[2],
            ]);
            const w = rotate(q, local);
            graspablePoint = round3([w[0] + pose.position[0], w[1] + pose.position[1], w[2] + pose.position[2]]);
        }
        const parts = (def.parts ?? []).map((p) => {
            const c = rotate(q, p.offset);
            const yaw = yawOf(q);
            const [sx, sy] = [p.size[0], p.size[1]];
            const ex = Math.abs(Math.cos(yaw)) * sx + Math.abs(Math.sin(yaw)) * sy;
            const ey = Math.abs(Math.sin(yaw)) * sx + Math.abs(Math.cos(yaw)) * sy;
            return {
                name: p.name,
                center: round3([c[0] + pose.position[0], c[1] + pose.position[1], c[2] + pose.position[2]]),
                size: round3([ex, ey, p.size[2]]),
            };
        });
        const onTopOf = [];
        const inContactWith = [];
        if (box.min[2] < 0.005)
            onTopOf.push('ground');
        for (const other of names) {
            if (other === name)
                continue;
            const ob = boxes.get(other);
            if (restsOn(box, ob))
                onTopOf.push(other);
            else if (touching(box, ob))
                inContactWith.push(other);
        }
        return {
            name,
            center: round3([(box.min[0] + box.max[0]) / 2, (box.min[1] + box.max[1]) / 2, (box.min[2] + box.max[2]) / 2]),
            size: round3([box.max[0] - box.min[0], box.max[1] - box.min[1], box.max[2] - box.min[2]]),
            yawDeg: round((yawOf(q) * 180) / Math.PI),
            graspablePoint,
            movable: def.movable,
            magnetic: def.magnetic,
            soft: def.soft,
            fragile: def.fragile !== undefined,
            button: def.button !== undefined,
            parts,
            onTopOf,
            inContactWith,
        };
    });
    return { source: 'ground-truth', robot: observeRobot(sim), objects };
}
function observeRobot(sim) {
    const spec = sim.scene.robot;
    const r = sim.robot;
    if (spec.kind === 'arm') {
        return {
            kind: 'arm',
            gripper: round3(r?.position() ?? spec.home),
            workspace: spec.workspace,
            holding: [...(r?.held() ?? [])],
        };
    }
    return {
        kind: 'quadruped',
        position: round3(r?.position() ?? spec.start),
        bodySize: [0.65, 0.3, 0.3],
        stepUp: spec.stepUp,
        maxGap: spec.maxGap,
        standingOn: r?.standingOn() ?? null,
    };
}
//# sourceMappingURL=ground-truth.js.map