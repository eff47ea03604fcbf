import { describe, expect, it } from 'vitest';
import { OnnxPolicy } from '../../src/policies/onnx-policy.ts';
import { reorientInHand } from '../../src/policies/reorient.ts';
import { yawQuat } from '../../src/policies/inhand-env.ts';

describe('reorientInHand (the reorient_in_hand skill over the toy hand)', () => {
  it('turns the cube to a yaw target with the ONNX policy and refuses a tipping target', async () => {
    const policy = await OnnxPolicy.load('policies/reorient-cube.json');
    try {
      const act = (o: Float32Array): Promise<Float32Array> => policy.act(o);
      const start = yawQuat(0.3);
      const t = yawQuat(0.3 + Math.PI / 3);
      const ok = await reorientInHand(act, [t.x, t.y, t.z, t.w], { start, seed: 4 });
      expect(ok.status).toBe('succeeded');
      expect(ok.angleError).toBeLessThan(0.4);
      const s = Math.SQRT1_2;
      const tip = await reorientInHand(act, [s, 0, 0, s]);
      expect(tip.status).toBe('unsupported');
      expect(tip.reason).toMatch(/vertical axis only/);
      const bad = await reorientInHand(act, [0, 0, 0, 0]);
      expect(bad.status).toBe('unsupported');
    } finally {
      await policy.release();
    }
  });
});
