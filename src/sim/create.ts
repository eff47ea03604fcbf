import type { Scene } from '../scene/schema.ts';
import { SimWorld, type RobotAttach, type SimOptions, type SimSnapshot } from './world.ts';
import { attachArm } from './arm.ts';
import { attachQuadruped } from './quadruped/index.ts';

/** The robot attach function for a scene's robot kind. */
export function robotAttachFor(scene: Scene): RobotAttach {
  switch (scene.robot.kind) {
    case 'arm':
      return attachArm;
    case 'quadruped':
      return attachQuadruped;
  }
}

/** Builds a world with its robot from a validated scene. */
export function createSim(scene: Scene, opts: SimOptions = {}): Promise<SimWorld> {
  return SimWorld.create(scene, robotAttachFor(scene), opts);
}

/** An independent clone of a world from its snapshot (verification in a twin). */
export function restoreSim(scene: Scene, snap: SimSnapshot): Promise<SimWorld> {
  return SimWorld.restore(scene, snap, robotAttachFor(scene));
}
