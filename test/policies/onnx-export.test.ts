import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import * as ort from 'onnxruntime-node';
import { mlpToOnnx } from '../../src/policies/onnx-export.ts';
import { Mlp, initParams } from '../../src/policies/mlp.ts';
import { OnnxPolicy } from '../../src/policies/onnx-policy.ts';
import { InHandEnv, loadRapier, rng } from '../../src/policies/inhand-env.ts';

const CARD = 'policies/reorient-cube.json';

describe('ONNX export', () => {
  it('runs in onnxruntime-node with the same outputs as the TypeScript forward pass (batched, odd sizes)', async () => {
    const sizes = [7, 16, 9, 3];
    const r = rng(42);
    const params = initParams(sizes, r);
    // bigger last layer than init gives, so that outputs are not all near 0
    for (let i = 0; i < params.length; i++) params[i] = params[i]! * 3;
    const mlp = new Mlp(sizes, params);
    const session = await ort.InferenceSession.create(mlpToOnnx(sizes, params), { executionProviders: ['cpu'] });
    try {
      expect(session.inputNames).toEqual(['obs']);
      expect(session.outputNames).toEqual(['action']);
      const batch = 8;
      const x = Float32Array.from({ length: batch * 7 }, () => r() * 4 - 2);
      const out = await session.run({ obs: new ort.Tensor('float32', x, [batch, 7]) });
      const y = out.action!;
      expect(y.dims).toEqual([batch, 3]);
      const data = y.data as Float32Array;
      let maxDiff = 0;
      for (let b = 0; b < batch; b++) {
        const ref = mlp.forward(x.subarray(b * 7, b * 7 + 7));
        for (let j = 0; j < 3; j++) maxDiff = Math.max(maxDiff, Math.abs(ref[j]! - data[b * 3 + j]!));
      }
      expect(maxDiff).toBeLessThan(1e-5);
    } finally {
      await session.release();
    }
  });

  it('the shipped policy, through OnnxPolicy, acts as its TypeScript weights do along real episodes', async () => {
    const policy = await OnnxPolicy.load(CARD);
    try {
      // no GPU here: CPU, with a note saying why CUDA was skipped; on a CUDA machine, cuda
      expect(['cpu', 'cuda']).toContain(policy.executionProvider);
      if (policy.executionProvider === 'cpu') expect(policy.notes.join(' ')).toMatch(/cuda/);
      const w = JSON.parse(readFileSync('policies/reorient-cube.weights.json', 'utf8')) as { sizes: number[]; params: number[] };
      expect(w.sizes).toEqual(policy.card.network.sizes);
      const mlp = new Mlp(w.sizes, Float32Array.from(w.params));
      const R = await loadRapier();
      let maxDiff = 0;
      let compared = 0;
      for (const seed of [1, 2, 3]) {
        const env = new InHandEnv(R, { seed });
        let obs = env.observe();
        while (!env.done) {
          const a = await policy.act(obs);
          const b = mlp.forward(obs);
          for (let j = 0; j < a.length; j++) maxDiff = Math.max(maxDiff, Math.abs(a[j]! - b[j]!));
          compared++;
          obs = env.step(a).obs;
        }
        env.free();
      }
      expect(compared).toBeGreaterThan(10);
      expect(maxDiff).toBeLessThan(1e-5);
    } finally {
      await policy.release();
    }
  });
});
