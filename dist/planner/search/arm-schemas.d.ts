import type { Goal } from '../../scene/schema.ts';
import type { ObservedObject, SceneObservation } from '../../perception/observation.ts';
import { type Candidate } from './candidate.ts';
import { type Box } from './arm-geometry.ts';
/** The flat part of an object that can carry the target: its widest part, thin, larger than the target's footprint. */
export declare function deckOf(o: ObservedObject, t: ObservedObject): Box | null;
/** Every arm strategy for the goal, cheapest first. */
export declare function armCandidates(obs: SceneObservation, goal: Goal): Candidate[];
//# sourceMappingURL=arm-schemas.d.ts.map