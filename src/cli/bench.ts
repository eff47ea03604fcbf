import { parseArgs } from 'node:util';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { loadScene, TASKS } from '../scene/file.ts';
import { randomVariant } from '../scene/variants.ts';
import { runSimEpisode } from '../episode/sim-episode.ts';
import { createPlanner } from '../planner/create.ts';
import type { EpisodePlanner } from '../episode/episode.ts';
import { sandboxRunner } from '../episode/sandbox-runner.ts';
import { errorMessage } from './options.ts';

const HELP = `usage: robotool bench [--tasks LIST] [--seeds N] [--planner search|llm] [--json]

Runs each task over N randomised variants (positions ±3 cm per group of touching objects,
movable objects' sizes ±10%, up to two distractor objects, every object renamed) and reports
the success rate and mean planning and execution time per task.

options:
  --tasks LIST           comma-separated bundled tasks, scene files and folders of scene
                         files (*.json; default: all six bundled tasks)
  --seeds N              variants per task (default 20)
  --first-seed N         first seed (default 1)
  --planner search|llm   default search; llm needs a configured model (see README)
  --no-rename            keep the scene's object names
  --json                 print { planner, tasks: [{ task, seeds, successes, rate, meanPlanSeconds,
                         meanExecSeconds, meanWallSeconds, maxWallSeconds, failures: [{ seed, reason }] }] }`;

/** One task's benchmark figures. */
export interface TaskBenchResult {
  task: string;
  seeds: number;
  successes: number;
  rate: number;
  meanPlanSeconds: number;
  meanExecSeconds: number;
  meanWallSeconds: number;
  maxWallSeconds: number;
  failures: { seed: number; reason: string }[];
}

export interface BenchOptions {
  tasks: string[];
  seeds: number;
  firstSeed?: number;
  planner: EpisodePlanner;
  rename?: boolean;
  onProgress?: (done: number, total: number, task: string, ok: boolean) => void;
}

/** Runs the benchmark; pure of I/O apart from loading scenes. */
export async function runBench(opts: BenchOptions): Promise<TaskBenchResult[]> {
  const results: TaskBenchResult[] = [];
  const total = opts.tasks.length * opts.seeds;
  let done = 0;
  const runner = sandboxRunner({});
  for (const task of opts.tasks) {
    const base = await loadScene(task);
    const r: TaskBenchResult = { task, seeds: opts.seeds, successes: 0, rate: 0, meanPlanSeconds: 0, meanExecSeconds: 0, meanWallSeconds: 0, maxWallSeconds: 0, failures: [] };
    for (let i = 0; i < opts.seeds; i++) {
      const seed = (opts.firstSeed ?? 1) + i;
      const scene = randomVariant(base, { seed, rename: opts.rename ?? true });
      const t0 = performance.now();
      const events = await runSimEpisode({ scene, command: scene.command, planner: opts.planner, runProgram: runner, goalFrom: 'scene' });
      const wall = (performance.now() - t0) / 1000;
      const outcome = events.findLast((e) => e.type === 'outcome');
      const ok = outcome?.type === 'outcome' && outcome.success;
      if (ok) r.successes++;
      else r.failures.push({ seed, reason: outcome?.type === 'outcome' ? outcome.reason : 'no outcome' });
      if (outcome?.type === 'outcome') {
        r.meanPlanSeconds += outcome.planSeconds / opts.seeds;
        r.meanExecSeconds += outcome.execSeconds / opts.seeds;
      }
      r.meanWallSeconds += wall / opts.seeds;
      r.maxWallSeconds = Math.max(r.maxWallSeconds, wall);
      opts.onProgress?.(++done, total, task, ok);
    }
    r.rate = r.successes / r.seeds;
    results.push(r);
  }
  return results;
}

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
      throw new Error(`unknown task ${item}: not a bundled task (${TASKS.join(', ')}), a scene file or a folder`);
    }
    if (st.isDirectory()) {
      const files = readdirSync(item).filter((f) => f.endsWith('.json') && !f.endsWith('.schema.json')).sort();
      if (files.length === 0) throw new Error(`--tasks: folder ${item} holds no scene files (*.json)`);
      out.push(...files.map((f) => join(item, f)));
    } else out.push(item);
  }
  return out;
}

function bar(done: number, total: number, width = 30): string {
  const n = Math.round((done / total) * width);
  return `[${'#'.repeat(n)}${'.'.repeat(width - n)}] ${done}/${total}`;
}

/** `robotool bench`. */
export default async function benchCommand(argv: string[]): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        tasks: { type: 'string' },
        seeds: { type: 'string', default: '20' },
        'first-seed': { type: 'string', default: '1' },
        planner: { type: 'string', default: 'search' },
        'no-rename': { type: 'boolean', default: false },
        json: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    }));
  } catch (err) {
    process.stderr.write(`robotool bench: ${err instanceof Error ? err.message : String(err)}\n\n${HELP}\n`);
    return 2;
  }
  if (values.help) {
    process.stdout.write(HELP + '\n');
    return 0;
  }
  let tasks: string[];
  try {
    tasks = values.tasks ? expandTasks(values.tasks.split(',').map((t) => t.trim()).filter(Boolean)) : [...TASKS];
  } catch (err) {
    process.stderr.write(`robotool bench: ${errorMessage(err)}\n`);
    return 2;
  }
  for (const t of tasks) {
    try {
      await loadScene(t);
    } catch (err) {
      process.stderr.write(`robotool bench: ${errorMessage(err)}\n`);
      return 2;
    }
  }
  const seeds = Number(values.seeds);
  if (!Number.isInteger(seeds) || seeds < 1) {
    process.stderr.write('robotool bench: --seeds must be a positive whole number\n');
    return 2;
  }
  let planner: EpisodePlanner;
  try {
    ({ planner } = await createPlanner({ planner: values.planner }));
  } catch (err) {
    process.stderr.write(`robotool bench: ${errorMessage(err)}\n`);
    return 2;
  }
  const tty = process.stderr.isTTY;
  const results = await runBench({
    tasks,
    seeds,
    firstSeed: Number(values['first-seed']),
    planner,
    rename: !values['no-rename'],
    onProgress: (done, total, task, ok) => {
      const text = `${bar(done, total)} ${task} ${ok ? 'ok' : 'FAILED'}`;
      process.stderr.write(tty ? `\r${text.padEnd(70)}${done === total ? '\n' : ''}` : `${text}\n`);
    },
  });
  if (values.json) {
    process.stdout.write(JSON.stringify({ planner: planner.kind, tasks: results }, null, 2) + '\n');
  } else {
    const rows = results.map((r) => [r.task, `${r.successes}/${r.seeds}`, `${(r.rate * 100).toFixed(0)}%`, r.meanPlanSeconds.toFixed(2), r.meanExecSeconds.toFixed(2), r.maxWallSeconds.toFixed(2)]);
    const head = ['task', 'solved', 'rate', 'plan s', 'exec s', 'max wall s'];
    const w = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
    const fmt = (r: string[]): string => r.map((c, i) => (i === 0 ? c.padEnd(w[i]!) : c.padStart(w[i]!))).join('  ');
    process.stdout.write([fmt(head), fmt(w.map((n) => '-'.repeat(n))), ...rows.map(fmt)].join('\n') + '\n');
    const mean = results.reduce((s, r) => s + r.rate, 0) / results.length;
    process.stdout.write(`mean success ${(mean * 100).toFixed(1)}% (${planner.kind} planner; RoboTool with GPT-4 reports 87%)\n`);
    for (const r of results) for (const f of r.failures) process.stdout.write(`  ${r.task} seed ${f.seed}: ${f.reason}\n`);
  }
  return 0;
}
