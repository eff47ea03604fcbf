import type { Goal } from '../scene/schema.ts';
import type { SceneObservation } from '../perception/observation.ts';
import type { CallRecord, ProgramErrorInfo } from '../skills/program.ts';
import type { TokenUsage } from '../planner/planner.ts';

export type { CallRecord, ProgramErrorInfo } from '../skills/program.ts';
export type { TokenUsage } from '../planner/planner.ts';
import type { StageName } from '../planner/stages.ts';

/**
 * Where the goal an episode judges came from: parsed from the command, given by the LLM chain's
 * Analyzer, or the scene's own goal (the command named none, or `bench`).
 */
export type GoalSource = 'command' | 'analyzer' | 'scene';

/** Everything an episode reports, in order. Sinks (CLI, viewer, MQTT, recorder) subscribe to these. */
export type EpisodeEvent =
  | { type: 'episode-started'; command: string; planner: 'search' | 'llm'; robot: string; t: number; /** Seed of the programs' Math.random, the same in twin and execution. */ seed?: number }
  | { type: 'observation'; observation: SceneObservation }
  /** The goal the episode verifies and judges; sent again when the Analyzer gives another. */
  | { type: 'goal'; goal: Goal; source: GoalSource }
  | { type: 'stage-started'; stage: StageName; round: number }
  | { type: 'stage-delta'; stage: StageName; text: string }
  | { type: 'stage-finished'; stage: StageName; round: number; output: unknown; tokens?: TokenUsage; seconds: number }
  | { type: 'program'; program: string; round: number; schemas?: string[] }
  | { type: 'candidate'; index: number; schemas: string[]; cost: number; success: boolean; reason: string; seconds: number }
  | { type: 'skill-call'; phase: 'verify' | 'execute'; call: CallRecord }
  | { type: 'warning'; message: string }
  | { type: 'safety-stop'; reason: string }
  | { type: 'repair'; round: number; cause: string }
  | {
      type: 'outcome';
      success: boolean;
      reason: string;
      rounds: number;
      program: string | null;
      candidatesTried: number;
      planSeconds: number;
      execSeconds: number;
      error: ProgramErrorInfo | null;
      /** The goal the outcome judged and where it came from (null: no goal, nothing was checked). */
      goal: Goal | null;
      goalSource: GoalSource | null;
    };

export type EpisodeEventType = EpisodeEvent['type'];
