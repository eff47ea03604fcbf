import { type SkillRobot, type SkillSpec } from '../../skills/registry.ts';
/** One skill as the prompts show it: `- move_to_position(position: array of 3 numbers) → …: doc`. */
export declare function renderSkill(spec: SkillSpec): string;
/** The robot's skills, generated from the registry, one per line. */
export declare function renderSkillApi(robot: SkillRobot): string;
/** The skill names a robot has, as the prompts list them (`signature` form). */
export declare function skillSignatures(robot: SkillRobot): string[];
//# sourceMappingURL=skill-api.d.ts.map