import type { SkillRobot } from '../../skills/registry.ts';
import type { StageFeedback, StageInput, StageName } from '../stages.ts';
export declare function robotWords(robot: SkillRobot): string;
export declare function taskSection(input: StageInput): string;
export declare function sceneSection(input: StageInput): string;
export declare function skillsSection(robot: SkillRobot): string;
/** What earlier stages found, for the stages after them. Absent stages (ablations) are left out. */
export declare function previousSections(input: StageInput, upTo: StageName): string[];
export declare function feedbackSection(feedback: StageFeedback | undefined): string[];
/** Asks for JSON following the stage's schema (the schema is generated from the zod contract). */
export declare function jsonFormatSection(stage: StageName, robot: SkillRobot): string;
//# sourceMappingURL=prompt-sections.d.ts.map