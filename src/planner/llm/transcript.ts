import { writeFile, mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { LanguageModel, LlmGenerateOptions, LlmGenerateResult, LlmMessage } from './language-model.ts';

/** One model call as it went: the prompt, the answer (or error) and its cost. */
export interface TranscriptEntry {
  at: string;
  model: string;
  messages: LlmMessage[];
  answer: string | null;
  error: string | null;
  usage: LlmGenerateResult['usage'] | null;
  seconds: number;
}

/** Longest prompt message or answer kept in a transcript (characters); longer ones are cut, saying by how much. */
export const MAX_TRANSCRIPT_CHARS = 64 * 1024;

const clipped = (text: string): string =>
  text.length <= MAX_TRANSCRIPT_CHARS ? text : `${text.slice(0, MAX_TRANSCRIPT_CHARS)}\n[… ${text.length - MAX_TRANSCRIPT_CHARS} more characters cut]`;

/** Wraps a model so that every prompt and answer is kept, in order, for the transcript file (each text bounded). */
export function recordingModel(model: LanguageModel, entries: TranscriptEntry[]): LanguageModel {
  return {
    specificationVersion: model.specificationVersion,
    provider: model.provider,
    modelId: model.modelId,
    capabilities: model.capabilities,
    async generate(options: LlmGenerateOptions): Promise<LlmGenerateResult> {
      const t0 = performance.now();
      const entry: TranscriptEntry = {
        at: new Date().toISOString(),
        model: `${model.provider}:${model.modelId}`,
        messages: options.messages.map((m) => ({ ...m, content: clipped(m.content) })),
        answer: null,
        error: null,
        usage: null,
        seconds: 0,
      };
      entries.push(entry);
      try {
        const r = await model.generate(options);
        entry.answer = clipped(r.text);
        entry.usage = r.usage;
        return r;
      } catch (err) {
        entry.error = err instanceof Error ? `${err.name}: ${err.message}` : String(err);
        throw err;
      } finally {
        entry.seconds = (performance.now() - t0) / 1000;
      }
    },
  };
}

/** Writes the transcript of an episode as JSON. */
export async function writeTranscript(file: string, meta: Record<string, unknown>, entries: TranscriptEntry[]): Promise<void> {
  await mkdir(dirname(file), { recursive: true });
  await writeFile(file, JSON.stringify({ ...meta, calls: entries }, null, 2) + '\n');
}
