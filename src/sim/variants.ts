import type { Scene } from './scene-schema.ts';
import { jitter, seededRandom } from './random.ts';

export interface NoiseOptions {
  seed: number;
  /** Uniform noise on every object's x and y (m); the paper's scenes are perturbed by ±1 cm in tests. */
  poseNoise?: number;
}

/** A copy of the scene with every object's x, y shifted by seeded uniform noise (graspable points move along). */
export function withPoseNoise(scene: Scene, { seed, poseNoise = 0.01 }: NoiseOptions): Scene {
  const rand = seededRandom(seed);
  const copy = structuredClone(scene);
  for (const o of copy.objects) {
    const dx = jitter(rand, poseNoise);
    const dy = jitter(rand, poseNoise);
    o.position = [o.position[0] + dx, o.position[1] + dy, o.position[2]];
    if (o.graspablePoint) o.graspablePoint = [o.graspablePoint[0] + dx, o.graspablePoint[1] + dy, o.graspablePoint[2]];
  }
  return copy;
}
