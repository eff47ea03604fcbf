/** Success rates over seeded starts, for a policy and the zero/random baselines. */
import { runEpisode, rng, ACTION_SIZE, type ActFn, type EpisodeResult, type Rapier } from './inhand-env.ts';

export interface SuccessStats {
  episodes: number;
  successes: number;
  successRate: number;
  drops: number;
  meanReturn: number;
  meanFinalError: number;
  physicsSteps: number;
  seconds: number;
}

/**
 * Episode seeds firstSeed, firstSeed+1, …. Training draws its episode seeds uniformly from
 * [0, 2^31), so a small consecutive range is (almost surely) held out.
 */
export function seedRange(firstSeed: number, episodes: number): number[] {
  return Array.from({ length: episodes }, (_, i) => firstSeed + i);
}

export function successStats(R: Rapier, makeAct: (seed: number) => ActFn, seeds: readonly number[]): SuccessStats {
  const t0 = performance.now();
  const episodes = seeds.map((s) => runEpisode(R, makeAct(s), s));
  return statsOf(episodes, (performance.now() - t0) / 1000);
}

/** The statistics of finished episodes, summed in the order given (give them in seed order to match `successStats`). */
export function statsOf(
  episodes: readonly Pick<EpisodeResult, 'success' | 'dropped' | 'return' | 'finalError' | 'physicsSteps'>[],
  seconds: number,
): SuccessStats {
  let successes = 0;
  let drops = 0;
  let ret = 0;
  let err = 0;
  let steps = 0;
  for (const e of episodes) {
    successes += e.success ? 1 : 0;
    drops += e.dropped ? 1 : 0;
    ret += e.return;
    err += e.finalError;
    steps += e.physicsSteps;
  }
  const n = episodes.length;
  return {
    episodes: n,
    successes,
    successRate: successes / n,
    drops,
    meanReturn: ret / n,
    meanFinalError: err / n,
    physicsSteps: steps,
    seconds,
  };
}

export const zeroPolicy = (): ActFn => () => new Float32Array(ACTION_SIZE);

/** Uniform random actions in [-1, 1], seeded per episode. */
export const randomPolicy = (seed: number): ActFn => {
  const r = rng(seed ^ 0x5bd1e995);
  return () => Float32Array.from({ length: ACTION_SIZE }, () => r() * 2 - 1);
};
