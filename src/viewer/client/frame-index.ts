import type { PoseFrame } from '../mirror-model.ts';

/** Index of the last frame at or before `t` (frames sorted by time); 0 before the first. */
export function frameIndexAt(frames: readonly PoseFrame[], t: number): number {
  let lo = 0;
  let hi = frames.length - 1;
  if (hi < 0 || frames[0]!.t > t) return 0;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (frames[mid]!.t <= t) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}
