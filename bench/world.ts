import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { loadRapier } from '../src/sim/rapier.ts';
import { loadScene, scenesDir } from '../src/sim/scene-file.ts';
import { createSim } from '../src/sim/create.ts';
import { SimBackend } from '../src/skills/sim-backend.ts';
import { runProgram } from '../src/skills/sandbox.ts';
import type { SimWorld } from '../src/sim/world.ts';

/** One scene's stepping speed: robotool (robot, skills, sandbox, events) against bare Rapier on the same states. */
export interface SceneBenchRecord {
  scene: string;
  /** Physics steps per wall second while robotool runs the task's reference program. */
  stepsPerSecond: number;
  /** Simulated seconds per wall second. */
  realTimeFactor: number;
  /** Bare Rapier `world.step()` per wall second over the same world states. */
  rawStepsPerSecond: number;
  /** How much slower robotool steps than bare Rapier (%). */
  overheadPercent: number;
  steps: number;
  simSeconds: number;
  success: boolean;
}

/** Steps between the snapshots the bare-Rapier replay starts from. */
const SEGMENT = 240;

async function runReference(task: string, snapshots?: Uint8Array[]): Promise<{ sim: SimWorld; wall: number; ok: boolean }> {
  const scene = await loadScene(task);
  const program = await readFile(join(scenesDir, 'programs', `${task}.js`), 'utf8');
  const sim = await createSim(scene);
  const backend = new SimBackend(sim, {
    frameEvery: 1,
    // Snapshots are taken between steps; they cost ~0.02 ms per 240 steps, noise against the run.
    onFrame: snapshots ? (s) => void (s.steps % SEGMENT === 0 && snapshots.push(s.world.takeSnapshot())) : undefined,
  });
  const t0 = performance.now();
  const result = await runProgram(program, backend, {});
  const wall = (performance.now() - t0) / 1000;
  return { sim, wall, ok: result.ok };
}

/** Bare Rapier: restore each snapshot into a plain world and step it, no robot, no events. */
async function rawReplay(snapshots: Uint8Array[], totalSteps: number): Promise<{ steps: number; wall: number }> {
  const R = await loadRapier();
  let steps = 0;
  let wall = 0;
  for (const bytes of snapshots) {
    const world = R.World.restoreSnapshot(bytes);
    const n = Math.min(SEGMENT, totalSteps - steps);
    const t0 = performance.now();
    for (let i = 0; i < n; i++) world.step();
    wall += (performance.now() - t0) / 1000;
    steps += n;
    world.free();
  }
  return { steps, wall };
}

/** Benchmarks one task scene: a warm-up run, then a measured run and its bare-Rapier replay. */
export async function benchScene(task: string): Promise<SceneBenchRecord> {
  const warm = await runReference(task);
  warm.sim.free();
  const snapshots: Uint8Array[] = [];
  const { sim, wall, ok } = await runReference(task, snapshots);
  const { checkGoal } = await import('../src/sim/predicates.ts');
  const success = ok && checkGoal(sim, sim.scene.goal).success;
  const steps = sim.steps;
  const simSeconds = sim.time;
  sim.free();
  const raw = await rawReplay(snapshots, steps);
  const stepsPerSecond = steps / wall;
  const rawStepsPerSecond = raw.steps / raw.wall;
  return {
    scene: task,
    stepsPerSecond: Math.round(stepsPerSecond),
    realTimeFactor: Math.round((simSeconds / wall) * 10) / 10,
    rawStepsPerSecond: Math.round(rawStepsPerSecond),
    overheadPercent: Math.round((1 - stepsPerSecond / rawStepsPerSecond) * 1000) / 10,
    steps,
    simSeconds: Math.round(simSeconds * 100) / 100,
    success,
  };
}
