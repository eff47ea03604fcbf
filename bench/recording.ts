/**
 * Recording overhead: the same episode with and without the MCAP recorder (poses of every body
 * every 8 steps, /tf for Foxglove, every episode event), after a warm-up. Two figures:
 * - the whole episode as `robotool run --record` runs it (search planner, twin verification,
 *   execution through the sandbox), the recorder attached through the run's own sinks;
 * - execution alone (the reference program on the world), the strictest ratio, since the
 *   recorder only works while the executing world moves.
 * Runs alternate with and without the recorder; the overhead is the median of the pairs'
 * ratios, so that a burst of other work on the machine moves both runs of a pair, not the result.
 * Episodes of a few hundred ms still vary by ±20% run to run, so the whole-episode figure also
 * comes measured directly: the wall time spent inside the recorder's own calls (opening, every
 * frame and event, closing the file) as % of the recorded run ("in recorder %").
 */
import { readFile, rm, stat, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { lastValueFrom, tap, toArray } from 'rxjs';
import { loadScene, scenesDir } from '../src/scene/file.ts';
import { createSim } from '../src/sim/create.ts';
import { SimBackend } from '../src/sim/backend/sim-backend.ts';
import { runProgram } from '../src/skills/sandbox.ts';
import { captureFrame, describeWorld } from '../src/viewer/mirror-model.ts';
import { McapRecorder } from '../src/viewer/recording.ts';
import { createSimEpisode } from '../src/episode/sim-episode.ts';
import { searchPlanner } from '../src/planner/search/search-planner.ts';
import { sandboxRunner } from '../src/episode/sandbox-runner.ts';
import { openRunSinks } from '../src/cli/run-sinks.ts';

const TASK = 'reach-milk';

interface Timed {
  wallMs: number;
  /** Wall time spent inside the recorder's own calls (open, every frame and event, close). */
  inRecorderMs: number;
  /** This process's CPU time, all threads: less disturbed than wall time by other work on the machine. */
  cpuMs: number;
  frames: number;
  bytes: number;
}

/** One `robotool run` episode, wired as run.ts wires it; recorded when `file` is given. */
async function fullEpisode(file: string | undefined): Promise<Timed> {
  const scene = await loadScene(TASK);
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  let inRecorderMs = 0;
  const timed = <A extends unknown[], R>(f: (...a: A) => R) => (...a: A): R => {
    const s = performance.now();
    try {
      return f(...a);
    } finally {
      inRecorderMs += performance.now() - s;
    }
  };
  const s0 = performance.now();
  const sinks = await openRunSinks({ view: false, record: file }, () => {});
  inRecorderMs += performance.now() - s0;
  let frames = 0;
  const ep = await createSimEpisode({
    scene,
    command: scene.command,
    planner: searchPlanner,
    runProgram: sandboxRunner({}),
    ...(sinks.onFrame
      ? {
          onFrame: timed((s) => {
            frames++;
            sinks.onFrame!(s);
          }),
          frameEvery: 8,
        }
      : {}),
  });
  let success = false;
  try {
    if (sinks.start) timed(sinks.start)(ep.sim);
    const event = sinks.event ? timed(sinks.event) : undefined;
    const events = await lastValueFrom(ep.events$.pipe(tap((e) => event?.(e)), toArray()));
    const outcome = events.findLast((e) => e.type === 'outcome');
    success = outcome?.type === 'outcome' && outcome.success;
    const f0 = performance.now();
    await sinks.finish?.(ep.sim);
    inRecorderMs += performance.now() - f0;
  } finally {
    ep.free();
    const c = performance.now();
    await sinks.close?.();
    inRecorderMs += performance.now() - c;
  }
  const wallMs = performance.now() - t0;
  const cpuMs = cpuSince(c0);
  if (!success) throw new Error(`the ${TASK} episode failed`);
  return { wallMs, cpuMs, inRecorderMs, frames, bytes: file ? (await stat(file)).size : 0 };
}

/** The reference program alone on the world; recorded when `file` is given. */
async function execution(program: string, file: string | undefined): Promise<Timed> {
  const sim = await createSim(await loadScene(TASK));
  let frames = 0;
  try {
    const t0 = performance.now();
    const c0 = process.cpuUsage();
    const rec = file ? new McapRecorder(file, { model: describeWorld(sim), meta: { scene: TASK } }) : undefined;
    const backend = new SimBackend(sim, {
      frameEvery: 8,
      ...(rec
        ? {
            onFrame: (s) => {
              frames++;
              rec.frame(captureFrame(s));
            },
          }
        : {}),
    });
    const result = await runProgram(program, backend, rec ? { onCall: (call) => rec.event(sim.time, { type: 'skill-call', phase: 'execute', call }) } : {});
    await rec?.close();
    const wallMs = performance.now() - t0;
    const cpuMs = cpuSince(c0);
    if (!result.ok) throw new Error(`the ${TASK} reference program failed: ${result.error?.message}`);
    return { wallMs, cpuMs, inRecorderMs: 0, frames, bytes: file ? (await stat(file)).size : 0 };
  } finally {
    sim.free();
  }
}

function cpuSince(c0: NodeJS.CpuUsage): number {
  const c = process.cpuUsage(c0);
  return (c.user + c.system) / 1000;
}

interface Comparison {
  /** Median wall time without / with the recorder (ms). */
  base: number;
  rec: number;
  /** Median over pairs of (with / without − 1), in %, by wall time and by CPU time. */
  overhead: number;
  cpuOverhead: number;
  /** Median over recorded runs of the time inside the recorder's calls, as % of that run's wall time. */
  inRecorder: number;
  last: Timed;
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

async function compare(run: (file: string | undefined) => Promise<Timed>, file: string, pairs: number): Promise<Comparison> {
  // Warm-up: V8 tiers Rapier's WebAssembly up over the first few thousand steps.
  for (let i = 0; i < 2; i++) {
    await run(undefined);
    await run(file);
  }
  const without: Timed[] = [];
  const withRec: Timed[] = [];
  for (let i = 0; i < pairs; i++) {
    // Alternate which goes first, so that neither always runs right after the other's garbage.
    const first = await run(i % 2 ? file : undefined);
    const second = await run(i % 2 ? undefined : file);
    without.push(i % 2 ? second : first);
    withRec.push(i % 2 ? first : second);
  }
  const ratio = (key: 'wallMs' | 'cpuMs'): number => median(withRec.map((r, i) => r[key] / without[i]![key] - 1)) * 100;
  return {
    base: median(without.map((r) => r.wallMs)),
    rec: median(withRec.map((r) => r.wallMs)),
    overhead: ratio('wallMs'),
    cpuOverhead: ratio('cpuMs'),
    inRecorder: median(withRec.map((r) => (r.inRecorderMs / r.wallMs) * 100)),
    last: withRec.at(-1)!,
  };
}

const round1 = (x: number): number => Math.round(x * 10) / 10;

/** Recording overhead as % of an episode's wall time (whole episode, and execution alone). */
export async function benchRecording(): Promise<Record<string, string | number>> {
  const program = await readFile(join(scenesDir, 'programs', `${TASK}.js`), 'utf8');
  const dir = await mkdtemp(join(tmpdir(), 'robotool-bench-rec-'));
  const file = join(dir, 'bench.mcap');
  try {
    const full = await compare(fullEpisode, file, 15);
    const exec = await compare((f) => execution(program, f), file, 15);
    return {
      scene: TASK,
      'episode ms': Math.round(full.base),
      'recorded ms': Math.round(full.rec),
      'overhead %': round1(full.overhead),
      'in recorder %': round1(full.inRecorder),
      'execution ms': Math.round(exec.base),
      'recorded exec ms': Math.round(exec.rec),
      'exec overhead %': round1(exec.overhead),
      'CPU overhead %': round1(full.cpuOverhead),
      'exec CPU overhead %': round1(exec.cpuOverhead),
      frames: full.last.frames,
      'file KB': Math.round(full.last.bytes / 1024),
    };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
