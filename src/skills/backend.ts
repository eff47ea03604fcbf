import type { SceneObservation } from '../perception/observation.ts';
import type { SkillRobot, SkillResult } from './registry.ts';

/** Options on every call that waits on the world. */
export interface CallOptions {
  signal?: AbortSignal;
}

/**
 * A robot that runs skills: the simulator, a ROS robot, an MQTT robot. Implementations say
 * which skills they support; the safety envelope wraps any of them.
 */
export interface RobotBackend {
  /** 'sim', 'ros', 'mqtt', … */
  readonly name: string;
  readonly robot: SkillRobot;
  /** Names of the skills this backend implements. */
  readonly capabilities: ReadonlySet<string>;
  /** Runs one skill with already-validated arguments. Rejects only on cancellation or a broken link. */
  call(skill: string, args: readonly unknown[], opts?: CallOptions): Promise<SkillResult>;
  /** Stops all motion now and holds. */
  stop(reason: string): Promise<void>;
  /** What the robot currently knows of the scene. */
  observe(): Promise<SceneObservation>;
}
