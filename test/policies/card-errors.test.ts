import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { OnnxPolicy } from '../../src/policies/onnx-policy.ts';

const card = (): Record<string, unknown> => JSON.parse(readFileSync('policies/reorient-cube.json', 'utf8')) as Record<string, unknown>;

const made: string[] = [];
afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

function dirWith(cardValue: unknown, model: Uint8Array | 'shipped' | 'none' = 'shipped'): string {
  const dir = mkdtempSync(join(tmpdir(), 'policy-'));
  made.push(dir);
  writeFileSync(join(dir, 'reorient-cube.json'), typeof cardValue === 'string' ? cardValue : JSON.stringify(cardValue));
  if (model === 'shipped') copyFileSync('policies/reorient-cube.onnx', join(dir, 'reorient-cube.onnx'));
  else if (model !== 'none') writeFileSync(join(dir, 'reorient-cube.onnx'), model);
  return join(dir, 'reorient-cube.json');
}

describe('policy loading errors', () => {
  it('names a missing or mistyped card field', async () => {
    const c = card();
    delete (c.observation as Record<string, unknown>).size;
    await expect(OnnxPolicy.load(dirWith(c))).rejects.toThrow(/policy card .*reorient-cube\.json: observation\.size:/);
    const d = card();
    (d.training as Record<string, unknown>).seed = 'one';
    await expect(OnnxPolicy.load(dirWith(d))).rejects.toThrow(/training\.seed:/);
  });

  it('names a card whose layer sizes disagree with its observation size', async () => {
    const c = card();
    (c.network as Record<string, unknown>).sizes = [13, 32, 32, 4];
    await expect(OnnxPolicy.load(dirWith(c))).rejects.toThrow(/network\.sizes\.0: first layer 13 ≠ observation\.size 12/);
  });

  it('says when the card is not JSON or missing', async () => {
    await expect(OnnxPolicy.load(dirWith('{"name": '))).rejects.toThrow(/policy card .*: not JSON/);
    await expect(OnnxPolicy.load(join(tmpdir(), 'no-such-policy.json'))).rejects.toThrow(/no-such-policy\.json: cannot read it \(ENOENT\)/);
  });

  it('says when the model file is missing, empty or not ONNX', async () => {
    await expect(OnnxPolicy.load(dirWith(card(), 'none'))).rejects.toThrow(/policy model .*reorient-cube\.onnx: cannot read it \(ENOENT\)/);
    await expect(OnnxPolicy.load(dirWith(card(), new Uint8Array()))).rejects.toThrow(/reorient-cube\.onnx: the file is empty/);
    await expect(OnnxPolicy.load(dirWith(card(), new TextEncoder().encode('not a model')), { executionProviders: ['cpu'] })).rejects.toThrow(
      /policy model .*reorient-cube\.onnx: onnxruntime cannot load it/,
    );
  });

  it('names an input the model does not have', async () => {
    const c = card();
    (c.observation as Record<string, unknown>).input = 'state';
    await expect(OnnxPolicy.load(dirWith(c))).rejects.toThrow(/no input "state" \(observation\.input\); the model has \[obs\]/);
  });

  it('rejects an observation of the wrong length', async () => {
    const p = await OnnxPolicy.load('policies/reorient-cube.json', { executionProviders: ['cpu'] });
    try {
      await expect(p.act(new Float32Array(5))).rejects.toThrow(/observation has 5 values, expected 12/);
    } finally {
      await p.release();
    }
  });
});
