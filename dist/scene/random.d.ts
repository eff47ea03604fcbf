/** A small seeded PRNG (mulberry32): same seed, same sequence, on every machine. */
export declare function seededRandom(seed: number): () => number;
/** Uniform in [-amplitude, amplitude]. */
export declare function jitter(rand: () => number, amplitude: number): number;
//# sourceMappingURL=random.d.ts.map