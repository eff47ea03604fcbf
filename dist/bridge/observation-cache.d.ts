import type { SceneObservation } from '../perception/observation.ts';
/** The latest valid observation a bridge received, and the callers waiting for a first one. */
export declare class ObservationCache {
    private readonly source;
    private latest;
    private waiters;
    /** `source` names the topic, for the time-out message. */
    constructor(source: string);
    set(obs: SceneObservation): void;
    /** Forgets the observation (the robot cleared it). */
    clear(): void;
    /** A copy of the latest observation, or the first one to arrive within `timeoutMs`. */
    get(timeoutMs: number): Promise<SceneObservation>;
}
//# sourceMappingURL=observation-cache.d.ts.map