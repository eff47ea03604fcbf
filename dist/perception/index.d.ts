/** What the robot knows of its scene: the observation every planner reads. */
export * from './observation.ts';
//# sourceMappingURL=index.d.ts.map