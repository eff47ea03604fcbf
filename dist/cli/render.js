import { parseArgs } from 'node:util';
const HELP = `usage: robotool render --scene TASK|FILE --out FILE.png [options]
       robotool render --replay FILE.mcap --at SECONDS --out FILE.png [options]

Renders one frame headlessly (Chromium with software WebGL; no display or GPU needed).

  --scene TASK|FILE   a task's scene as it starts
  --replay FILE.mcap  a recording (robotool run --record) …
  --at SECONDS        … at this simulated time (default 0; past the end: the last frame)
  --out FILE.png      where to write the image (required)
  --width N           image width in pixels (default 960)
  --height N          image height in pixels (default 600)

environment: ROBOTOOL_CHROMIUM  the Chromium binary (default /usr/bin/chromium)`;
/** `robotool render --scene TASK [--replay FILE.mcap --at SECONDS] --out FILE.png`. */
export default async function renderCommand(argv) {
    let parsed;
    try {
        parsed = parseArgs({
            args: argv,
            options: {
                scene: { type: 'string' },
                replay: { type: 'string' },
                at: { type: 'string' },
                out: { type: 'string' },
                width: { type: 'string', default: '960' },
                height: { type: 'string', default: '600' },
                help: { type: 'boolean', short: 'h', default: false },
            },
        });
    }
    catch (err) {
        process.stderr.write(`robotool render: ${err instanceof Error ? err.message : String(err)}\n\n${HELP}\n`);
        return 2;
    }
    const { values } = parsed;
    if (values.help) {
        process.stdout.write(HELP + '\n');
        return 0;
    }
    const problem = !values.out
        ? '--out FILE.png is required'
        : !values.scene && !values.replay
            ? 'give --scene TASK or --replay FILE.mcap'
            : values.at !== undefined && !values.replay
                ? '--at needs --replay'
                : undefined;
    const width = Number(values.width);
    const height = Number(values.height);
    const at = values.at === undefined ? 0 : Number(values.at);
    const bad = [width, height].some((n) => !Number.isInteger(n) || n < 16 || n > 8192) ? '--width and --height must be whole numbers of pixels (16–8192)' : !Number.isFinite(at) || at < 0 ? '--at must be a time in seconds ≥ 0' : undefined;
    if (problem ?? bad) {
        process.stderr.write(`robotool render: ${problem ?? bad}\n\n${HELP}\n`);
        return 2;
    }
    try {
        const { renderPngFile } = await import("../viewer/render.js");
        const size = { width, height };
        if (values.replay) {
            const { readRecording } = await import("../viewer/recording.js");
            const recording = await readRecording(values.replay);
            if (values.scene && values.scene !== recording.model.scene) {
                process.stderr.write(`robotool render: note: the recording is of "${recording.model.scene}", not "${values.scene}"; rendering the recording\n`);
            }
            await renderPngFile({ recording, at }, values.out, size);
        }
        else {
            const { loadScene } = await import("../scene/file.js");
            const { createSim } = await import("../sim/create.js");
            const { describeWorld, captureFrame } = await import("../viewer/mirror-model.js");
            const sim = await createSim(await loadScene(values.scene));
            let source;
            try {
                source = { model: describeWorld(sim), frame: captureFrame(sim) };
            }
            finally {
                sim.free();
            }
            await renderPngFile(source, values.out, size);
        }
    }
    catch (err) {
        process.stderr.write(`robotool render: ${err instanceof Error ? err.message : String(err)}\n`);
        return 1;
    }
    process.stdout.write(`${values.out}\n`);
    return 0;
}
//# sourceMappingURL=render.js.map