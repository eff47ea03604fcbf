import type { SceneObservation } from '../perception/observation.ts';
import type { CallOptions, ReportedPose, RobotBackend, SafetyLimits } from './backend.ts';
import { SKILLS, isSkillName, type SkillResult, type SkillRobot, type SkillSpec } from './registry.ts';
import { checkArguments } from './safety-arguments.ts';
import { EStopError, SafetyError } from './sandbox-errors.ts';
import { EPS, footprintRadius, grown, largestMove, solidHitsBox, type Box, type Solid } from './solids.ts';

/**
 * The safety envelope: a RobotBackend that wraps any other and checks every call before it
 * reaches the robot — the skill exists for this robot, the arguments fit the skill's schema
 * and are finite, targets lie in the workspace (clamped or refused per policy) and outside
 * every keep-out zone — and watches what each motion reports (speed, force). A violation
 * stops the robot and throws a SafetyError naming the rule; an e-stop latches until
 * `release()`. The latch belongs to the robot (the backend): every envelope around the same
 * backend honours it. On hardware (a backend with `confirmedPose`) a motion is planned only
 * from a pose the robot reported, stamped, after its last motion and within the freshness
 * window, and a motion's report is judged on the robot's own time stamps as well as on its
 * `seconds`. Hardware backends do no checks of their own, so nothing reaches one except
 * through this.
 */

type Vec3 = [number, number, number];

/** Average speeds this much above the limit count as violations (controllers overshoot a little). */
const SPEED_TOLERANCE = 1.2;
/** Moves shorter than this (m) are too short to judge speed on. */
const SPEED_MIN_DISTANCE = 0.02;
/** How far every part of the robot stays from a keep-out box when the limits do not say (m). */
export const DEFAULT_KEEP_OUT_MARGIN = 0.02;
/** Travel of the tool (or body) point between two poses of the swept geometry (m). */
const SWEEP_STEP = 0.005;
/**
 * What a push may cover beyond the straight lines from the robot to the object and on to the
 * target (m): the robot walks round the object to get behind it (at most a body length plus
 * the detour's clearance away from it).
 */
const PUSH_DETOUR = 0.65 + 0.25 + 0.1;
/** Default freshness window for the pose a hardware motion is planned from (ms, robot clock). */
export const DEFAULT_MAX_POSE_AGE_MS = 1000;
/** A hardware motion's `seconds` may exceed the wall time between request and answer by this factor and margin (s). */
const SECONDS_SLACK_FACTOR = 1.1;
const SECONDS_SLACK = 0.25;

/** The e-stop state of one robot, shared by every envelope around its backend. */
class EStopLatch {
  reason: string | null = null;
  /** Aborted by an e-stop to cut off the motion in flight; replaced on release. */
  abort = new AbortController();
  /** Caller signals combined with the e-stop's, cached: combining signals per call is costly. */
  combined = new WeakMap<AbortSignal, AbortSignal>();
}

const latches = new WeakMap<RobotBackend, EStopLatch>();

/** The latch of the robot behind `backend` (through any envelopes around it). */
function latchOf(backend: RobotBackend): EStopLatch {
  let root = backend;
  while (root instanceof SafetyEnvelope) root = root.backend;
  let latch = latches.get(root);
  if (!latch) {
    latch = new EStopLatch();
    latches.set(root, latch);
  }
  return latch;
}

/** A call the envelope accepted: the arguments to send (clamped when needed) and what it changed. */
export interface CheckedCall {
  spec: SkillSpec;
  args: unknown[];
  warnings: string[];
  /** The target position after clamping, for motions that have one. */
  target?: Vec3;
  clamped: boolean;
}

const fmt = (p: readonly number[]): string => `(${p.map((v) => v.toFixed(3)).join(', ')})`;

function isVec3(v: unknown): v is Vec3 {
  return Array.isArray(v) && v.length === 3 && v.every((x) => typeof x === 'number' && Number.isFinite(x));
}

/** Whether the segment a→b meets the box (slab test; touching and rounding count as meeting); `planar` ignores z. */
export function segmentHitsBox(a: Vec3, b: Vec3, box: { min: Vec3; max: Vec3 }, planar = false): boolean {
  let t0 = 0;
  let t1 = 1;
  for (let i = 0; i < (planar ? 2 : 3); i++) {
    const d = b[i]! - a[i]!;
    const lo = box.min[i]! - EPS;
    const hi = box.max[i]! + EPS;
    if (Math.abs(d) < 1e-12) {
      if (a[i]! < lo || a[i]! > hi) return false;
      continue;
    }
    let ta = (lo - a[i]!) / d;
    let tb = (hi - a[i]!) / d;
    if (ta > tb) [ta, tb] = [tb, ta];
    t0 = Math.max(t0, ta);
    t1 = Math.min(t1, tb);
    if (t0 > t1 + 1e-12) return false;
  }
  return true;
}

/** Keep-out boxes with min above max on some axis: a configuration error, refused outright. */
function checkZones(zones: readonly Box[]): void {
  for (const z of zones) {
    const bad = [0, 1, 2].filter((i) => !(z.min[i]! <= z.max[i]!));
    if (bad.length) throw new RangeError(`keep-out zone "${z.name}" is inverted or not finite on ${bad.map((i) => 'xyz'[i]).join(', ')}: min ${fmt(z.min)}, max ${fmt(z.max)}`);
  }
}

const isMotion = (skill: string): boolean => isSkillName(skill) && SKILLS[skill].kind === 'motion';

function robotPosition(obs: SceneObservation): Vec3 {
  return obs.robot.kind === 'arm' ? obs.robot.gripper : obs.robot.position;
}

const envelopes = new WeakMap<RobotBackend, SafetyEnvelope>();

/** The safety envelope around one backend; see the file comment. */
export class SafetyEnvelope implements RobotBackend {
  readonly name: string;
  readonly robot: SkillRobot;
  readonly capabilities: ReadonlySet<string>;
  readonly safety: SafetyLimits;
  /** The robot's e-stop latch, shared with every other envelope around the same backend. */
  private readonly eStopLatch: EStopLatch;
  /** Last known robot position (gripper or body), from motion reports; null = ask the backend. */
  private position: Vec3 | null = null;

  constructor(
    readonly backend: RobotBackend,
    limits: SafetyLimits = backend.safety ?? {},
  ) {
    this.name = `${backend.name}+envelope`;
    this.robot = backend.robot;
    this.capabilities = backend.capabilities;
    this.safety = limits;
    checkZones(limits.keepOut ?? []);
    this.eStopLatch = latchOf(backend);
  }

  private get latch(): string | null {
    return this.eStopLatch.reason;
  }

  /** The envelope of a backend, one per backend so that an e-stop latch holds across programs. */
  static for(backend: RobotBackend): SafetyEnvelope {
    if (backend instanceof SafetyEnvelope) return backend;
    let env = envelopes.get(backend);
    if (!env) {
      env = new SafetyEnvelope(backend);
      envelopes.set(backend, env);
    }
    return env;
  }

  /** Why the e-stop is latched, or null when it is not. */
  get eStopReason(): string | null {
    return this.latch;
  }

  /** Latches the e-stop: aborts the motion in flight, stops the robot, refuses every call until `release()`. */
  async eStop(reason: string): Promise<void> {
    const latch = this.eStopLatch;
    latch.reason = reason;
    latch.abort.abort(new EStopError('the motion in flight', reason));
    await this.backend.stop(`e-stop: ${reason}`);
  }

  /** Releases a latched e-stop (for every envelope of this robot): an explicit act, never automatic. */
  release(): void {
    const latch = this.eStopLatch;
    latch.reason = null;
    if (latch.abort.signal.aborted) {
      latch.abort = new AbortController();
      latch.combined = new WeakMap();
    }
  }

  /** Forgets the tracked robot position (a new program starts; something else may have moved the robot). */
  resync(): void {
    this.position = null;
  }

  /**
   * Checks one call without running it: returns the arguments to send, or throws a typed
   * SafetyError (ArgumentError for schema and finiteness, EStopError while latched).
   * `from` is where the robot is, for the keep-out check along the path; `via` is the object
   * a push goes round and drives.
   */
  check(skill: string, args: readonly unknown[], from: Vec3 | null = this.position, via: { centre: Vec3; size: Vec3 } | null = null): CheckedCall {
    if (this.latch !== null) throw new EStopError(skill, this.latch);
    if (!isSkillName(skill) || !(SKILLS[skill].robots as readonly SkillRobot[]).includes(this.robot)) {
      throw new SafetyError('capability', skill, `${skill} is not a skill of the ${this.robot}`);
    }
    if (!this.capabilities.has(skill)) {
      throw new SafetyError('capability', skill, `the ${this.backend.name} backend does not implement ${skill}`);
    }
    const spec: SkillSpec = SKILLS[skill];
    const parsed = checkArguments(spec, args);
    if (spec.kind !== 'motion' || spec.targetArg === undefined) return { spec, args: parsed, warnings: [], clamped: false };
    const requested = parsed[spec.targetArg] as Vec3;
    const warnings: string[] = [];
    let target: Vec3 = [...requested];
    let clamped = false;
    const ws = this.safety.workspace;
    if (ws) {
      const inside: Vec3 = [0, 1, 2].map((i) => Math.min(ws.max[i]!, Math.max(ws.min[i]!, requested[i]!))) as Vec3;
      if (inside.some((v, i) => v !== requested[i])) {
        const where = `the workspace ${fmt(ws.min)}–${fmt(ws.max)}`;
        if ((this.safety.workspacePolicy ?? 'clamp') === 'reject') {
          throw new SafetyError('workspace', skill, `${skill}: target ${fmt(requested)} is outside ${where} (workspace policy: reject)`);
        }
        warnings.push(`${skill}: target ${fmt(requested)} is outside ${where}; clamped to ${fmt(inside)}`);
        target = inside;
        clamped = true;
      }
    }
    if ((this.safety.keepOut?.length ?? 0) > 0) {
      if (this.robot === 'quadruped') this.checkFootprint(skill, from ?? target, target, via);
      else this.checkSweep(skill, from ?? target, target);
    }
    const sent = [...parsed];
    sent[spec.targetArg] = target;
    return { spec, args: sent, warnings, target, clamped };
  }

  /** Checks the call, runs it on the backend, then checks what the motion reported. */
  async call(skill: string, args: readonly unknown[], opts: CallOptions = {}): Promise<SkillResult> {
    let from = this.position;
    let confirmed: ReportedPose | null = null;
    let checked: CheckedCall;
    try {
      if (this.backend.confirmedPose && this.latch === null && isMotion(skill)) {
        // Hardware: plan only from where the robot says it is now, never from a remembered or retained pose.
        confirmed = await this.startPose(skill);
        from = confirmed.position;
        this.position = from;
      } else if (from === null && this.needsPosition(skill)) {
        from = robotPosition(await this.backend.observe());
        this.position = from;
      }
      let via: { centre: Vec3; size: Vec3 } | null = null;
      if (skill === 'push_to_position' && (this.safety.keepOut?.length ?? 0) > 0 && typeof args[0] === 'string') {
        const o = (await this.backend.observe()).objects.find((x) => x.name === args[0]);
        if (o) via = { centre: o.center, size: o.size };
      }
      checked = this.check(skill, args, from, via);
    } catch (err) {
      if (err instanceof SafetyError && !(err instanceof EStopError)) await this.backend.stop(`safety: ${err.message}`);
      throw err;
    }
    const eStop = this.eStopLatch.abort.signal;
    let result: SkillResult;
    const sentAt = performance.now();
    try {
      result = await this.backend.call(skill, checked.args, { signal: this.signalFor(opts.signal) });
    } catch (err) {
      if (eStop.aborted) throw eStop.reason;
      throw err;
    }
    const wallSeconds = (performance.now() - sentAt) / 1000;
    if (this.latch !== null) throw new EStopError(skill, this.latch);
    let violation = checked.spec.kind === 'motion' ? (this.monitor(skill, result) ?? this.checkHolding(skill, checked)) : null;
    if (!violation && confirmed && checked.spec.kind === 'motion') violation = await this.monitorHardware(skill, result, confirmed, wallSeconds);
    if (violation) {
      await this.backend.stop(`safety: ${violation.message}`);
      throw violation;
    }
    return this.withClamp(result, checked);
  }

  async stop(reason: string): Promise<void> {
    await this.backend.stop(reason);
  }

  observe(): Promise<SceneObservation> {
    return this.backend.observe();
  }

  /** The e-stop's signal, combined with the caller's when there is one. */
  private signalFor(signal: AbortSignal | undefined): AbortSignal {
    const latch = this.eStopLatch;
    if (!signal) return latch.abort.signal;
    let both = latch.combined.get(signal);
    if (!both) {
      both = AbortSignal.any([signal, latch.abort.signal]);
      latch.combined.set(signal, both);
    }
    return both;
  }

  /** The robot's solids at `at`, or the bare point when the backend has no geometry model. */
  private solids(at: Vec3): readonly Solid[] {
    return this.backend.solidsAt?.(at) ?? [{ name: 'tool point', centre: at, half: [0, 0, 0], rotation: [0, 0, 0, 1] }];
  }

  /**
   * The arm's whole-body check: its solids (every link, the fingers, what it holds) posed at
   * points SWEEP_STEP apart along the straight path, each pair of neighbouring poses grown by
   * the farthest any of their points moves between them, must stay `margin` clear of every zone.
   */
  private checkSweep(skill: string, from: Vec3, target: Vec3): void {
    const zones = this.safety.keepOut ?? [];
    const margin = this.safety.keepOutMargin ?? DEFAULT_KEEP_OUT_MARGIN;
    if (!this.backend.solidsAt) {
      // No geometry model: the tool point's straight path, exactly.
      for (const zone of zones) {
        if (segmentHitsBox(from, target, grown(zone, margin))) {
          throw new SafetyError('keep-out', skill, `${skill}: the tool point would come within ${margin} m of the keep-out zone "${zone.name}" on the straight path ${fmt(from)} → ${fmt(target)}`);
        }
      }
      return;
    }
    const n = Math.max(1, Math.ceil(Math.hypot(target[0] - from[0], target[1] - from[1], target[2] - from[2]) / SWEEP_STEP));
    let prev = this.solids(from);
    for (let i = 0; i <= n; i++) {
      const f = i / n;
      const at: Vec3 = [from[0] + (target[0] - from[0]) * f, from[1] + (target[1] - from[1]) * f, from[2] + (target[2] - from[2]) * f];
      const cur = i === 0 ? prev : this.solids(at);
      const slack = i === 0 ? 0 : largestMove(prev, cur);
      for (const zone of zones) {
        for (const s of i === 0 ? cur : [...prev, ...cur]) {
          if (!solidHitsBox(s, zone, margin + slack)) continue;
          const where = i === 0 ? `where it is now, ${fmt(from)}` : `at ${fmt(at)} on the straight path ${fmt(from)} → ${fmt(target)}`;
          throw new SafetyError('keep-out', skill, `${skill}: the ${s.name} would come within ${margin} m of the keep-out zone "${zone.name}" ${where}`);
        }
      }
      prev = cur;
    }
  }

  /**
   * The quadruped's check: its footprint, a disc around the body centre wide enough for any
   * heading, swept along the straight walk (for a push: to the object and on to the target,
   * widened by the object's size and the detour round it), stays `margin` clear of every zone
   * seen from above.
   */
  private checkFootprint(skill: string, from: Vec3, target: Vec3, via: { centre: Vec3; size: Vec3 } | null): void {
    const margin = this.safety.keepOutMargin ?? DEFAULT_KEEP_OUT_MARGIN;
    const r = footprintRadius(this.solids(from), from);
    const legs: [Vec3, Vec3, number][] = via
      ? [
          [from, via.centre, Math.hypot(via.size[0], via.size[1]) / 2 + PUSH_DETOUR],
          [via.centre, target, Math.hypot(via.size[0], via.size[1]) / 2 + PUSH_DETOUR],
        ]
      : [[from, target, 0]];
    for (const zone of this.safety.keepOut ?? []) {
      for (const [a, b, extra] of legs) {
        if (!segmentHitsBox(a, b, grown(zone, r + margin + extra, true), true)) continue;
        const what = via ? `pushing the object along ${fmt(a)} → ${fmt(b)}` : `walking ${fmt(a)} → ${fmt(b)}`;
        throw new SafetyError('keep-out', skill, `${skill}: the body's footprint (radius ${r.toFixed(3)} m) would come within ${margin} m of the keep-out zone "${zone.name}" ${what}`);
      }
    }
  }

  /** The pose a hardware motion starts from: confirmed by the robot within the freshness window, or a SafetyError saying why not. */
  private async startPose(skill: string): Promise<ReportedPose> {
    const maxAgeMs = this.safety.maxPoseAgeMs ?? DEFAULT_MAX_POSE_AGE_MS;
    // A robot that reports more often than the window has a fresh report on the way.
    const state = await this.backend.confirmedPose!({ maxAgeMs, waitMs: maxAgeMs });
    if (!state.ok) {
      throw new SafetyError('confirmed-state', skill, `${skill} refused before anything was sent: the robot's position is not confirmed: ${state.reason}`);
    }
    return state.pose;
  }

  /**
   * Hardware: the motion's report judged on more than its own word. `seconds` must be no
   * longer than the time the call took here, and the speed is also judged on the robot's own
   * time stamps between the pose the motion started from and the one it reported.
   */
  private async monitorHardware(skill: string, result: SkillResult, before: ReportedPose, wallSeconds: number): Promise<SafetyError | null> {
    if (result.seconds > wallSeconds * SECONDS_SLACK_FACTOR + SECONDS_SLACK) {
      return new SafetyError(
        'speed',
        skill,
        `${skill} reported taking ${result.seconds.toFixed(3)} s, but the robot answered ${wallSeconds.toFixed(3)} s after the request: the report is implausible, so its speed cannot be judged`,
      );
    }
    const { maxSpeed } = this.safety;
    if (maxSpeed === undefined) return null;
    const after = await this.backend.confirmedPose!({ maxAgeMs: Number.POSITIVE_INFINITY, waitMs: 0 });
    if (!after.ok || after.pose.seq <= before.seq) return null;
    const distance = Math.hypot(...([0, 1, 2] as const).map((i) => after.pose.position[i] - before.position[i]));
    if (distance <= SPEED_MIN_DISTANCE) return null;
    const robotSeconds = (after.pose.stamp - before.stamp) / 1000;
    const speed = robotSeconds > 0 ? distance / robotSeconds : Number.POSITIVE_INFINITY;
    if (speed > maxSpeed * SPEED_TOLERANCE) {
      return new SafetyError(
        'speed',
        skill,
        `${skill} moved ${distance.toFixed(3)} m between the robot's reports stamped ${robotSeconds.toFixed(3)} s apart (${speed.toFixed(2)} m/s on the robot's clock), over the ${maxSpeed} m/s limit`,
      );
    }
    return null;
  }

  /** Whether checking this call needs to know where the robot is now. */
  private needsPosition(skill: string): boolean {
    if (!isSkillName(skill) || SKILLS[skill].kind !== 'motion') return false;
    return (this.safety.keepOut?.length ?? 0) > 0 || this.safety.maxSpeed !== undefined;
  }

  /**
   * After a gripper motion (it has no target, and what it grasps joins the robot's solids):
   * everything the arm now holds must be clear of every zone where it is.
   */
  private checkHolding(skill: string, checked: CheckedCall): SafetyError | null {
    if (checked.target || this.robot !== 'arm' || !this.backend.solidsAt || !(this.safety.keepOut?.length ?? 0) || !this.position) return null;
    try {
      this.checkSweep(skill, this.position, this.position);
      return null;
    } catch (err) {
      if (err instanceof SafetyError) return err;
      throw err;
    }
  }

  /** Checks the speed and force a motion reported; returns the violation, if any. */
  private monitor(skill: string, result: SkillResult): SafetyError | null {
    const report = result.value;
    const reported = typeof report === 'object' && report !== null ? (report as Record<string, unknown>) : {};
    const now = isVec3(reported.position) ? reported.position : null;
    const { maxSpeed, maxForce } = this.safety;
    let violation: SafetyError | null = null;
    if (maxSpeed !== undefined && now && this.position) {
      const distance = Math.hypot(now[0] - this.position[0], now[1] - this.position[1], now[2] - this.position[2]);
      // A motion that moved took time: `seconds` of 0 (or missing, negative, NaN) reads as infinitely fast, never as "unknown".
      const seconds = Number.isFinite(result.seconds) && result.seconds > 0 ? result.seconds : 0;
      const speed = seconds > 0 ? distance / seconds : Number.POSITIVE_INFINITY;
      if (distance > SPEED_MIN_DISTANCE && speed > maxSpeed * SPEED_TOLERANCE) {
        violation =
          seconds > 0
            ? new SafetyError('speed', skill, `${skill} moved ${distance.toFixed(3)} m in ${seconds.toFixed(3)} s (${speed.toFixed(2)} m/s), over the ${maxSpeed} m/s limit`)
            : new SafetyError('speed', skill, `${skill} moved ${distance.toFixed(3)} m but reported taking ${String(result.seconds)} s: a motion's duration must be positive, so its speed cannot be judged`);
      }
    }
    if (maxForce !== undefined && typeof reported.force === 'number' && !(reported.force <= maxForce)) {
      violation = new SafetyError('force', skill, `${skill} reported a ${reported.force} N force, over the ${maxForce} N limit`);
    }
    if (now) this.position = now;
    return violation;
  }

  /** A clamped target reads as `clamped`, as the simulator reports it, with the envelope's warning. */
  private withClamp(result: SkillResult, checked: CheckedCall): SkillResult {
    if (!checked.clamped) return result;
    const status = result.status === 'reached' ? 'clamped' : result.status;
    const value = typeof result.value === 'object' && result.value !== null ? { ...result.value, status } : result.value;
    return { ...result, status, value, warnings: [...checked.warnings, ...result.warnings] };
  }
}
