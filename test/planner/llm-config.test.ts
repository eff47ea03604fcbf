import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LlmConfigError, loadLlmConfig } from '../../src/planner/llm/llm-config.ts';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'robotool-llm-config-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const write = (name: string, data: unknown): Promise<void> => writeFile(join(dir, name), typeof data === 'string' ? data : JSON.stringify(data));

describe('loadLlmConfig', () => {
  it('returns null when no model is configured, so the CLI uses the search planner', async () => {
    expect(await loadLlmConfig({ env: {}, cwd: dir })).toBeNull();
  });

  it('reads the model, base URL and key from the environment', async () => {
    const c = await loadLlmConfig({
      env: { ROBOTOOL_LLM_MODEL: 'qwen2.5-coder', ROBOTOOL_LLM_BASE_URL: 'http://127.0.0.1:8000/v1', OPENAI_API_KEY: 'sk-1' },
      cwd: dir,
    });
    expect(c).toMatchObject({ model: 'qwen2.5-coder', baseURL: 'http://127.0.0.1:8000/v1', apiKey: 'sk-1', structuredOutput: false, stream: true, maxRetries: 3, timeoutMs: 120_000 });
  });

  it('reads robotool.config.json from the working directory, the environment winning', async () => {
    await write('robotool.config.json', { llm: { model: 'from-file', baseURL: 'http://127.0.0.1:9/v1', structuredOutput: true, timeoutMs: 5000 }, viewer: { port: 1 } });
    const c = await loadLlmConfig({ env: { ROBOTOOL_LLM_MODEL: 'from-env' }, cwd: dir });
    expect(c).toMatchObject({ model: 'from-env', baseURL: 'http://127.0.0.1:9/v1', structuredOutput: true, timeoutMs: 5000, apiKey: undefined });
  });

  it('takes the key from the variable llm.apiKeyEnv names', async () => {
    await write('robotool.config.json', { llm: { model: 'm', apiKeyEnv: 'MY_GATEWAY_KEY' } });
    const c = await loadLlmConfig({ env: { MY_GATEWAY_KEY: 'gw-1' }, cwd: dir });
    expect(c?.apiKey).toBe('gw-1');
    expect(c?.structuredOutput).toBe(true);
  });

  it('names each bad field of the config file', async () => {
    await write('robotool.config.json', { llm: { model: 'm', timeoutMs: -1, stream: 'yes', baseURL: 'not a url', tempo: 1 } });
    const err = await loadLlmConfig({ env: {}, cwd: dir }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(LlmConfigError);
    const paths = (err as LlmConfigError).problems.map((p) => p.path);
    expect(paths).toEqual(expect.arrayContaining(['llm.timeoutMs', 'llm.stream', 'llm.baseURL', 'llm']));
    expect((err as Error).message).toMatch(/llm\.timeoutMs: /);
    expect((err as Error).message).toMatch(/tempo/);
  });

  it('says where a config file is not valid JSON', async () => {
    await write('custom.json', '{"llm": {');
    const err = await loadLlmConfig({ env: {}, cwd: dir, configPath: 'custom.json' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(LlmConfigError);
    expect((err as Error).message).toMatch(/custom\.json.*\n.*not valid JSON/);
  });

  it('requires the --config file to exist', async () => {
    const err = await loadLlmConfig({ env: {}, cwd: dir, configPath: 'missing.json' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(LlmConfigError);
    expect((err as Error).message).toMatch(/missing\.json.*\n.*cannot read/);
  });

  it('rejects a base URL in the environment that is not a URL, naming the variable', async () => {
    const err = await loadLlmConfig({ env: { ROBOTOOL_LLM_MODEL: 'm', ROBOTOOL_LLM_BASE_URL: 'localhost port 8000' }, cwd: dir }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(LlmConfigError);
    expect((err as LlmConfigError).problems[0]?.path).toBe('ROBOTOOL_LLM_BASE_URL');
  });

  it('asks for OPENAI_API_KEY when the model is on api.openai.com', async () => {
    const err = await loadLlmConfig({ env: { ROBOTOOL_LLM_MODEL: 'gpt-4o' }, cwd: dir }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(LlmConfigError);
    expect((err as LlmConfigError).problems[0]).toMatchObject({ path: 'OPENAI_API_KEY', message: expect.stringMatching(/not set/) });
  });
});
