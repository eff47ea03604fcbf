import { createServer } from 'node:http';
import { WebSocketServer } from 'ws';
import { clientBundle } from "./bundle.js";
import { viewerHtml } from "./page.js";
/** Starts the viewer's http + WebSocket server. Close it with `close()`. */
export async function startViewServer(source, opts = {}) {
    const host = opts.host ?? '127.0.0.1';
    const title = source.title ?? (source.kind === 'replay' ? `robotool replay: ${source.recording.model.scene}` : 'robotool view');
    let model = source.kind === 'replay' ? source.recording.model : undefined;
    let lastFrame;
    const events = [];
    let ended = false;
    // Bundle while the page is being opened rather than on its first request.
    const bundle = clientBundle();
    bundle.catch(() => { });
    const http = createServer((req, res) => void serve(req, res));
    async function serve(req, res) {
        const path = new URL(req.url ?? '/', 'http://x').pathname;
        try {
            if (path === '/' || path === '/index.html') {
                res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
                res.end(viewerHtml(title));
            }
            else if (path === '/client.js') {
                const code = await bundle;
                res.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8', 'cache-control': 'no-store' });
                res.end(code);
            }
            else {
                res.writeHead(404, { 'content-type': 'text/plain' });
                res.end('not found');
            }
        }
        catch (err) {
            res.writeHead(500, { 'content-type': 'text/plain' });
            res.end(err instanceof Error ? err.message : String(err));
        }
    }
    const wss = new WebSocketServer({ server: http, path: '/ws' });
    const sockets = new Set();
    const send = (ws, m) => {
        if (ws.readyState === ws.OPEN)
            ws.send(JSON.stringify(m));
    };
    const broadcast = (m) => {
        if (sockets.size === 0)
            return;
        const text = JSON.stringify(m);
        for (const ws of sockets)
            if (ws.readyState === ws.OPEN)
                ws.send(text);
    };
    wss.on('connection', (ws) => {
        sockets.add(ws);
        ws.on('close', () => sockets.delete(ws));
        ws.on('error', () => sockets.delete(ws));
        send(ws, { type: 'hello', mode: source.kind, title });
        if (source.kind === 'replay') {
            send(ws, { type: 'recording', recording: source.recording });
            return;
        }
        // A page that connects late starts from the present: the world, its latest poses, the events so far.
        if (model)
            send(ws, { type: 'model', model });
        for (const e of events)
            send(ws, { type: 'event', t: e.t, event: e.event });
        if (lastFrame)
            send(ws, { type: 'frame', frame: lastFrame });
        if (ended)
            send(ws, { type: 'end' });
    });
    await new Promise((resolveListen, reject) => {
        http.once('error', reject);
        http.listen(opts.port ?? 0, host, () => resolveListen());
    });
    const port = http.address().port;
    const url = `http://${host.includes(':') ? `[${host}]` : host}:${port}/`;
    return {
        url,
        port,
        get clients() {
            return sockets.size;
        },
        setModel(m) {
            model = m;
            broadcast({ type: 'model', model: m });
        },
        publishFrame(frame) {
            lastFrame = frame;
            broadcast({ type: 'frame', frame });
        },
        publishEvent(t, event) {
            events.push({ t, event });
            broadcast({ type: 'event', t, event });
        },
        end() {
            ended = true;
            broadcast({ type: 'end' });
        },
        async close() {
            for (const ws of sockets)
                ws.terminate();
            await new Promise((r) => wss.close(() => r()));
            http.closeAllConnections();
            await new Promise((r) => http.close(() => r()));
        },
    };
}
//# sourceMappingURL=server.js.map