import type { SimWorld } from '../sim/world.ts';
import type { EpisodeEvent } from '../planner/episode-events.ts';

/** The optional outputs of a run: live view, MCAP recording, PNG render. */
export interface RunSinks {
  onFrame?: (sim: SimWorld) => void;
  start?: (sim: SimWorld) => void;
  event?: (e: EpisodeEvent) => void;
  finish?: (sim: SimWorld) => Promise<void>;
  close?: () => Promise<void>;
}

/** Opens the sinks a run asked for. (Viewer, recorder and renderer are wired as they land.) */
export async function openRunSinks(
  values: { view: boolean; record?: string | undefined; png?: string | undefined },
  _out: (text: string) => void,
): Promise<RunSinks> {
  if (values.view || values.record || values.png) throw new Error('--view, --record and --png are not available in this build yet');
  return {};
}
