import { SimWorld } from "./world.js";
import { attachArm } from "./arm.js";
import { attachQuadruped } from "./quadruped/index.js";
/** The robot attach function for a scene's robot kind. */
export function robotAttachFor(scene) {
    switch (scene.robot.kind) {
        case 'arm':
            return attachArm;
        case 'quadruped':
            return attachQuadruped;
    }
}
/** Builds a world with its robot from a validated scene. */
export function createSim(scene, opts = {}) {
    return SimWorld.create(scene, robotAttachFor(scene), opts);
}
/** An independent clone of a world from its snapshot (verification in a twin). */
export function restoreSim(scene, snap) {
    return SimWorld.restore(scene, snap, robotAttachFor(scene));
}
//# sourceMappingURL=create.js.map