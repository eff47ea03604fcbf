/** The scene vocabulary: the schema of scene files and goals, their sanity, loading them, task variants, geometry. */
export * from './schema.ts';
export * from './file.ts';
export * from './sanity.ts';
export * from './variants.ts';
export { seededRandom } from './random.ts';
export { rotate, yawOf, quatMul } from './geometry.ts';
export { describeGoal } from './goal-text.ts';
