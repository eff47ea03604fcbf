import { z } from 'zod';
import { skillsFor, type SkillRobot } from '../../skills/registry.ts';
import { Goal } from '../../scene/schema.ts';
import {
  AnalyzerOutput,
  CalculatorOutput,
  CoderOutput,
  ObjectAnalysis,
  PlanStep,
  PlannerOutput,
  SpatialRelation,
  type StageName,
} from '../stages.ts';

/**
 * A stage's output schema for one robot: the static contract, narrowed where the robot matters
 * (the Planner's `skill` is one of the robot's skills, so structured output cannot name another).
 */
export function stageOutputSchema(stage: StageName, robot: SkillRobot): z.ZodType {
  switch (stage) {
    case 'analyzer':
      // The arm's and the quadruped's Analyzer must say what the command asks for, as a goal.
      return robot === 'in-hand' ? AnalyzerOutput : AnalyzerOutput.extend({ goal: Goal });
    case 'planner': {
      const names = skillsFor(robot).map((s) => s.name);
      if (names.length === 0) return PlannerOutput;
      const skill = z.enum(names as [string, ...string[]]);
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
export function stageJsonSchema(stage: StageName, robot: SkillRobot): { name: string; description: string; schema: Record<string, unknown> } {
  const schema = z.toJSONSchema(stageOutputSchema(stage, robot), { unrepresentable: 'any' }) as Record<string, unknown>;
  delete schema.$schema;
  return { name: `robotool_${stage}_output`, description: `The ${stage}'s answer`, schema };
}
