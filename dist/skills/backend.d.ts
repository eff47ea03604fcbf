import type { SceneObservation } from '../perception/observation.ts';
import type { SkillRobot, SkillResult } from './registry.ts';
type Vec3 = [number, number, number];
/**
 * The limits the safety envelope enforces on a robot, from its scene or robot profile. Every
 * field is optional: a limit that is absent is not checked.
 */
export interface SafetyLimits {
    /** Box the commanded targets must lie in (m, robot frame). */
    workspace?: {
        min: Vec3;
        max: Vec3;
    };
    /** Targets outside the workspace: clamp them with a warning, or refuse them (default clamp). */
    workspacePolicy?: 'clamp' | 'reject';
    /** Boxes no commanded target or straight-line move may enter (m). */
    keepOut?: readonly {
        name: string;
        min: Vec3;
        max: Vec3;
    }[];
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
}
export {};
//# sourceMappingURL=backend.d.ts.map