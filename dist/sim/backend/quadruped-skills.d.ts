import type { SimMotionSkill } from './skill-context.ts';
/** The quadruped's motion skills on the simulator. */
export declare const quadrupedMotionSkills: Record<string, SimMotionSkill>;
//# sourceMappingURL=quadruped-skills.d.ts.map