/**
 * The one shape every planner has: given a command, what the robot observes and (when it could be
 * read) the goal, stream the stages' events and end with proposed programs. The search stages and
 * the LLM chain both implement it; the episode (src/episode) drives it without knowing which.
 */
import type { Observable } from 'rxjs';
import type { Goal } from '../scene/schema.ts';
import type { SceneObservation } from '../perception/observation.ts';
import type { StageFeedback, StageName } from './stages.ts';

/** Token use of one model call. */
export interface TokenUsage {
  inputTokens: number;
  outputTokens: number;
}

/** What a planner reports while it works; the episode forwards these as episode events. */
export type PlannerEvent =
  | { type: 'stage-started'; stage: StageName; round: number }
  | { type: 'stage-delta'; stage: StageName; text: string }
  | { type: 'stage-finished'; stage: StageName; round: number; output: unknown; tokens?: TokenUsage; seconds: number }
  | { type: 'warning'; message: string };

/** A program a planner proposes; the search planner proposes several, cheapest first. */
export interface Proposal {
  program: string;
  schemas?: string[];
  cost?: number;
}

/** What a planner is asked for in one round. */
export interface PlanRequest {
  command: string;
  observation: SceneObservation;
  /** The goal to reach: parsed from the command, or the scene's (see EpisodeOptions.goalFrom); undefined when neither. */
  goal: Goal | undefined;
  round: number;
  feedback?: StageFeedback;
  signal: AbortSignal;
}

/** The proposals that end a planning round. */
export interface ProposalsEvent {
  type: 'proposals';
  proposals: Proposal[];
  /** The goal the planner read from the command (the LLM chain's Analyzer); it is then the goal judged. */
  goal?: Goal;
}

/** A planner: the search stages or the LLM chain. It streams stage events, then its proposals. */
export interface EpisodePlanner {
  readonly kind: 'search' | 'llm';
  /** Whether failures are worth feeding back for another round (a model can repair; exhaustive search cannot). */
  readonly repairs: boolean;
  /** Whether the planner needs a goal it can read from the command. */
  readonly needsGoal: boolean;
  plan(req: PlanRequest): Observable<PlannerEvent | ProposalsEvent>;
}
