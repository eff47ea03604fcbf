// Temporary: SimRobot now lives in world.ts beside the world that drives it (the two referred to each other).
export type { SimRobot } from './world.ts';
