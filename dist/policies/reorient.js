/**
 * `reorient_in_hand` over the toy hand: runs a policy in a fresh InHandEnv from the cube's
 * current yaw to a target quaternion and reports {status, angleError} as the skill registry
 * declares. The toy hand turns the cube about the vertical axis only; a target that tips the
 * cube is refused as unsupported rather than attempted.
 */
import { InHandEnv, loadRapier, quatAngle, yawOf, SUCCESS_TOLERANCE } from "./inhand-env.js";
export function normaliseQuat(q) {
    const [x, y, z, w] = Array.isArray(q) ? q : [q.x, q.y, q.z, q.w];
    const n = Math.hypot(x ?? NaN, y ?? NaN, z ?? NaN, w ?? NaN);
    if (!Number.isFinite(n) || n < 1e-9)
        return undefined;
    return { x: x / n, y: y / n, z: z / n, w: w / n };
}
/** Runs `act` (e.g. `(o) => policy.act(o)` for an OnnxPolicy) until the target or the step limit. */
export async function reorientInHand(act, target, opts = {}) {
    const goal = normaliseQuat(target);
    if (!goal)
        return { status: 'unsupported', angleError: NaN, controlSteps: 0, reason: 'target_quaternion is not a finite non-zero quaternion [x, y, z, w]' };
    const tilt = quatAngle(goal, { x: 0, y: 0, z: Math.sin(yawOf(goal) / 2), w: Math.cos(yawOf(goal) / 2) });
    if (tilt > SUCCESS_TOLERANCE) {
        return {
            status: 'unsupported',
            angleError: NaN,
            controlSteps: 0,
            reason: `the target tips the cube by ${tilt.toFixed(2)} rad; this hand turns it about the vertical axis only`,
        };
    }
    const R = await loadRapier();
    const start = opts.start ? normaliseQuat(opts.start) : undefined;
    const env = new InHandEnv(R, {
        seed: opts.seed ?? 0,
        goal,
        startYaw: start ? yawOf(start) : 0,
        maxControlSteps: opts.maxControlSteps ?? 300,
    });
    try {
        let obs = env.observe();
        let steps = 0;
        let success = env.orientationError < SUCCESS_TOLERANCE;
        let dropped = false;
        while (!success && !env.done) {
            const r = env.step(await act(obs));
            obs = r.obs;
            success = r.success;
            dropped = r.dropped;
            steps++;
        }
        return {
            status: success ? 'succeeded' : 'failed',
            angleError: env.orientationError,
            controlSteps: steps,
            ...(success ? {} : { reason: dropped ? 'the cube left the palm' : 'step limit reached' }),
        };
    }
    finally {
        env.free();
    }
}
//# sourceMappingURL=reorient.js.map