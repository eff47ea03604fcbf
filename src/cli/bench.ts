import { z } from 'zod';
import { arg, checkOptions, CliError, cliCommand, closest, errorMessage, parseCommandArgs, UsageError } from './options.ts';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { loadScene, TASKS } from '../scene/file.ts';
import { createPlanner } from '../planner/create.ts';
import type { EpisodePlanner } from '../episode/episode.ts';
import { runBench } from '../scale/bench.ts';
import { jobRunner, parseWorkers, scaleHelp } from './scale-options.ts';

const HELP = `usage: robotool bench [--tasks LIST] [--seeds N] [--planner search|llm] [--json]

Runs each task over N randomised variants (positions ±3 cm per group of touching objects,
movable objects' sizes ±10%, up to two distractor objects, every object renamed) and reports
the success rate and mean planning and execution time per task.

options:
  --tasks LIST           comma-separated bundled tasks, scene files and folders of scene
                         files (*.json; default: all six bundled tasks)
  --seeds N              variants per task (1–10000; default 20)
  --first-seed N         first seed (0–4294967295; default 1)
  --planner search|llm   default search; llm needs a configured model (see README)
  --no-rename            keep the scene's object names
  --perception truth|camera  plan from the truth (default) or from the depth cameras, the
                         catalogue's positions off by up to 2 cm; outcomes are judged on the truth
${scaleHelp()}
  --json                 print { planner, tasks: [{ task, seeds, successes, rate, meanPlanSeconds,
                         meanExecSeconds, meanWallSeconds, maxWallSeconds, failures: [{ seed, reason }] }] }

times are wall-clock seconds. exit status: 0 when the benchmark completes, whatever the
success rate; 2 for bad usage.`;

export { runBench, type TaskBenchResult, type RunBenchOptions as BenchOptions } from '../scale/bench.ts';

function bar(done: number, total: number, width = 30): string {
  const n = Math.round((done / total) * width);
  return `[${'#'.repeat(n)}${'.'.repeat(width - n)}] ${done}/${total}`;
}

const BenchOptions = z.object({
  tasks: arg.text().optional(),
  seeds: arg.int(1, 10_000).optional(),
  'first-seed': arg.int(0, 0xffffffff).optional(),
  planner: arg.choice(['search', 'llm']).optional(),
  'no-rename': z.boolean(),
  workers: arg.text().optional(),
  queue: arg.text().optional(),
  perception: arg.choice(['truth', 'camera']).optional(),
  json: z.boolean(),
});

/**
 * Bundled task names stay as they are; a folder becomes its scene files (`*.json` except JSON
 * Schema files, sorted); anything else must be an existing file.
 */
export function expandTasks(items: readonly string[]): string[] {
  const out: string[] = [];
  for (const item of items) {
    if ((TASKS as readonly string[]).includes(item)) {
      out.push(item);
      continue;
    }
    let st;
    try {
      st = statSync(item);
    } catch {
      throw new Error(`unknown task ${item}; not a bundled task (${TASKS.join(', ')}), a scene file or a folder`);
    }
    if (st.isDirectory()) {
      const files = readdirSync(item).filter((f) => f.endsWith('.json') && !f.endsWith('.schema.json')).sort();
      if (files.length === 0) throw new Error(`folder ${item} holds no scene files (*.json)`);
      out.push(...files.map((f) => join(item, f)));
    } else out.push(item);
  }
  return out;
}

/** `robotool bench`. */
export default cliCommand('bench', async (argv) => {
  const parsed = parseCommandArgs('bench', HELP, argv, {
    tasks: { type: 'string' },
    seeds: { type: 'string' },
    'first-seed': { type: 'string' },
    planner: { type: 'string' },
    'no-rename': { type: 'boolean', default: false },
    workers: { type: 'string' },
    queue: { type: 'string' },
    perception: { type: 'string' },
    json: { type: 'boolean', default: false },
  });
  if (typeof parsed === 'number') return parsed;
  if (parsed.positionals.length) throw new UsageError(`unexpected argument "${parsed.positionals[0]}"; name tasks with --tasks`);
  const values = checkOptions(BenchOptions, parsed.values);
  let tasks: string[];
  try {
    tasks = values.tasks ? expandTasks(values.tasks.split(',').map((t) => t.trim()).filter(Boolean)) : [...TASKS];
  } catch (err) {
    const unknown = /^unknown task (\S+);/.exec(errorMessage(err))?.[1];
    const near = unknown ? closest(unknown, TASKS) : undefined;
    const message = errorMessage(err);
    throw new UsageError(`--tasks: ${near ? message.replace(/^(unknown task \S+);/, `$1; did you mean ${near}? It is`) : message}`);
  }
  for (const t of tasks) {
    try {
      await loadScene(t);
    } catch (err) {
      throw new UsageError(`--tasks: ${errorMessage(err)}`);
    }
  }
  if (new Set(tasks).size < tasks.length) throw new UsageError('--tasks names a task twice');
  const seeds = values.seeds ?? 20;
  const firstSeed = values['first-seed'] ?? 1;
  if (firstSeed + seeds - 1 > 0xffffffff) throw new UsageError('--first-seed + --seeds goes past the largest seed (4294967295)');
  let planner: EpisodePlanner;
  try {
    ({ planner } = await createPlanner({ planner: values.planner ?? 'search' }));
  } catch (err) {
    throw new CliError(errorMessage(err), 2, { cause: err });
  }
  const workers = parseWorkers(values.workers);
  if (typeof workers === 'string') throw new UsageError(workers);
  const tty = process.stderr.isTTY;
  const runner = await jobRunner('bench', { workers, queue: values.queue, tty });
  let results;
  try {
    results = await runBench({
      tasks,
      seeds,
      firstSeed,
      planner: { planner: planner.kind === 'llm' ? 'llm' : 'search' },
      rename: !values['no-rename'],
      perception: values.perception ?? 'truth',
      runner,
      onProgress: (done, total, task, ok) => {
        if (values.queue) return; // the queue prints its own progress
        const text = `${bar(done, total)} ${task} ${ok ? 'ok' : 'FAILED'}`;
        process.stderr.write(tty ? `\r${text.padEnd(70)}${done === total ? '\n' : ''}` : `${text}\n`);
      },
    });
  } catch (err) {
    throw new CliError(errorMessage(err), 2, { cause: err });
  } finally {
    await runner.close().catch(() => {});
  }
  if (values.json) {
    process.stdout.write(JSON.stringify({ planner: planner.kind, tasks: results }, null, 2) + '\n');
  } else {
    const rows = results.map((r) => [r.task, `${r.successes}/${r.seeds}`, `${(r.rate * 100).toFixed(0)}%`, r.meanPlanSeconds.toFixed(2), r.meanExecSeconds.toFixed(2), r.maxWallSeconds.toFixed(2)]);
    const head = ['task', 'solved', 'rate', 'mean plan s', 'mean exec s', 'max wall s'];
    const w = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
    const fmt = (r: string[]): string => r.map((c, i) => (i === 0 ? c.padEnd(w[i]!) : c.padStart(w[i]!))).join('  ');
    process.stdout.write([fmt(head), fmt(w.map((n) => '-'.repeat(n))), ...rows.map(fmt)].join('\n') + '\n');
    const mean = results.reduce((s, r) => s + r.rate, 0) / results.length;
    process.stdout.write(`mean success ${(mean * 100).toFixed(1)}% (${planner.kind} planner; RoboTool with GPT-4 reports 87%)\n`);
    for (const r of results) for (const f of r.failures) process.stdout.write(`  ${r.task} seed ${f.seed}: ${f.reason}\n`);
  }
  return 0;
});
