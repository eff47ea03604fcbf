import { parseCommandArgs, usageError, errorMessage } from './options.ts';

const HELP = `usage: robotool worker --queue redis://HOST:PORT [--concurrency N] [--stall-seconds S]

Takes jobs (bench variants, training rollouts, evaluation episodes) from the robotool queue on
Redis and runs them, each on a worker thread, until stopped (Ctrl-C or SIGTERM finish the jobs in
hand first). Start one per machine, or several; \`robotool bench --queue\` and training with
\`--queue\` enqueue the jobs and collect the results.

options:
  --queue URL            redis://[user:password@]host[:port][/db]   (required)
  --concurrency N        jobs at once, one thread each (default 1)
  --stall-seconds S      a job whose worker has not renewed its lock for S seconds is taken to be
                         lost (the worker died) and runs again elsewhere (default 30)
  --name NAME            how this worker shows in progress lines (default host:pid)
  --quiet                no line per job`;

/** `robotool worker`. */
export default async function workerCommand(argv: string[]): Promise<number> {
  const parsed = parseCommandArgs('worker', HELP, argv, {
    queue: { type: 'string' },
    concurrency: { type: 'string', default: '1' },
    'stall-seconds': { type: 'string', default: '30' },
    name: { type: 'string' },
    quiet: { type: 'boolean', default: false },
  });
  if (typeof parsed === 'number') return parsed;
  const { values, positionals } = parsed;
  if (positionals.length) return usageError('worker', HELP, `unexpected argument "${positionals[0]}"`);
  if (!values.queue) return usageError('worker', HELP, '--queue redis://HOST:PORT is required');
  const concurrency = Number(values.concurrency);
  if (!Number.isInteger(concurrency) || concurrency < 1 || concurrency > 1024) return usageError('worker', HELP, `--concurrency must be a whole number from 1 to 1024, not "${values.concurrency}"`);
  const stall = Number(values['stall-seconds']);
  if (!Number.isFinite(stall) || stall < 1) return usageError('worker', HELP, `--stall-seconds must be a number of seconds ≥ 1, not "${values['stall-seconds']}"`);
  const { startQueueWorker, redisOptions } = await import('../scale/queue.ts');
  try {
    redisOptions(values.queue);
  } catch (err) {
    return usageError('worker', HELP, errorMessage(err));
  }
  const log = (line: string): void => void process.stderr.write(`robotool worker: ${line}\n`);
  const worker = startQueueWorker({
    url: values.queue,
    concurrency,
    stallSeconds: stall,
    ...(values.name ? { name: values.name } : {}),
    log: values.quiet ? () => {} : log,
  });
  try {
    await worker.ready;
  } catch (err) {
    log(`cannot connect: ${errorMessage(err)}`);
    await worker.close().catch(() => {});
    return 1;
  }
  log(`${worker.name} taking jobs from ${values.queue} (${concurrency} at once)`);
  await new Promise<void>((resolve) => {
    const stop = (sig: string): void => {
      log(`${sig}: finishing the jobs in hand`);
      resolve();
    };
    process.once('SIGINT', () => stop('SIGINT'));
    process.once('SIGTERM', () => stop('SIGTERM'));
  });
  await worker.close();
  log('stopped');
  return 0;
}
