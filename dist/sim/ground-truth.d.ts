import type { SimWorld } from './world.ts';
import type { SceneObservation } from '../perception/observation.ts';
/** The simulator's ground truth as a SceneObservation (what a perfect perception stack would report). */
export declare function observeGroundTruth(sim: SimWorld): SceneObservation;
//# sourceMappingURL=ground-truth.d.ts.map