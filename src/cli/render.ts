import { z } from 'zod';
import { arg, checkOptions, CliError, cliCommand, inputPathProblem, parseCommandArgs, UsageError } from './options.ts';

const HELP = `usage: robotool render --scene TASK|FILE --out FILE.png [options]
       robotool render --replay FILE.mcap --at SECONDS --out FILE.png [options]

Renders one frame headlessly (Chromium with software WebGL; no display or GPU needed).

  --scene TASK|FILE   a task's scene as it starts
  --replay FILE.mcap  a recording (robotool run --record) …
  --at SECONDS        … at this simulated time (default 0; past the end: the last frame)
  --out FILE.png      where to write the image (required)
  --width N           image width in pixels (default 960)
  --height N          image height in pixels (default 600)

environment: ROBOTOOL_CHROMIUM  the Chromium binary (default /usr/bin/chromium)

exit status: 0 when the image is written; 2 for bad usage (an output folder that does not exist,
a file that is not a recording); 1 when rendering fails (no Chromium).`;

const RenderOptions = z.object({
  scene: arg.text().optional(),
  replay: arg.text().optional(),
  at: arg.number(0, 1e6, 'simulated seconds').optional(),
  out: arg.outFile().optional(),
  width: arg.int(16, 8192).optional(),
  height: arg.int(16, 8192).optional(),
});

/** `robotool render --scene TASK [--replay FILE.mcap --at SECONDS] --out FILE.png`. */
export default cliCommand('render', async (argv) => {
  const parsed = parseCommandArgs('render', HELP, argv, {
    scene: { type: 'string' },
    replay: { type: 'string' },
    at: { type: 'string' },
    out: { type: 'string' },
    width: { type: 'string' },
    height: { type: 'string' },
  });
  if (typeof parsed === 'number') return parsed;
  if (parsed.positionals.length) throw new UsageError(`unexpected argument "${parsed.positionals[0]}"`);
  const values = checkOptions(RenderOptions, parsed.values);
  if (!values.out) throw new UsageError('--out FILE.png is required');
  if (!values.scene === !values.replay) throw new UsageError('give either --scene TASK or --replay FILE.mcap');
  if (values.at !== undefined && !values.replay) throw new UsageError('--at needs --replay');
  const size = { width: values.width ?? 960, height: values.height ?? 600 };
  const at = values.at ?? 0;
  const { renderPngFile } = await import('../viewer/render.ts');
  if (values.replay) {
    const problem = inputPathProblem(values.replay, 'recording');
    if (problem) throw new CliError(`--replay: ${problem}`);
    const { readRecording } = await import('../viewer/recording.ts');
    const recording = await readRecording(values.replay);
    await renderPngFile({ recording, at }, values.out, size);
  } else {
    const { loadScene } = await import('../scene/file.ts');
    const { createSim } = await import('../sim/create.ts');
    const { describeWorld, captureFrame } = await import('../viewer/mirror-model.ts');
    const sim = await createSim(await loadScene(values.scene!));
    let source;
    try {
      source = { model: describeWorld(sim), frame: captureFrame(sim) };
    } finally {
      sim.free();
    }
    await renderPngFile(source, values.out, size);
  }
  process.stdout.write(`${values.out}\n`);
  return 0;
});
