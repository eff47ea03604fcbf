import { yawQuat } from "../scene/geometry.js";
const BUTTON_CAP_HEIGHT = 0.02;
function volume(shape, size) {
    switch (shape) {
        case 'box':
            return size[0] * size[1] * size[2];
        case 'cylinder':
            return (Math.PI / 4) * size[0] * size[1] * size[2];
        case 'sphere':
            return (Math.PI / 6) * size[0] * size[1] * size[2];
    }
}
function colliderDesc(R, shape, size) {
    switch (shape) {
        case 'box':
            return R.ColliderDesc.cuboid(size[0] / 2, size[1] / 2, size[2] / 2);
        case 'cylinder':
            // Rapier's cylinder axis is local y; turn it to z.
            return R.ColliderDesc.cylinder(size[2] / 2, Math.min(size[0], size[1]) / 2).setRotation({
                x: Math.SQRT1_2,
                y: 0,
                z: 0,
                w: Math.SQRT1_2,
            });
        case 'sphere':
            return R.ColliderDesc.ball(Math.min(...size) / 2);
    }
}
/** Builds the bodies and colliders of one scene object. */
export function buildObject(R, world, o) {
    if (o.button)
        return buildButton(R, world, o);
    const [x, y, z] = o.position;
    const desc = (o.movable ? R.RigidBodyDesc.dynamic() : R.RigidBodyDesc.fixed())
        .setTranslation(x, y, z)
        .setRotation(yawQuat(o.yawDeg));
    if (o.movable)
        desc.setCcdEnabled(true);
    const body = world.createRigidBody(desc);
    const parts = o.parts ?? [{ name: o.name, shape: o.shape, size: o.size, offset: [0, 0, 0] }];
    const totalVolume = parts.reduce((s, p) => s + volume(p.shape, p.size), 0);
    const density = o.mass / totalVolume;
    const events = o.magnetic || o.fragile ? R.ActiveEvents.CONTACT_FORCE_EVENTS : R.ActiveEvents.NONE;
    const colliders = parts.map((p) => {
        const cd = colliderDesc(R, p.shape, p.size)
            .setTranslation(p.offset[0], p.offset[1], p.offset[2])
            .setDensity(density)
            .setFriction(o.friction)
            .setRestitution(o.restitution)
            .setActiveEvents(events)
            .setContactForceEventThreshold(0);
        return world.createCollider(cd, body).handle;
    });
    return { body: body.handle, colliders };
}
/** A fixed housing with a spring-loaded cap on top that slides down along z. */
function buildButton(R, world, o) {
    const btn = o.button;
    const [x, y, z] = o.position;
    const [sx, sy, sz] = o.size;
    const housingH = sz - BUTTON_CAP_HEIGHT;
    const body = world.createRigidBody(R.RigidBodyDesc.fixed().setTranslation(x, y, z).setRotation(yawQuat(o.yawDeg)));
    const housing = world.createCollider(R.ColliderDesc.cuboid(sx / 2, sy / 2, housingH / 2)
        .setTranslation(0, 0, -sz / 2 + housingH / 2)
        .setFriction(o.friction), body);
    const capZ = z + sz / 2 - BUTTON_CAP_HEIGHT / 2;
    const cap = world.createRigidBody(R.RigidBodyDesc.dynamic().setTranslation(x, y, capZ).setRotation(yawQuat(o.yawDeg)));
    const capCollider = world.createCollider(R.ColliderDesc.cuboid(sx / 2, sy / 2, BUTTON_CAP_HEIGHT / 2).setMass(0.05).setFriction(o.friction), cap);
    // The cap rests on a spring (force-based position motor) and slides on a prismatic joint.
    const data = R.JointData.prismatic({ x: 0, y: 0, z: sz / 2 - BUTTON_CAP_HEIGHT / 2 }, { x: 0, y: 0, z: 0 }, { x: 0, y: 0, z: 1 });
    data.limitsEnabled = true;
    data.limits = [-btn.travel, 0];
    const joint = world.createImpulseJoint(data, body, cap, true);
    joint.configureMotorModel(R.MotorModel.ForceBased);
    joint.configureMotorPosition(0, btn.stiffness, 10);
    joint.setContactsEnabled(false);
    return { body: body.handle, colliders: [housing.handle, capCollider.handle], cap: cap.handle, capRestZ: capZ };
}
//# sourceMappingURL=objects.js.map