import RAPIER from '@dimforge/rapier3d-compat';
let ready;
/** Loads Rapier's WebAssembly once per process. */
export function loadRapier() {
    ready ??= RAPIER.init().then(() => RAPIER);
    return ready;
}
//# sourceMappingURL=rapier.js.map