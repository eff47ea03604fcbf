import { type PolicyCard } from './card.ts';
export type Provider = 'cuda' | 'cpu';
export interface LoadOptions {
    /** Providers in order of preference; default ['cuda', 'cpu']. */
    executionProviders?: Provider[];
}
export declare class OnnxPolicy {
    readonly card: PolicyCard;
    readonly modelPath: string;
    private readonly session;
    private readonly ort;
    /** The provider the session runs on. */
    readonly executionProvider: Provider;
    /** Why a preferred provider was not used (e.g. no CUDA here); empty when none was skipped. */
    readonly notes: string[];
    private constructor();
    /**
     * Loads a policy from its card (`x.json`) or its model (`x.onnx`, with the card `x.json`
     * beside it). Errors name the file and the field or the problem.
     */
    static load(path: string, opts?: LoadOptions): Promise<OnnxPolicy>;
    /** One observation in, one action out (clipped to the card's range). */
    act(obs: ArrayLike<number>): Promise<Float32Array>;
    release(): Promise<void>;
}
//# sourceMappingURL=onnx-policy.d.ts.map