import { z } from 'zod';
import { SceneObservation } from '../perception/observation.ts';
import { Goal } from '../scene/schema.ts';
import type { SkillRobot } from '../skills/registry.ts';

/**
 * The stage contract shared by the LLM stages and the search planner: what each of RoboTool's
 * four stages produces, as data with schemas, so that either implementation can feed the next.
 */

/** The four stages, in chain order. */
export const STAGE_NAMES = ['analyzer', 'planner', 'calculator', 'coder'] as const;
/** One of RoboTool's four stages. */
export type StageName = (typeof STAGE_NAMES)[number];

const finite = z.number().refine(Number.isFinite, { message: 'must be a finite number' });

/** The kinds of physical concept a task can hinge on (RoboTool's "key concepts"). */
export const ConceptKind = z.enum(['out-of-reach', 'step-too-high', 'gap', 'fragile-drop', 'joinable-parts', 'other']);
export type ConceptKind = z.infer<typeof ConceptKind>;

/** One key concept: what makes the task hard, the objects involved and the numbers that show it. */
export const KeyConcept = z.strictObject({
  kind: ConceptKind,
  description: z.string().min(1),
  objects: z.array(z.string()),
  /** Named quantities behind the concept, e.g. `{ gap: 0.4, maxGap: 0.1 }` (metres unless the name says otherwise). */
  numbers: z.record(z.string(), finite),
});
export type KeyConcept = z.infer<typeof KeyConcept>;

/**
 * The Analyzer's answer: the key concepts the task hinges on, and the goal the command asks for
 * in the scenes' own goal type (the LLM chain must give it; the episode then judges that goal).
 */
export const AnalyzerOutput = z.strictObject({
  summary: z.string().min(1),
  concepts: z.array(KeyConcept),
  goal: Goal.optional(),
});
export type AnalyzerOutput = z.infer<typeof AnalyzerOutput>;

/** What the Planner thinks an object is and what it can be used for. */
export const ObjectAnalysis = z.strictObject({
  name: z.string().min(1),
  properties: z.array(z.string()),
  affordances: z.array(z.string()),
});
export type ObjectAnalysis = z.infer<typeof ObjectAnalysis>;

/** A pairwise spatial relation: `a` <relation> `b` ("milk" "is beyond the workspace, 0.09 m past" "robot"). */
export const SpatialRelation = z.strictObject({
  a: z.string().min(1),
  b: z.string().min(1),
  relation: z.string().min(1),
});
export type SpatialRelation = z.infer<typeof SpatialRelation>;

/** One plan step: exactly one skill call. */
export const PlanStep = z.strictObject({
  skill: z.string().min(1),
  description: z.string().min(1),
});
export type PlanStep = z.infer<typeof PlanStep>;

/** The Planner's answer: object analysis, spatial relations and a step-by-step strategy. */
export const PlannerOutput = z.strictObject({
  objects: z.array(ObjectAnalysis),
  relations: z.array(SpatialRelation),
  steps: z.array(PlanStep).min(1),
});
export type PlannerOutput = z.infer<typeof PlannerOutput>;

/** One computed parameter: which plan step (1-based) it is for, its value and how it was derived. */
export const CalculatedValue = z.strictObject({
  step: z.number().int().min(1),
  name: z.string().min(1),
  value: z.union([finite, z.array(finite)]),
  derivation: z.string(),
});
export type CalculatedValue = z.infer<typeof CalculatedValue>;

/** The Calculator's answer: the numbers the plan's steps need. */
export const CalculatorOutput = z.strictObject({
  values: z.array(CalculatedValue),
});
export type CalculatorOutput = z.infer<typeof CalculatorOutput>;

/** The Coder's answer: a plain sequential JavaScript program over the robot's skills. */
export const CoderOutput = z.strictObject({
  program: z.string().min(1),
});
export type CoderOutput = z.infer<typeof CoderOutput>;

/** Each stage's output schema. */
export const STAGE_OUTPUT_SCHEMAS = {
  analyzer: AnalyzerOutput,
  planner: PlannerOutput,
  calculator: CalculatorOutput,
  coder: CoderOutput,
} as const satisfies Record<StageName, z.ZodType>;

/** The output type of a stage. */
export type StageOutput<S extends StageName> = z.infer<(typeof STAGE_OUTPUT_SCHEMAS)[S]>;

/** What earlier stages produced in this episode (absent when ablated or not yet run). */
export interface PreviousOutputs {
  analyzer?: AnalyzerOutput;
  planner?: PlannerOutput;
  calculator?: CalculatorOutput;
}

/** Why the previous attempt failed, fed back to the Planner/Coder for a repair round. */
export const StageFeedback = z.strictObject({
  /** The program that was run. */
  program: z.string(),
  /** The error it raised (sandbox, skill or safety), if any. */
  error: z.string().optional(),
  /** What happened in the world, in words ("the milk was pushed to (0.6, 0.0), not grasped"). */
  outcome: z.string().optional(),
  /** Why the attempt counts as failed, in one sentence. */
  reason: z.string().min(1),
});
export type StageFeedback = z.infer<typeof StageFeedback>;

/** Everything a stage gets: the command, the observed scene, the robot and what came before. */
export interface StageInput {
  command: string;
  observation: SceneObservation;
  /** Whose skills the plan and program may use. */
  robot: SkillRobot;
  previous: PreviousOutputs;
  feedback?: StageFeedback;
}

/** Checks a StageInput assembled from outside data (a recorded episode, a test fixture). */
export const StageInputSchema = z.strictObject({
  command: z.string().min(1),
  observation: SceneObservation,
  robot: z.enum(['arm', 'quadruped', 'in-hand']),
  previous: z.strictObject({
    analyzer: AnalyzerOutput.optional(),
    planner: PlannerOutput.optional(),
    calculator: CalculatorOutput.optional(),
  }),
  feedback: StageFeedback.optional(),
});

/** The stage combinations of RoboTool's ablation study; the last is the full chain. */
export const STAGE_VARIANTS = [
  ['coder'],
  ['planner', 'coder'],
  ['analyzer', 'planner', 'coder'],
  ['planner', 'calculator', 'coder'],
  ['analyzer', 'planner', 'calculator', 'coder'],
] as const satisfies readonly (readonly StageName[])[];

/** A `--stages` value that is not one of the ablation variants. */
export class StagesError extends Error {
  override readonly name = 'StagesError';
}

/**
 * Parses `--stages` ("planner,coder"; whitespace around commas is fine) into one of the
 * ablation variants. Anything else (unknown names, wrong order, no coder) is rejected with the
 * list of what is accepted, because a silently reordered chain would mislabel a benchmark.
 */
export function parseStages(text: string): StageName[] {
  const names = text.split(',').map((s) => s.trim().toLowerCase());
  const accepted = STAGE_VARIANTS.map((v) => v.join(','));
  const unknown = names.filter((n) => !(STAGE_NAMES as readonly string[]).includes(n));
  const list = accepted.map((a) => `  ${a}`).join('\n');
  if (unknown.length > 0) {
    throw new StagesError(
      `--stages "${text}": unknown stage ${unknown.map((u) => `"${u}"`).join(', ')}; stages are ${STAGE_NAMES.join(', ')}. Accepted:\n${list}`,
    );
  }
  const variant = STAGE_VARIANTS.find((v) => v.join(',') === names.join(','));
  if (!variant) {
    throw new StagesError(`--stages "${text}" is not one of RoboTool's stage combinations (stages run in chain order and end with coder). Accepted:\n${list}`);
  }
  return [...variant];
}
