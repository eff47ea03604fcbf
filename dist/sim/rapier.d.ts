import RAPIER from '@dimforge/rapier3d-compat';
export type Rapier = typeof RAPIER;
/** Loads Rapier's WebAssembly once per process. */
export declare function loadRapier(): Promise<Rapier>;
//# sourceMappingURL=rapier.d.ts.map