import type { Goal } from '../../scene/schema.ts';
import type { SceneObservation } from '../../perception/observation.ts';
import type { ObjectAnalysis, SpatialRelation } from '../stages.ts';
/** Each object's properties and what it affords, from its geometry and flags (the Planner's first part). */
export declare function describeObjects(obs: SceneObservation): ObjectAnalysis[];
/** Spatial relations that matter for the goal: support, contact, and distance beyond the robot's reach. */
export declare function describeRelations(obs: SceneObservation, goal: Goal): SpatialRelation[];
//# sourceMappingURL=object-analysis.d.ts.map