export function paramCount(sizes) {
    let n = 0;
    for (let l = 0; l + 1 < sizes.length; l++)
        n += sizes[l] * sizes[l + 1] + sizes[l + 1];
    return n;
}
/** Views of the flat parameter vector, one per layer (no copy). */
export function layers(sizes, params) {
    if (sizes.length < 2)
        throw new Error(`mlp: need at least 2 layer sizes, got ${sizes.length}`);
    const expected = paramCount(sizes);
    if (params.length !== expected) {
        throw new Error(`mlp: ${params.length} parameters for sizes [${sizes.join(', ')}], expected ${expected}`);
    }
    const out = [];
    let off = 0;
    for (let l = 0; l + 1 < sizes.length; l++) {
        const inSize = sizes[l];
        const outSize = sizes[l + 1];
        const w = params.subarray(off, off + inSize * outSize);
        off += inSize * outSize;
        const b = params.subarray(off, off + outSize);
        off += outSize;
        out.push({ inSize, outSize, w, b });
    }
    return out;
}
export class Mlp {
    sizes;
    params;
    layers;
    bufs;
    constructor(sizes, params) {
        this.sizes = sizes;
        this.params = params;
        this.layers = layers(sizes, params);
        this.bufs = sizes.map((n) => new Float64Array(n));
    }
    /** The forward pass; returns a fresh Float32Array of the output width. */
    forward(x) {
        const in0 = this.bufs[0];
        if (x.length !== in0.length)
            throw new Error(`mlp: input has ${x.length} values, expected ${in0.length}`);
        for (let i = 0; i < in0.length; i++)
            in0[i] = x[i];
        let cur = in0;
        for (let l = 0; l < this.layers.length; l++) {
            const { inSize, outSize, w, b } = this.layers[l];
            const next = this.bufs[l + 1];
            for (let j = 0; j < outSize; j++)
                next[j] = b[j];
            for (let i = 0; i < inSize; i++) {
                const xi = cur[i];
                if (xi === 0)
                    continue;
                const row = i * outSize;
                for (let j = 0; j < outSize; j++)
                    next[j] += xi * w[row + j];
            }
            for (let j = 0; j < outSize; j++)
                next[j] = Math.tanh(next[j]);
            cur = next;
        }
        return Float32Array.from(cur);
    }
}
/** Seeded initial weights: uniform ±1/sqrt(fan-in), zero biases, a small last layer. */
export function initParams(sizes, rand) {
    const p = new Float32Array(paramCount(sizes));
    const ls = layers(sizes, p);
    ls.forEach((layer, l) => {
        const scale = (l === ls.length - 1 ? 0.1 : 1) / Math.sqrt(layer.inSize);
        for (let k = 0; k < layer.w.length; k++)
            layer.w[k] = (rand() * 2 - 1) * scale;
    });
    return p;
}
//# sourceMappingURL=mlp.js.map