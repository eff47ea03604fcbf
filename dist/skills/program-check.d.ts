import { type SkillRobot } from './registry.ts';
/** Problems that make a program unusable (empty list: fine as far as a static look can tell). */
export declare function checkProgram(program: string, robot: SkillRobot): string[];
//# sourceMappingURL=program-check.d.ts.map