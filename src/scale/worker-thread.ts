/**
 * The entry of each pool thread (tinypool loads it): runs the job it is handed. Weights come
 * with their bytes in a local pool.
 */
import { runJob } from './run-job.ts';
import type { Job, JobResult } from './jobs.ts';

export default function runInThread(job: Job): Promise<JobResult> {
  return runJob(job);
}
