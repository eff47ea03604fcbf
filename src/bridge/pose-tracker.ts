import type { PoseState, ReportedPose } from '../skills/backend.ts';
import type { SkillResultBody, StampedObservation } from './payload.ts';

type Vec3 = [number, number, number];

/** Robot stamps this far ahead of this host's estimate of the robot's clock are implausible (ms). */
const FUTURE_TOLERANCE_MS = 500;

function isVec3(v: unknown): v is Vec3 {
  return Array.isArray(v) && v.length === 3 && v.every((x) => typeof x === 'number' && Number.isFinite(x));
}

/**
 * What a bridge knows of where the robot is, and whether that is confirmed: the newest pose
 * the robot reported with a time stamp and a sequence number, from after its last motion.
 * A motion in flight, a motion report without a position, or a motion that ended without a
 * report leaves the pose unconfirmed until the robot reports a newer one. Ages are judged on
 * the robot's clock: this host's clock plus `clockOffsetMs` (measured by the MQTT lease
 * handshake; 0, i.e. synchronised clocks, on rosbridge).
 */
export class PoseTracker {
  private pose: Omit<ReportedPose, 'ageMs'> | null = null;
  private unconfirmed = 'the robot has not reported its pose yet';
  /** Reports with a sequence number at most this are from before the robot's last motion ended. */
  private minSeq = -1;
  /** Reports stamped before this (robot clock, ms) are from before the last motion ended. */
  private minStamp = -Infinity;
  private readonly waiters = new Set<() => void>();
  /** The newest stamped report seen, to notice a robot that restarted its sequence. */
  private last: { seq: number; stamp: number } | null = null;
  /** The robot's clock minus this host's (ms). */
  clockOffsetMs = 0;

  /** `topic` names where observations come from, for messages. */
  constructor(private readonly topic: string) {}

  /** Now on the robot's clock, as this host estimates it (ms since the epoch). */
  robotNow(): number {
    return Date.now() + this.clockOffsetMs;
  }

  observation(obs: StampedObservation): void {
    const position = obs.robot.kind === 'arm' ? obs.robot.gripper : obs.robot.position;
    this.report(position, obs.stamp, obs.seq, 'observation', `the observation on ${this.topic}`);
  }

  /** A motion was sent: the robot is moving, so no pose is confirmed until it reports one from after the motion. */
  motionSent(skill: string): void {
    this.pose = null;
    this.unconfirmed = `${skill} is still in flight`;
  }

  /** The robot answered a motion: its report's position (with stamp and seq) is the new pose; without one, the pose is unknown. */
  motionResult(skill: string, body: SkillResultBody): void {
    if (body.seq !== undefined) this.minSeq = Math.max(this.minSeq, body.seq - 1);
    this.minStamp = Math.max(this.minStamp, body.stamp ?? this.robotNow());
    const value = body.value;
    const position = typeof value === 'object' && value !== null && 'position' in value && isVec3(value.position) ? value.position : null;
    if (position === null) {
      this.pose = null;
      this.unconfirmed = `the robot's report of ${skill} carried no position (value.position), and no newer report arrived`;
      // Only a report after this one can tell where the robot ended up.
      if (body.seq !== undefined) this.minSeq = Math.max(this.minSeq, body.seq);
      return;
    }
    this.report(position, body.stamp, body.seq, `result of ${skill}`, `the result of ${skill}`);
    // Observations published during the motion are older than its result.
    if (body.seq !== undefined) this.minSeq = Math.max(this.minSeq, body.seq);
  }

  /** A motion ended without a report (timed out, cancelled, link lost): only a report stamped after now confirms a pose. */
  motionLost(skill: string): void {
    this.pose = null;
    this.minStamp = Math.max(this.minStamp, this.robotNow());
    this.unconfirmed = `${skill} ended without a report from the robot, and no newer report arrived`;
  }

  /** The pose if it is confirmed and at most `maxAgeMs` old (robot clock), or why not. */
  state(maxAgeMs: number): PoseState {
    if (!this.pose) return { ok: false, reason: this.unconfirmed };
    const { source, seq } = this.pose;
    const age = Math.round(this.robotNow() - this.pose.stamp);
    if (age > maxAgeMs) {
      return { ok: false, reason: `the robot's last reported pose (${source}, seq ${seq}) is ${age} ms old, older than the ${maxAgeMs} ms freshness window` };
    }
    if (age < -FUTURE_TOLERANCE_MS) {
      return { ok: false, reason: `the robot's last reported pose (${source}, seq ${seq}) is stamped ${-age} ms in the future of the robot's clock as measured at connect` };
    }
    return { ok: true, pose: { ...this.pose, position: [...this.pose.position], ageMs: Math.max(0, age) } };
  }

  /** `state`, waiting up to `waitMs` for a confirmed pose when there is none now. */
  confirmed(maxAgeMs: number, waitMs: number): Promise<PoseState> {
    const now = this.state(maxAgeMs);
    if (now.ok || waitMs <= 0) return Promise.resolve(now);
    return new Promise((resolve) => {
      const finish = (): void => {
        clearTimeout(timer);
        this.waiters.delete(check);
        resolve(this.state(maxAgeMs));
      };
      const check = (): void => {
        if (this.state(maxAgeMs).ok) finish();
      };
      const timer = setTimeout(finish, waitMs);
      this.waiters.add(check);
    });
  }

  private report(position: Vec3, stamp: number | undefined, seq: number | undefined, source: string, what: string): void {
    if (stamp === undefined || seq === undefined) {
      if (!this.pose) this.unconfirmed = `${what} carried no ${stamp === undefined ? 'time stamp (stamp)' : 'sequence number (seq)'}`;
      return;
    }
    // A lower or equal sequence number with a later stamp: the robot's adapter restarted and counts afresh.
    if (this.last && seq <= this.last.seq && stamp > this.last.stamp) this.minSeq = -1;
    if (!this.last || stamp >= this.last.stamp) this.last = { seq, stamp };
    if (seq <= this.minSeq || stamp < this.minStamp) {
      if (!this.pose) this.unconfirmed = `${what} (seq ${seq}) is from before the robot's last motion ended; no newer report arrived`;
      return;
    }
    if (this.pose && seq <= this.pose.seq && stamp <= this.pose.stamp) return;
    this.pose = { position: [...position], stamp, seq, source };
    for (const w of [...this.waiters]) w();
  }
}
