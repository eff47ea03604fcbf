import type { RobotBackend } from '../../src/skills/backend.ts';
import { runProgram, type SandboxRun } from '../../src/skills/sandbox.ts';

/**
 * Runs a reference program (scenes/programs/*.js) on a backend. Every physics test goes
 * through this one function, so that it runs the programs the way production does: in the
 * quickjs sandbox, behind the backend's safety envelope, with the default budgets.
 */
export function runReference(source: string, backend: RobotBackend): Promise<SandboxRun> {
  return runProgram(source, backend, { signal: new AbortController().signal });
}
