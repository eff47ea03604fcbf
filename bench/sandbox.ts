import type { RobotBackend } from '../src/skills/backend.ts';
import { skillsFor } from '../src/skills/registry.ts';
import { runProgram } from '../src/skills/sandbox.ts';
import { warmUpSandbox } from '../src/skills/sandbox-wasm.ts';

/** Sandbox costs: loading an interpreter instance, starting a program, and one skill call's overhead. */
export interface SandboxBenchRecord {
  /** Loading one WebAssembly instance (once per process; ms). */
  instanceLoadMs: number;
  /** Median time to run an empty program on a warm instance: fresh runtime, context, skills, teardown (ms). */
  startupMs: number;
  /** Median per-call cost of a skill call against a no-op backend: sandbox + envelope + asyncify suspension (ms). */
  perCallMs: number;
  /** Programs timed for start-up / calls per program timed for the overhead. */
  runs: number;
  callsPerRun: number;
}

/** A backend that answers every call at once, so that only the sandbox's cost is measured. */
const noop: RobotBackend = {
  name: 'noop',
  robot: 'arm',
  capabilities: new Set(skillsFor('arm').map((s) => s.name)),
  call: async () => ({ value: [0.3, 0, 0.05], status: 'ok', warnings: [], seconds: 0 }),
  stop: async () => {},
  observe: async () => ({ source: 'ground-truth', robot: { kind: 'arm', gripper: [0.25, 0, 0.25], workspace: { min: [0, -0.25, 0.01], max: [0.45, 0.25, 0.3] }, holding: [] }, objects: [] }),
};

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

async function timed(program: string, calls: number): Promise<number> {
  const t0 = performance.now();
  const run = await runProgram(program, noop, { budgets: { calls, cpuMs: 60_000 } });
  if (!run.ok) throw new Error(`bench program failed: ${run.error?.type}: ${run.error?.message}`);
  return performance.now() - t0;
}

const round = (v: number, digits: number): number => Math.round(v * 10 ** digits) / 10 ** digits;

/** Measures the sandbox: medians over many runs after a warm-up. */
export async function benchSandbox(runs = 200, callsPerRun = 2_000): Promise<SandboxBenchRecord> {
  const t0 = performance.now();
  await warmUpSandbox();
  const instanceLoadMs = performance.now() - t0;
  const calls = `for (let i = 0; i < ${callsPerRun}; i++) get_center('milk');`;
  const loop = `for (let i = 0; i < ${callsPerRun}; i++) Math.abs(i);`;
  for (let i = 0; i < 20; i++) await timed('', 1);
  for (let i = 0; i < 3; i++) await timed(calls, callsPerRun);
  const startup: number[] = [];
  for (let i = 0; i < runs; i++) startup.push(await timed('', 1));
  const perCall: number[] = [];
  for (let i = 0; i < 15; i++) perCall.push(((await timed(calls, callsPerRun)) - (await timed(loop, callsPerRun))) / callsPerRun);
  return {
    instanceLoadMs: round(instanceLoadMs, 1),
    startupMs: round(median(startup), 3),
    perCallMs: round(median(perCall), 4),
    runs,
    callsPerRun,
  };
}
