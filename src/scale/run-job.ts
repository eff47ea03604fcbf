/**
 * Runs one job in the calling thread. Worker threads (`pool.ts`), `robotool worker` and the
 * single-thread path all come through here, so a job gives the same result wherever it runs.
 */
import { runSimEpisode } from '../episode/sim-episode.ts';
import { sandboxRunner } from '../episode/sandbox-runner.ts';
import type { EpisodePlanner } from '../episode/episode.ts';
import { createPlanner } from '../planner/create.ts';
import { evaluate } from '../policies/es.ts';
import { loadRapier, runEpisode, type ActFn } from '../policies/inhand-env.ts';
import { Mlp } from '../policies/mlp.ts';
import { randomPolicy, zeroPolicy } from '../policies/evaluate.ts';
import {
  weightsHash,
  type BenchEpisodeJob,
  type BenchEpisodeResult,
  type EvalEpisodeJob,
  type EvalEpisodeResult,
  type Job,
  type JobResult,
  type RolloutJob,
  type RolloutResult,
  type WeightsRef,
} from './jobs.ts';

export interface RunJobContext {
  /** Fetches weights that came by hash alone (a queue worker reads them from Redis). */
  fetchWeights?: (sha256: string) => Promise<Float32Array>;
}

const planners = new Map<string, Promise<EpisodePlanner>>();

/** One planner per planner spec and thread (the search planner holds no per-episode state). */
function plannerFor(spec: BenchEpisodeJob['planner']): Promise<EpisodePlanner> {
  const key = JSON.stringify([spec.planner ?? '', spec.stages ?? '']);
  let p = planners.get(key);
  if (!p) {
    p = createPlanner({ planner: spec.planner, stages: spec.stages }).then((c) => c.planner);
    p.catch(() => planners.delete(key));
    planners.set(key, p);
  }
  return p;
}

const weightCache = new Map<string, Float32Array>();

async function weightsOf(ref: WeightsRef, ctx: RunJobContext): Promise<Float32Array> {
  const cached = weightCache.get(ref.sha256);
  if (cached) return cached;
  let params: Float32Array | undefined = ref.params;
  if (!params) {
    if (!ctx.fetchWeights) throw new Error(`weights ${ref.sha256.slice(0, 12)}… came without their bytes and nothing can fetch them`);
    params = await ctx.fetchWeights(ref.sha256);
  }
  const got = weightsHash(params);
  if (got !== ref.sha256) throw new Error(`weights do not match their hash (${got.slice(0, 12)}… for ${ref.sha256.slice(0, 12)}…)`);
  if (weightCache.size > 256) weightCache.clear();
  weightCache.set(ref.sha256, params);
  return params;
}

async function benchEpisode(job: BenchEpisodeJob): Promise<BenchEpisodeResult> {
  const planner = await plannerFor(job.planner);
  const t0 = performance.now();
  const events = await runSimEpisode({ scene: job.scene, command: job.command, planner, runProgram: sandboxRunner({}),
    ...(job.goalFrom ? { goalFrom: job.goalFrom } : {}),
    ...(job.perception === 'camera' ? { perception: 'camera' as const, catalogue: job.catalogue ?? job.scene } : {}),
  });
  const wallSeconds = (performance.now() - t0) / 1000;
  const outcome = events.findLast((e) => e.type === 'outcome');
  if (outcome?.type !== 'outcome') return { task: job.task, seed: job.seed, success: false, reason: 'no outcome', planSeconds: 0, execSeconds: 0, wallSeconds };
  return {
    task: job.task,
    seed: job.seed,
    success: outcome.success,
    reason: outcome.reason,
    planSeconds: outcome.planSeconds,
    execSeconds: outcome.execSeconds,
    wallSeconds,
  };
}

async function rollout(job: RolloutJob, ctx: RunJobContext): Promise<RolloutResult> {
  const params = await weightsOf(job.weights, ctx);
  return evaluate(await loadRapier(), job.sizes, params, job.seeds);
}

async function evalEpisode(job: EvalEpisodeJob, ctx: RunJobContext): Promise<EvalEpisodeResult> {
  let act: ActFn;
  if (job.policy.kind === 'mlp') {
    const mlp = new Mlp(job.policy.sizes, await weightsOf(job.policy.weights, ctx));
    act = (o) => mlp.forward(o);
  } else act = job.policy.kind === 'zero' ? zeroPolicy() : randomPolicy(job.seed);
  const e = runEpisode(await loadRapier(), act, job.seed);
  return { seed: job.seed, success: e.success, dropped: e.dropped, return: e.return, finalError: e.finalError, physicsSteps: e.physicsSteps };
}

/** Runs the job here and returns its result. */
export async function runJob<J extends Job>(job: J, ctx: RunJobContext = {}): Promise<JobResult<J>> {
  switch (job.kind) {
    case 'bench-episode':
      return (await benchEpisode(job)) as JobResult<J>;
    case 'rollout':
      return (await rollout(job, ctx)) as JobResult<J>;
    case 'eval-episode':
      return (await evalEpisode(job, ctx)) as JobResult<J>;
  }
}
