/** Success rates over seeded starts, for a policy and the zero/random baselines. */
import { runEpisode, rng, ACTION_SIZE } from "./inhand-env.js";
/**
 * Episode seeds firstSeed, firstSeed+1, …. Training draws its episode seeds uniformly from
 * [0, 2^31), so a small consecutive range is (almost surely) held out.
 */
export function seedRange(firstSeed, episodes) {
    return Array.from({ length: episodes }, (_, i) => firstSeed + i);
}
export function successStats(R, makeAct, seeds) {
    const t0 = performance.now();
    let successes = 0;
    let drops = 0;
    let ret = 0;
    let err = 0;
    let steps = 0;
    for (const s of seeds) {
        const e = runEpisode(R, makeAct(s), s);
        successes += e.success ? 1 : 0;
        drops += e.dropped ? 1 : 0;
        ret += e.return;
        err += e.finalError;
        steps += e.physicsSteps;
    }
    const n = seeds.length;
    return {
        episodes: n,
        successes,
        successRate: successes / n,
        drops,
        meanReturn: ret / n,
        meanFinalError: err / n,
        physicsSteps: steps,
        seconds: (performance.now() - t0) / 1000,
    };
}
export const zeroPolicy = () => () => new Float32Array(ACTION_SIZE);
/** Uniform random actions in [-1, 1], seeded per episode. */
export const randomPolicy = (seed) => {
    const r = rng(seed ^ 0x5bd1e995);
    return () => Float32Array.from({ length: ACTION_SIZE }, () => r() * 2 - 1);
};
//# sourceMappingURL=evaluate.js.map