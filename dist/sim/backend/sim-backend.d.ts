import type { SimWorld } from '../world.ts';
import type { Scene } from '../../scene/schema.ts';
import type { SceneObservation } from '../../perception/observation.ts';
import type { CallOptions, RobotBackend, SafetyLimits } from '../../skills/backend.ts';
import { type SkillResult, type SkillRobot } from '../../skills/registry.ts';
import type { WorkspacePolicy } from './skill-context.ts';
export type { SimMotionSkill, SimSkillContext, WorkspacePolicy } from './skill-context.ts';
export interface SimBackendOptions {
    workspacePolicy?: WorkspacePolicy;
    /** Called every `frameEvery` steps while a skill runs (live view, recorder). */
    onFrame?: (sim: SimWorld) => void;
    frameEvery?: number;
    /** Yield to the event loop every this many steps so that cancellation and I/O get a turn. */
    yieldEvery?: number;
}
/** The limits a scene's robot profile sets: its workspace (arm), keep-out zones and top speed. */
export declare function sceneSafetyLimits(scene: Scene, workspacePolicy?: 'clamp' | 'reject'): SafetyLimits;
/** The simulator as a robot backend: skills run the physics until done or timed out. */
export declare class SimBackend implements RobotBackend {
    readonly sim: SimWorld;
    private readonly opts;
    readonly name = "sim";
    readonly robot: SkillRobot;
    readonly capabilities: ReadonlySet<string>;
    readonly safety: SafetyLimits;
    private readonly motion;
    constructor(sim: SimWorld, opts?: SimBackendOptions);
    call(skill: string, args: readonly unknown[], opts?: CallOptions): Promise<SkillResult>;
    stop(): Promise<void>;
    observe(): Promise<SceneObservation>;
    private context;
    private query;
}
//# sourceMappingURL=sim-backend.d.ts.map