import type { RobotBackend } from '../../src/skills/backend.ts';
import type { ProgramRun, ProgramRunner } from '../../src/planner/episode.ts';
import type { CallRecord } from '../../src/planner/episode-events.ts';
import { runTrustedProgram } from './plain-program.ts';

/**
 * Runs a reference program (scenes/programs/*.js) on a backend. Every physics test goes
 * through this one function, so that it runs the programs the way production does (the
 * sandbox and safety envelope) as soon as that runner exists; until then it uses the
 * trusted test-only runner.
 */
export async function runReference(source: string, backend: RobotBackend): Promise<ProgramRun> {
  return trustedRunner(source, backend, { signal: new AbortController().signal });
}

/** A ProgramRunner over the trusted runner (test-only; no isolation). */
export const trustedRunner: ProgramRunner = async (source, backend, opts) => {
  const calls: CallRecord[] = [];
  const recording: RobotBackend = {
    name: backend.name,
    robot: backend.robot,
    capabilities: backend.capabilities,
    stop: (r) => backend.stop(r),
    observe: () => backend.observe(),
    call: async (skill, args, o) => {
      const r = await backend.call(skill, args, { ...o, signal: opts.signal });
      const rec: CallRecord = { skill, args: [...args], status: r.status, value: r.value, warnings: r.warnings, seconds: r.seconds, ...(r.message ? { message: r.message } : {}) };
      calls.push(rec);
      opts.onCall?.(rec);
      return r;
    },
  };
  try {
    await runTrustedProgram(source, recording);
    return { ok: true, calls, error: null, events: [] };
  } catch (e) {
    return { ok: false, calls, error: { type: 'ProgramError', message: e instanceof Error ? e.message : String(e) }, events: [] };
  }
};
