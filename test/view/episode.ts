import { lastValueFrom, tap, toArray } from 'rxjs';
import { loadScene } from '../../src/scene/file.ts';
import { createSimEpisode } from '../../src/episode/sim-episode.ts';
import { searchPlanner } from '../../src/planner/search/search-planner.ts';
import type { EpisodeEvent } from '../../src/episode/events.ts';
import type { SimWorld } from '../../src/sim/world.ts';
import { captureFrame, type PoseFrame } from '../../src/viewer/mirror-model.ts';
import type { RunSinks } from '../../src/cli/run-sinks.ts';
import { sandboxRunner } from '../../src/episode/sandbox-runner.ts';

/** What the test saw of an episode, independently of the sinks under test. */
export interface SeenEpisode {
  events: { t: number; event: EpisodeEvent }[];
  frames: PoseFrame[];
  final: PoseFrame;
}

/**
 * Runs a task's episode (search planner, sandbox runner, no twin) wired to `sinks` exactly as
 * `robotool run` wires them, and records what happened on the side for comparison.
 */
export async function runEpisodeWithSinks(task: string, sinks: RunSinks): Promise<SeenEpisode> {
  const scene = await loadScene(task);
  const frames: PoseFrame[] = [];
  const events: SeenEpisode['events'] = [];
  const ep = await createSimEpisode({
    scene,
    command: scene.command,
    planner: searchPlanner,
    runProgram: sandboxRunner(),
    unverified: true,
    frameEvery: 8,
    onFrame: (s: SimWorld) => {
      frames.push(captureFrame(s));
      sinks.onFrame?.(s);
    },
  });
  let final: PoseFrame;
  try {
    sinks.start?.(ep.sim);
    frames.unshift(captureFrame(ep.sim));
    await lastValueFrom(
      ep.events$.pipe(
        tap((e) => {
          events.push({ t: ep.sim.time, event: e });
          sinks.event?.(e);
        }),
        toArray(),
      ),
    );
    await sinks.finish?.(ep.sim);
    final = captureFrame(ep.sim);
  } finally {
    ep.free();
    await sinks.close?.();
  }
  return { events, frames, final };
}
