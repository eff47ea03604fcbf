/**
 * Runs an exported policy through onnxruntime-node. Execution providers: CUDA first when asked
 * and loadable, else CPU. CUDA does not fall back by itself (a session created with a provider
 * that cannot load fails), so the fallback is explicit and leaves a note.
 */
import { readFile } from 'node:fs/promises';
import { existsSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { parsePolicyCard } from "./card.js";
let ortModule;
/**
 * onnxruntime-node, loaded on first use: it is an optional dependency (its install script
 * downloads CUDA binaries unless ONNXRUNTIME_NODE_INSTALL=skip), and nothing but policies needs it.
 */
function loadOrt() {
    ortModule ??= import('onnxruntime-node').catch((e) => {
        ortModule = undefined;
        throw new Error(`onnxruntime-node is not installed or does not load (${e.message}); install it with ONNXRUNTIME_NODE_INSTALL=skip npm install onnxruntime-node for the CPU provider`);
    });
    return ortModule;
}
export class OnnxPolicy {
    card;
    modelPath;
    session;
    ort;
    executionProvider;
    notes;
    constructor(card, modelPath, session, ort, 
    /** The provider the session runs on. */
    executionProvider, 
    /** Why a preferred provider was not used (e.g. no CUDA here); empty when none was skipped. */
    notes) {
        this.card = card;
        this.modelPath = modelPath;
        this.session = session;
        this.ort = ort;
        this.executionProvider = executionProvider;
        this.notes = notes;
    }
    /**
     * Loads a policy from its card (`x.json`) or its model (`x.onnx`, with the card `x.json`
     * beside it). Errors name the file and the field or the problem.
     */
    static async load(path, opts = {}) {
        const cardPath = path.endsWith('.onnx') ? path.replace(/\.onnx$/, '.json') : path;
        let cardText;
        try {
            cardText = await readFile(cardPath, 'utf8');
        }
        catch (e) {
            throw new Error(`policy card ${cardPath}: cannot read it (${e.code ?? e.message})`);
        }
        const card = parsePolicyCard(cardText, cardPath);
        const modelPath = path.endsWith('.onnx') ? path : resolve(dirname(cardPath), card.model);
        let bytes;
        try {
            bytes = await readFile(modelPath);
        }
        catch (e) {
            throw new Error(`policy model ${modelPath}: cannot read it (${e.code ?? e.message})`);
        }
        if (bytes.length === 0)
            throw new Error(`policy model ${modelPath}: the file is empty`);
        const wanted = opts.executionProviders ?? ['cuda', 'cpu'];
        const notes = [];
        const ort = await loadOrt();
        let session;
        let used;
        let lastError = '';
        for (const ep of wanted) {
            if (ep === 'cuda') {
                const missing = cudaMissing(ort);
                if (missing) {
                    notes.push(`cuda: ${missing}; using the next provider`);
                    continue;
                }
            }
            try {
                // severity 4 (fatal only): a missing CUDA library is expected here and reported in notes
                session = await ort.InferenceSession.create(bytes, { executionProviders: [ep], logSeverityLevel: ep === 'cuda' ? 4 : 2 });
                used = ep;
                break;
            }
            catch (e) {
                lastError = firstLine(e.message);
                if (ep === 'cuda')
                    notes.push(`cuda: ${lastError}; using the next provider`);
                else
                    throw new Error(`policy model ${modelPath}: onnxruntime cannot load it: ${lastError}`);
            }
        }
        if (!session || !used) {
            throw new Error(`policy model ${modelPath}: no execution provider of [${wanted.join(', ')}] loaded it${lastError ? `: ${lastError}` : ''}`);
        }
        const { input, output } = { input: card.observation.input, output: card.action.output };
        if (!session.inputNames.includes(input)) {
            throw new Error(`policy model ${modelPath}: no input "${input}" (observation.input); the model has [${session.inputNames.join(', ')}]`);
        }
        if (!session.outputNames.includes(output)) {
            throw new Error(`policy model ${modelPath}: no output "${output}" (action.output); the model has [${session.outputNames.join(', ')}]`);
        }
        return new OnnxPolicy(card, modelPath, session, ort, used, notes);
    }
    /** One observation in, one action out (clipped to the card's range). */
    async act(obs) {
        const n = this.card.observation.size;
        if (obs.length !== n)
            throw new Error(`policy ${this.card.name}: observation has ${obs.length} values, expected ${n}`);
        const feeds = { [this.card.observation.input]: new this.ort.Tensor('float32', Float32Array.from(obs), [1, n]) };
        const out = await this.session.run(feeds);
        const t = out[this.card.action.output];
        if (!t || !(t.data instanceof Float32Array) || t.data.length !== this.card.action.size) {
            throw new Error(`policy ${this.card.name}: output "${this.card.action.output}" is not ${this.card.action.size} float32 values`);
        }
        const [lo, hi] = this.card.action.range;
        return t.data.map((x) => Math.min(hi, Math.max(lo, x)));
    }
    async release() {
        await this.session.release();
    }
}
/**
 * Why the CUDA provider cannot load, or undefined when it may: it needs the provider libraries
 * beside the binding (an install with onnxruntime-node-install=skip has none). Checked before
 * trying, so that onnxruntime does not print a native error for an expected absence.
 */
function cudaMissing(ort) {
    if (!ort.listSupportedBackends().some((b) => b.name === 'cuda'))
        return 'not in this onnxruntime-node build';
    let dir;
    try {
        const bin = join(dirname(createRequire(import.meta.url).resolve('onnxruntime-node')), '..', 'bin');
        const napi = readdirSync(bin).find((d) => d.startsWith('napi-v'));
        if (!napi)
            return `no napi-v* folder in ${bin}`;
        dir = join(bin, napi, process.platform, process.arch);
    }
    catch (e) {
        return `cannot locate onnxruntime-node's binaries (${e.message})`;
    }
    const lib = process.platform === 'win32' ? 'onnxruntime_providers_cuda.dll' : 'libonnxruntime_providers_cuda.so';
    return existsSync(join(dir, lib)) ? undefined : `${lib} is not installed in ${dir}`;
}
function firstLine(s) {
    return s.split('\n')[0].slice(0, 300);
}
//# sourceMappingURL=onnx-policy.js.map