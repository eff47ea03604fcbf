import type { SkillRobot } from '../../skills/registry.ts';
import type { StageFeedback, StageInput, StageName } from '../stages.ts';
import { stageJsonSchema } from './output-format.ts';
import { renderSceneText } from './scene-text.ts';
import { renderSkillApi } from './skill-api.ts';

/** The pieces every stage prompt is assembled from. Each returns a titled block of text. */

const ROBOT_WORDS: Record<SkillRobot, string> = {
  arm: 'a table-mounted robot arm',
  quadruped: 'a quadruped robot',
  'in-hand': 'a dexterous robot hand',
};

/** Longest program quoted back in a repair round (characters). */
const MAX_PROGRAM_CHARS = 16_000;

export function robotWords(robot: SkillRobot): string {
  return ROBOT_WORDS[robot];
}

export function taskSection(input: StageInput): string {
  return `## Task\n${input.command.trim()}`;
}

export function sceneSection(input: StageInput): string {
  return `## Scene\n${renderSceneText(input.observation)}`;
}

export function skillsSection(robot: SkillRobot): string {
  return `## The robot's skills (its only way to act)\n${renderSkillApi(robot)}`;
}

const json = (v: unknown): string => '```json\n' + JSON.stringify(v, null, 2) + '\n```';

/** What earlier stages found, for the stages after them. Absent stages (ablations) are left out. */
export function previousSections(input: StageInput, upTo: StageName): string[] {
  const out: string[] = [];
  const { analyzer, planner, calculator } = input.previous;
  if (analyzer && upTo !== 'analyzer') out.push(`## Key concepts (from the Analyzer)\n${json(analyzer)}`);
  if (planner && (upTo === 'calculator' || upTo === 'coder')) out.push(`## Plan (from the Planner)\n${json(planner)}`);
  if (calculator && upTo === 'coder') out.push(`## Calculated values (from the Calculator)\n${json(calculator)}`);
  return out;
}

export function feedbackSection(feedback: StageFeedback | undefined): string[] {
  if (!feedback) return [];
  const lines = [`## The previous attempt failed\nWhy: ${feedback.reason}`];
  if (feedback.error) lines.push(`Error: ${feedback.error}`);
  if (feedback.outcome) lines.push(`What happened: ${feedback.outcome}`);
  const program = feedback.program.trimEnd();
  // Bounded: a program the size of a huge answer is never sent back whole.
  const shown = program.length <= MAX_PROGRAM_CHARS ? program : `${program.slice(0, MAX_PROGRAM_CHARS)}\n// [… ${program.length - MAX_PROGRAM_CHARS} more characters cut]`;
  lines.push('The program that ran:\n```javascript\n' + shown + '\n```');
  lines.push('Find the cause and avoid it this time.');
  return [lines.join('\n')];
}

/** Asks for JSON following the stage's schema (the schema is generated from the zod contract). */
export function jsonFormatSection(stage: StageName, robot: SkillRobot): string {
  const { schema } = stageJsonSchema(stage, robot);
  return [
    '## Answer format',
    'Answer with one JSON object in a ```json block, following this JSON Schema. Reason before the block if you need to; only the block is read.',
    '```json',
    // Compact: the schema is read by the model, not a person, and it is sent with every call.
    JSON.stringify(schema),
    '```',
  ].join('\n');
}
