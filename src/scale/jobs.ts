/**
 * Jobs: one unit of work (a bench episode, a policy rollout, a policy evaluation episode) that
 * carries everything it needs, so that any worker thread, or any `robotool worker` process on
 * any machine, can run any job. Policy weights travel by content hash (sha256 of their float32
 * bytes); over a queue only the hash travels and the worker fetches the bytes once.
 */
import { createHash } from 'node:crypto';
import { z } from 'zod';
import { Scene } from '../scene/schema.ts';

/** Planner options a worker builds its planner from (the same as `createPlanner`'s). */
export const PlannerSpec = z.strictObject({
  planner: z.enum(['search', 'llm']).optional(),
  stages: z.string().optional(),
});
export type PlannerSpec = z.infer<typeof PlannerSpec>;

/** Policy weights by content hash; `params` rides along where the bytes are cheap to send (a local pool). */
export const WeightsRef = z.strictObject({
  sha256: z.string().regex(/^[0-9a-f]{64}$/, 'a sha256 in hex'),
  params: z.custom<Float32Array>((v) => v instanceof Float32Array, 'float32 weights').optional(),
});
export type WeightsRef = z.infer<typeof WeightsRef>;

/** One bench episode: a scene variant and its command, planned and executed in the simulator. */
export const BenchEpisodeJob = z.strictObject({
  kind: z.literal('bench-episode'),
  /** The task's name in the report (a bundled task or a scene file). */
  task: z.string(),
  seed: z.number().int(),
  scene: Scene,
  command: z.string(),
  /** Which goal to plan for and judge: the command's, or the scene's (a bench judges the scene's). */
  goalFrom: z.enum(['command', 'scene']).optional(),
  planner: PlannerSpec,
  /** `camera`: plan from the scene's depth cameras, with `catalogue` as what the user said is there. */
  perception: z.enum(['truth', 'camera']).optional(),
  /** The perception catalogue (the variant with its positions off by up to 2 cm); default the scene. */
  catalogue: Scene.optional(),
});
export type BenchEpisodeJob = z.infer<typeof BenchEpisodeJob>;

/** ES rollouts: one candidate's weights over the iteration's episode seeds. */
export const RolloutJob = z.strictObject({
  kind: z.literal('rollout'),
  sizes: z.array(z.number().int().positive()).min(2),
  weights: WeightsRef,
  seeds: z.array(z.number().int()).min(1),
});
export type RolloutJob = z.infer<typeof RolloutJob>;

/** One evaluation episode of a policy (trained weights, or the zero and random baselines). */
export const EvalEpisodeJob = z.strictObject({
  kind: z.literal('eval-episode'),
  policy: z.discriminatedUnion('kind', [
    z.strictObject({ kind: z.literal('mlp'), sizes: z.array(z.number().int().positive()).min(2), weights: WeightsRef }),
    z.strictObject({ kind: z.literal('zero') }),
    z.strictObject({ kind: z.literal('random') }),
  ]),
  seed: z.number().int(),
});
export type EvalEpisodeJob = z.infer<typeof EvalEpisodeJob>;

export const Job = z.discriminatedUnion('kind', [BenchEpisodeJob, RolloutJob, EvalEpisodeJob]);
export type Job = z.infer<typeof Job>;

/** What a bench episode reports. */
export interface BenchEpisodeResult {
  task: string;
  seed: number;
  success: boolean;
  reason: string;
  planSeconds: number;
  execSeconds: number;
  wallSeconds: number;
}

/** What a rollout job reports (the ES fitness of one candidate). */
export interface RolloutResult {
  meanReturn: number;
  successRate: number;
  physicsSteps: number;
}

/** What an evaluation episode reports. */
export interface EvalEpisodeResult {
  seed: number;
  success: boolean;
  dropped: boolean;
  return: number;
  finalError: number;
  physicsSteps: number;
}

export type JobResult<J extends Job = Job> = J extends BenchEpisodeJob
  ? BenchEpisodeResult
  : J extends RolloutJob
    ? RolloutResult
    : J extends EvalEpisodeJob
      ? EvalEpisodeResult
      : never;

/** A job that was given up on: it failed (threw, or its worker died) on every attempt. */
export interface JobFailure {
  error: string;
  attempts: number;
}

/** How one job ended: its result, or the failure that ended it. */
export type Settled<R> = ({ ok: true; value: R } | ({ ok: false } & JobFailure)) & { attempts: number; worker?: string };

/** sha256 (hex) of the weights' float32 bytes. */
export function weightsHash(params: Float32Array): string {
  return createHash('sha256').update(new Uint8Array(params.buffer, params.byteOffset, params.byteLength)).digest('hex');
}

/** A reference to the weights carrying the bytes too. */
export function weightsRef(params: Float32Array): WeightsRef {
  return { sha256: weightsHash(params), params: Float32Array.from(params) };
}

/** Checks a job that came from outside the process (a queue); throws naming the bad field. */
export function parseJob(data: unknown): Job {
  const r = Job.safeParse(data);
  if (r.success) return r.data;
  const issues = r.error.issues.map((i) => `${i.path.join('.') || '(job)'}: ${i.message}`);
  throw new Error(`invalid job: ${issues.slice(0, 5).join('; ')}${issues.length > 5 ? ` (and ${issues.length - 5} more)` : ''}`);
}
