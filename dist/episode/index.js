/** One command as an RxJS Observable of events: plan, verify in a twin, execute, repair. */
export * from "./events.js";
export { runEpisode } from "./episode.js";
export { createSimEpisode, runSimEpisode } from "./sim-episode.js";
export { sandboxRunner } from "./sandbox-runner.js";
export { commandLoop } from "./command-loop.js";
//# sourceMappingURL=index.js.map