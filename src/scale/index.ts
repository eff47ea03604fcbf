/**
 * Scale: episodes, training rollouts and evaluations as self-contained jobs, run on a pool of
 * worker threads (`WorkerPool`) or on `robotool worker` processes over Redis (`QueueRunner` and
 * `startQueueWorker` in `./queue.ts`, which the CLI loads only for `--queue`, so that nothing
 * needs Redis or loads BullMQ without it).
 */
export { WorkerPool, InThreadRunner, defaultWorkers, type JobRunner, type PoolOptions } from './pool.ts';
export { runJob, type RunJobContext } from './run-job.ts';
export {
  Job, BenchEpisodeJob, RolloutJob, EvalEpisodeJob, PlannerSpec, WeightsRef, parseJob, weightsHash, weightsRef,
  type BenchEpisodeResult, type RolloutResult, type EvalEpisodeResult, type JobResult, type JobFailure, type Settled,
} from './jobs.ts';
export { runBench, benchJobs, summarizeBench, type TaskBenchResult, type BenchJobOptions, type RunBenchOptions } from './bench.ts';
export { evaluateOn, successStatsOn, type EvalPolicy } from './training.ts';
