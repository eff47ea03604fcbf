import type { SimWorld } from '../sim/world.ts';
import type { EpisodeEvent } from '../episode/events.ts';
/** The optional outputs of a run: live view, MCAP recording, PNG render. */
export interface RunSinks {
    onFrame?: (sim: SimWorld) => void;
    start?: (sim: SimWorld) => void;
    event?: (e: EpisodeEvent) => void;
    finish?: (sim: SimWorld) => Promise<void>;
    close?: () => Promise<void>;
}
export interface RunSinkOptions {
    view: boolean;
    record?: string | undefined;
    png?: string | undefined;
    /** Keep the live view open after the episode until Ctrl-C (default: when run from a terminal). */
    holdView?: boolean;
    /** Open the view in the desktop's browser (default: when run from a terminal). */
    openBrowser?: boolean;
}
/**
 * Opens the sinks a run asked for. The viewer starts at once (so its URL is printed before
 * planning begins); the recorder starts when the world is known (`start`); the PNG is rendered
 * from the final world (`finish`).
 */
export declare function openRunSinks(values: RunSinkOptions, out: (text: string) => void): Promise<RunSinks>;
//# sourceMappingURL=run-sinks.d.ts.map