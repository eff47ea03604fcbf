/** How many problems a log keeps. */
const KEEP = 50;
/** Problems a bridge recovered from: kept (the last few) for inspection and passed to a listener. */
export class ProblemLog {
    listener;
    items = [];
    constructor(listener) {
        this.listener = listener;
    }
    /** The problems kept, oldest first. */
    get all() {
        return this.items;
    }
    report(problem) {
        this.items.push(problem);
        if (this.items.length > KEEP)
            this.items.shift();
        this.listener?.(problem);
    }
}
//# sourceMappingURL=problem-log.js.map