/**
 * `npm run bench:scale`: wall time of `robotool bench` with --workers 1 against --workers 2 (or
 * the counts given), alternating, and a check that every run's per-task results (solved seeds,
 * failures and their reasons) are identical. Usage:
 *   npm run bench:scale -- [--tasks LIST] [--seeds 20] [--workers 1,2] [--rounds 1]
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { availableParallelism, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const { values } = parseArgs({
  options: {
    tasks: { type: 'string' },
    seeds: { type: 'string', default: '20' },
    workers: { type: 'string', default: '1,2' },
    rounds: { type: 'string', default: '1' },
  },
});
const cli = fileURLToPath(new URL('../bin/robotool.mjs', import.meta.url));
const counts = values.workers.split(',').map(Number);
const rounds = Number(values.rounds);

interface Run {
  workers: number;
  wall: number;
  /** User + system CPU seconds of the bench process and its threads (with /usr/bin/time). */
  cpu: number | undefined;
  outcome: string;
}

const TIME = '/usr/bin/time';
const scratch = mkdtempSync(join(tmpdir(), 'bench-scale-'));

function once(workers: number): Promise<Run> {
  const args = [cli, 'bench', '--seeds', values.seeds, '--workers', String(workers), '--json', ...(values.tasks ? ['--tasks', values.tasks] : [])];
  const timeFile = join(scratch, `time-${workers}-${Date.now()}`);
  const [cmd, argv] = existsSync(TIME) ? [TIME, ['-f', '%U %S', '-o', timeFile, process.execPath, ...args]] : [process.execPath, args];
  const t0 = performance.now();
  return new Promise((resolve, reject) => {
    const p = spawn(cmd, argv, { stdio: ['ignore', 'pipe', 'ignore'] });
    let out = '';
    p.stdout.on('data', (b: Buffer) => (out += b.toString()));
    p.once('exit', (code) => {
      if (code !== 0) return reject(new Error(`robotool bench --workers ${workers} exited ${code}`));
      const report = JSON.parse(out) as { tasks: { task: string; successes: number; seeds: number; failures: unknown[] }[] };
      const outcome = JSON.stringify(report.tasks.map((t) => [t.task, t.successes, t.seeds, t.failures]));
      const cpu = existsSync(timeFile) ? readFileSync(timeFile, 'utf8').trim().split(/\s+/).map(Number).reduce((a, b) => a + b, 0) : undefined;
      resolve({ workers, wall: (performance.now() - t0) / 1000, cpu, outcome });
    });
  });
}

const runs: Run[] = [];
process.stderr.write(`bench:scale: ${availableParallelism()} cores, load average ${loadavg().map((l) => l.toFixed(1)).join(' ')} at start\n`);
for (let r = 0; r < rounds; r++) {
  for (const w of r % 2 ? [...counts].reverse() : counts) {
    const run = await once(w);
    process.stderr.write(`bench:scale: --workers ${w}: ${run.wall.toFixed(1)} s wall${run.cpu === undefined ? '' : `, ${run.cpu.toFixed(1)} s CPU`}\n`);
    runs.push(run);
  }
}
process.stderr.write(`bench:scale: load average ${loadavg().map((l) => l.toFixed(1)).join(' ')} at the end\n`);
const best = (w: number): number => Math.min(...runs.filter((r) => r.workers === w).map((r) => r.wall));
const base = best(counts[0]!);
console.log('workers  best wall s  speed-up');
for (const w of counts) console.log(`${String(w).padStart(7)}  ${best(w).toFixed(1).padStart(11)}  ${(base / best(w)).toFixed(2).padStart(8)}×`);
rmSync(scratch, { recursive: true, force: true });
const identical = runs.every((r) => r.outcome === runs[0]!.outcome);
console.log(`per-task results identical across runs: ${identical ? 'yes' : 'NO'}`);
if (!identical) process.exitCode = 1;
