/**
 * A small multilayer perceptron: tanh on every layer, output included (so actions lie in
 * [-1, 1]). Weights are float32, stored flat, layer by layer: W (in×out, row-major: W[i*out+j]
 * maps input i to output j, as ONNX MatMul reads it) then b (out).
 */
export interface MlpShape {
    /** Layer widths, input first: e.g. [12, 32, 32, 4]. */
    sizes: number[];
}
export declare function paramCount(sizes: readonly number[]): number;
export interface Layer {
    inSize: number;
    outSize: number;
    w: Float32Array;
    b: Float32Array;
}
/** Views of the flat parameter vector, one per layer (no copy). */
export declare function layers(sizes: readonly number[], params: Float32Array): Layer[];
export declare class Mlp {
    readonly sizes: readonly number[];
    readonly params: Float32Array;
    readonly layers: Layer[];
    private readonly bufs;
    constructor(sizes: readonly number[], params: Float32Array);
    /** The forward pass; returns a fresh Float32Array of the output width. */
    forward(x: ArrayLike<number>): Float32Array;
}
/** Seeded initial weights: uniform ±1/sqrt(fan-in), zero biases, a small last layer. */
export declare function initParams(sizes: readonly number[], rand: () => number): Float32Array;
//# sourceMappingURL=mlp.d.ts.map