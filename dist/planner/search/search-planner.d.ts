import type { Goal } from '../../scene/schema.ts';
import type { SceneObservation } from '../../perception/observation.ts';
import type { EpisodePlanner } from '../planner.ts';
import type { AnalyzerOutput, CalculatorOutput, CoderOutput, PlannerOutput } from '../stages.ts';
import type { Candidate } from './candidate.ts';
export interface SearchResult {
    analyzer: AnalyzerOutput;
    planner: PlannerOutput;
    calculator: CalculatorOutput;
    coder: CoderOutput;
    candidates: Candidate[];
}
/** All candidate strategies for a goal, cheapest first; no model, no task or object names assumed. */
export declare function searchCandidates(obs: SceneObservation, goal: Goal): Candidate[];
/** Runs the four search stages on an observation; pure and synchronous. */
export declare function searchPlan(obs: SceneObservation, goal: Goal): SearchResult;
/** The search planner as an episode planner: the same stage events as the LLM chain, then every candidate. */
export declare const searchPlanner: EpisodePlanner;
//# sourceMappingURL=search-planner.d.ts.map