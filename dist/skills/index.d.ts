/** The skill API: one registry, program types and checks, the QuickJS sandbox and the safety envelope. */
export * from './registry.ts';
export * from './backend.ts';
export * from './program.ts';
export { checkProgram } from './program-check.ts';
export * from './sandbox-errors.ts';
export { DEFAULT_BUDGETS, resolveBudgets, runProgram, type ProgramEvent, type RunProgramOptions, type SandboxBudgets, type SandboxRun } from './sandbox.ts';
export { SafetyEnvelope, type CheckedCall } from './safety.ts';
//# sourceMappingURL=index.d.ts.map