/**
 * Bench over the Redis queue against a real redis-server, with two real `robotool worker`
 * processes: the results equal a local run's; one worker killed (SIGKILL) mid-job has its job
 * retried by the other, and every job's result is written exactly once.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InThreadRunner } from '../../src/scale/pool.ts';
import { runBench, type TaskBenchResult } from '../../src/scale/bench.ts';
import { runJob } from '../../src/scale/run-job.ts';
import { QueueRunner } from '../../src/scale/queue.ts';
import { evaluateOn } from '../../src/scale/training.ts';
import { DEFAULT_ES, trainEs } from '../../src/policies/es.ts';
import { REDIS_SERVER, startRedis, type RedisServer } from './redis-server.ts';

const CLI = fileURLToPath(new URL('../../bin/robotool.mjs', import.meta.url));
const BENCH = { tasks: ['traverse-sofa'], seeds: 2, firstSeed: 1, planner: { planner: 'search' as const } };

function outcomes(report: TaskBenchResult[]): unknown {
  return report.map((r) => ({ task: r.task, seeds: r.seeds, successes: r.successes, failures: r.failures }));
}

interface WorkerProc {
  proc: ChildProcess;
  log: string[];
  exited: Promise<number | null>;
  /** Resolves with the first line that matches. */
  line(re: RegExp): Promise<string>;
}

function startWorker(url: string, name: string): WorkerProc {
  const proc = spawn(process.execPath, [CLI, 'worker', '--queue', url, '--stall-seconds', '2', '--name', name], { stdio: ['ignore', 'ignore', 'pipe'] });
  const log: string[] = [];
  const waiters: { re: RegExp; resolve: (l: string) => void }[] = [];
  let rest = '';
  proc.stderr!.on('data', (chunk: Buffer) => {
    rest += chunk.toString();
    const lines = rest.split('\n');
    rest = lines.pop()!;
    for (const l of lines) {
      log.push(l);
      for (const w of [...waiters]) if (w.re.test(l)) {
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve(l);
      }
    }
  });
  const exited = new Promise<number | null>((r) => proc.once('exit', (code) => r(code)));
  return {
    proc,
    log,
    exited,
    line: (re) => {
      const hit = log.find((l) => re.test(l));
      return hit ? Promise.resolve(hit) : new Promise((resolve) => waiters.push({ re, resolve }));
    },
  };
}

describe.skipIf(!existsSync(REDIS_SERVER))('bench over the Redis queue', () => {
  let redis: RedisServer;
  let local: TaskBenchResult[];
  const workers: WorkerProc[] = [];

  beforeAll(async () => {
    redis = await startRedis();
    local = await runBench({ ...BENCH, runner: new InThreadRunner(runJob) });
  }, 180_000);

  afterAll(async () => {
    for (const w of workers) if (w.proc.exitCode === null && w.proc.signalCode === null) {
      process.kill(w.proc.pid!, 'SIGKILL');
      await w.exited;
    }
    await redis?.stop();
  });

  it('runs every job exactly once with the same results as a local run, though one worker is killed mid-job', async () => {
    const a = startWorker(redis.url, 'worker-a');
    const b = startWorker(redis.url, 'worker-b');
    workers.push(a, b);
    await Promise.all([a.line(/taking jobs/), b.line(/taking jobs/)]);
    const runner = new QueueRunner({ url: redis.url, pollMs: 100 });
    const report = runBench({ ...BENCH, runner });
    // kill worker-a by pid while its first job runs
    const started = await a.line(/job (\S+) .* started/);
    const killedJob = /job (\S+) /.exec(started)![1]!;
    process.kill(a.proc.pid!, 'SIGKILL');
    await a.exited;
    const result = await report;
    await runner.close();

    expect(outcomes(result)).toEqual(outcomes(local));
    expect(local[0]!.successes).toBe(2);
    const runId = runner.lastRunId!;
    const results = (await redis.client.send('HGETALL', [`robotool:run:${runId}:results`])) as string[];
    const byJob = new Map<string, { worker: string }>();
    for (let i = 0; i < results.length; i += 2) byJob.set(results[i]!, JSON.parse(results[i + 1]!) as { worker: string });
    // exactly one result per job, all written by the surviving worker
    expect([...byJob.keys()].sort()).toEqual([0, 1].map((i) => `${runId}-${i}`));
    expect(new Set([...byJob.values()].map((r) => r.worker))).toEqual(new Set(['worker-b']));
    // the killed worker's job was started twice (detected as stalled, run again), every other once
    const starts = (await redis.client.send('HGETALL', [`robotool:run:${runId}:starts`])) as string[];
    const startCount = new Map<string, number>();
    for (let i = 0; i < starts.length; i += 2) startCount.set(starts[i]!, Number(starts[i + 1]));
    expect(startCount.get(killedJob)).toBe(2);
    for (const [id, n] of startCount) if (id !== killedJob) expect(n).toBe(1);
    expect(b.log.some((l) => l.includes(`job ${killedJob}`) && l.includes('done'))).toBe(true);
  }, 300_000);

  it('prints the jobs queued, running, done and failed and the workers seen, and gives the local report through the CLI', async () => {
    // the first test's surviving worker stops (SIGTERM: it finishes what it holds), so that this
    // run has exactly two workers
    for (const w of workers.splice(0)) {
      if (w.proc.exitCode === null && w.proc.signalCode === null) {
        process.kill(w.proc.pid!, 'SIGTERM');
        expect(await w.exited).toBe(0);
      }
    }
    const c = startWorker(redis.url, 'worker-c');
    const d = startWorker(redis.url, 'worker-d');
    workers.push(c, d);
    await Promise.all([c.line(/taking jobs/), d.line(/taking jobs/)]);
    const bench = spawn(process.execPath, [CLI, 'bench', '--tasks', 'traverse-sofa', '--seeds', '2', '--queue', redis.url, '--json'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    bench.stdout!.on('data', (b: Buffer) => (out += b.toString()));
    bench.stderr!.on('data', (b: Buffer) => (err += b.toString()));
    const code = await new Promise((r) => bench.once('exit', r));
    expect(code).toBe(0);
    const report = JSON.parse(out) as { tasks: TaskBenchResult[] };
    expect(outcomes(report.tasks)).toEqual(outcomes(local));
    expect(err).toMatch(/bench: 2\/2 jobs: 0 queued, 0 running, 2 done, 0 failed; workers seen: worker-c, worker-d\n/);
    // both workers took jobs
    expect(c.log.some((l) => / done in /.test(l)) && d.log.some((l) => / done in /.test(l))).toBe(true);
  }, 300_000);

  it('trains on the queue (weights by content hash) to the same weights as one thread', async () => {
    const opts = { ...DEFAULT_ES, seed: 7, iterations: 1, pairs: 2, episodesPerCandidate: 1 };
    const here = await trainEs(opts);
    const runner = new QueueRunner({ url: redis.url, pollMs: 100 });
    try {
      const queued = await trainEs(opts, undefined, evaluateOn(runner));
      expect(Array.from(queued.params)).toEqual(Array.from(here.params));
    } finally {
      await runner.close();
    }
    // the candidates' weights went by hash: 2 × pairs + 1 of them stored once each
    const keys = (await redis.client.send('KEYS', ['robotool:weights:*'])) as string[];
    expect(keys).toHaveLength(5);
  }, 300_000);
});
