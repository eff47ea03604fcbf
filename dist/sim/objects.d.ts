import type RAPIER from '@dimforge/rapier3d-compat';
import type { Rapier } from './rapier.ts';
import type { SceneObject } from '../scene/schema.ts';
/** Rapier handles of one scene object; plain numbers so that they survive snapshot/restore. */
export interface ObjectHandles {
    body: number;
    colliders: number[];
    /** Buttons: the spring-loaded cap body and its rest height. */
    cap?: number;
    capRestZ?: number;
}
/** Builds the bodies and colliders of one scene object. */
export declare function buildObject(R: Rapier, world: RAPIER.World, o: SceneObject): ObjectHandles;
//# sourceMappingURL=objects.d.ts.map