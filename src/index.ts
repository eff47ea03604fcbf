/**
 * robotool as a library. The seams a program is written against:
 * - scenes: `loadScene`, `parseScene`, the `Scene` and `Goal` types, task variants;
 * - worlds: `createSim` (a Rapier world from a scene), `SimBackend` (the skills on it), `checkGoal`;
 * - episodes: `runSimEpisode` / `createSimEpisode` (plan, verify in a twin, execute), `runEpisode`
 *   for any backend, `commandLoop`;
 * - planners: `createPlanner`, `searchPlanner`, `createLlmPlanner`, language-model providers;
 * - programs: `runProgram` (the QuickJS sandbox), `SafetyEnvelope`, the skill registry;
 * - policies: the in-hand environment and the ONNX runner (onnxruntime-node loads on first use);
 * - scale: `WorkerPool` (episodes on every core) and `runBench` over it.
 * Hardware bridges are in `robotool/bridge`, the viewer and recorder in `robotool/viewer`, test
 * doubles in `robotool/testing`. docs/ARCHITECTURE.md explains the layers.
 */
export * from './scene/index.ts';
export * from './perception/index.ts';
export * from './skills/index.ts';
export * from './sim/index.ts';
export * from './planner/index.ts';
export * from './episode/index.ts';
export { InHandEnv, OnnxPolicy, PolicyCard, parsePolicyCard, reorientInHand, type ReorientOptions, type ReorientReport } from './policies/index.ts';
export { WorkerPool, InThreadRunner, defaultWorkers, runJob, runBench, benchJobs, summarizeBench, type JobRunner, type TaskBenchResult } from './scale/index.ts';
