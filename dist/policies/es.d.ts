/**
 * Evolution strategies (Salimans et al. 2017 style): antithetic Gaussian perturbations of the
 * MLP's weights, centred-rank fitness shaping, Adam on the estimated gradient. Gradient-free,
 * seeded and deterministic: the same options give the same weights, bit for bit.
 */
import { type Rapier } from './inhand-env.ts';
export interface EsOptions {
    seed: number;
    iterations: number;
    /** Antithetic pairs per iteration (population = 2 × pairs). */
    pairs: number;
    /** Episodes per candidate per iteration (the same seeds for every candidate). */
    episodesPerCandidate: number;
    sigma: number;
    learningRate: number;
    hidden: number[];
    /** Starting weights (e.g. to continue a run); else seeded initial weights. */
    init?: Float32Array;
}
export declare const DEFAULT_ES: EsOptions;
export interface IterationStats {
    iteration: number;
    /** Mean return over every candidate's episodes this iteration. */
    meanReturn: number;
    /** Success rate over every candidate's episodes this iteration. */
    successRate: number;
    /** Mean return of the unperturbed weights on this iteration's episode seeds. */
    centreReturn: number;
    centreSuccessRate: number;
    physicsSteps: number;
    seconds: number;
}
export interface EsResult {
    sizes: number[];
    params: Float32Array;
    history: IterationStats[];
    seconds: number;
    physicsSteps: number;
}
/** Standard normal draws from a seeded uniform generator (Box–Muller). */
export declare function gaussian(rand: () => number): () => number;
export interface Evaluation {
    meanReturn: number;
    successRate: number;
    physicsSteps: number;
}
/** Mean return and success rate of the weights over the given episode seeds. */
export declare function evaluate(R: Rapier, sizes: readonly number[], params: Float32Array, seeds: readonly number[]): Evaluation;
/** Trains the policy; `onIteration` sees each iteration's statistics (for progress lines). */
export declare function trainEs(opts: EsOptions, onIteration?: (s: IterationStats) => void): Promise<EsResult>;
//# sourceMappingURL=es.d.ts.map