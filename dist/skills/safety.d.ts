import type { SceneObservation } from '../perception/observation.ts';
import type { CallOptions, RobotBackend, SafetyLimits } from './backend.ts';
import { type SkillResult, type SkillRobot, type SkillSpec } from './registry.ts';
/**
 * The safety envelope: a RobotBackend that wraps any other and checks every call before it
 * reaches the robot — the skill exists for this robot, the arguments fit the skill's schema
 * and are finite, targets lie in the workspace (clamped or refused per policy) and outside
 * every keep-out zone — and watches what each motion reports (speed, force). A violation
 * stops the robot and throws a SafetyError naming the rule; an e-stop latches until
 * `release()`. Hardware backends do no checks of their own, so nothing reaches one except
 * through this.
 */
type Vec3 = [number, number, number];
/** A call the envelope accepted: the arguments to send (clamped when needed) and what it changed. */
export interface CheckedCall {
    spec: SkillSpec;
    args: unknown[];
    warnings: string[];
    /** The target position after clamping, for motions that have one. */
    target?: Vec3;
    clamped: boolean;
}
/** Whether the segment a→b meets the box (slab test); `planar` ignores z. */
export declare function segmentHitsBox(a: Vec3, b: Vec3, box: {
    min: Vec3;
    max: Vec3;
}, planar?: boolean): boolean;
/** The safety envelope around one backend; see the file comment. */
export declare class SafetyEnvelope implements RobotBackend {
    readonly backend: RobotBackend;
    readonly name: string;
    readonly robot: SkillRobot;
    readonly capabilities: ReadonlySet<string>;
    readonly safety: SafetyLimits;
    private latch;
    /** Aborted by `eStop()` to cut off the motion in flight; replaced on `release()`. */
    private eStopAbort;
    /** Caller signals combined with the e-stop's, cached: combining signals per call is costly. */
    private combined;
    /** Last known robot position (gripper or body), from motion reports; null = ask the backend. */
    private position;
    constructor(backend: RobotBackend, limits?: SafetyLimits);
    /** The envelope of a backend, one per backend so that an e-stop latch holds across programs. */
    static for(backend: RobotBackend): SafetyEnvelope;
    /** Why the e-stop is latched, or null when it is not. */
    get eStopReason(): string | null;
    /** Latches the e-stop: aborts the motion in flight, stops the robot, refuses every call until `release()`. */
    eStop(reason: string): Promise<void>;
    /** Releases a latched e-stop: an explicit act, never automatic. */
    release(): void;
    /** Forgets the tracked robot position (a new program starts; something else may have moved the robot). */
    resync(): void;
    /**
     * Checks one call without running it: returns the arguments to send, or throws a typed
     * SafetyError (ArgumentError for schema and finiteness, EStopError while latched).
     * `from` is where the robot is, for the straight-line keep-out check.
     */
    check(skill: string, args: readonly unknown[], from?: Vec3 | null): CheckedCall;
    /** Checks the call, runs it on the backend, then checks what the motion reported. */
    call(skill: string, args: readonly unknown[], opts?: CallOptions): Promise<SkillResult>;
    stop(reason: string): Promise<void>;
    observe(): Promise<SceneObservation>;
    /** The e-stop's signal, combined with the caller's when there is one. */
    private signalFor;
    /** Whether checking this call needs to know where the robot is now. */
    private needsPosition;
    /** Checks the speed and force a motion reported; returns the violation, if any. */
    private monitor;
    /** A clamped target reads as `clamped`, as the simulator reports it, with the envelope's warning. */
    private withClamp;
}
export {};
//# sourceMappingURL=safety.d.ts.map