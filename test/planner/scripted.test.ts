import { describe, expect, it } from 'vitest';
import { LlmAbortError, LlmServerError } from '../../src/planner/llm/llm-errors.ts';
import { ScriptExhaustedError, ScriptedLanguageModel } from '../../src/testing/scripted-model.ts';
import type { LlmMessage } from '../../src/planner/llm/language-model.ts';

const ask = (content: string): LlmMessage[] => [{ role: 'user', content }];

describe('ScriptedLanguageModel', () => {
  it('answers call N with scripted answer N, streamed in chunks', async () => {
    const model = new ScriptedLanguageModel(['first answer', 'second'], { chunkSize: 4 });
    const deltas: string[] = [];
    const a = await model.generate({ messages: ask('one'), onDelta: (d) => deltas.push(d) });
    const b = await model.generate({ messages: ask('two') });
    expect(a.text).toBe('first answer');
    expect(deltas).toEqual(['firs', 't an', 'swer']);
    expect(b.text).toBe('second');
    expect(a.finishReason).toBe('stop');
    expect(a.usage.outputTokens).toBeGreaterThan(0);
    expect(model.remaining).toBe(0);
  });

  it('records every call, with a snapshot of its messages', async () => {
    const model = new ScriptedLanguageModel(['a', 'b']);
    const messages = ask('hello');
    await model.generate({ messages, jsonSchema: { name: 'x', schema: {} } });
    messages.push({ role: 'assistant', content: 'later' });
    await model.generate({ messages });
    expect(model.calls).toHaveLength(2);
    expect(model.calls[0]!.options.messages).toEqual([{ role: 'user', content: 'hello' }]);
    expect(model.calls[0]!.options.jsonSchema?.name).toBe('x');
    expect(model.calls[1]!.options.messages).toHaveLength(2);
  });

  it('throws a scripted error instead of answering', async () => {
    const model = new ScriptedLanguageModel([new LlmServerError('scripted outage'), 'ok']);
    await expect(model.generate({ messages: ask('x') })).rejects.toBeInstanceOf(LlmServerError);
    expect((await model.generate({ messages: ask('x') })).text).toBe('ok');
  });

  it('uses a full scripted result (usage, finish reason) as given', async () => {
    const model = new ScriptedLanguageModel([{ text: 'cut', usage: { inputTokens: 100, outputTokens: 4096 }, finishReason: 'length' }]);
    const r = await model.generate({ messages: ask('x') });
    expect(r).toMatchObject({ text: 'cut', usage: { inputTokens: 100, outputTokens: 4096 }, finishReason: 'length' });
  });

  it('fails loudly when asked more than the script holds', async () => {
    const model = new ScriptedLanguageModel([]);
    await expect(model.generate({ messages: ask('x') })).rejects.toThrow(ScriptExhaustedError);
  });

  it('stops streaming when the signal aborts', async () => {
    const model = new ScriptedLanguageModel(['x'.repeat(100)], { chunkSize: 10 });
    const controller = new AbortController();
    const deltas: string[] = [];
    const err = await model
      .generate({ messages: ask('x'), signal: controller.signal, onDelta: (d) => (deltas.push(d), deltas.length === 2 && controller.abort()) })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(LlmAbortError);
    expect(deltas).toHaveLength(2);
  });
});
