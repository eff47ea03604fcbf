/**
 * `reorient_in_hand` over the toy hand: runs a policy in a fresh InHandEnv from the cube's
 * current yaw to a target quaternion and reports {status, angleError} as the skill registry
 * declares. The toy hand turns the cube about the vertical axis only; a target that tips the
 * cube is refused as unsupported rather than attempted.
 */
import { type Quat } from './inhand-env.ts';
export interface ReorientReport {
    status: 'succeeded' | 'failed' | 'unsupported';
    /** Orientation error to the target at the end, rad (NaN when unsupported). */
    angleError: number;
    controlSteps: number;
    reason?: string;
}
export interface ReorientOptions {
    /** The held cube's orientation now; only its yaw is used (it rests on the palm). Default identity. */
    start?: Quat;
    /** Seeds the cube's offset on the palm and the fingertip placement. */
    seed?: number;
    /** Control steps allowed (60 Hz); default 300 (5 s). */
    maxControlSteps?: number;
}
type Act = (obs: Float32Array) => ArrayLike<number> | Promise<ArrayLike<number>>;
export declare function normaliseQuat(q: readonly number[] | Quat): Quat | undefined;
/** Runs `act` (e.g. `(o) => policy.act(o)` for an OnnxPolicy) until the target or the step limit. */
export declare function reorientInHand(act: Act, target: readonly number[] | Quat, opts?: ReorientOptions): Promise<ReorientReport>;
export {};
//# sourceMappingURL=reorient.d.ts.map