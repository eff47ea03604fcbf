import { spawn } from 'node:child_process';
import { closeSync, openSync } from 'node:fs';
import { captureFrame, describeWorld } from "../viewer/mirror-model.js";
/**
 * Opens the sinks a run asked for. The viewer starts at once (so its URL is printed before
 * planning begins); the recorder starts when the world is known (`start`); the PNG is rendered
 * from the final world (`finish`).
 */
export async function openRunSinks(values, out) {
    if (!values.view && !values.record && !values.png)
        return {};
    const interactive = Boolean(process.stdout.isTTY && process.stdin.isTTY);
    let server;
    let recorder;
    let sim;
    if (values.view) {
        const { startViewServer } = await import("../viewer/server.js");
        server = await startViewServer({ kind: 'live', title: 'robotool run' });
        out(`view: ${server.url}\n`);
        if (values.openBrowser ?? interactive)
            openInBrowser(server.url);
    }
    const RecorderClass = values.record ? (await import("../viewer/recording.js")).McapRecorder : undefined;
    if (values.record) {
        // Fail before planning, not after it, when the file cannot be written.
        try {
            closeSync(openSync(values.record, 'w'));
        }
        catch (err) {
            await server?.close();
            throw new Error(`--record: cannot write ${values.record}: ${err instanceof Error ? err.message : String(err)}`, { cause: err });
        }
    }
    const frame = (s) => {
        if (!server && !recorder)
            return;
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
                const { renderPngFile } = await import("../viewer/render.js");
                await renderPngFile({ model: describeWorld(s), frame: captureFrame(s) }, values.png);
                out(`png: ${values.png}\n`);
            }
        },
        async close() {
            let failure;
            if (recorder) {
                try {
                    await recorder.close();
                    out(`recording: ${values.record}\n`);
                }
                catch (err) {
                    failure = err;
                }
            }
            if (server) {
                if (values.holdView ?? interactive) {
                    out(`view stays open at ${server.url}; press Ctrl-C to exit\n`);
                    await new Promise((resolve) => process.once('SIGINT', () => resolve()));
                }
                await server.close();
            }
            if (failure !== undefined)
                throw failure;
        },
    };
}
/** Best effort: the desktop's browser, if there is one; the URL is printed either way. */
function openInBrowser(url) {
    const cmd = process.platform === 'darwin' ? 'open' : process.platform === 'win32' ? 'explorer' : 'xdg-open';
    try {
        const child = spawn(cmd, [url], { stdio: 'ignore', detached: true });
        child.on('error', () => { });
        child.unref();
    }
    catch {
        // No browser launcher: the printed URL is enough.
    }
}
//# sourceMappingURL=run-sinks.js.map