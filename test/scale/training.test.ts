import { describe, expect, it } from 'vitest';
import { DEFAULT_ES, trainEs } from '../../src/policies/es.ts';
import { loadRapier } from '../../src/policies/inhand-env.ts';
import { Mlp } from '../../src/policies/mlp.ts';
import { successStats, randomPolicy } from '../../src/policies/evaluate.ts';
import { WorkerPool } from '../../src/scale/pool.ts';
import { evaluateOn, successStatsOn } from '../../src/scale/training.ts';

describe('training and evaluation on the worker pool', () => {
  it('gives the same weights, bit for bit, and the same held-out statistics as one thread', async () => {
    const opts = { ...DEFAULT_ES, seed: 5, iterations: 2, pairs: 2, episodesPerCandidate: 1 };
    const here = await trainEs(opts);
    const pool = new WorkerPool({ workers: 2 });
    try {
      const pooled = await trainEs(opts, undefined, evaluateOn(pool));
      expect(Array.from(pooled.params)).toEqual(Array.from(here.params));
      expect(pooled.history.map((h) => [h.meanReturn, h.centreReturn, h.physicsSteps])).toEqual(here.history.map((h) => [h.meanReturn, h.centreReturn, h.physicsSteps]));
      // the run changed the weights, so equal weights mean equal rollouts
      expect(here.history[0]!.meanReturn).not.toBe(0);

      const R = await loadRapier();
      const seeds = [10000, 10001, 10002];
      const mlp = new Mlp(here.sizes, here.params);
      const strip = ({ seconds: _s, ...rest }: { seconds: number }): object => rest;
      expect(strip(await successStatsOn(pool, { kind: 'mlp', sizes: here.sizes, params: here.params }, seeds))).toEqual(strip(successStats(R, () => (o) => mlp.forward(o), seeds)));
      expect(strip(await successStatsOn(pool, { kind: 'random' }, seeds))).toEqual(strip(successStats(R, randomPolicy, seeds)));
    } finally {
      await pool.close();
    }
  }, 180_000);
});
