export declare const IR_VERSION = 8;
export declare const OPSET_VERSION = 13;
export interface ExportOptions {
    inputName?: string;
    outputName?: string;
    docString?: string;
}
/** Encodes the tanh MLP as an ONNX model (bytes of a .onnx file). */
export declare function mlpToOnnx(sizes: readonly number[], params: Float32Array, opts?: ExportOptions): Uint8Array;
//# sourceMappingURL=onnx-export.d.ts.map