import { describe, expect, it } from 'vitest';
import { createServer } from 'node:net';
import type { LlmConfig } from '../../src/planner/llm/llm-config.ts';
import {
  LlmAbortError,
  LlmConnectionError,
  LlmRateLimitError,
  LlmRequestError,
  LlmResponseError,
  LlmServerError,
  LlmTimeoutError,
} from '../../src/planner/llm/llm-errors.ts';
import { createOpenAiCompatibleModel } from '../../src/planner/llm/openai-provider.ts';
import type { LlmMessage } from '../../src/planner/llm/language-model.ts';
import { startFakeOpenAiServer, type FakeOpenAiServer, type FakeReply } from '../helpers/fake-openai-server.ts';

const messages: LlmMessage[] = [
  { role: 'system', content: 'You are a test.' },
  { role: 'user', content: 'Say hello.' },
];

function configFor(server: { baseURL: string }, over: Partial<LlmConfig> = {}): LlmConfig {
  return {
    baseURL: server.baseURL,
    model: 'fake-model',
    apiKey: 'sk-test',
    structuredOutput: false,
    stream: true,
    timeoutMs: 5_000,
    maxRetries: 2,
    retryBaseDelayMs: 10,
    retryMaxDelayMs: 50,
    temperature: undefined,
    maxOutputTokens: undefined,
    headers: {},
    ...over,
  };
}

/** Runs `body` against a fresh fake server and always closes it. */
async function withServer<T>(replies: FakeReply[], body: (server: FakeOpenAiServer) => Promise<T>): Promise<T> {
  const server = await startFakeOpenAiServer(replies);
  try {
    return await body(server);
  } finally {
    await server.close();
  }
}

describe('OpenAI-compatible provider against a local server', () => {
  it('streams the answer as text deltas and reports the server-counted tokens', async () => {
    await withServer([{ type: 'answer', text: 'Hello from the fake model.', chunkSize: 5, usage: { prompt_tokens: 12, completion_tokens: 7 } }], async (server) => {
      const model = createOpenAiCompatibleModel(configFor(server));
      const deltas: string[] = [];
      const r = await model.generate({ messages, onDelta: (d) => deltas.push(d) });
      expect(r.text).toBe('Hello from the fake model.');
      expect(deltas.join('')).toBe(r.text);
      expect(deltas.length).toBeGreaterThan(3);
      expect(r.usage).toEqual({ inputTokens: 12, outputTokens: 7 });
      expect(r.finishReason).toBe('stop');
      expect(r.attempts).toBe(1);
      const req = server.requests[0]!;
      expect(req.body.stream).toBe(true);
      expect(req.body.stream_options?.include_usage).toBe(true);
      expect(req.body.model).toBe('fake-model');
      expect(req.body.messages).toEqual(messages);
      expect(req.headers.authorization).toBe('Bearer sk-test');
    });
  });

  it('estimates tokens when the server reports no usage, and says so', async () => {
    await withServer([{ type: 'answer', text: 'x'.repeat(40), usage: null }], async (server) => {
      const r = await createOpenAiCompatibleModel(configFor(server)).generate({ messages });
      expect(r.usage).toEqual({ inputTokens: expect.any(Number), outputTokens: 10, estimated: true });
    });
  });

  it('answers without streaming when stream is off, still delivering the text to onDelta', async () => {
    await withServer([{ type: 'answer', text: 'Plain answer.', finishReason: 'length' }], async (server) => {
      const deltas: string[] = [];
      const r = await createOpenAiCompatibleModel(configFor(server, { stream: false })).generate({ messages, onDelta: (d) => deltas.push(d) });
      expect(r.text).toBe('Plain answer.');
      expect(r.finishReason).toBe('length');
      expect(deltas).toEqual(['Plain answer.']);
      expect(server.requests[0]!.body.stream).toBeFalsy();
    });
  });

  it('retries a 429 after the retry-after the server asked for, then succeeds', async () => {
    await withServer(
      [
        { type: 'error', status: 429, message: 'slow down', headers: { 'retry-after': '1' } },
        { type: 'answer', text: 'second time lucky' },
      ],
      async (server) => {
        const r = await createOpenAiCompatibleModel(configFor(server)).generate({ messages });
        expect(r.text).toBe('second time lucky');
        expect(r.attempts).toBe(2);
        const gap = server.requests[1]!.at - server.requests[0]!.at;
        expect(gap).toBeGreaterThanOrEqual(950);
      },
    );
  });

  it('gives up on a 429 whose retry-after does not fit in the deadline, as a rate-limit error', async () => {
    await withServer([{ type: 'error', status: 429, headers: { 'retry-after': '30' } }], async (server) => {
      const started = Date.now();
      const err = await createOpenAiCompatibleModel(configFor(server, { timeoutMs: 2_000 })).generate({ messages }).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(LlmRateLimitError);
      expect((err as LlmRateLimitError).retryAfterMs).toBe(30_000);
      expect((err as Error).message).toMatch(/no time left to retry/);
      expect(Date.now() - started).toBeLessThan(1_000);
    });
  });

  it('retries a 500 with backoff, then fails with LlmServerError after the last retry', async () => {
    const replies: FakeReply[] = [1, 2, 3].map(() => ({ type: 'error', status: 500, message: 'boom' }));
    await withServer(replies, async (server) => {
      const err = await createOpenAiCompatibleModel(configFor(server, { maxRetries: 2 })).generate({ messages }).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(LlmServerError);
      expect((err as LlmServerError).status).toBe(500);
      expect((err as Error).message).toMatch(/500.*boom.*after 3 attempts/);
      expect((err as Error).cause).toBeDefined();
      expect(server.requests).toHaveLength(3);
    });
  });

  it('does not retry a refused request (401) and points at the API key', async () => {
    await withServer([{ type: 'error', status: 401, message: 'bad key' }], async (server) => {
      const err = await createOpenAiCompatibleModel(configFor(server)).generate({ messages }).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(LlmRequestError);
      expect((err as LlmRequestError).tip).toMatch(/API key/);
      expect(server.requests).toHaveLength(1);
    });
  });

  it('times out within the configured deadline when the server never answers', async () => {
    await withServer([{ type: 'hang' }, { type: 'hang' }], async (server) => {
      const started = Date.now();
      const err = await createOpenAiCompatibleModel(configFor(server, { timeoutMs: 400 })).generate({ messages }).catch((e: unknown) => e);
      const took = Date.now() - started;
      expect(err).toBeInstanceOf(LlmTimeoutError);
      expect((err as Error).message).toMatch(/400 ms/);
      expect(took).toBeGreaterThanOrEqual(380);
      expect(took).toBeLessThan(1_500);
    });
  });

  it('times out when a stream stalls mid-answer', async () => {
    await withServer([{ type: 'stall', text: 'a long answer that stops', afterChunks: 1 }], async (server) => {
      const deltas: string[] = [];
      const err = await createOpenAiCompatibleModel(configFor(server, { timeoutMs: 300 }))
        .generate({ messages, onDelta: (d) => deltas.push(d) })
        .catch((e: unknown) => e);
      expect(err).toBeInstanceOf(LlmTimeoutError);
      expect(deltas.join('')).toBe('a long a');
    });
  });

  it('reports a malformed JSON body as LlmResponseError', async () => {
    await withServer([{ type: 'raw', body: '{"id": "chatcmpl-1", "choices": [' }], async (server) => {
      const err = await createOpenAiCompatibleModel(configFor(server, { stream: false })).generate({ messages }).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(LlmResponseError);
      expect((err as Error).message).toMatch(/malformed response body/);
      expect(server.requests).toHaveLength(1);
    });
  });

  it('names the path of what is missing in a well-formed but wrong completion', async () => {
    await withServer([{ type: 'raw', body: JSON.stringify({ id: 'x', choices: [{ index: 0, message: { role: 'assistant', content: 3 } }] }) }], async (server) => {
      const err = await createOpenAiCompatibleModel(configFor(server, { stream: false })).generate({ messages }).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(LlmResponseError);
      expect((err as Error).message).toMatch(/\.choices\[0\]\.message\.content/);
    });
  });

  it('reports a server-sent event that is not JSON as LlmResponseError', async () => {
    await withServer([{ type: 'bad-event', text: 'partial answer', afterChunks: 1 }], async (server) => {
      const err = await createOpenAiCompatibleModel(configFor(server)).generate({ messages }).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(LlmResponseError);
      expect((err as Error).message).toMatch(/malformed server-sent event/);
    });
  });

  it('reports a stream cut off mid-answer as LlmResponseError, after delivering what arrived', async () => {
    await withServer([{ type: 'truncate', text: 'the first part and the rest', afterChunks: 2, chunkSize: 5 }], async (server) => {
      const deltas: string[] = [];
      const err = await createOpenAiCompatibleModel(configFor(server)).generate({ messages, onDelta: (d) => deltas.push(d) }).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(LlmResponseError);
      expect((err as Error).message).toMatch(/stream broke off after 10 characters|truncated/);
      expect(deltas.join('')).toBe('the first ');
      expect(server.requests).toHaveLength(1);
    });
  });

  it('reports an error event inside the stream as LlmServerError, without retrying', async () => {
    await withServer([{ type: 'stream-error', text: 'some text', afterChunks: 1, message: 'model overloaded' }], async (server) => {
      const err = await createOpenAiCompatibleModel(configFor(server)).generate({ messages }).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(LlmServerError);
      expect((err as Error).message).toMatch(/model overloaded/);
      expect(server.requests).toHaveLength(1);
    });
  });

  it('stops mid-stream when the AbortSignal fires, with LlmAbortError', async () => {
    await withServer([{ type: 'answer', text: 'x'.repeat(200), chunkSize: 10, chunkDelayMs: 30 }], async (server) => {
      const controller = new AbortController();
      const deltas: string[] = [];
      const started = Date.now();
      const err = await createOpenAiCompatibleModel(configFor(server))
        .generate({
          messages,
          signal: controller.signal,
          onDelta: (d) => {
            deltas.push(d);
            if (deltas.length === 3) controller.abort(new Error('user pressed stop'));
          },
        })
        .catch((e: unknown) => e);
      expect(err).toBeInstanceOf(LlmAbortError);
      expect(((err as Error).cause as Error).message).toBe('user pressed stop');
      expect(deltas.length).toBeLessThan(6);
      expect(Date.now() - started).toBeLessThan(1_000);
    });
  });

  it('stops waiting to retry when the AbortSignal fires during backoff', async () => {
    await withServer([{ type: 'error', status: 503, headers: { 'retry-after': '3' } }], async (server) => {
      const controller = new AbortController();
      setTimeout(() => controller.abort(), 100);
      const started = Date.now();
      const err = await createOpenAiCompatibleModel(configFor(server, { timeoutMs: 10_000 })).generate({ messages, signal: controller.signal }).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(LlmAbortError);
      expect(Date.now() - started).toBeLessThan(1_000);
    });
  });

  it('sends response_format json_schema only when structured output is on', async () => {
    const schema = { name: 'robotool_coder_output', schema: { type: 'object', properties: { program: { type: 'string' } }, required: ['program'] } };
    await withServer([{ type: 'answer', text: '{"program":"x()"}' }, { type: 'answer', text: 'ok' }], async (server) => {
      await createOpenAiCompatibleModel(configFor(server, { structuredOutput: true })).generate({ messages, jsonSchema: schema });
      await createOpenAiCompatibleModel(configFor(server, { structuredOutput: false })).generate({ messages, jsonSchema: schema });
      expect(server.requests[0]!.body.response_format).toEqual({ type: 'json_schema', json_schema: { ...schema, strict: false } });
      expect(server.requests[1]!.body.response_format).toBeUndefined();
    });
  });

  it('passes temperature and the output-token limit through', async () => {
    await withServer([{ type: 'answer', text: 'ok' }], async (server) => {
      await createOpenAiCompatibleModel(configFor(server, { temperature: 0.2, maxOutputTokens: 256 })).generate({ messages });
      expect(server.requests[0]!.body).toMatchObject({ temperature: 0.2, max_completion_tokens: 256 });
    });
  });

  it('fails with LlmConnectionError when nothing listens at the base URL', async () => {
    // A port that was just free: bind, read it, release.
    const probe = createServer();
    await new Promise<void>((r) => probe.listen(0, '127.0.0.1', r));
    const port = (probe.address() as { port: number }).port;
    await new Promise<void>((r) => probe.close(() => r()));
    const err = await createOpenAiCompatibleModel(configFor({ baseURL: `http://127.0.0.1:${port}/v1` }, { maxRetries: 1 }))
      .generate({ messages })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(LlmConnectionError);
    expect((err as Error).message).toMatch(/cannot reach/);
  });
});
