import { runProgram } from "../skills/sandbox.js";
/** The production ProgramRunner: every program runs in the quickjs sandbox behind the backend's safety envelope. */
export function sandboxRunner(opts = {}) {
    return (source, backend, { signal, onCall }) => runProgram(source, backend, { signal, ...(onCall ? { onCall } : {}), ...(opts.budgets ? { budgets: opts.budgets } : {}) });
}
//# sourceMappingURL=sandbox-runner.js.map