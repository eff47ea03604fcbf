/**
 * Jobs across machines on Redis with BullMQ. `QueueRunner` (behind `robotool bench --queue` and
 * training's `--queue`) enqueues jobs and collects their results; `startQueueWorker` (behind
 * `robotool worker`) takes jobs and runs them on its own pool of worker threads, so that its main
 * thread stays free to renew the jobs' locks however long an episode runs.
 *
 * - A job carries everything it needs (scene, seed, planner options; weights by sha256, their
 *   bytes stored once under `robotool:weights:<sha256>`), so any worker can run any job.
 * - A worker lost mid-job stops renewing its lock; another worker's stalled-job check puts the job
 *   back in the queue and it runs again. A job that throws is retried once.
 * - Results are written once: the first `HSETNX` into the run's results hash wins, and a worker
 *   that finds a job's result already there does not run it again. The run's `starts` hash counts
 *   how often each job was started.
 * Only this file imports bullmq; without `--queue` nothing loads it or needs Redis.
 */
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { createBunRedisClient, Queue, Worker, type Job as BullJob } from 'bullmq';
import { parseJob, weightsHash, type Job, type JobResult, type Settled } from './jobs.ts';
import { RespClient } from './resp-client.ts';
import { WorkerPool, type JobRunner } from './pool.ts';

/** The BullMQ queue every robotool producer and worker shares (one per Redis database). */
export const QUEUE_NAME = 'robotool-jobs';
const KEY = 'robotool';
/** How long a run's results, failures and weights stay in Redis. */
const KEEP_SECONDS = 24 * 3600;

/** Redis connection options from `redis://[user:password@]host[:port][/db]`; throws naming the problem. */
export function redisOptions(url: string): { host: string; port: number; db: number; username?: string; password?: string } {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    throw new Error(`--queue must be a URL like redis://127.0.0.1:6379, not "${url}"`);
  }
  if (u.protocol !== 'redis:') throw new Error(`--queue must be a redis:// URL, not "${url}"`);
  const db = u.pathname && u.pathname !== '/' ? Number(u.pathname.slice(1)) : 0;
  if (!Number.isInteger(db) || db < 0) throw new Error(`--queue: the database in "${url}" must be a whole number`);
  return {
    host: u.hostname || '127.0.0.1',
    port: u.port ? Number(u.port) : 6379,
    db,
    ...(u.username ? { username: decodeURIComponent(u.username) } : {}),
    ...(u.password ? { password: decodeURIComponent(u.password) } : {}),
  };
}

/** A BullMQ connection over robotool's own RESP client (see resp-client.ts). */
function connection(url: string): ReturnType<typeof createBunRedisClient> {
  return createBunRedisClient(new RespClient(redisOptions(url)), { lazyConnect: true });
}

/** Plain commands for robotool's own keys. */
class Commands {
  private readonly client: RespClient;
  private ready: Promise<void> | undefined;
  constructor(url: string) {
    this.client = new RespClient(redisOptions(url));
  }
  async send(command: string, ...args: (string | number)[]): Promise<unknown> {
    this.ready ??= this.client.connect();
    await this.ready;
    return this.client.send(command, args);
  }
  async hgetall(key: string): Promise<Record<string, string>> {
    const flat = (await this.send('HGETALL', key)) as string[];
    const out: Record<string, string> = {};
    for (let i = 0; i + 1 < flat.length; i += 2) out[flat[i]!] = flat[i + 1]!;
    return out;
  }
  close(): void {
    this.client.close();
  }
}

const runKey = (runId: string, what: 'results' | 'starts'): string => `${KEY}:run:${runId}:${what}`;
const weightsKey = (sha256: string): string => `${KEY}:weights:${sha256}`;

/** What travels in a BullMQ job's data: the run it belongs to and the job, weights by hash only. */
interface QueuedData {
  runId: string;
  job: Job;
}

/** A result as stored in the run's results hash. */
interface StoredResult {
  worker: string;
  value: unknown;
}

function stripWeights(job: Job): { job: Job; weights: Float32Array[] } {
  const weights: Float32Array[] = [];
  const strip = <T extends { sha256: string; params?: Float32Array | undefined }>(w: T): { sha256: string } => {
    if (w.params) weights.push(w.params);
    return { sha256: w.sha256 };
  };
  if (job.kind === 'rollout') return { job: { ...job, weights: strip(job.weights) }, weights };
  if (job.kind === 'eval-episode' && job.policy.kind === 'mlp') return { job: { ...job, policy: { ...job.policy, weights: strip(job.policy.weights) } }, weights };
  return { job, weights };
}

/** What the producer shows while it waits: this run's jobs and the workers seen. */
export interface QueueProgress {
  total: number;
  queued: number;
  running: number;
  done: number;
  failed: number;
  /** Workers connected to the queue now, and any that wrote one of this run's results. */
  workers: string[];
}

export interface QueueRunnerOptions {
  url: string;
  /** Called when the counts change (and at least every few seconds while workers are seen). */
  onProgress?: (p: QueueProgress) => void;
  /** Attempts per job that throws (default 2: one retry). */
  attempts?: number;
  /** How often to look at Redis, ms (default 250). */
  pollMs?: number;
}

/** Enqueues jobs on Redis and collects their results from whatever workers take them. */
export class QueueRunner implements JobRunner {
  private readonly queue: Queue;
  private readonly redis: Commands;
  private readonly connection: ReturnType<typeof connection>;
  /** The id of the last run, for finding its keys (`robotool:run:<id>:results`, `:starts`). */
  lastRunId: string | undefined;

  constructor(private readonly opts: QueueRunnerOptions) {
    this.connection = connection(opts.url);
    this.queue = new Queue(QUEUE_NAME, { connection: this.connection });
    this.queue.on('error', () => {}); // a lost connection shows as a failed command below
    this.redis = new Commands(opts.url);
  }

  async runAll<J extends Job>(jobs: readonly J[], onSettled?: (index: number, s: Settled<JobResult<J>>) => void): Promise<Settled<JobResult<J>>[]> {
    await this.redis.send('PING');
    const runId = `${Date.now().toString(36)}-${randomUUID().slice(0, 8)}`;
    this.lastRunId = runId;
    const results = runKey(runId, 'results');
    const starts = runKey(runId, 'starts');
    const stored = new Set<string>();
    const queued = jobs.map((job) => stripWeights(job));
    for (const { weights } of queued) {
      for (const w of weights) {
        const sha = weightsHash(w);
        if (stored.has(sha)) continue;
        stored.add(sha);
        await this.redis.send('SET', weightsKey(sha), Buffer.from(w.buffer, w.byteOffset, w.byteLength).toString('base64'), 'EX', KEEP_SECONDS);
      }
    }
    const ids = jobs.map((_, i) => `${runId}-${i}`);
    const attempts = this.opts.attempts ?? 2;
    await this.queue.addBulk(
      queued.map(({ job }, i) => ({
        name: job.kind,
        data: { runId, job } satisfies QueuedData,
        opts: { jobId: ids[i]!, attempts, removeOnComplete: { age: KEEP_SECONDS }, removeOnFail: { age: KEEP_SECONDS } },
      })),
    );
    const index = new Map(ids.map((id, i) => [id, i]));
    const out: (Settled<JobResult<J>> | undefined)[] = new Array(jobs.length);
    const seenWorkers = new Set<string>();
    let settledCount = 0;
    let failed = 0;
    let lastLine = '';
    let lastPrint = 0;
    let lastSweep = 0;
    const settle = (i: number, s: Settled<JobResult<J>>): void => {
      if (out[i]) return;
      out[i] = s;
      settledCount++;
      if (!s.ok) failed++;
      onSettled?.(i, s);
    };
    const pollMs = this.opts.pollMs ?? 250;
    while (settledCount < jobs.length) {
      const [all, startCounts] = await Promise.all([this.redis.hgetall(results), this.redis.hgetall(starts)]);
      for (const [id, text] of Object.entries(all)) {
        const i = index.get(id);
        if (i === undefined || out[i]) continue;
        const r = JSON.parse(text) as StoredResult;
        seenWorkers.add(r.worker);
        settle(i, { ok: true, value: r.value as JobResult<J>, attempts: Number(startCounts[id] ?? 1), worker: r.worker });
      }
      const now = Date.now();
      if (now - lastSweep > 2000 && settledCount < jobs.length) {
        lastSweep = now;
        // Jobs BullMQ gave up on (failed on every attempt, or stalled too often) end in its failed set.
        const pending = ids.filter((_, i) => !out[i]);
        const states = await Promise.all(pending.map((id) => this.queue.getJobState(id)));
        for (const [k, state] of states.entries()) {
          if (state !== 'failed') continue;
          const id = pending[k]!;
          if (await this.redis.send('HEXISTS', results, id)) continue; // written by a worker that then lost its lock
          const bj = await this.queue.getJob(id);
          settle(index.get(id)!, { ok: false, error: bj?.failedReason ?? 'failed', attempts: Math.max(bj?.attemptsMade ?? attempts, Number(startCounts[id] ?? 0)) });
        }
      }
      if (this.opts.onProgress) {
        const [active, connected] = await Promise.all([this.queue.getJobs(['active']), this.queue.getWorkers()]);
        for (const c of connected) {
          const raw = String(c['rawname'] ?? '');
          const at = raw.indexOf(':w:');
          if (at >= 0) seenWorkers.add(raw.slice(at + 3));
        }
        const running = active.filter((j) => j?.id && index.has(j.id) && !out[index.get(j.id)!]).length;
        const p: QueueProgress = {
          total: jobs.length,
          running,
          done: settledCount - failed,
          failed,
          queued: jobs.length - settledCount - running,
          workers: [...seenWorkers].sort(),
        };
        const line = JSON.stringify(p);
        if (line !== lastLine || now - lastPrint > 5000) {
          lastLine = line;
          lastPrint = now;
          this.opts.onProgress(p);
        }
      }
      if (settledCount < jobs.length) await new Promise((r) => setTimeout(r, pollMs));
    }
    return out as Settled<JobResult<J>>[];
  }

  async close(): Promise<void> {
    await this.queue.close();
    await this.connection.quit().catch(() => '');
    this.redis.close();
  }
}

export interface QueueWorkerOptions {
  url: string;
  /** Jobs at once, each on its own thread (default 1). */
  concurrency?: number;
  /** Seconds without a lock renewal after which this worker's job counts as lost and is retried elsewhere (default 30). */
  stallSeconds?: number;
  /** The name other processes see (default host:pid). */
  name?: string;
  /** The thread module (tests); see WorkerPool. */
  workerModule?: URL;
  log?: (line: string) => void;
}

export interface QueueWorker {
  name: string;
  /** Resolves once connected to Redis. */
  ready: Promise<void>;
  /** Finishes the jobs in hand, then stops taking jobs. */
  close(): Promise<void>;
}

/** Takes jobs from the queue and runs them, each on a worker thread, until closed. */
export function startQueueWorker(opts: QueueWorkerOptions): QueueWorker {
  const name = opts.name ?? `${hostname()}:${process.pid}`;
  const concurrency = opts.concurrency ?? 1;
  const stallMs = Math.round((opts.stallSeconds ?? 30) * 1000);
  const log = opts.log ?? (() => {});
  const redis = new Commands(opts.url);
  const workerConnection = connection(opts.url);
  const pool = new WorkerPool({ workers: concurrency, attempts: 1, ...(opts.workerModule ? { workerModule: opts.workerModule } : {}) });
  const weights = async (sha256: string): Promise<Float32Array> => {
    const text = (await redis.send('GET', weightsKey(sha256))) as string | null;
    if (!text) throw new Error(`weights ${sha256.slice(0, 12)}… are not in Redis (expired, or enqueued elsewhere)`);
    const buf = Buffer.from(text, 'base64');
    const copy = new Uint8Array(buf.byteLength);
    copy.set(buf);
    return new Float32Array(copy.buffer);
  };
  const handle = async (bj: BullJob<QueuedData>): Promise<unknown> => {
    const { runId } = bj.data;
    const id = bj.id!;
    const results = runKey(runId, 'results');
    const earlier = (await redis.send('HGET', results, id)) as string | null;
    if (earlier) {
      log(`job ${id}: result already written, not run again`);
      return (JSON.parse(earlier) as StoredResult).value;
    }
    await redis.send('HINCRBY', runKey(runId, 'starts'), id, 1);
    await redis.send('EXPIRE', runKey(runId, 'starts'), KEEP_SECONDS);
    const job = parseJob(bj.data.job);
    if (job.kind === 'rollout' && !job.weights.params) job.weights.params = await weights(job.weights.sha256);
    if (job.kind === 'eval-episode' && job.policy.kind === 'mlp' && !job.policy.weights.params) job.policy.weights.params = await weights(job.policy.weights.sha256);
    log(`job ${id} (${describe(job)}) started, attempt ${bj.attemptsMade + 1}`);
    const t0 = performance.now();
    const s = await pool.run(job);
    if (!s.ok) throw new Error(s.error);
    const written = await redis.send('HSETNX', results, id, JSON.stringify({ worker: name, value: s.value } satisfies StoredResult));
    await redis.send('EXPIRE', results, KEEP_SECONDS);
    log(`job ${id} (${describe(job)}) ${written ? 'done' : 'done again, result already written by another worker'} in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    return s.value;
  };
  const worker = new Worker<QueuedData>(QUEUE_NAME, handle, {
    connection: workerConnection,
    concurrency,
    name,
    lockDuration: stallMs,
    stalledInterval: Math.max(500, Math.round(stallMs / 2)),
    maxStalledCount: 1,
  });
  worker.on('failed', (bj, err) => {
    if (bj) log(`job ${bj.id} failed (attempt ${bj.attemptsMade} of ${bj.opts.attempts ?? 1}): ${err.message}`);
  });
  worker.on('stalled', (id) => log(`job ${id} stalled (its worker stopped renewing the lock): back in the queue`));
  worker.on('error', (err) => log(`worker error: ${err.message}`));
  return {
    name,
    ready: worker.waitUntilReady().then(() => undefined),
    close: async () => {
      await worker.close();
      await workerConnection.quit().catch(() => '');
      await pool.close();
      redis.close();
    },
  };
}

function describe(job: Job): string {
  if (job.kind === 'bench-episode') return `${job.task} seed ${job.seed}`;
  if (job.kind === 'rollout') return `rollout over ${job.seeds.length} episodes`;
  return `evaluation episode, seed ${job.seed}`;
}
