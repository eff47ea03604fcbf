/** A small seeded PRNG (mulberry32): same seed, same sequence, on every machine. */
export function seededRandom(seed) {
    let a = seed >>> 0;
    return () => {
        a = (a + 0x6d2b79f5) >>> 0;
        let t = a;
        t = Math.imul(t ^ (t >>> 15), t | 1);
        t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
        return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
}
/** Uniform in [-amplitude, amplitude]. */
export function jitter(rand, amplitude) {
    return (rand() * 2 - 1) * amplitude;
}
//# sourceMappingURL=random.js.map