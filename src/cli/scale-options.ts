/** The options every command that runs many episodes shares: `--workers N` and `--queue redis://…`. */
import { defaultWorkers, InThreadRunner, WorkerPool, type JobRunner } from '../scale/pool.ts';
import { runJob } from '../scale/run-job.ts';
import type { Job } from '../scale/jobs.ts';

/** The help lines of `--workers` and `--queue`, with descriptions from column `col`. */
export function scaleHelp(col = 25): string {
  const row = (opt: string, lines: string[]): string => {
    const head = `  ${opt}`;
    const first = head.length < col - 1 ? `${head.padEnd(col)}${lines[0]}` : `${head}\n${' '.repeat(col)}${lines[0]}`;
    return [first, ...lines.slice(1).map((l) => `${' '.repeat(col)}${l}`)].join('\n');
  };
  return [
    row('--workers N', [`worker threads running episodes at once (default: the number of`, `cores, here ${defaultWorkers()}); 0 runs them one by one in this thread`]),
    row('--queue redis://HOST:PORT', ['enqueue the episodes on Redis (BullMQ) for `robotool worker`', 'processes to run, and collect the results']),
  ].join('\n');
}

/** `--workers` as a number, or an error message. */
export function parseWorkers(text: string | undefined): number | string {
  if (text === undefined) return defaultWorkers();
  const n = Number(text);
  if (!Number.isInteger(n) || n < 0 || n > 1024) return `--workers must be a whole number from 0 to 1024, not "${text}"`;
  return n;
}

/** Where a command's jobs run: the queue, this thread (`--workers 0`) or a pool of threads. */
export async function jobRunner(command: string, opts: { workers: number; queue?: string | undefined; tty?: boolean }): Promise<JobRunner> {
  if (opts.queue) {
    const { QueueRunner, redisOptions } = await import('../scale/queue.ts');
    redisOptions(opts.queue); // a bad URL fails here, before any work
    return new QueueRunner({
      url: opts.queue,
      onProgress: (p) => {
        const text = `${command}: ${p.done + p.failed}/${p.total} jobs: ${p.queued} queued, ${p.running} running, ${p.done} done, ${p.failed} failed; workers seen: ${p.workers.length ? p.workers.join(', ') : 'none yet'}`;
        process.stderr.write(opts.tty ? `\r${text.padEnd(100)}${p.done + p.failed === p.total ? '\n' : ''}` : `${text}\n`);
      },
    });
  }
  if (opts.workers === 0) return new InThreadRunner((job: Job) => runJob(job));
  return new WorkerPool({ workers: opts.workers });
}
