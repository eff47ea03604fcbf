import { lastValueFrom, tap, toArray, type Observable } from 'rxjs';
import type { Scene } from '../scene/schema.ts';
import type { SimWorld } from '../sim/world.ts';
import { createSim, restoreSim } from '../sim/create.ts';
import { checkGoal } from '../sim/predicates.ts';
import { SimBackend, type SimBackendOptions, type WorkspacePolicy } from '../sim/backend/sim-backend.ts';
import type { RobotBackend } from '../skills/backend.ts';
import type { EpisodeEvent } from './events.ts';
import { runEpisode, type EpisodePlanner, type ProgramRunner, type Twin } from './episode.ts';

export interface SimEpisodeOptions {
  scene: Scene;
  command: string;
  planner: EpisodePlanner;
  runProgram: ProgramRunner;
  workspacePolicy?: WorkspacePolicy;
  /** Which goal to plan for and judge (see EpisodeOptions.goalFrom); `bench` judges the scene's. */
  goalFrom?: 'command' | 'scene';
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
  /** Seed of the programs' Math.random (default: drawn per episode). */
  seed?: number;
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
 * from a snapshot of the executing world (which itself continues from the same bytes, so twin
 * and execution agree exactly), and the outcome checks the goal the twin verified: the
 * command's, the Analyzer's, or the scene's.
 */
export async function createSimEpisode(opts: SimEpisodeOptions): Promise<SimEpisode> {
  const sim = await createSim(opts.scene);
  const policy = opts.workspacePolicy ?? 'clamp';
  const backend = new SimBackend(sim, {
    workspacePolicy: policy,
    ...(opts.onFrame ? { onFrame: opts.onFrame } : {}),
    ...(opts.frameEvery ? { frameEvery: opts.frameEvery } : {}),
  });
  const twin = async (): Promise<Twin> => {
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
      : { checkOutcome: (goal: Parameters<typeof checkGoal>[1]) => checkGoal(sim, goal) }),
    sceneGoal: opts.scene.goal,
    timeLimitSeconds: opts.scene.timeLimit,
    ...(opts.seed !== undefined ? { seed: opts.seed } : {}),
    ...(opts.goalFrom ? { goalFrom: opts.goalFrom } : {}),
    ...(opts.maxRepairRounds !== undefined ? { maxRepairRounds: opts.maxRepairRounds } : {}),
    ...(opts.unverified ? { unverified: true } : {}),
    robotName: opts.robot ? `${opts.scene.robot.kind} (${opts.robot.name})` : opts.scene.robot.kind,
  });
  return { sim, backend: executor, events$, free: () => sim.free() };
}

/** Runs a simulator episode to its end and returns every event (the last is the outcome). */
export async function runSimEpisode(opts: SimEpisodeOptions, onEvent?: (e: EpisodeEvent) => void): Promise<EpisodeEvent[]> {
  const ep = await createSimEpisode(opts);
  try {
    return await lastValueFrom(ep.events$.pipe(tap((e) => onEvent?.(e)), toArray()));
  } finally {
    ep.free();
  }
}
