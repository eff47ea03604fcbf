/**
 * A local OpenAI-compatible server for tests: a real `node:http` server on 127.0.0.1, port 0,
 * serving `POST /v1/chat/completions` as the OpenAI API does: JSON `chat.completion` objects,
 * or for `stream: true` real server-sent events (`text/event-stream`, one `data: <chunk>` per
 * event, `chat.completion.chunk` objects, a usage chunk when `stream_options.include_usage`,
 * then `data: [DONE]`), and errors as `{ error: { message, type, code } }` with their status
 * and headers (`retry-after`). It speaks the wire protocol faithfully so that the provider is
 * exercised end to end through the official client; it does not model anything else of the API.
 *
 * Each request gets the next scripted reply, which can also misbehave on purpose: hang, send
 * a malformed body, cut the stream off, or stall mid-stream. `close()` ends every connection,
 * hanging ones included, so a test can always close it in `finally`.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { z } from 'zod';

/** What the server does with one request. */
export type FakeReply =
  /** A normal answer, streamed in `chunkSize`-character deltas when the request asks for a stream. */
  | { type: 'answer'; text: string; chunkSize?: number; chunkDelayMs?: number; finishReason?: string; usage?: { prompt_tokens: number; completion_tokens: number } | null }
  /** An API error: status, error body, headers (e.g. `retry-after`). */
  | { type: 'error'; status: number; message?: string; headers?: Record<string, string> }
  /** A 200 whose body is the given text (malformed JSON, say). */
  | { type: 'raw'; body: string; contentType?: string; status?: number }
  /** Accepts the request and never answers. */
  | { type: 'hang' }
  /** Streams the first `afterChunks` content chunks, then destroys the socket. */
  | { type: 'truncate'; text: string; afterChunks: number; chunkSize?: number }
  /** Streams the first `afterChunks` content chunks, then goes silent with the connection open. */
  | { type: 'stall'; text: string; afterChunks: number; chunkSize?: number }
  /** Streams the first `afterChunks` content chunks, then an event whose data is not JSON. */
  | { type: 'bad-event'; text: string; afterChunks: number; chunkSize?: number }
  /** Streams the first `afterChunks` content chunks, then an `{ error }` event, as OpenAI does on a mid-stream failure. */
  | { type: 'stream-error'; text: string; afterChunks: number; message: string; chunkSize?: number };

/** The request body fields the fake reads; the rest is recorded as sent. */
const ChatRequest = z.looseObject({
  model: z.string().min(1),
  messages: z.array(z.looseObject({ role: z.enum(['system', 'user', 'assistant', 'developer', 'tool']), content: z.string() })).min(1),
  stream: z.boolean().optional(),
  stream_options: z.looseObject({ include_usage: z.boolean().optional() }).nullish(),
});
export type ChatRequest = z.infer<typeof ChatRequest>;

/** One request the server received. */
export interface RecordedRequest {
  method: string;
  url: string;
  headers: Record<string, string | string[] | undefined>;
  body: ChatRequest;
  /** ms since the server started. */
  at: number;
}

/** A running fake server. */
export interface FakeOpenAiServer {
  /** `http://127.0.0.1:PORT/v1`, the base URL a client is configured with. */
  baseURL: string;
  requests: RecordedRequest[];
  close(): Promise<void>;
}

const sse = (res: ServerResponse, data: string): boolean => res.write(`data: ${data}\n\n`);

function chunks(text: string, size = 8): string[] {
  const out: string[] = [];
  for (let i = 0; i < text.length; i += size) out.push(text.slice(i, i + size));
  return out;
}

function sendError(res: ServerResponse, status: number, message: string, headers: Record<string, string> = {}): void {
  const type = status === 429 ? 'rate_limit_exceeded' : status >= 500 ? 'server_error' : 'invalid_request_error';
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(JSON.stringify({ error: { message, type, param: null, code: type } }));
}

const delay = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** Starts the server; `replies[n]` answers request n (a function may choose instead). */
export async function startFakeOpenAiServer(replies: readonly FakeReply[] | ((request: RecordedRequest, n: number) => FakeReply)): Promise<FakeOpenAiServer> {
  const started = Date.now();
  const requests: RecordedRequest[] = [];
  const sockets = new Set<Socket>();
  let completionId = 0;

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (req.method !== 'POST' || !req.url?.startsWith('/v1/chat/completions')) {
      sendError(res, 404, `no route ${req.method} ${req.url}`);
      return;
    }
    let raw = '';
    for await (const part of req) raw += String(part);
    let json: unknown;
    try {
      json = JSON.parse(raw);
    } catch {
      sendError(res, 400, 'request body is not JSON');
      return;
    }
    const body = ChatRequest.safeParse(json);
    if (!body.success) {
      sendError(res, 400, body.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));
      return;
    }
    const record: RecordedRequest = { method: req.method, url: req.url, headers: req.headers, body: body.data, at: Date.now() - started };
    const n = requests.length;
    requests.push(record);
    const reply = typeof replies === 'function' ? replies(record, n) : replies[n];
    if (!reply) {
      sendError(res, 500, `fake server: no scripted reply for request ${n + 1}`);
      return;
    }
    const id = `chatcmpl-fake-${++completionId}`;
    const created = Math.floor(Date.now() / 1000);
    const model = body.data.model;
    const chunk = (delta: Record<string, unknown>, finish: string | null): string =>
      JSON.stringify({ id, object: 'chat.completion.chunk', created, model, system_fingerprint: null, choices: [{ index: 0, delta, logprobs: null, finish_reason: finish }] });
    const promptTokens = body.data.messages.reduce((n, m) => n + Math.ceil(m.content.length / 4), 0);

    switch (reply.type) {
      case 'error':
        sendError(res, reply.status, reply.message ?? `scripted ${reply.status}`, reply.headers);
        return;
      case 'raw':
        res.writeHead(reply.status ?? 200, { 'content-type': reply.contentType ?? 'application/json' });
        res.end(reply.body);
        return;
      case 'hang':
        return; // the socket stays open until close()
      case 'answer': {
        const usage =
          reply.usage === null ? undefined : (reply.usage ?? { prompt_tokens: promptTokens, completion_tokens: Math.ceil(reply.text.length / 4) });
        const finish = reply.finishReason ?? 'stop';
        if (!body.data.stream) {
          res.writeHead(200, { 'content-type': 'application/json' });
          res.end(
            JSON.stringify({
              id,
              object: 'chat.completion',
              created,
              model,
              choices: [{ index: 0, message: { role: 'assistant', content: reply.text, refusal: null }, logprobs: null, finish_reason: finish }],
              ...(usage ? { usage: { ...usage, total_tokens: usage.prompt_tokens + usage.completion_tokens } } : {}),
            }),
          );
          return;
        }
        res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache', connection: 'keep-alive' });
        sse(res, chunk({ role: 'assistant', content: '' }, null));
        for (const part of chunks(reply.text, reply.chunkSize)) {
          if (reply.chunkDelayMs) await delay(reply.chunkDelayMs);
          if (res.destroyed) return;
          sse(res, chunk({ content: part }, null));
        }
        sse(res, chunk({}, finish));
        if (body.data.stream_options?.include_usage && usage) {
          sse(res, JSON.stringify({ id, object: 'chat.completion.chunk', created, model, choices: [], usage: { ...usage, total_tokens: usage.prompt_tokens + usage.completion_tokens } }));
        }
        sse(res, '[DONE]');
        res.end();
        return;
      }
      case 'truncate':
      case 'stall':
      case 'bad-event':
      case 'stream-error': {
        res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache', connection: 'keep-alive' });
        sse(res, chunk({ role: 'assistant', content: '' }, null));
        for (const part of chunks(reply.text, reply.chunkSize).slice(0, reply.afterChunks)) sse(res, chunk({ content: part }, null));
        if (reply.type === 'truncate') {
          // Let the chunks leave before the connection drops, as when a proxy or the server dies mid-answer.
          await delay(20);
          res.socket?.destroy();
        } else if (reply.type === 'bad-event') {
          sse(res, '{"id": "chatcmpl-fake", "choices": [');
        } else if (reply.type === 'stream-error') {
          sse(res, JSON.stringify({ error: { message: reply.message, type: 'server_error', code: null } }));
          res.end();
        }
        return; // 'stall' keeps the connection open
      }
    }
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      if (!res.headersSent) sendError(res, 500, `fake server failed: ${String(err)}`);
      else res.destroy();
    });
  });
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    baseURL: `http://127.0.0.1:${port}/v1`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}
