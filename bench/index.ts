/**
 * `npm run bench`: physics speed per task scene against bare Rapier, sandbox costs, recording
 * overhead and headless render time. Prints tables and writes bench/results.json.
 */
import { writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { TASKS } from '../src/scene/file.ts';
import { benchScene, type SceneBenchRecord } from './world.ts';

const here = dirname(fileURLToPath(import.meta.url));

function table(rows: Record<string, unknown>[]): string {
  if (rows.length === 0) return '(none)';
  const cols = Object.keys(rows[0]!);
  const cells = rows.map((r) => cols.map((c) => String(r[c] ?? '')));
  const widths = cols.map((c, i) => Math.max(c.length, ...cells.map((row) => row[i]!.length)));
  const line = (vals: string[]): string => vals.map((v, i) => v.padStart(widths[i]!)).join('  ');
  return [line(cols), line(widths.map((w) => '-'.repeat(w))), ...cells.map(line)].join('\n');
}

async function optional<T>(name: string, load: () => Promise<T>): Promise<T | { error: string }> {
  try {
    return await load();
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    process.stderr.write(`bench ${name}: skipped (${message})\n`);
    return { error: message };
  }
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const only = args.filter((a) => !a.startsWith('-'));
  /** `--physics-only`: the physics table alone (no sandbox, recording or render sections, no results.json). */
  const physicsOnly = args.includes('--physics-only');
  const tasks = only.length ? only : [...TASKS];
  const scenes: SceneBenchRecord[] = [];
  for (const task of tasks) {
    process.stderr.write(`bench: ${task} …\n`);
    scenes.push(await benchScene(task));
  }
  process.stdout.write(
    '\nPhysics: robotool running each task’s reference program vs bare Rapier replaying the same robot commands (dt 1/240; fastest of ' +
      `${process.env.BENCH_ROUNDS ?? 5} alternating rounds; see bench/world.ts for what the replay counts)\n`,
  );
  process.stdout.write(
    table(
      scenes.map((s) => ({
        scene: s.scene,
        'steps/s': s.stepsPerSecond,
        'real-time ×': s.realTimeFactor,
        'raw Rapier steps/s': s.rawStepsPerSecond,
        'overhead %': s.overheadPercent,
        'overhead µs/step': s.overheadMicrosPerStep,
        'sandbox start ms': s.sandboxStartMs,
        steps: s.steps,
        'solved': s.success ? 'yes' : 'NO',
        'replay exact': s.replayDriftMm === 0 && s.deterministic ? 'yes' : `NO (${s.replayDriftMm} mm)`,
      })),
    ) + '\n',
  );
  if (physicsOnly) return;
  const sandbox = await optional('sandbox', async () => (await import('./sandbox.ts')).benchSandbox());
  process.stdout.write('\nSandbox (quickjs, asyncified)\n' + table([sandbox as Record<string, unknown>]) + '\n');
  const recording = await optional('recording', async () => (await import('./recording.ts')).benchRecording());
  process.stdout.write('\nRecording (MCAP)\n' + table([recording as Record<string, unknown>]) + '\n');
  const render = await optional('render', async () => (await import('./render.ts')).benchRender());
  process.stdout.write('\nHeadless render (Chromium, software WebGL)\n' + table([render as Record<string, unknown>]) + '\n');
  const out = join(here, 'results.json');
  await writeFile(out, JSON.stringify({ machine: machine(), scenes, sandbox, recording, render }, null, 2) + '\n');
  process.stdout.write(`\nwrote ${out}\n`);
}

function machine(): Record<string, unknown> {
  return { node: process.version, platform: `${process.platform}-${process.arch}`, date: new Date().toISOString() };
}

await main();
