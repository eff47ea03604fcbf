import { lastValueFrom, tap, toArray } from 'rxjs';
import { createSim, restoreSim } from "../sim/create.js";
import { checkGoal } from "../sim/predicates.js";
import { SimBackend } from "../sim/backend/sim-backend.js";
import { runEpisode } from "./episode.js";
/**
 * Builds the world for a scene and an episode over it: verification runs in clones restored
 * from a snapshot of the executing world, and the outcome is the scene's own predicate.
 */
export async function createSimEpisode(opts) {
    const sim = await createSim(opts.scene);
    const policy = opts.workspacePolicy ?? 'clamp';
    const backend = new SimBackend(sim, {
        workspacePolicy: policy,
        ...(opts.onFrame ? { onFrame: opts.onFrame } : {}),
        ...(opts.frameEvery ? { frameEvery: opts.frameEvery } : {}),
    });
    const twin = async () => {
        const clone = await restoreSim(opts.scene, sim.snapshot());
        return {
            backend: new SimBackend(clone, { workspacePolicy: policy }),
            check: (goal) => checkGoal(clone, goal),
            free: () => clone.free(),
        };
    };
    const executor = opts.robot ?? backend;
    const events$ = runEpisode(opts.command, {
        backend: executor,
        planner: opts.planner,
        runProgram: opts.runProgram,
        twin,
        ...(opts.robot
            ? { observe: () => backend.observe() }
            : { checkOutcome: (goal) => checkGoal(sim, goal) }),
        sceneGoal: opts.scene.goal,
        ...(opts.maxRepairRounds !== undefined ? { maxRepairRounds: opts.maxRepairRounds } : {}),
        ...(opts.unverified ? { unverified: true } : {}),
        robotName: opts.robot ? `${opts.scene.robot.kind} (${opts.robot.name})` : opts.scene.robot.kind,
    });
    return { sim, backend: executor, events$, free: () => sim.free() };
}
/** Runs a simulator episode to its end and returns every event (the last is the outcome). */
export async function runSimEpisode(opts, onEvent) {
    const ep = await createSimEpisode(opts);
    try {
        return await lastValueFrom(ep.events$.pipe(tap((e) => onEvent?.(e)), toArray()));
    }
    finally {
        ep.free();
    }
}
//# sourceMappingURL=sim-episode.js.map