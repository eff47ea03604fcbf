import { type Observable } from 'rxjs';
import type { Scene } from '../scene/schema.ts';
import type { SimWorld } from '../sim/world.ts';
import { type SimBackendOptions, type WorkspacePolicy } from '../sim/backend/sim-backend.ts';
import type { RobotBackend } from '../skills/backend.ts';
import type { EpisodeEvent } from './events.ts';
import { type EpisodePlanner, type ProgramRunner } from './episode.ts';
export interface SimEpisodeOptions {
    scene: Scene;
    command: string;
    planner: EpisodePlanner;
    runProgram: ProgramRunner;
    workspacePolicy?: WorkspacePolicy;
    maxRepairRounds?: number;
    /** Skip verification in a twin (the program runs once, for real). */
    unverified?: boolean;
    /** Live view / recorder hooks on the executing world. */
    onFrame?: SimBackendOptions['onFrame'];
    frameEvery?: number;
    /**
     * A real robot to execute on. The scene then describes its cell: the planner plans from the
     * scene and verifies in simulated twins of it, and the chosen program runs on this backend.
     * Nothing checks the task's predicate on the real robot (no simulated world follows it).
     */
    robot?: RobotBackend;
}
/** A simulator episode: the simulated world, the backend that executes and the episode's event stream. */
export interface SimEpisode {
    sim: SimWorld;
    backend: RobotBackend;
    events$: Observable<EpisodeEvent>;
    /** Frees the executing world (twins are freed as soon as they are checked). */
    free(): void;
}
/**
 * Builds the world for a scene and an episode over it: verification runs in clones restored
 * from a snapshot of the executing world, and the outcome is the scene's own predicate.
 */
export declare function createSimEpisode(opts: SimEpisodeOptions): Promise<SimEpisode>;
/** Runs a simulator episode to its end and returns every event (the last is the outcome). */
export declare function runSimEpisode(opts: SimEpisodeOptions, onEvent?: (e: EpisodeEvent) => void): Promise<EpisodeEvent[]>;
//# sourceMappingURL=sim-episode.d.ts.map