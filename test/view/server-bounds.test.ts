import { describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { MAX_CLIENT_MESSAGE_BYTES, startViewServer } from '../../src/viewer/server.ts';

/** Opens a WebSocket to the viewer with the given Origin; resolves with its first message, or how it failed. */
function connect(url: string, origin: string): Promise<{ ws: WebSocket; first: string } | { refused: number }> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, { origin });
    ws.once('message', (data) => resolve({ ws, first: String(data) }));
    ws.once('unexpected-response', (_req, res) => {
      resolve({ refused: res.statusCode ?? 0 });
      ws.terminate();
    });
    ws.once('error', (err) => reject(err));
  });
}

describe('viewer WebSocket bounds', () => {
  it('lets in only pages from the served host, and closes a socket that sends a large message', async () => {
    const server = await startViewServer({ kind: 'live' });
    const ws = server.url.replace(/^http/, 'ws') + 'ws';
    try {
      expect(await connect(ws, 'http://evil.example')).toEqual({ refused: 401 });
      expect(await connect(ws, `http://127.0.0.1:${server.port + 1}`)).toEqual({ refused: 401 });
      const ok = await connect(ws, server.url.replace(/\/$/, ''));
      expect('first' in ok && JSON.parse(ok.first)).toMatchObject({ type: 'hello' });
      if (!('ws' in ok)) throw new Error('not connected');
      const closed = new Promise<number>((r) => ok.ws.once('close', (code) => r(code)));
      ok.ws.send('x'.repeat(MAX_CLIENT_MESSAGE_BYTES + 1));
      expect(await closed).toBe(1009);
    } finally {
      await server.close();
    }
  });
});
