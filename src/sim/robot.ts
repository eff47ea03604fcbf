import type { RobotKind, Vec3 } from './scene-schema.ts';
import type { SimWorld } from './world.ts';

/**
 * A simulated robot living inside a SimWorld. The world calls `beforeStep` and `afterStep`
 * around every physics step; the robot moves its own bodies (kinematic links, character
 * controller) and never teleports objects.
 */
export interface SimRobot {
  readonly kind: RobotKind;
  /** Rapier rigid-body handles the robot owns, so the world can tell robot contacts from object contacts. */
  bodyHandles(): readonly number[];
  beforeStep(world: SimWorld): void;
  afterStep(world: SimWorld): void;
  /** Serialisable controller state (everything not in Rapier's own snapshot). */
  saveState(): unknown;
  /** Names of the objects the robot holds (arm: grasped, plus parts joined to it). */
  held(): readonly string[];
  /** The object the robot stands on (quadruped), `ground`, or null when it stands on nothing it can use. */
  standingOn(): string | null;
  /** A reference point of the robot: the gripper centre (arm) or body centre (quadruped). */
  position(): Vec3;
  /** Stop all motion now and hold position (e-stop, cancellation, safety stop). */
  halt(): void;
  /** Frees the robot's non-Rapier resources (character controllers); Rapier bodies go with the world. */
  free(): void;
}
