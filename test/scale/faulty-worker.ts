/**
 * A pool thread for tests: runs jobs as the real one does, except a bench job whose seed is
 * listed in FAULTS (workerData-free: the scene's description carries it) misbehaves first.
 * The marker file records that a fault already happened, so a retry runs normally
 * ("once") or misbehaves again ("always").
 */
import { existsSync, writeFileSync } from 'node:fs';
import { runJob } from '../../src/scale/run-job.ts';
import type { Job } from '../../src/scale/jobs.ts';

/** The fault a bench job asks for in its command: `FAULT:exit|throw|oom:once|always:MARKERFILE`. */
export default async function faulty(job: Job): Promise<unknown> {
  const m = job.kind === 'bench-episode' ? /^FAULT:(exit|throw|oom):(once|always):(.+)$/.exec(job.command) : null;
  if (m && job.kind === 'bench-episode') {
    const [, kind, when, marker] = m;
    if (when === 'always' || !existsSync(marker!)) {
      writeFileSync(marker!, 'faulted\n');
      if (kind === 'exit') process.exit(3);
      if (kind === 'throw') throw new Error('episode blew up on purpose');
      const hog: number[][] = [];
      for (;;) hog.push(new Array(1e6).fill(Math.random()));
    }
    return runJob({ ...job, command: job.scene.command });
  }
  return runJob(job);
}
