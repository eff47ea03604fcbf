export type { SimRobot } from './world.ts';
//# sourceMappingURL=robot.d.ts.map