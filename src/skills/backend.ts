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
  /**
   * Hardware: how old (ms, on the robot's clock) the pose a motion is planned from may be
   * (default 1 000). The robot must report its pose more often than this.
   */
  maxPoseAgeMs?: number;
}

/** A pose the robot reported, with the robot's own time stamp and sequence number. */
export interface ReportedPose {
  /** The gripper (arm) or body (quadruped) position. */
  position: Vec3;
  /** The robot's clock when it reported it (ms since the epoch). */
  stamp: number;
  /** The robot's sequence number of the report. */
  seq: number;
  /** How old the report is now (ms), on the robot's clock as this host estimates it. */
  ageMs: number;
  /** What reported it: `observation` or `result of move_to_position`. */
  source: string;
}

/** The robot's confirmed pose, or why there is none (said in words for the SafetyError). */
export type PoseState = { ok: true; pose: ReportedPose } | { ok: false; reason: string };

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
  /**
   * Hardware backends: where the robot last said it is, if that is confirmed — reported with
   * a time stamp and a sequence number, no older than `maxAgeMs`, and not from before the
   * robot's last motion — or why not. Waits up to `waitMs` for such a report. The safety
   * envelope plans a motion only from this pose. Absent on the simulator, whose state is exact.
   */
  confirmedPose?(opts: { maxAgeMs: number; waitMs: number }): Promise<PoseState>;
}
