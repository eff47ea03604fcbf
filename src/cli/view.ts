import { z } from 'zod';
import { arg, checkOptions, cliCommand, inputPathProblem, parseCommandArgs, refuse, untilInterrupted, UsageError, CliError } from './options.ts';

const HELP = `usage: robotool view --scene TASK|FILE ["COMMAND"] [options]
       robotool view --replay FILE.mcap [options]

Serves the 3-D viewer on localhost (orbit: drag; pan: right-drag; zoom: wheel).

  --scene TASK|FILE   show a task's scene; with a COMMAND, run that episode live in the view
                      (the same as robotool run "COMMAND" --scene TASK --view)
  --replay FILE.mcap  replay a recording (robotool run --record, or any MCAP with robotool's
                      topics; zstd, lz4 or uncompressed chunks) with play/pause and a time scrubber
  --port N            port to serve on (1–65535; default: a free one)
  --host HOST         address to listen on (default 127.0.0.1)
  --no-open           do not open a browser, only print the URL
  --keep-open         with a COMMAND: keep the view up after the episode until Ctrl-C
                      (without a COMMAND the view always stays up until Ctrl-C)

exit status: 0 after Ctrl-C; with a COMMAND, as robotool run; 2 for bad usage (a busy port,
an address that is not this machine's, a file that is not a recording).`;

const ViewOptions = z.object({
  scene: arg.text().optional(),
  replay: arg.text().optional(),
  port: arg.int(1, 65535).optional(),
  host: arg.text().optional(),
  'no-open': z.boolean(),
  'keep-open': z.boolean(),
});

/** `robotool view --scene TASK | --replay FILE.mcap`. */
export default cliCommand('view', async (argv) => {
  const parsed = parseCommandArgs('view', HELP, argv, {
    scene: { type: 'string' },
    replay: { type: 'string' },
    port: { type: 'string' },
    host: { type: 'string' },
    'no-open': { type: 'boolean', default: false },
    'keep-open': { type: 'boolean', default: false },
  });
  if (typeof parsed === 'number') return parsed;
  const values = checkOptions(ViewOptions, parsed.values);
  if (!values.scene === !values.replay) throw new UsageError('give either --scene or --replay');
  const command = parsed.positionals.join(' ').trim();
  if (values.replay && parsed.positionals.length) throw new UsageError(`a replay runs no command; remove "${parsed.positionals.join(' ')}"`);
  const live = { ...(values.port !== undefined ? { port: values.port } : {}), ...(values.host !== undefined ? { host: values.host } : {}) };
  if (command && values.scene) {
    const { runMain } = await import('./run.ts');
    return runMain([command, '--scene', values.scene, '--view', ...(values['keep-open'] ? ['--keep-open'] : [])], {
      ...live,
      ...(values['no-open'] ? { openBrowser: false } : {}),
    });
  }
  refuse(values, ['keep-open'], 'applies to a live episode (--scene TASK "COMMAND"); this view stays up until Ctrl-C anyway');
  const { startViewServer } = await import('../viewer/server.ts');
  let server;
  if (values.replay) {
    const problem = inputPathProblem(values.replay, 'recording');
    if (problem) throw new CliError(`--replay: ${problem}`);
    const { readRecording } = await import('../viewer/recording.ts');
    const recording = await readRecording(values.replay);
    server = await startViewServer({ kind: 'replay', recording }, live);
  } else {
    const { loadScene } = await import('../scene/file.ts');
    const { createSim } = await import('../sim/create.ts');
    const { describeWorld, captureFrame } = await import('../viewer/mirror-model.ts');
    const scene = await loadScene(values.scene!);
    const sim = await createSim(scene);
    try {
      server = await startViewServer({ kind: 'live', title: `robotool view: ${scene.name}` }, live);
      server.setModel(describeWorld(sim));
      server.publishFrame(captureFrame(sim));
    } finally {
      sim.free();
    }
  }
  process.stdout.write(`view: ${server.url}\npress Ctrl-C to stop\n`);
  if (!values['no-open'] && process.stdout.isTTY) {
    const { spawn } = await import('node:child_process');
    const child = spawn(process.platform === 'darwin' ? 'open' : 'xdg-open', [server.url], { stdio: 'ignore', detached: true });
    child.on('error', () => {});
    child.unref();
  }
  await untilInterrupted();
  await server.close();
  return 0;
});
