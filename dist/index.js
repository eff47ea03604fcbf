/**
 * robotool as a library. The seams a program is written against:
 * - scenes: `loadScene`, `parseScene`, the `Scene` and `Goal` types, task variants;
 * - worlds: `createSim` (a Rapier world from a scene), `SimBackend` (the skills on it), `checkGoal`;
 * - episodes: `runSimEpisode` / `createSimEpisode` (plan, verify in a twin, execute), `runEpisode`
 *   for any backend, `commandLoop`;
 * - planners: `createPlanner`, `searchPlanner`, `createLlmPlanner`, language-model providers;
 * - programs: `runProgram` (the QuickJS sandbox), `SafetyEnvelope`, the skill registry;
 * - policies: the in-hand environment and the ONNX runner (onnxruntime-node loads on first use).
 * Hardware bridges are in `robotool/bridge`, the viewer and recorder in `robotool/viewer`, test
 * doubles in `robotool/testing`. docs/ARCHITECTURE.md explains the layers.
 */
export * from "./scene/index.js";
export * from "./perception/index.js";
export * from "./skills/index.js";
export * from "./sim/index.js";
export * from "./planner/index.js";
export * from "./episode/index.js";
export { InHandEnv, OnnxPolicy, PolicyCard, parsePolicyCard, reorientInHand } from "./policies/index.js";
//# sourceMappingURL=index.js.map