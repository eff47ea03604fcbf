/** The scene vocabulary: the schema of scene files and goals, loading them, task variants, geometry. */
export * from "./schema.js";
export * from "./file.js";
export * from "./variants.js";
export { seededRandom } from "./random.js";
export { rotate, yawOf, quatMul } from "./geometry.js";
//# sourceMappingURL=index.js.map