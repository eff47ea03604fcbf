/**
 * The viewer's browser script: client.ts and Three.js bundled by esbuild on first use, so users
 * need no build step. Kept in memory and in node_modules/.cache with the hashes of the project
 * files it was built from (esbuild's own list); it is rebuilt when one of them changes.
 */
export declare function clientBundle(): Promise<string>;
//# sourceMappingURL=bundle.d.ts.map