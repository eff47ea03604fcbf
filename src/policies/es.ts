/**
 * Evolution strategies (Salimans et al. 2017 style): antithetic Gaussian perturbations of the
 * MLP's weights, centred-rank fitness shaping, Adam on the estimated gradient. Gradient-free,
 * seeded and deterministic: the same options give the same weights, bit for bit.
 */
import { runEpisode, loadRapier, rng, OBS_SIZE, ACTION_SIZE, type Rapier } from './inhand-env.ts';
import { Mlp, initParams, paramCount } from './mlp.ts';

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

export const DEFAULT_ES: EsOptions = {
  seed: 1,
  iterations: 60,
  pairs: 16,
  episodesPerCandidate: 4,
  sigma: 0.05,
  learningRate: 0.05,
  hidden: [32, 32],
};

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
export function gaussian(rand: () => number): () => number {
  let spare: number | undefined;
  return () => {
    if (spare !== undefined) {
      const s = spare;
      spare = undefined;
      return s;
    }
    const u = Math.max(rand(), 1e-12);
    const v = rand();
    const r = Math.sqrt(-2 * Math.log(u));
    spare = r * Math.sin(2 * Math.PI * v);
    return r * Math.cos(2 * Math.PI * v);
  };
}

export interface Evaluation {
  meanReturn: number;
  successRate: number;
  physicsSteps: number;
}

/** Mean return and success rate of the weights over the given episode seeds. */
export function evaluate(R: Rapier, sizes: readonly number[], params: Float32Array, seeds: readonly number[]): Evaluation {
  const mlp = new Mlp(sizes, params);
  let ret = 0;
  let succ = 0;
  let steps = 0;
  for (const s of seeds) {
    const e = runEpisode(R, (o) => mlp.forward(o), s);
    ret += e.return;
    succ += e.success ? 1 : 0;
    steps += e.physicsSteps;
  }
  return { meanReturn: ret / seeds.length, successRate: succ / seeds.length, physicsSteps: steps };
}

function centredRanks(x: readonly number[]): Float64Array {
  const idx = x.map((_, i) => i).sort((a, b) => x[a]! - x[b]! || a - b);
  const out = new Float64Array(x.length);
  idx.forEach((i, rank) => {
    out[i] = x.length > 1 ? rank / (x.length - 1) - 0.5 : 0;
  });
  return out;
}

/** One candidate to evaluate: its weights over the iteration's episode seeds. */
export interface Candidate {
  params: Float32Array;
  seeds: readonly number[];
}

/**
 * Evaluates an iteration's candidates (in any order, anywhere: a worker pool, a queue) and
 * returns their evaluations in the candidates' order.
 */
export type EvaluateBatch = (sizes: readonly number[], candidates: readonly Candidate[]) => Promise<Evaluation[]>;

/** Evaluates the candidates one after another in this thread. */
export async function evaluateHere(sizes: readonly number[], candidates: readonly Candidate[]): Promise<Evaluation[]> {
  const R = await loadRapier();
  return candidates.map((c) => evaluate(R, sizes, c.params, c.seeds));
}

/**
 * Trains the policy; `onIteration` sees each iteration's statistics (for progress lines).
 * `evaluateBatch` runs each iteration's 2 × pairs + 1 evaluations (default: here, one by one);
 * the weights do not depend on where or in which order they run.
 */
export async function trainEs(
  opts: EsOptions,
  onIteration?: (s: IterationStats) => void,
  evaluateBatch: EvaluateBatch = evaluateHere,
): Promise<EsResult> {
  const sizes = [OBS_SIZE, ...opts.hidden, ACTION_SIZE];
  const n = paramCount(sizes);
  const master = rng(opts.seed);
  const theta = opts.init ? Float32Array.from(opts.init) : initParams(sizes, master);
  if (theta.length !== n) throw new Error(`trainEs: init has ${theta.length} parameters, expected ${n}`);
  const noise = gaussian(rng(opts.seed ^ 0x9e3779b9));
  const m = new Float64Array(n);
  const v = new Float64Array(n);
  const b1 = 0.9;
  const b2 = 0.999;
  const history: IterationStats[] = [];
  const t0 = performance.now();
  let totalSteps = 0;
  for (let it = 1; it <= opts.iterations; it++) {
    const ti = performance.now();
    const seeds = Array.from({ length: opts.episodesPerCandidate }, () => Math.floor(master() * 2 ** 31));
    const eps: Float32Array[] = [];
    const fit: number[] = [];
    let retSum = 0;
    let succSum = 0;
    let steps = 0;
    const candidates: Candidate[] = [];
    for (let p = 0; p < opts.pairs; p++) {
      const e = new Float32Array(n);
      for (let k = 0; k < n; k++) e[k] = noise();
      eps.push(e);
      for (const sign of [1, -1]) {
        const cand = new Float32Array(n);
        for (let k = 0; k < n; k++) cand[k] = theta[k]! + sign * opts.sigma * e[k]!;
        candidates.push({ params: cand, seeds });
      }
    }
    candidates.push({ params: Float32Array.from(theta), seeds });
    const evals = await evaluateBatch(sizes, candidates);
    if (evals.length !== candidates.length) throw new Error(`trainEs: ${evals.length} evaluations for ${candidates.length} candidates`);
    for (const r of evals.slice(0, -1)) {
      fit.push(r.meanReturn);
      retSum += r.meanReturn;
      succSum += r.successRate;
      steps += r.physicsSteps;
    }
    const centre = evals.at(-1)!;
    steps += centre.physicsSteps;
    const ranks = centredRanks(fit);
    const g = new Float64Array(n);
    for (let p = 0; p < opts.pairs; p++) {
      const w = ranks[2 * p]! - ranks[2 * p + 1]!;
      if (w === 0) continue;
      const e = eps[p]!;
      for (let k = 0; k < n; k++) g[k]! += w * e[k]!;
    }
    const scale = 1 / (2 * opts.pairs * opts.sigma);
    for (let k = 0; k < n; k++) {
      // ascent on the return, a little weight decay
      const gk = g[k]! * scale - 0.005 * theta[k]!;
      m[k] = b1 * m[k]! + (1 - b1) * gk;
      v[k] = b2 * v[k]! + (1 - b2) * gk * gk;
      const mh = m[k]! / (1 - b1 ** it);
      const vh = v[k]! / (1 - b2 ** it);
      theta[k] = theta[k]! + (opts.learningRate * mh) / (Math.sqrt(vh) + 1e-8);
    }
    totalSteps += steps;
    const stats: IterationStats = {
      iteration: it,
      meanReturn: retSum / (2 * opts.pairs),
      successRate: succSum / (2 * opts.pairs),
      centreReturn: centre.meanReturn,
      centreSuccessRate: centre.successRate,
      physicsSteps: steps,
      seconds: (performance.now() - ti) / 1000,
    };
    history.push(stats);
    onIteration?.(stats);
  }
  return { sizes, params: theta, history, seconds: (performance.now() - t0) / 1000, physicsSteps: totalSteps };
}
