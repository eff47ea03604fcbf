/**
 * The success-rate benchmark (`robotool bench`) as jobs: each task variant is one job that
 * carries its scene, so the variants run on every core (the local pool) or on every machine (the
 * queue) and the report is the same whichever ran them and in whatever order they finished.
 */
import { loadScene } from '../scene/file.ts';
import { randomVariant, withPoseNoise } from '../scene/variants.ts';
import type { BenchEpisodeJob, BenchEpisodeResult, PlannerSpec, Settled } from './jobs.ts';
import type { JobRunner } from './pool.ts';

/** One task's benchmark figures. */
export interface TaskBenchResult {
  task: string;
  seeds: number;
  successes: number;
  rate: number;
  meanPlanSeconds: number;
  meanExecSeconds: number;
  meanWallSeconds: number;
  maxWallSeconds: number;
  failures: { seed: number; reason: string }[];
}

export interface BenchJobOptions {
  /** Bundled task names or scene files. */
  tasks: readonly string[];
  seeds: number;
  firstSeed?: number;
  planner: PlannerSpec;
  rename?: boolean;
  /**
   * `camera`: plan from the depth cameras; the perception catalogue is the variant with every
   * position off by up to 2 cm (what a user who measured the cell by hand would write).
   */
  perception?: 'truth' | 'camera';
}

/** The jobs of a benchmark, task by task and seed by seed: each carries its variant's scene. */
export async function benchJobs(opts: BenchJobOptions): Promise<BenchEpisodeJob[]> {
  const jobs: BenchEpisodeJob[] = [];
  for (const task of opts.tasks) {
    const base = await loadScene(task);
    for (let i = 0; i < opts.seeds; i++) {
      const seed = (opts.firstSeed ?? 1) + i;
      const scene = randomVariant(base, { seed, rename: opts.rename ?? true });
      const camera = opts.perception === 'camera' ? { perception: 'camera' as const, catalogue: withPoseNoise(scene, { seed: seed + 10007, poseNoise: 0.02 }) } : {};
      jobs.push({ kind: 'bench-episode', task, seed, scene, command: scene.command, goalFrom: 'scene', planner: opts.planner, ...camera });
    }
  }
  return jobs;
}

/**
 * The report of finished jobs, per task in the jobs' task order, failures by seed: the same
 * whichever order the jobs finished in. A job given up on (its worker failed twice) counts as
 * unsolved with the failure as its reason; its time is not in the means.
 */
export function summarizeBench(jobs: readonly BenchEpisodeJob[], settled: readonly Settled<BenchEpisodeResult>[]): TaskBenchResult[] {
  const byTask = new Map<string, { job: BenchEpisodeJob; s: Settled<BenchEpisodeResult> }[]>();
  jobs.forEach((job, i) => {
    const list = byTask.get(job.task) ?? [];
    list.push({ job, s: settled[i]! });
    byTask.set(job.task, list);
  });
  return [...byTask].map(([task, list]) => {
    list.sort((a, b) => a.job.seed - b.job.seed);
    const n = list.length;
    const r: TaskBenchResult = { task, seeds: n, successes: 0, rate: 0, meanPlanSeconds: 0, meanExecSeconds: 0, meanWallSeconds: 0, maxWallSeconds: 0, failures: [] };
    for (const { job, s } of list) {
      if (!s.ok) {
        r.failures.push({ seed: job.seed, reason: `job failed after ${s.attempts} attempt${s.attempts === 1 ? '' : 's'}: ${s.error}` });
        continue;
      }
      const v = s.value;
      if (v.success) r.successes++;
      else r.failures.push({ seed: job.seed, reason: v.reason });
      r.meanPlanSeconds += v.planSeconds / n;
      r.meanExecSeconds += v.execSeconds / n;
      r.meanWallSeconds += v.wallSeconds / n;
      r.maxWallSeconds = Math.max(r.maxWallSeconds, v.wallSeconds);
    }
    r.rate = r.successes / n;
    return r;
  });
}

export interface RunBenchOptions extends BenchJobOptions {
  /** Where the jobs run: a WorkerPool, a QueueRunner, an InThreadRunner. */
  runner: JobRunner;
  onProgress?: (done: number, total: number, task: string, ok: boolean) => void;
}

/** Runs the benchmark on the runner and returns the report. */
export async function runBench(opts: RunBenchOptions): Promise<TaskBenchResult[]> {
  const jobs = await benchJobs(opts);
  let done = 0;
  const settled = await opts.runner.runAll(jobs, (i, s) => opts.onProgress?.(++done, jobs.length, jobs[i]!.task, s.ok && s.value.success));
  return summarizeBench(jobs, settled);
}
