import { beforeAll, describe, expect, it } from 'vitest';
import type { SceneObservation } from '../../src/perception/observation.ts';
import type { LlmConfig } from '../../src/planner/llm/llm-config.ts';
import { LlmResponseError } from '../../src/planner/llm/llm-errors.ts';
import { MAX_ECHO_CHARS, runLlmStage } from '../../src/planner/llm/llm-stages.ts';
import { MAX_ANSWER_BYTES, createOpenAiCompatibleModel } from '../../src/planner/llm/openai-provider.ts';
import { ScriptedLanguageModel } from '../../src/testing/scripted-model.ts';
import { MAX_TRANSCRIPT_CHARS, recordingModel, type TranscriptEntry } from '../../src/planner/llm/transcript.ts';
import type { LlmMessage } from '../../src/planner/llm/language-model.ts';
import { startFakeOpenAiServer, type FakeReply } from '../helpers/fake-openai-server.ts';
import { loadObservationFixture } from '../helpers/llm-fixture.ts';

const messages: LlmMessage[] = [{ role: 'user', content: 'Say hello.' }];

function configFor(server: { baseURL: string }, over: Partial<LlmConfig> = {}): LlmConfig {
  return {
    baseURL: server.baseURL,
    model: 'fake-model',
    apiKey: 'sk-test',
    structuredOutput: false,
    stream: true,
    timeoutMs: 10_000,
    maxRetries: 2,
    retryBaseDelayMs: 10,
    retryMaxDelayMs: 50,
    temperature: undefined,
    maxOutputTokens: undefined,
    headers: {},
    ...over,
  };
}

async function failure(replies: FakeReply[], over: Partial<LlmConfig>): Promise<{ err: unknown; requests: number }> {
  const server = await startFakeOpenAiServer(replies);
  try {
    const err = await createOpenAiCompatibleModel(configFor(server, over)).generate({ messages }).then(
      () => null,
      (e: unknown) => e,
    );
    return { err, requests: server.requests.length };
  } finally {
    await server.close();
  }
}

let milk: SceneObservation;
beforeAll(async () => {
  milk = await loadObservationFixture('reach-milk');
});

describe('bounded model answers', () => {
  const huge = 'x'.repeat(3 * MAX_ANSWER_BYTES);

  it('a streamed answer past the size cap ends the call with a response error, not retried', async () => {
    const { err, requests } = await failure([{ type: 'answer', text: huge, chunkSize: 64 * 1024 }], { stream: true });
    expect(err).toBeInstanceOf(LlmResponseError);
    expect((err as Error).message).toMatch(new RegExp(`larger than the ${MAX_ANSWER_BYTES}-byte limit`));
    expect(requests).toBe(1);
  });

  it('a whole (non-streamed) body past the cap is refused before it is parsed', async () => {
    const { err, requests } = await failure([{ type: 'raw', body: JSON.stringify({ junk: huge }) }], { stream: false });
    expect(err).toBeInstanceOf(LlmResponseError);
    expect((err as Error).message).toMatch(/larger than the \d+-byte limit/);
    expect(requests).toBe(1);
  });

  it('transcripts keep at most MAX_TRANSCRIPT_CHARS of each prompt and answer', async () => {
    const entries: TranscriptEntry[] = [];
    const model = recordingModel(new ScriptedLanguageModel(['y'.repeat(200_000)]), entries);
    await model.generate({ messages: [{ role: 'user', content: 'z'.repeat(100_000) }] });
    expect(entries[0]!.answer!.length).toBeLessThan(MAX_TRANSCRIPT_CHARS + 100);
    expect(entries[0]!.answer).toMatch(/\[… 134464 more characters cut\]$/);
    expect(entries[0]!.messages[0]!.content.length).toBeLessThan(MAX_TRANSCRIPT_CHARS + 100);
  });

  it('a huge unusable answer is not echoed whole in the repair prompt', async () => {
    const program = 'const p = get_graspable_point("hammer");\nmove_to_position([p[0], p[1], p[2] + 0.075]);\n';
    const model = new ScriptedLanguageModel(['w'.repeat(500_000), '```javascript\n' + program + '```']);
    const r = await runLlmStage('coder', { command: 'Grasp the milk.', observation: milk, robot: 'arm', previous: {} }, { model });
    expect(r.answers).toBe(2);
    const repair = model.calls[1]!.options.messages;
    const echoed = repair.find((m) => m.role === 'assistant')!;
    expect(echoed.content.length).toBeLessThan(MAX_ECHO_CHARS + 100);
    expect(repair.reduce((n, m) => n + m.content.length, 0)).toBeLessThan(100_000);
  });
});
