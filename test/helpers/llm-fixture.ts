import { readFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseLlmFixture, type LlmFixture } from '../../src/testing/llm-fixture.ts';
import { SceneObservation } from '../../src/perception/observation.ts';

/** Where recorded LLM answers live: `test/fixtures/llm/<task>.json`. */
export const LLM_FIXTURE_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../fixtures/llm');

/** Loads and validates `test/fixtures/llm/<task>.json` (or `<dir>/<task>.json`). */
export async function loadLlmFixture(task: string, options: { dir?: string } = {}): Promise<LlmFixture> {
  const file = join(options.dir ?? LLM_FIXTURE_DIR, `${task}.json`);
  const text = await readFile(file, 'utf8');
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    throw new Error(`${file}: not valid JSON: ${(err as Error).message}`, { cause: err });
  }
  return parseLlmFixture(data, file);
}

/** A hand-written SceneObservation of a task (`test/fixtures/llm/observations/<task>.json`), for prompt tests that need no simulator. */
export async function loadObservationFixture(task: string): Promise<SceneObservation> {
  const file = join(LLM_FIXTURE_DIR, 'observations', `${task}.json`);
  return SceneObservation.parse(JSON.parse(await readFile(file, 'utf8')));
}
