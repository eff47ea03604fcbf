/**
 * Policy training and evaluation as jobs: each ES candidate's rollouts and each evaluation
 * episode is a job, so they run on every core (the local pool) or on every machine (the queue).
 * The weights and statistics are the same as in one thread: every job is deterministic and the
 * results are combined in the candidates' (seeds') order, whichever finished first.
 */
import type { Candidate, EvaluateBatch, Evaluation } from '../policies/es.ts';
import { statsOf, type SuccessStats } from '../policies/evaluate.ts';
import { weightsRef, type EvalEpisodeJob, type RolloutJob, type Settled } from './jobs.ts';
import type { JobRunner } from './pool.ts';

function failure(what: string, s: Settled<unknown>): Error {
  return new Error(`${what} failed after ${s.attempts} attempt${s.attempts === 1 ? '' : 's'}: ${s.ok ? '' : s.error}`);
}

/** An ES batch evaluator that sends each candidate to the runner as one rollout job. */
export function evaluateOn(runner: JobRunner): EvaluateBatch {
  return async (sizes: readonly number[], candidates: readonly Candidate[]): Promise<Evaluation[]> => {
    const jobs: RolloutJob[] = candidates.map((c) => ({ kind: 'rollout', sizes: [...sizes], weights: weightsRef(c.params), seeds: [...c.seeds] }));
    const settled = await runner.runAll(jobs);
    return settled.map((s, i) => {
      if (!s.ok) throw failure(`rollout of candidate ${i + 1} of ${jobs.length}`, s);
      return s.value;
    });
  };
}

/** What to evaluate: trained weights, or a baseline. */
export type EvalPolicy = { kind: 'mlp'; sizes: readonly number[]; params: Float32Array } | { kind: 'zero' } | { kind: 'random' };

/** Success statistics of a policy over the seeds, one job per episode. */
export async function successStatsOn(runner: JobRunner, policy: EvalPolicy, seeds: readonly number[]): Promise<SuccessStats> {
  const t0 = performance.now();
  const p: EvalEpisodeJob['policy'] = policy.kind === 'mlp' ? { kind: 'mlp', sizes: [...policy.sizes], weights: weightsRef(policy.params) } : policy;
  const jobs: EvalEpisodeJob[] = seeds.map((seed) => ({ kind: 'eval-episode', policy: p, seed }));
  const settled = await runner.runAll(jobs);
  const episodes = settled.map((s, i) => {
    if (!s.ok) throw failure(`evaluation episode (seed ${seeds[i]})`, s);
    return s.value;
  });
  return statsOf(episodes, (performance.now() - t0) / 1000);
}
