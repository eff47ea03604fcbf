/**
 * The quadruped (a Unitree Go1-sized body moved by Rapier's kinematic character controller), in
 * parts by job: robot.ts the body and its motion (QuadrupedRobot, attachQuadruped), body.ts its
 * dimensions and plain-data state, terrain.ts the support and foothold checks, push.ts pushing
 * objects, raw-queries.ts Rapier queries through its raw bindings, path.ts short planar detours.
 */
export { BODY_HALF_LENGTH, BODY_RADIUS, NOSE } from './body.ts';
export { QuadrupedRobot, attachQuadruped } from './robot.ts';
export { RawQueries, downRayToi, fixedBoxOf, type FixedBox } from './raw-queries.ts';
