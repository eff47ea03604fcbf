import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { WorkerPool, InThreadRunner } from '../../src/scale/pool.ts';
import { benchJobs, runBench, summarizeBench } from '../../src/scale/bench.ts';
import { runJob } from '../../src/scale/run-job.ts';
import type { BenchEpisodeJob } from '../../src/scale/jobs.ts';

const dir = mkdtempSync(join(tmpdir(), 'robotool-pool-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The parts of a report that do not depend on timing. */
function outcomes(report: Awaited<ReturnType<typeof runBench>>): unknown {
  return report.map((r) => ({ task: r.task, seeds: r.seeds, successes: r.successes, failures: r.failures }));
}

describe('the local worker pool', () => {
  it('gives the same report with 2 threads as in one thread, for the same seeds', async () => {
    const opts = { tasks: ['press-button', 'traverse-sofa'], seeds: 1, firstSeed: 1, planner: { planner: 'search' as const } };
    const single = await runBench({ ...opts, runner: new InThreadRunner(runJob) });
    const pool = new WorkerPool({ workers: 2 });
    const order: string[] = [];
    try {
      const parallel = await runBench({ ...opts, runner: pool, onProgress: (_d, _t, task) => order.push(task) });
      expect(outcomes(parallel)).toEqual(outcomes(single));
      expect(parallel.map((r) => r.task)).toEqual(['press-button', 'traverse-sofa']);
      expect(order).toHaveLength(2);
    } finally {
      await pool.close();
    }
    // every seed solved here, so the comparison above compares real successes
    expect(single.map((r) => r.successes)).toEqual([1, 1]);
  }, 240_000);

  it('fails only the job whose thread exits, throws or runs out of memory, retries it once, and finishes the rest', async () => {
    const jobs = await benchJobs({ tasks: ['traverse-sofa'], seeds: 4, firstSeed: 1, planner: { planner: 'search' } });
    const fault = (job: BenchEpisodeJob, spec: string): BenchEpisodeJob => ({ ...job, command: `FAULT:${spec}:${join(dir, `${job.seed}-${spec.replace(':', '-')}`)}` });
    const faulty = [fault(jobs[0]!, 'exit:once'), fault(jobs[1]!, 'throw:always'), fault(jobs[2]!, 'oom:always'), jobs[3]!];
    const pool = new WorkerPool({ workers: 2, maxMemoryMb: 64, workerModule: new URL('./faulty-worker.ts', import.meta.url) });
    let settled;
    try {
      settled = await pool.runAll(faulty);
    } finally {
      await pool.close();
    }
    // exited once: retried, and the retry solved it
    expect(settled[0]).toMatchObject({ ok: true, attempts: 2, value: { success: true } });
    // threw every time: reported after two attempts
    expect(settled[1]).toMatchObject({ ok: false, attempts: 2, error: 'episode blew up on purpose' });
    // out of memory every time: reported, the pool lives on
    expect(settled[2]).toMatchObject({ ok: false, attempts: 2 });
    expect(settled[2]!.ok ? '' : settled[2]!.error).toMatch(/memory/i);
    expect(settled[3]).toMatchObject({ ok: true, attempts: 1, value: { success: true } });
    const report = summarizeBench(faulty, settled as never);
    expect(report[0]).toMatchObject({ seeds: 4, successes: 2 });
    expect(report[0]!.failures.map((f) => f.seed)).toEqual([2, 3]);
    expect(report[0]!.failures[0]!.reason).toMatch(/job failed after 2 attempts: episode blew up on purpose/);
  }, 240_000);
});
