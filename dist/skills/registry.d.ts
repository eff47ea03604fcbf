import { z } from 'zod';
/** Which robots a skill belongs to. */
export type SkillRobot = 'arm' | 'quadruped' | 'in-hand';
/** A position [x, y, z] in metres, robot frame. */
export declare const Position: z.ZodTuple<[z.ZodNumber, z.ZodNumber, z.ZodNumber], null>;
/** An object name from the scene. */
export declare const ObjectName: z.ZodString;
/** A unit quaternion [x, y, z, w]. */
export declare const Quaternion: z.ZodTuple<[z.ZodNumber, z.ZodNumber, z.ZodNumber, z.ZodNumber], null>;
/** One skill, declared once: the Coder's prompt, the sandbox and the safety envelope all read this. */
export interface SkillSpec<Args extends z.ZodType<unknown[]> = z.ZodType<unknown[]>> {
    name: string;
    robots: readonly SkillRobot[];
    /** Positional arguments, validated as a tuple. */
    args: Args;
    /** Argument names, for prompts and error messages. */
    argNames: readonly string[];
    /** What it returns, for prompts. */
    returns: string;
    /** One line. */
    doc: string;
    /** `query` skills read the world; `motion` skills move the robot and pass the safety envelope's motion checks. */
    kind: 'query' | 'motion';
    /** Which argument (index) is a target position the envelope checks against the workspace, if any. */
    targetArg?: number;
}
/** Every skill robotool knows, with RoboTool's names so that RoboTool-style programs carry over. */
export declare const SKILLS: {
    readonly get_center: SkillSpec<z.ZodTuple<[z.ZodString], null>>;
    readonly get_graspable_point: SkillSpec<z.ZodTuple<[z.ZodString], null>>;
    readonly get_size: SkillSpec<z.ZodTuple<[z.ZodString], null>>;
    readonly get_workspace_range: SkillSpec<z.ZodTuple<[], null>>;
    readonly move_to_position: SkillSpec<z.ZodTuple<[z.ZodTuple<[z.ZodNumber, z.ZodNumber, z.ZodNumber], null>], null>>;
    readonly open_gripper: SkillSpec<z.ZodTuple<[], null>>;
    readonly close_gripper: SkillSpec<z.ZodTuple<[], null>>;
    readonly get_position: SkillSpec<z.ZodTuple<[z.ZodString], null>>;
    readonly walk_to_position: SkillSpec<z.ZodTuple<[z.ZodTuple<[z.ZodNumber, z.ZodNumber, z.ZodNumber], null>], null>>;
    readonly push_to_position: SkillSpec<z.ZodTuple<[z.ZodString, z.ZodTuple<[z.ZodNumber, z.ZodNumber, z.ZodNumber], null>], null>>;
    readonly reorient_in_hand: SkillSpec<z.ZodTuple<[z.ZodString, z.ZodTuple<[z.ZodNumber, z.ZodNumber, z.ZodNumber, z.ZodNumber], null>], null>>;
};
export type SkillName = keyof typeof SKILLS;
export type SkillArgs<K extends SkillName> = z.infer<(typeof SKILLS)[K]['args']>;
/** The skills a robot kind has. */
export declare function skillsFor(robot: SkillRobot): SkillSpec[];
export declare function isSkillName(name: string): name is SkillName;
/** A call's signature as the Coder sees it: `move_to_position(position)`. */
export declare function signature(s: SkillSpec): string;
/** What a motion skill reports. Failure is data: the program goes on; the episode records it. */
export type SkillStatus = 'ok' | 'reached' | 'clamped' | 'blocked' | 'timeout' | 'grasped' | 'grasped-nothing' | 'released' | 'failed';
/** The result of one skill call on a backend. */
export interface SkillResult {
    /** What the program receives: a query's value, or the motion report. */
    value: unknown;
    status: SkillStatus;
    /** Human-readable detail ("blocked by a 0.24 m step at (2.1, 0.6)"). */
    message?: string;
    warnings: string[];
    /** Simulated or wall seconds the skill took. */
    seconds: number;
}
//# sourceMappingURL=registry.d.ts.map