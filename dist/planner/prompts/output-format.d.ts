import { z } from 'zod';
import { type SkillRobot } from '../../skills/registry.ts';
import { type StageName } from '../stages.ts';
/**
 * A stage's output schema for one robot: the static contract, narrowed where the robot matters
 * (the Planner's `skill` is one of the robot's skills, so structured output cannot name another).
 */
export declare function stageOutputSchema(stage: StageName, robot: SkillRobot): z.ZodType;
/** The stage's output as JSON Schema (for `response_format` and for the prompt text). */
export declare function stageJsonSchema(stage: StageName, robot: SkillRobot): {
    name: string;
    description: string;
    schema: Record<string, unknown>;
};
//# sourceMappingURL=output-format.d.ts.map