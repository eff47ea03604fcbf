import type { SceneObservation } from '../perception/observation.ts';
import type { SkillRobot, SkillResult } from './registry.ts';
import type { Solid } from './solids.ts';

type Vec3 = [number, number, number];

/**
 * The limits the safety envelope enforces on a robot, from its scene or robot profile. Every
 * field is optional: a limit that is absent is not checked.
 */
export interface SafetyLimits {
  /** Box the commanded targets must lie in (m, robot frame). */
  workspace?: { min: Vec3; max: Vec3 };
  /** Targets outside the workspace: clamp them with a warning, or refuse them (default clamp). */
  workspacePolicy?: 'clamp' | 'reject';
  /** Boxes no part of the robot or of what it holds may enter along a motion (m); min ≤ max on every axis. */
  keepOut?: readonly { name: string; min: Vec3; max: Vec3 }[];
  /** How far every part must stay from every keep-out box (m; default DEFAULT_KEEP_OUT_MARGIN, 0.02). */
  keepOutMargin?: number;
  /** Fastest average speed a motion may show between two reported positions (m/s). */
  maxSpeed?: number;
  /** Largest contact force a motion may report (N). */
  maxForce?: number;
}

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
  /** The robot's safety limits; the safety envelope checks every call against them. */
  readonly safety?: SafetyLimits;
  /** Runs one skill with already-validated arguments. Rejects only on cancellation or a broken link. */
  call(skill: string, args: readonly unknown[], opts?: CallOptions): Promise<SkillResult>;
  /** Stops all motion now and holds. */
  stop(reason: string): Promise<void>;
  /** What the robot currently knows of the scene. */
  observe(): Promise<SceneObservation>;
  /**
   * The robot's geometry model: every solid part (each link, the fingers, everything it holds)
   * as oriented boxes in the world frame, with the arm's tool centre point (or the quadruped's
   * body centre) at `at`, reached from where it is now the way its motions move. The envelope
   * sweeps this along each path against the keep-out zones. The simulator answers from its
   * kinematics; a hardware backend from its robot model and reported joint state. A backend
   * without one gets the check of the tool (or body) point alone, grown by the margin.
   */
  solidsAt?(at: Vec3): readonly Solid[];
}
