/** Policies: the in-hand environment, ES training, ONNX export and the onnxruntime-node runner. */
export { InHandEnv, loadRapier, runEpisode, rng, quatAngle, yawOf, yawQuat, OBS_SIZE, ACTION_SIZE, SUCCESS_TOLERANCE, MAX_CONTROL_STEPS, type Quat, type StepResult, type EpisodeOptions, type EpisodeResult, type ActFn, } from './inhand-env.ts';
export { Mlp, initParams, paramCount } from './mlp.ts';
export { trainEs, evaluate, DEFAULT_ES, type EsOptions, type EsResult, type IterationStats } from './es.ts';
export { mlpToOnnx, IR_VERSION, OPSET_VERSION } from './onnx-export.ts';
export { OnnxPolicy, type Provider, type LoadOptions } from './onnx-policy.ts';
export { PolicyCard, parsePolicyCard } from './card.ts';
export { reorientInHand, type ReorientReport, type ReorientOptions } from './reorient.ts';
export { successStats, seedRange, zeroPolicy, randomPolicy, type SuccessStats } from './evaluate.ts';
export { OBS_LAYOUT, ACTION_LAYOUT } from './layout.ts';
//# sourceMappingURL=index.d.ts.map