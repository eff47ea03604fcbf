import { z } from 'zod';
import { skillsFor } from "../../skills/registry.js";
import { AnalyzerOutput, CalculatorOutput, CoderOutput, ObjectAnalysis, PlanStep, PlannerOutput, SpatialRelation, } from "../stages.js";
/**
 * A stage's output schema for one robot: the static contract, narrowed where the robot matters
 * (the Planner's `skill` is one of the robot's skills, so structured output cannot name another).
 */
export function stageOutputSchema(stage, robot) {
    switch (stage) {
        case 'analyzer':
            return AnalyzerOutput;
        case 'planner': {
            const names = skillsFor(robot).map((s) => s.name);
            if (names.length === 0)
                return PlannerOutput;
            const skill = z.enum(names);
            return z.strictObject({
                objects: z.array(ObjectAnalysis),
                relations: z.array(SpatialRelation),
                steps: z.array(PlanStep.extend({ skill })).min(1),
            });
        }
        case 'calculator':
            return CalculatorOutput;
        case 'coder':
            return CoderOutput;
    }
}
/** The stage's output as JSON Schema (for `response_format` and for the prompt text). */
export function stageJsonSchema(stage, robot) {
    const schema = z.toJSONSchema(stageOutputSchema(stage, robot), { unrepresentable: 'any' });
    delete schema.$schema;
    return { name: `robotool_${stage}_output`, description: `The ${stage}'s answer`, schema };
}
//# sourceMappingURL=output-format.js.map