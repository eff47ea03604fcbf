import type { BridgeProblem } from './errors.ts';
/** Problems a bridge recovered from: kept (the last few) for inspection and passed to a listener. */
export declare class ProblemLog {
    private readonly listener?;
    private readonly items;
    constructor(listener?: ((problem: BridgeProblem) => void) | undefined);
    /** The problems kept, oldest first. */
    get all(): readonly BridgeProblem[];
    report(problem: BridgeProblem): void;
}
//# sourceMappingURL=problem-log.d.ts.map