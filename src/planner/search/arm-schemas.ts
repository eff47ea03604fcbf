import type { Goal } from '../../sim/scene-schema.ts';
import type { SceneObservation } from '../../perception/observation.ts';
import type { Candidate } from './candidate.ts';

/** Every arm strategy for the goal, cheapest first. */
export function armCandidates(_obs: SceneObservation, _goal: Goal): Candidate[] {
  return [];
}
