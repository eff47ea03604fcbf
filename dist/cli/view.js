import { errorMessage, parseCommandArgs, usageError } from "./options.js";
const HELP = `usage: robotool view --scene TASK|FILE ["COMMAND"] [options]
       robotool view --replay FILE.mcap [options]

Serves the 3-D viewer on localhost (orbit: drag; pan: right-drag; zoom: wheel).

  --scene TASK|FILE   show a task's scene; with a COMMAND, run that episode live in the view
                      (the same as robotool run "COMMAND" --scene TASK --view)
  --replay FILE.mcap  replay a recording (robotool run --record) with play/pause and a time scrubber
  --port N            port to serve on (default: a free one)
  --host HOST         address to listen on (default 127.0.0.1)
  --no-open           do not open a browser, only print the URL`;
/** `robotool view --scene TASK | --replay FILE.mcap`. */
export default async function viewCommand(argv) {
    const parsed = parseCommandArgs('view', HELP, argv, {
        scene: { type: 'string' },
        replay: { type: 'string' },
        port: { type: 'string' },
        host: { type: 'string' },
        'no-open': { type: 'boolean', default: false },
    });
    if (typeof parsed === 'number')
        return parsed;
    const { values, positionals } = parsed;
    if (!values.scene === !values.replay)
        return usageError('view', HELP, 'give either --scene or --replay');
    const command = positionals.join(' ').trim();
    if (command && values.scene) {
        const { default: runCommand } = await import("./run.js");
        return runCommand([command, '--scene', values.scene, '--view']);
    }
    const port = values.port === undefined ? 0 : Number(values.port);
    if (!Number.isInteger(port) || port < 0 || port > 65535) {
        process.stderr.write(`robotool view: --port must be a port number, not "${values.port}"\n`);
        return 2;
    }
    const { startViewServer } = await import("../viewer/server.js");
    const serverOpts = { port, ...(values.host ? { host: values.host } : {}) };
    let server;
    try {
        if (values.replay) {
            const { readRecording } = await import("../viewer/recording.js");
            const recording = await readRecording(values.replay);
            server = await startViewServer({ kind: 'replay', recording }, serverOpts);
        }
        else {
            const { loadScene } = await import("../scene/file.js");
            const { createSim } = await import("../sim/create.js");
            const { describeWorld, captureFrame } = await import("../viewer/mirror-model.js");
            const scene = await loadScene(values.scene);
            const sim = await createSim(scene);
            try {
                server = await startViewServer({ kind: 'live', title: `robotool view: ${scene.name}` }, serverOpts);
                server.setModel(describeWorld(sim));
                server.publishFrame(captureFrame(sim));
            }
            finally {
                sim.free();
            }
        }
    }
    catch (err) {
        process.stderr.write(`robotool view: ${errorMessage(err)}\n`);
        return 1;
    }
    process.stdout.write(`view: ${server.url}\npress Ctrl-C to stop\n`);
    if (!values['no-open'] && process.stdout.isTTY) {
        const { spawn } = await import('node:child_process');
        const child = spawn(process.platform === 'darwin' ? 'open' : 'xdg-open', [server.url], { stdio: 'ignore', detached: true });
        child.on('error', () => { });
        child.unref();
    }
    await new Promise((resolve) => {
        process.once('SIGINT', () => resolve());
        process.once('SIGTERM', () => resolve());
    });
    await server.close();
    return 0;
}
//# sourceMappingURL=view.js.map