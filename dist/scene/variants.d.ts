import type { Scene } from './schema.ts';
export interface NoiseOptions {
    seed: number;
    /** Uniform noise on every object's x and y (m); the paper's scenes are perturbed by ±1 cm in tests. */
    poseNoise?: number;
}
/** A copy of the scene with every object's x, y shifted by seeded uniform noise (graspable points move along). */
export declare function withPoseNoise(scene: Scene, { seed, poseNoise }: NoiseOptions): Scene;
export interface VariantOptions {
    seed: number;
    /** Uniform x, y noise per cluster of touching objects (m). */
    positionNoise?: number;
    /** Relative size noise of movable objects (0.1 = ±10%). */
    sizeNoise?: number;
    /** How many distractor objects to add (0 to this many). */
    maxDistractors?: number;
    /** Rename every object to a meaningless identifier (and the command with it). */
    rename?: boolean;
}
/**
 * A randomised variant of a task for benchmarks: clusters of touching objects shifted together
 * (so nothing interpenetrates), movable objects rescaled and re-seated on their supports,
 * distractors added in free space, and every name replaced when `rename` is on.
 */
export declare function randomVariant(scene: Scene, opts: VariantOptions): Scene;
//# sourceMappingURL=variants.d.ts.map