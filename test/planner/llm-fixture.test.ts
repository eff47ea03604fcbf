import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LlmFixtureError, fixtureAnswers, scriptedModelFromFixture } from '../../src/testing/llm-fixture.ts';
import { loadLlmFixture } from '../helpers/llm-fixture.ts';

const fixture = {
  task: 'reach-milk',
  command: 'Grasp the milk.',
  model: 'gpt-4o-2024-08-06',
  answers: { analyzer: 'A', planner: ['P (unusable)', 'P'], calculator: 'C', coder: '```javascript\nopen_gripper();\n```' },
};

async function inTempDir<T>(body: (dir: string) => Promise<T>): Promise<T> {
  const dir = await mkdtemp(join(tmpdir(), 'robotool-llm-fixture-'));
  try {
    return await body(dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

describe('recorded LLM answers (test/fixtures/llm/<task>.json)', () => {
  it('loads a fixture and replays the answers of the chosen stages in chain order', async () => {
    await inTempDir(async (dir) => {
      await writeFile(join(dir, 'reach-milk.json'), JSON.stringify(fixture));
      const f = await loadLlmFixture('reach-milk', { dir });
      expect(fixtureAnswers(f)).toEqual(['A', 'P (unusable)', 'P', 'C', '```javascript\nopen_gripper();\n```']);
      expect(fixtureAnswers(f, ['coder', 'planner'])).toEqual(['P (unusable)', 'P', '```javascript\nopen_gripper();\n```']);
      const model = scriptedModelFromFixture(f, ['coder']);
      expect(model.modelId).toBe('gpt-4o-2024-08-06');
      expect((await model.generate({ messages: [{ role: 'user', content: 'x' }] })).text).toContain('open_gripper');
    });
  });

  it('names the field that is wrong in a fixture', async () => {
    await inTempDir(async (dir) => {
      await writeFile(join(dir, 'bad.json'), JSON.stringify({ ...fixture, answers: { ...fixture.answers, coder: 42 } }));
      const err = await loadLlmFixture('bad', { dir }).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(LlmFixtureError);
      expect((err as Error).message).toMatch(/bad\.json: invalid LLM fixture\n {2}answers\.coder: /);
    });
  });
});
