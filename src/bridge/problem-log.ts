import type { BridgeProblem } from './errors.ts';

/** How many problems a log keeps. */
const KEEP = 50;

/** Problems a bridge recovered from: kept (the last few) for inspection and passed to a listener. */
export class ProblemLog {
  private readonly items: BridgeProblem[] = [];

  constructor(private readonly listener?: (problem: BridgeProblem) => void) {}

  /** The problems kept, oldest first. */
  get all(): readonly BridgeProblem[] {
    return this.items;
  }

  report(problem: BridgeProblem): void {
    this.items.push(problem);
    if (this.items.length > KEEP) this.items.shift();
    this.listener?.(problem);
  }
}
