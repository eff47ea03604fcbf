/** The Rapier simulator: worlds built from scenes, the robots, success predicates, and its skill backend. */
export { loadRapier } from "./rapier.js";
export { createSim, restoreSim, robotAttachFor } from "./create.js";
export { SimWorld, buttonDepth } from "./world.js";
export { checkGoal } from "./predicates.js";
export { observeGroundTruth } from "./ground-truth.js";
export { SimBackend, sceneSafetyLimits } from "./backend/sim-backend.js";
//# sourceMappingURL=index.js.map