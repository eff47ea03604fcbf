import type { Goal } from '../../scene/schema.ts';
import type { SceneObservation } from '../../perception/observation.ts';
import { type Candidate } from './candidate.ts';
/** Every quadruped strategy for the goal, cheapest first. */
export declare function quadrupedCandidates(obs: SceneObservation, goal: Goal, fragileBreakSpeed?: number): Candidate[];
//# sourceMappingURL=quadruped-schemas.d.ts.map