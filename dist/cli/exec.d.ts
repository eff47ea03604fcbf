import { type GoalCheck } from '../sim/predicates.ts';
import { type SandboxRun } from '../skills/sandbox.ts';
/** `robotool exec PROGRAM.js --scene TASK`. */
export default function execCommand(argv: string[]): Promise<number>;
/** The `--json` report. `success`: the program ran to its end and the task's predicate holds. */
export declare function execReport(run: SandboxRun, goal: GoalCheck): Record<string, unknown>;
//# sourceMappingURL=exec.d.ts.map