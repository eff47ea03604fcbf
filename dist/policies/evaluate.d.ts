/** Success rates over seeded starts, for a policy and the zero/random baselines. */
import { type ActFn, type Rapier } from './inhand-env.ts';
export interface SuccessStats {
    episodes: number;
    successes: number;
    successRate: number;
    drops: number;
    meanReturn: number;
    meanFinalError: number;
    physicsSteps: number;
    seconds: number;
}
/**
 * Episode seeds firstSeed, firstSeed+1, …. Training draws its episode seeds uniformly from
 * [0, 2^31), so a small consecutive range is (almost surely) held out.
 */
export declare function seedRange(firstSeed: number, episodes: number): number[];
export declare function successStats(R: Rapier, makeAct: (seed: number) => ActFn, seeds: readonly number[]): SuccessStats;
export declare const zeroPolicy: () => ActFn;
/** Uniform random actions in [-1, 1], seeded per episode. */
export declare const randomPolicy: (seed: number) => ActFn;
//# sourceMappingURL=evaluate.d.ts.map