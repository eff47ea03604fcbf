import { runProgram, type SandboxBudgets } from '../skills/sandbox.ts';
import type { ProgramRunner } from './episode.ts';

/** Options for the production program runner. */
export interface SandboxRunnerOptions {
  /** Budgets for every program it runs (defaults: DEFAULT_BUDGETS). */
  budgets?: Partial<SandboxBudgets>;
}

/** The production ProgramRunner: every program runs in the quickjs sandbox behind the backend's safety envelope. */
export function sandboxRunner(opts: SandboxRunnerOptions = {}): ProgramRunner {
  return (source, backend, { signal, onCall, seed, timeLimitSeconds }) =>
    runProgram(source, backend, {
      signal,
      ...(onCall ? { onCall } : {}),
      ...(opts.budgets ? { budgets: opts.budgets } : {}),
      ...(seed !== undefined ? { seed } : {}),
      ...(timeLimitSeconds !== undefined ? { timeLimitSeconds } : {}),
    });
}
