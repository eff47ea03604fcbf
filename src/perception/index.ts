/** What the robot knows of its scene: the observation every planner reads, and the depth-camera pipeline that produces one. */
export * from './observation.ts';
export * from './cloud.ts';
export * from './pipeline.ts';
