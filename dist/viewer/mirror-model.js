const PALETTE = ['#d9822b', '#3e8ed0', '#48a868', '#c94f6d', '#8e6cc7', '#c9a227', '#2aa7a0', '#a0673d'];
const ROBOT_COLOR = '#9aa3ad';
const BUTTON_CAP_COLOR = '#e0443a';
/** The world's bodies in a fixed order: objects as in the scene, then the robot's links. */
function bodiesOf(sim) {
    const out = [];
    for (const name of sim.objectNames()) {
        const h = sim.handles(name);
        out.push({ id: name, owner: 'object', object: name, handle: h.body });
        if (h.cap !== undefined)
            out.push({ id: `${name}/cap`, owner: 'object', object: name, handle: h.cap });
    }
    (sim.robot?.bodyHandles() ?? []).forEach((handle, i) => out.push({ id: `robot/${i}`, owner: 'robot', handle }));
    return out;
}
function shapeOf(R, col) {
    const t = col.translationWrtParent() ?? { x: 0, y: 0, z: 0 };
    const r = col.rotationWrtParent() ?? { x: 0, y: 0, z: 0, w: 1 };
    const offset = [t.x, t.y, t.z];
    const rotation = [r.x, r.y, r.z, r.w];
    const T = R.ShapeType;
    switch (col.shapeType()) {
        case T.Cuboid:
        case T.RoundCuboid: {
            const he = col.halfExtents() ?? { x: 0, y: 0, z: 0 };
            return { kind: 'box', halfExtents: [he.x, he.y, he.z], offset, rotation };
        }
        case T.Ball:
            return { kind: 'sphere', radius: col.radius(), offset, rotation };
        case T.Capsule:
            return { kind: 'capsule', radius: col.radius(), halfHeight: col.halfHeight(), offset, rotation };
        case T.Cylinder:
        case T.RoundCylinder:
        case T.Cone:
            return { kind: 'cylinder', radius: col.radius(), halfHeight: col.halfHeight(), offset, rotation };
        default:
            // Meshes and heightfields are not used by robotool's scenes or robots.
            return undefined;
    }
}
/** Describes a world for a viewer: one entry per body, its shapes read from its colliders. */
export function describeWorld(sim) {
    let objectIndex = 0;
    const colorOf = new Map();
    const bodies = bodiesOf(sim).map(({ id, owner, object, handle }) => {
        const body = sim.world.getRigidBody(handle);
        const shapes = [];
        for (let i = 0; i < body.numColliders(); i++) {
            const col = body.collider(i);
            if (col.isSensor())
                continue;
            const s = shapeOf(sim.R, col);
            if (s)
                shapes.push(s);
        }
        let color = ROBOT_COLOR;
        if (object !== undefined) {
            if (id.endsWith('/cap'))
                color = BUTTON_CAP_COLOR;
            else {
                color = colorOf.get(object) ?? PALETTE[objectIndex++ % PALETTE.length];
                colorOf.set(object, color);
            }
        }
        return { id, owner, ...(object !== undefined ? { object } : {}), color, shapes };
    });
    const robot = sim.scene.robot;
    return {
        version: 1,
        scene: sim.scene.name,
        robot: robot.kind,
        bodies,
        ...(robot.kind === 'arm' ? { workspace: { min: robot.workspace.min, max: robot.workspace.max } } : {}),
    };
}
const bodyCache = new WeakMap();
/** Rounds to 1e-7 (0.1 µm; about float32's resolution at a metre): shorter JSON, nothing lost that Rapier keeps. */
const r7 = (v) => Math.round(v * 1e7) / 1e7;
/** Reads every body's pose from the world (rounded to 1e-7). Cheap (a few dozen WASM calls); runs every frame. */
export function captureFrame(sim) {
    const objects = {};
    const robot = {};
    let handles = bodyCache.get(sim);
    if (!handles) {
        handles = bodiesOf(sim);
        bodyCache.set(sim, handles);
    }
    for (const b of handles) {
        const body = sim.world.getRigidBody(b.handle);
        const p = body.translation();
        const q = body.rotation();
        const pose = [r7(p.x), r7(p.y), r7(p.z), r7(q.x), r7(q.y), r7(q.z), r7(q.w)];
        if (b.owner === 'robot')
            robot[b.id] = pose;
        else
            objects[b.id] = pose;
    }
    return { t: sim.time, objects, robot };
}
/** The pose of one body in a frame, wherever it lives. */
export function poseIn(frame, id) {
    return frame.objects[id] ?? frame.robot[id];
}
//# sourceMappingURL=mirror-model.js.map