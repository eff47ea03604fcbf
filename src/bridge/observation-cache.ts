import type { SceneObservation } from '../perception/observation.ts';
import { BridgeTimeoutError } from './errors.ts';

interface Waiter {
  resolve: (o: SceneObservation) => void;
  timer: NodeJS.Timeout;
}

/** The latest valid observation a bridge received, and the callers waiting for a first one. */
export class ObservationCache {
  private latest: SceneObservation | null = null;
  private waiters: Waiter[] = [];

  /** `source` names the topic, for the time-out message. */
  constructor(private readonly source: string) {}

  set(obs: SceneObservation): void {
    this.latest = obs;
    const waiters = this.waiters;
    this.waiters = [];
    for (const w of waiters) {
      clearTimeout(w.timer);
      w.resolve(structuredClone(obs));
    }
  }

  /** Forgets the observation (the robot cleared it). */
  clear(): void {
    this.latest = null;
  }

  /** A copy of the latest observation, or the first one to arrive within `timeoutMs`. */
  get(timeoutMs: number): Promise<SceneObservation> {
    if (this.latest) return Promise.resolve(structuredClone(this.latest));
    return new Promise((resolve, reject) => {
      const waiter: Waiter = {
        resolve,
        timer: setTimeout(() => {
          this.waiters = this.waiters.filter((w) => w !== waiter);
          reject(new BridgeTimeoutError('observe', timeoutMs, `no valid observation on ${this.source} within ${timeoutMs} ms`));
        }, timeoutMs),
      };
      this.waiters.push(waiter);
    });
  }
}
