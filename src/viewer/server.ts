import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import type { EpisodeEvent } from '../episode/events.ts';
import type { MirrorModel, PoseFrame } from './mirror-model.ts';
import type { RecordingData, ServerMessage, TimedEvent } from './protocol.ts';
import { clientBundle } from './bundle.ts';
import { viewerHtml } from './page.ts';

/** What a view server shows: a live world fed by `publish*`, or a recording to replay. */
export type ViewSource = { kind: 'live'; title?: string } | { kind: 'replay'; recording: RecordingData; title?: string };

export interface ViewServerOptions {
  /** 0 (default) picks a free port. */
  port?: number;
  /** Default 127.0.0.1: the viewer is for this machine only. */
  host?: string;
}

/** A running viewer: a page on localhost kept up to date over a WebSocket. */
export interface ViewServer {
  readonly url: string;
  readonly port: number;
  /** Number of pages connected now. */
  readonly clients: number;
  /** Live: the world to draw (sent again to every page that connects later). */
  setModel(model: MirrorModel): void;
  /** Live: the latest poses. */
  publishFrame(frame: PoseFrame): void;
  /** Live: an episode event at simulated time `t`. */
  publishEvent(t: number, event: EpisodeEvent): void;
  /** Live: the episode is over. */
  end(): void;
  close(): Promise<void>;
}

/** Largest message a viewer page may send (bytes): the page sends none; anything bigger closes its socket. */
export const MAX_CLIENT_MESSAGE_BYTES = 4096;

/** Starts the viewer's http + WebSocket server. Close it with `close()`. */
export async function startViewServer(source: ViewSource, opts: ViewServerOptions = {}): Promise<ViewServer> {
  const host = opts.host ?? '127.0.0.1';
  const title = source.title ?? (source.kind === 'replay' ? `robotool replay: ${source.recording.model.scene}` : 'robotool view');
  let model: MirrorModel | undefined = source.kind === 'replay' ? source.recording.model : undefined;
  let lastFrame: PoseFrame | undefined;
  const events: TimedEvent[] = [];
  let ended = false;
  // Bundle while the page is being opened rather than on its first request.
  const bundle = clientBundle();
  bundle.catch(() => {});

  const http = createServer((req, res) => void serve(req, res));
  async function serve(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    try {
      if (path === '/' || path === '/index.html') {
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
        res.end(viewerHtml(title));
      } else if (path === '/client.js') {
        const code = await bundle;
        res.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8', 'cache-control': 'no-store' });
        res.end(code);
      } else {
        res.writeHead(404, { 'content-type': 'text/plain' });
        res.end('not found');
      }
    } catch (err) {
      res.writeHead(500, { 'content-type': 'text/plain' });
      res.end(err instanceof Error ? err.message : String(err));
    }
  }

  // The page sends nothing, so a client's messages may be tiny; and only a page this server
  // served may connect: a browser names the page's origin, which must be this host and port
  // (clients that are not browsers send no Origin and are let in).
  let port = 0;
  const loopback = host === '127.0.0.1' || host === 'localhost' || host === '::1';
  const allowedOrigin = (origin: string | undefined): boolean => {
    if (origin === undefined) return true;
    const names = loopback ? ['127.0.0.1', 'localhost', '[::1]'] : [host.includes(':') ? `[${host}]` : host];
    return names.some((n) => origin === `http://${n}:${port}`);
  };
  const wss = new WebSocketServer({
    server: http,
    path: '/ws',
    maxPayload: MAX_CLIENT_MESSAGE_BYTES,
    verifyClient: (info: { origin?: string; req: IncomingMessage }) => allowedOrigin(info.req.headers.origin),
  });
  const sockets = new Set<WebSocket>();
  const send = (ws: WebSocket, m: ServerMessage): void => {
    if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(m));
  };
  const broadcast = (m: ServerMessage): void => {
    if (sockets.size === 0) return;
    const text = JSON.stringify(m);
    for (const ws of sockets) if (ws.readyState === ws.OPEN) ws.send(text);
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
    if (model) send(ws, { type: 'model', model });
    for (const e of events) send(ws, { type: 'event', t: e.t, event: e.event });
    if (lastFrame) send(ws, { type: 'frame', frame: lastFrame });
    if (ended) send(ws, { type: 'end' });
  });

  // ws re-emits the http server's errors on the WebSocketServer; without a listener a busy port
  // would crash the process with an unhandled 'error' event instead of rejecting below.
  wss.on('error', () => {});
  try {
    await new Promise<void>((resolveListen, reject) => {
      http.once('error', reject);
      http.listen(opts.port ?? 0, host, () => {
        http.off('error', reject);
        resolveListen();
      });
    });
  } catch (err) {
    wss.close();
    throw listenError(err, host, opts.port ?? 0);
  }
  port = (http.address() as AddressInfo).port;
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
      for (const ws of sockets) ws.terminate();
      await new Promise<void>((r) => wss.close(() => r()));
      http.closeAllConnections();
      await new Promise<void>((r) => http.close(() => r()));
    },
  };
}

/** A failure to listen, in words: which address, why, and what to do. Keeps the errno code. */
function listenError(err: unknown, host: string, port: number): Error {
  const code = (err as { code?: string }).code;
  const where = `${host}:${port}`;
  const message =
    code === 'EADDRINUSE'
      ? `cannot serve on ${where}: the port is in use (another robotool view?); choose another --port, or leave it out for a free one`
      : code === 'EADDRNOTAVAIL'
        ? `cannot serve on ${where}: ${host} is not an address of this machine; leave --host out for 127.0.0.1`
        : code === 'ENOTFOUND' || code === 'EAI_AGAIN'
          ? `cannot serve on ${where}: host ${host} does not resolve`
          : code === 'EACCES'
            ? `cannot serve on ${where}: permission denied (ports below 1024 need privileges)`
            : `cannot serve on ${where}: ${err instanceof Error ? err.message : String(err)}`;
  return Object.assign(new Error(`${message} (${code ?? 'error'})`, { cause: err }), code ? { code } : {});
}
