import type { ObservedObject, SceneObservation } from '../../perception/observation.ts';

/** A horizontal surface a walking robot can stand on: an object's top face, or the ground. */
export interface Surface {
  name: string;
  /** Height of the surface (m). */
  z: number;
  min: [number, number];
  max: [number, number];
  movable: boolean;
}

export const GROUND: Surface = { name: 'ground', z: 0, min: [-1e3, -1e3], max: [1e3, 1e3], movable: false };

/** Smallest top face a quadruped can use as a step (m, shorter side). */
const MIN_STEP_WIDTH = 0.25;

/** The top faces of objects large and flat enough to stand on. */
export function surfacesOf(obs: SceneObservation): Surface[] {
  return [
    GROUND,
    ...obs.objects
      .filter((o) => !o.fragile && !o.button && Math.min(o.size[0], o.size[1]) >= MIN_STEP_WIDTH)
      .map(surfaceOf),
  ];
}

export function surfaceOf(o: ObservedObject): Surface {
  return {
    name: o.name,
    z: o.center[2] + o.size[2] / 2,
    min: [o.center[0] - o.size[0] / 2, o.center[1] - o.size[1] / 2],
    max: [o.center[0] + o.size[0] / 2, o.center[1] + o.size[1] / 2],
    movable: o.movable,
  };
}

/** Horizontal gap between two rectangles (0 when they touch or overlap). */
export function gapBetween(a: Surface, b: Surface): number {
  const dx = Math.max(0, a.min[0] - b.max[0], b.min[0] - a.max[0]);
  const dy = Math.max(0, a.min[1] - b.max[1], b.min[1] - a.max[1]);
  return Math.hypot(dx, dy);
}

/** Whether b's rectangle overlaps a's (b lies over or under a). */
export function overlapsXY(a: Surface, b: Surface): boolean {
  return a.min[0] < b.max[0] && b.min[0] < a.max[0] && a.min[1] < b.max[1] && b.min[1] < a.max[1];
}

export interface Limits {
  stepUp: number;
  maxGap: number;
  /** Highest step down the robot takes (m). */
  stepDown: number;
}

/** Whether the robot can go from surface a onto surface b directly. */
export function canStep(a: Surface, b: Surface, lim: Limits): boolean {
  if (a.name === b.name) return false;
  const rise = b.z - a.z;
  if (rise > lim.stepUp + 1e-3 || -rise > lim.stepDown) return false;
  if (a.name === 'ground' || b.name === 'ground') {
    // Onto or off an object standing on the ground: its side is the boundary.
    return true;
  }
  return gapBetween(a, b) <= lim.maxGap + 1e-3;
}

/** Which surface the robot stands on, from the observation. */
export function supportOf(obs: SceneObservation, surfaces: Surface[]): Surface {
  if (obs.robot.kind !== 'quadruped') return GROUND;
  const name = obs.robot.standingOn;
  return surfaces.find((s) => s.name === name) ?? GROUND;
}

/** Shortest chain of surfaces from `from` to `to` (inclusive), or null when none exists. */
export function route(from: Surface, to: Surface, surfaces: Surface[], lim: Limits): Surface[] | null {
  const prev = new Map<string, Surface | null>([[from.name, null]]);
  const queue: Surface[] = [from];
  while (queue.length > 0) {
    const s = queue.shift()!;
    if (s.name === to.name) {
      const path: Surface[] = [];
      for (let c: Surface | null | undefined = s; c; c = prev.get(c.name)) path.unshift(c);
      return path;
    }
    for (const n of surfaces) {
      // A surface covered by another one cannot be stepped on where they overlap; ignore thin covers.
      if (!prev.has(n.name) && canStep(s, n, lim)) {
        prev.set(n.name, s);
        queue.push(n);
      }
    }
  }
  return null;
}

export function centreOf(s: Surface): [number, number] {
  return [(s.min[0] + s.max[0]) / 2, (s.min[1] + s.max[1]) / 2];
}
