/** The Rapier simulator: worlds built from scenes, the robots, success predicates, and its skill backend. */
export { loadRapier, type Rapier } from './rapier.ts';
export { createSim, restoreSim, robotAttachFor } from './create.ts';
export { SimWorld, buttonDepth, type Pose, type RobotAttach, type SimEvent, type SimOptions, type SimRobot, type SimSnapshot } from './world.ts';
export { checkGoal, type GoalCheck } from './predicates.ts';
export { observeGroundTruth } from './ground-truth.ts';
export { SimBackend, sceneSafetyLimits, type SimBackendOptions, type WorkspacePolicy } from './backend/sim-backend.ts';
//# sourceMappingURL=index.d.ts.map