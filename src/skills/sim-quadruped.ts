import type { SimMotionSkill } from './sim-backend.ts';

/** The quadruped's motion skills on the simulator. (Placeholder until the quadruped lands.) */
export const quadrupedMotionSkills: Record<string, SimMotionSkill> = {};
