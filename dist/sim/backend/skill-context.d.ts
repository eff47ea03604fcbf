/** The simulator's side of a motion skill: what it gets from the backend while it runs. */
import type { SimWorld } from '../world.ts';
import type { SkillResult } from '../../skills/registry.ts';
/** What to do with an arm target outside the workspace: clamp it with a warning (RoboTool's simulator) or refuse it. */
export type WorkspacePolicy = 'clamp' | 'reject';
export interface SimSkillContext {
    signal?: AbortSignal;
    workspacePolicy: WorkspacePolicy;
    /**
     * Steps the world until `done()` holds or `timeoutSeconds` of simulated time pass.
     * Resolves true when done, false on time-out; rejects with an AbortError when cancelled.
     */
    run(done: () => boolean, timeoutSeconds: number): Promise<boolean>;
}
/** A motion skill implemented on the simulator. */
export type SimMotionSkill = (sim: SimWorld, args: readonly unknown[], ctx: SimSkillContext) => Promise<SkillResult>;
//# sourceMappingURL=skill-context.d.ts.map