/** One command as an RxJS Observable of events: plan, verify in a twin, execute, repair. */
export * from './events.ts';
export { runEpisode, type EpisodeOptions, type Twin } from './episode.ts';
export { createSimEpisode, runSimEpisode, type SimEpisode, type SimEpisodeOptions } from './sim-episode.ts';
export { sandboxRunner, type SandboxRunnerOptions } from './sandbox-runner.ts';
export { commandLoop, type EstopEvent } from './command-loop.ts';
