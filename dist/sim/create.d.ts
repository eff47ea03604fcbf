import type { Scene } from '../scene/schema.ts';
import { SimWorld, type RobotAttach, type SimOptions, type SimSnapshot } from './world.ts';
/** The robot attach function for a scene's robot kind. */
export declare function robotAttachFor(scene: Scene): RobotAttach;
/** Builds a world with its robot from a validated scene. */
export declare function createSim(scene: Scene, opts?: SimOptions): Promise<SimWorld>;
/** An independent clone of a world from its snapshot (verification in a twin). */
export declare function restoreSim(scene: Scene, snap: SimSnapshot): Promise<SimWorld>;
//# sourceMappingURL=create.d.ts.map