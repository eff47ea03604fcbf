import type { RobotAttach } from './world.ts';

/** Attaches the quadruped. (Placeholder until the quadruped lands.) */
export const attachQuadruped: RobotAttach = () => {
  throw new Error('the quadruped is not implemented yet');
};
