/** The skill API: one registry, program types and checks, the QuickJS sandbox and the safety envelope. */
export * from "./registry.js";
export * from "./backend.js";
export * from "./program.js";
export { checkProgram } from "./program-check.js";
export * from "./sandbox-errors.js";
export { DEFAULT_BUDGETS, resolveBudgets, runProgram } from "./sandbox.js";
export { SafetyEnvelope } from "./safety.js";
//# sourceMappingURL=index.js.map