/** Policies: the in-hand environment, ES training, ONNX export and the onnxruntime-node runner. */
export { InHandEnv, loadRapier, runEpisode, rng, quatAngle, yawOf, yawQuat, OBS_SIZE, ACTION_SIZE, SUCCESS_TOLERANCE, MAX_CONTROL_STEPS, } from "./inhand-env.js";
export { Mlp, initParams, paramCount } from "./mlp.js";
export { trainEs, evaluate, DEFAULT_ES } from "./es.js";
export { mlpToOnnx, IR_VERSION, OPSET_VERSION } from "./onnx-export.js";
export { OnnxPolicy } from "./onnx-policy.js";
export { PolicyCard, parsePolicyCard } from "./card.js";
export { reorientInHand } from "./reorient.js";
export { successStats, seedRange, zeroPolicy, randomPolicy } from "./evaluate.js";
export { OBS_LAYOUT, ACTION_LAYOUT } from "./layout.js";
//# sourceMappingURL=index.js.map