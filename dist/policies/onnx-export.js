/**
 * A minimal ONNX writer for the MLP, without Python: hand-encoded protobuf (onnx.proto field
 * numbers), ir_version 8, opset 13. Graph: obs[batch, in] → (MatMul, Add, Tanh) per layer →
 * action[batch, out]. Weights are float32 initializers stored as raw_data (little-endian).
 */
import { layers } from "./mlp.js";
// ---- protobuf wire format ----
class Writer {
    chunks = [];
    varint(v) {
        let x = BigInt.asUintN(64, BigInt(v));
        while (x >= 0x80n) {
            this.chunks.push(Number((x & 0x7fn) | 0x80n));
            x >>= 7n;
        }
        this.chunks.push(Number(x));
        return this;
    }
    tag(field, wire) {
        return this.varint((field << 3) | wire);
    }
    int(field, v) {
        return this.tag(field, 0).varint(v);
    }
    bytes(field, b) {
        this.tag(field, 2).varint(b.length);
        for (const x of b)
            this.chunks.push(x);
        return this;
    }
    string(field, s) {
        return this.bytes(field, new TextEncoder().encode(s));
    }
    message(field, m) {
        return this.bytes(field, m.finish());
    }
    /** A packed repeated int64 field. */
    packedInts(field, vs) {
        const inner = new Writer();
        for (const v of vs)
            inner.varint(v);
        return this.bytes(field, inner.finish());
    }
    finish() {
        return Uint8Array.from(this.chunks);
    }
}
// onnx.proto field numbers
const MODEL = { irVersion: 1, producerName: 2, producerVersion: 3, docString: 6, graph: 7, opsetImport: 8 };
const OPSET = { domain: 1, version: 2 };
const GRAPH = { node: 1, name: 2, initializer: 5, docString: 10, input: 11, output: 12 };
const NODE = { input: 1, output: 2, name: 3, opType: 4 };
const TENSOR = { dims: 1, dataType: 2, name: 8, rawData: 9 };
const VALUE_INFO = { name: 1, type: 2 };
const TYPE = { tensorType: 1 };
const TYPE_TENSOR = { elemType: 1, shape: 2 };
const SHAPE = { dim: 1 };
const DIM = { value: 1, param: 2 };
const FLOAT = 1; // TensorProto.DataType.FLOAT
export const IR_VERSION = 8;
export const OPSET_VERSION = 13;
function floatTensor(name, dims, data) {
    const raw = new Uint8Array(data.length * 4);
    const view = new DataView(raw.buffer);
    data.forEach((x, i) => view.setFloat32(i * 4, x, true));
    return new Writer().packedInts(TENSOR.dims, dims).int(TENSOR.dataType, FLOAT).string(TENSOR.name, name).bytes(TENSOR.rawData, raw);
}
function valueInfo(name, width) {
    const shape = new Writer()
        .message(SHAPE.dim, new Writer().string(DIM.param, 'batch'))
        .message(SHAPE.dim, new Writer().int(DIM.value, width));
    const tensorType = new Writer().int(TYPE_TENSOR.elemType, FLOAT).message(TYPE_TENSOR.shape, shape);
    return new Writer().string(VALUE_INFO.name, name).message(VALUE_INFO.type, new Writer().message(TYPE.tensorType, tensorType));
}
function node(op, name, inputs, outputs) {
    const w = new Writer();
    for (const i of inputs)
        w.string(NODE.input, i);
    for (const o of outputs)
        w.string(NODE.output, o);
    return w.string(NODE.name, name).string(NODE.opType, op);
}
/** Encodes the tanh MLP as an ONNX model (bytes of a .onnx file). */
export function mlpToOnnx(sizes, params, opts = {}) {
    const inputName = opts.inputName ?? 'obs';
    const outputName = opts.outputName ?? 'action';
    const graph = new Writer().string(GRAPH.name, 'mlp_policy');
    let cur = inputName;
    const ls = layers(sizes, params);
    ls.forEach((layer, l) => {
        const w = `W${l}`;
        const b = `b${l}`;
        const mm = `mm${l}`;
        const pre = `pre${l}`;
        const out = l === ls.length - 1 ? outputName : `h${l}`;
        graph.message(GRAPH.node, node('MatMul', `matmul${l}`, [cur, w], [mm]));
        graph.message(GRAPH.node, node('Add', `add${l}`, [mm, b], [pre]));
        graph.message(GRAPH.node, node('Tanh', `tanh${l}`, [pre], [out]));
        graph.message(GRAPH.initializer, floatTensor(w, [layer.inSize, layer.outSize], layer.w));
        graph.message(GRAPH.initializer, floatTensor(b, [layer.outSize], layer.b));
        cur = out;
    });
    if (opts.docString)
        graph.string(GRAPH.docString, opts.docString);
    graph.message(GRAPH.input, valueInfo(inputName, sizes[0]));
    graph.message(GRAPH.output, valueInfo(outputName, sizes[sizes.length - 1]));
    return new Writer()
        .int(MODEL.irVersion, IR_VERSION)
        .string(MODEL.producerName, 'robotool')
        .string(MODEL.producerVersion, '0.1.0')
        .message(MODEL.graph, graph)
        .message(MODEL.opsetImport, new Writer().string(OPSET.domain, '').int(OPSET.version, OPSET_VERSION))
        .finish();
}
//# sourceMappingURL=onnx-export.js.map