import type { SimMotionSkill } from './sim-backend.ts';

/** The arm's motion skills on the simulator. (Placeholder until the arm lands.) */
export const armMotionSkills: Record<string, SimMotionSkill> = {};
