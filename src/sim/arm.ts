import type { RobotAttach } from './world.ts';

/** Attaches the table-mounted arm. (Placeholder until the arm lands.) */
export const attachArm: RobotAttach = () => {
  throw new Error('the arm is not implemented yet');
};
