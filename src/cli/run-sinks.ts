import { spawn } from 'node:child_process';
import type { SimWorld } from '../sim/world.ts';
import type { EpisodeEvent } from '../episode/events.ts';
import { captureFrame, describeWorld } from '../viewer/mirror-model.ts';
import type { McapRecorder } from '../viewer/recording.ts';
import type { ViewServer, ViewServerOptions } from '../viewer/server.ts';
import { outputPathProblem, untilInterrupted } from './options.ts';

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
  /** Where the live view listens (default 127.0.0.1, a free port). */
  server?: ViewServerOptions;
}

/**
 * Opens the sinks a run asked for. The viewer starts at once (so its URL is printed before
 * planning begins); the recorder starts when the world is known (`start`); the PNG is rendered
 * from the final world (`finish`).
 */
export async function openRunSinks(values: RunSinkOptions, out: (text: string) => void): Promise<RunSinks> {
  if (!values.view && !values.record && !values.png) return {};
  // Fail before planning, not after it, when an output cannot be written.
  for (const [flag, file] of [['--record', values.record], ['--png', values.png]] as const) {
    const problem = file === undefined ? undefined : outputPathProblem(file);
    if (problem) throw new Error(`${flag}: ${problem}`);
  }
  const interactive = Boolean(process.stdout.isTTY && process.stdin.isTTY);
  let server: ViewServer | undefined;
  let recorder: McapRecorder | undefined;
  let sim: SimWorld | undefined;

  if (values.view) {
    const { startViewServer } = await import('../viewer/server.ts');
    server = await startViewServer({ kind: 'live', title: 'robotool run' }, values.server ?? {});
    out(`view: ${server.url}\n`);
    if (values.openBrowser ?? interactive) openInBrowser(server.url);
  }
  const RecorderClass = values.record ? (await import('../viewer/recording.ts')).McapRecorder : undefined;

  const frame = (s: SimWorld): void => {
    if (!server && !recorder) return;
    const f = captureFrame(s);
    server?.publishFrame(f);
    recorder?.frame(f);
  };

  return {
    onFrame: frame,
    start(s) {
      sim = s;
      const model = describeWorld(s);
      server?.setModel(model);
      if (RecorderClass && values.record) {
        recorder = new RecorderClass(values.record, { model, meta: { scene: s.scene.name, robot: s.scene.robot.kind } });
      }
      frame(s);
    },
    event(e) {
      const t = sim?.time ?? 0;
      server?.publishEvent(t, e);
      recorder?.event(t, e);
    },
    async finish(s) {
      frame(s);
      server?.end();
      if (values.png) {
        const { renderPngFile } = await import('../viewer/render.ts');
        await renderPngFile({ model: describeWorld(s), frame: captureFrame(s) }, values.png);
        out(`png: ${values.png}\n`);
      }
    },
    async close() {
      let failure: unknown;
      if (recorder) {
        try {
          await recorder.close();
          out(`recording: ${values.record}\n`);
        } catch (err) {
          failure = err;
        }
      }
      if (server) {
        if (values.holdView ?? interactive) {
          out(`the episode is over; the view stays open at ${server.url} until Ctrl-C\n`);
          await untilInterrupted();
        } else {
          out('view closed with the episode (--keep-open keeps it up until Ctrl-C)\n');
        }
        await server.close();
      }
      if (failure !== undefined) throw failure;
    },
  };
}

/** Best effort: the desktop's browser, if there is one; the URL is printed either way. */
function openInBrowser(url: string): void {
  const cmd = process.platform === 'darwin' ? 'open' : process.platform === 'win32' ? 'explorer' : 'xdg-open';
  try {
    const child = spawn(cmd, [url], { stdio: 'ignore', detached: true });
    child.on('error', () => {});
    child.unref();
  } catch {
    // No browser launcher: the printed URL is enough.
  }
}
