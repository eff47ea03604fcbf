import { describe, expect, it } from 'vitest';
import { DEFAULT_ES, evaluate, trainEs } from '../../src/policies/es.ts';
import { ACTION_SIZE, OBS_SIZE, loadRapier, rng } from '../../src/policies/inhand-env.ts';
import { initParams } from '../../src/policies/mlp.ts';

describe('ES training', () => {
  it('a short seeded run improves the mean return on held-out starts', async () => {
    const opts = { ...DEFAULT_ES, seed: 1, iterations: 8, pairs: 8, episodesPerCandidate: 4 };
    const lines: number[] = [];
    const res = await trainEs(opts, (s) => lines.push(s.iteration));
    expect(lines).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    const R = await loadRapier();
    const sizes = [OBS_SIZE, ...opts.hidden, ACTION_SIZE];
    const seeds = Array.from({ length: 10 }, (_, i) => 30000 + i);
    const before = evaluate(R, sizes, initParams(sizes, rng(opts.seed)), seeds);
    const after = evaluate(R, sizes, res.params, seeds);
    // measured: 0.000 -> 1.078 mean return, 0% -> 60% success
    expect(before.meanReturn).toBeLessThan(0.1);
    expect(after.meanReturn).toBeGreaterThan(before.meanReturn + 0.5);
    expect(after.successRate).toBeGreaterThanOrEqual(0.3);
  });

  it('is deterministic for a seed', async () => {
    const opts = { ...DEFAULT_ES, seed: 3, iterations: 2, pairs: 2, episodesPerCandidate: 1 };
    const a = await trainEs(opts);
    const b = await trainEs(opts);
    expect(Array.from(b.params)).toEqual(Array.from(a.params));
    expect(b.history.map((h) => h.meanReturn)).toEqual(a.history.map((h) => h.meanReturn));
  });
});
