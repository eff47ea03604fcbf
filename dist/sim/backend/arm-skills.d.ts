import type { Vec3 } from '../../scene/schema.ts';
import type { SimWorld } from '../world.ts';
import type { SimMotionSkill } from './skill-context.ts';
/** Clamps a target into the workspace box; `clamped` is false when it was inside. */
export declare function clampToWorkspace(sim: SimWorld, target: Vec3): {
    target: Vec3;
    clamped: boolean;
};
/** The arm's motion skills on the simulator. */
export declare const armMotionSkills: Record<string, SimMotionSkill>;
//# sourceMappingURL=arm-skills.d.ts.map