/**
 * The local worker pool: jobs run on `worker_threads` (tinypool), one Rapier world per thread, so
 * every core works. A job whose thread throws, exits or runs out of memory fails alone: the
 * thread is replaced, the job is retried once, and if it fails again it is reported as failed
 * while the other jobs finish.
 *
 * The thread's entry is `worker-thread.ts` next to this file. From the compiled package that is
 * `worker-thread.js` and plain node loads it; in a development checkout the sources are
 * TypeScript, so the thread first registers tsx (as `bin/robotool.mjs` does for the main thread;
 * Node 20 does not pass a loader's hooks on to worker threads) and then imports the `.ts` file.
 */
import { availableParallelism } from 'node:os';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Tinypool } from 'tinypool';
import type { Job, JobResult, Settled } from './jobs.ts';

export interface PoolOptions {
  /** Threads (default: the number of cores). */
  workers?: number;
  /** Attempts per job before it is reported as failed (default 2: one retry). */
  attempts?: number;
  /** Heap limit of each thread in MB (V8's old generation); a thread over it fails its job. */
  maxMemoryMb?: number;
  /** The thread's module (default: worker-thread next to this file); it default-exports `(job) => result`. */
  workerModule?: URL;
}

/** Anything that runs jobs: the local pool, the queue, or this thread. */
export interface JobRunner {
  /** Runs every job (in any order) and calls `onSettled` as each ends; resolves with them all, in the jobs' order. */
  runAll<J extends Job>(jobs: readonly J[], onSettled?: (index: number, s: Settled<JobResult<J>>) => void): Promise<Settled<JobResult<J>>[]>;
  close(): Promise<void>;
}

/** The number of cores this process may use. */
export function defaultWorkers(): number {
  return Math.max(1, availableParallelism());
}

function tsxApiUrl(): string {
  try {
    return import.meta.resolve('tsx/esm/api');
  } catch {
    const cjs = createRequire(import.meta.url).resolve('tsx/esm/api');
    return pathToFileURL(cjs.replace(/\.cjs$/, '.mjs')).href;
  }
}

/** What tinypool loads in each thread: the module itself, or a bootstrap that registers tsx first. */
export function threadEntry(module: URL): string {
  if (!module.pathname.endsWith('.ts')) return fileURLToPath(module);
  const source = [
    `import { register } from ${JSON.stringify(tsxApiUrl())};`,
    'register();',
    `const m = await import(${JSON.stringify(module.href)});`,
    'export default m.default;',
  ].join('\n');
  return `data:text/javascript,${encodeURIComponent(source)}`;
}

function defaultModule(): URL {
  const self = new URL(import.meta.url);
  return new URL(`./worker-thread${self.pathname.endsWith('.ts') ? '.ts' : '.js'}`, self);
}

function message(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

type Thread = { on(ev: 'exit', cb: (code: number) => void): void; emit(ev: 'error', err: Error): boolean };

/** A pool of worker threads. */
export class WorkerPool implements JobRunner {
  readonly workers: number;
  private readonly attempts: number;
  private readonly pool: Tinypool;
  private readonly watched = new WeakSet<object>();
  private closing = false;

  constructor(opts: PoolOptions = {}) {
    this.workers = opts.workers ?? defaultWorkers();
    if (!Number.isInteger(this.workers) || this.workers < 1) throw new Error(`workers must be a whole number ≥ 1, not ${this.workers}`);
    this.attempts = opts.attempts ?? 2;
    this.pool = new Tinypool({
      filename: threadEntry(opts.workerModule ?? defaultModule()),
      minThreads: 0,
      maxThreads: this.workers,
      idleTimeout: 10_000,
      ...(opts.maxMemoryMb ? { resourceLimits: { maxOldGenerationSizeMb: opts.maxMemoryMb } } : {}),
    });
    // A thread that dies with no task of its own (between tasks) is replaced on the next run.
    this.pool.on('error', () => {});
  }

  /**
   * A thread that calls process.exit ends without an error event, and tinypool would wait for its
   * task forever: turn a non-zero exit into an error, which fails that thread's task and replaces it.
   */
  private watchThreads(): void {
    for (const t of this.pool.threads as unknown as Thread[]) {
      if (!t || this.watched.has(t)) continue;
      this.watched.add(t);
      t.on('exit', (code) => {
        if (!this.closing) t.emit('error', new Error(`worker thread exited (code ${code})`));
      });
    }
  }

  /** Runs one job, retrying once when it fails. */
  async run<J extends Job>(job: J): Promise<Settled<JobResult<J>>> {
    let last = '';
    for (let attempt = 1; attempt <= this.attempts; attempt++) {
      try {
        const p = this.pool.run(job) as Promise<JobResult<J>>;
        this.watchThreads();
        const value = await p;
        return { ok: true, value, attempts: attempt };
      } catch (err) {
        if (this.closing) throw err;
        last = message(err);
      }
    }
    return { ok: false, error: last, attempts: this.attempts };
  }

  async runAll<J extends Job>(jobs: readonly J[], onSettled?: (index: number, s: Settled<JobResult<J>>) => void): Promise<Settled<JobResult<J>>[]> {
    return Promise.all(
      jobs.map(async (job, i) => {
        const s = await this.run(job);
        onSettled?.(i, s);
        return s;
      }),
    );
  }

  async close(): Promise<void> {
    this.closing = true;
    await this.pool.destroy();
  }
}

/** Runs jobs one after another in this thread (`--workers 0`; a planner object that cannot be sent to a thread). */
export class InThreadRunner implements JobRunner {
  constructor(private readonly run: (job: Job) => Promise<unknown>) {}
  async runAll<J extends Job>(jobs: readonly J[], onSettled?: (index: number, s: Settled<JobResult<J>>) => void): Promise<Settled<JobResult<J>>[]> {
    const out: Settled<JobResult<J>>[] = [];
    for (const [i, job] of jobs.entries()) {
      let s: Settled<JobResult<J>>;
      try {
        s = { ok: true, value: (await this.run(job)) as JobResult<J>, attempts: 1 };
      } catch (err) {
        s = { ok: false, error: message(err), attempts: 1 };
      }
      out.push(s);
      onSettled?.(i, s);
    }
    return out;
  }
  async close(): Promise<void> {}
}
