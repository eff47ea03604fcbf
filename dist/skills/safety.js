import { SKILLS, isSkillName } from "./registry.js";
import { checkArguments } from "./safety-arguments.js";
import { EStopError, SafetyError } from "./sandbox-errors.js";
/** Average speeds this much above the limit count as violations (controllers overshoot a little). */
const SPEED_TOLERANCE = 1.2;
/** Moves shorter than this (m) are too short to judge speed on. */
const SPEED_MIN_DISTANCE = 0.02;
const fmt = (p) => `(${p.map((v) => v.toFixed(3)).join(', ')})`;
function isVec3(v) {
    return Array.isArray(v) && v.length === 3 && v.every((x) => typeof x === 'number' && Number.isFinite(x));
}
/** Whether the segment a→b meets the box (slab test); `planar` ignores z. */
export function segmentHitsBox(a, b, box, planar = false) {
    let t0 = 0;
    let t1 = 1;
    for (let i = 0; i < (planar ? 2 : 3); i++) {
        const d = b[i] - a[i];
        const lo = box.min[i];
        const hi = box.max[i];
        if (Math.abs(d) < 1e-12) {
            if (a[i] < lo || a[i] > hi)
                return false;
            continue;
        }
        let ta = (lo - a[i]) / d;
        let tb = (hi - a[i]) / d;
        if (ta > tb)
            [ta, tb] = [tb, ta];
        t0 = Math.max(t0, ta);
        t1 = Math.min(t1, tb);
        if (t0 > t1)
            return false;
    }
    return true;
}
function robotPosition(obs) {
    return obs.robot.kind === 'arm' ? obs.robot.gripper : obs.robot.position;
}
const envelopes = new WeakMap();
/** The safety envelope around one backend; see the file comment. */
export class SafetyEnvelope {
    backend;
    name;
    robot;
    capabilities;
    safety;
    latch = null;
    /** Aborted by `eStop()` to cut off the motion in flight; replaced on `release()`. */
    eStopAbort = new AbortController();
    /** Caller signals combined with the e-stop's, cached: combining signals per call is costly. */
    combined = new WeakMap();
    /** Last known robot position (gripper or body), from motion reports; null = ask the backend. */
    position = null;
    constructor(backend, limits = backend.safety ?? {}) {
        this.backend = backend;
        this.name = `${backend.name}+envelope`;
        this.robot = backend.robot;
        this.capabilities = backend.capabilities;
        this.safety = limits;
    }
    /** The envelope of a backend, one per backend so that an e-stop latch holds across programs. */
    static for(backend) {
        if (backend instanceof SafetyEnvelope)
            return backend;
        let env = envelopes.get(backend);
        if (!env) {
            env = new SafetyEnvelope(backend);
            envelopes.set(backend, env);
        }
        return env;
    }
    /** Why the e-stop is latched, or null when it is not. */
    get eStopReason() {
        return this.latch;
    }
    /** Latches the e-stop: aborts the motion in flight, stops the robot, refuses every call until `release()`. */
    async eStop(reason) {
        this.latch = reason;
        this.eStopAbort.abort(new EStopError('the motion in flight', reason));
        await this.backend.stop(`e-stop: ${reason}`);
    }
    /** Releases a latched e-stop: an explicit act, never automatic. */
    release() {
        this.latch = null;
        if (this.eStopAbort.signal.aborted) {
            this.eStopAbort = new AbortController();
            this.combined = new WeakMap();
        }
    }
    /** Forgets the tracked robot position (a new program starts; something else may have moved the robot). */
    resync() {
        this.position = null;
    }
    /**
     * Checks one call without running it: returns the arguments to send, or throws a typed
     * SafetyError (ArgumentError for schema and finiteness, EStopError while latched).
     * `from` is where the robot is, for the straight-line keep-out check.
     */
    check(skill, args, from = this.position) {
        if (this.latch !== null)
            throw new EStopError(skill, this.latch);
        if (!isSkillName(skill) || !SKILLS[skill].robots.includes(this.robot)) {
            throw new SafetyError('capability', skill, `${skill} is not a skill of the ${this.robot}`);
        }
        if (!this.capabilities.has(skill)) {
            throw new SafetyError('capability', skill, `the ${this.backend.name} backend does not implement ${skill}`);
        }
        const spec = SKILLS[skill];
        const parsed = checkArguments(spec, args);
        if (spec.kind !== 'motion' || spec.targetArg === undefined)
            return { spec, args: parsed, warnings: [], clamped: false };
        const requested = parsed[spec.targetArg];
        const warnings = [];
        let target = [...requested];
        let clamped = false;
        const ws = this.safety.workspace;
        if (ws) {
            const inside = [0, 1, 2].map((i) => Math.min(ws.max[i], Math.max(ws.min[i], requested[i])));
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
        // The quadruped's targets ignore z, so its zones are footprints on the ground.
        const planar = this.robot === 'quadruped';
        for (const zone of this.safety.keepOut ?? []) {
            if (segmentHitsBox(target, target, zone, planar)) {
                throw new SafetyError('keep-out', skill, `${skill}: target ${fmt(target)} is inside the keep-out zone "${zone.name}"`);
            }
            // The arm moves in a straight line, so the whole path must stay out.
            if (!planar && from && segmentHitsBox(from, target, zone)) {
                throw new SafetyError('keep-out', skill, `${skill}: the straight path ${fmt(from)} → ${fmt(target)} crosses the keep-out zone "${zone.name}"`);
            }
        }
        const sent = [...parsed];
        sent[spec.targetArg] = target;
        return { spec, args: sent, warnings, target, clamped };
    }
    /** Checks the call, runs it on the backend, then checks what the motion reported. */
    async call(skill, args, opts = {}) {
        let from = this.position;
        if (from === null && this.needsPosition(skill)) {
            from = robotPosition(await this.backend.observe());
            this.position = from;
        }
        let checked;
        try {
            checked = this.check(skill, args, from);
        }
        catch (err) {
            if (err instanceof SafetyError && !(err instanceof EStopError))
                await this.backend.stop(`safety: ${err.message}`);
            throw err;
        }
        const eStop = this.eStopAbort.signal;
        let result;
        try {
            result = await this.backend.call(skill, checked.args, { signal: this.signalFor(opts.signal) });
        }
        catch (err) {
            if (eStop.aborted)
                throw eStop.reason;
            throw err;
        }
        if (this.latch !== null)
            throw new EStopError(skill, this.latch);
        const violation = checked.spec.kind === 'motion' ? this.monitor(skill, result) : null;
        if (violation) {
            await this.backend.stop(`safety: ${violation.message}`);
            throw violation;
        }
        return this.withClamp(result, checked);
    }
    async stop(reason) {
        await this.backend.stop(reason);
    }
    observe() {
        return this.backend.observe();
    }
    /** The e-stop's signal, combined with the caller's when there is one. */
    signalFor(signal) {
        if (!signal)
            return this.eStopAbort.signal;
        let both = this.combined.get(signal);
        if (!both) {
            both = AbortSignal.any([signal, this.eStopAbort.signal]);
            this.combined.set(signal, both);
        }
        return both;
    }
    /** Whether checking this call needs to know where the robot is now. */
    needsPosition(skill) {
        if (!isSkillName(skill) || SKILLS[skill].kind !== 'motion')
            return false;
        return (this.safety.keepOut?.length ?? 0) > 0 || this.safety.maxSpeed !== undefined;
    }
    /** Checks the speed and force a motion reported; returns the violation, if any. */
    monitor(skill, result) {
        const report = result.value;
        const reported = typeof report === 'object' && report !== null ? report : {};
        const now = isVec3(reported.position) ? reported.position : null;
        const { maxSpeed, maxForce } = this.safety;
        let violation = null;
        if (maxSpeed !== undefined && now && this.position && result.seconds > 0) {
            const distance = Math.hypot(now[0] - this.position[0], now[1] - this.position[1], now[2] - this.position[2]);
            const speed = distance / result.seconds;
            if (distance > SPEED_MIN_DISTANCE && speed > maxSpeed * SPEED_TOLERANCE) {
                violation = new SafetyError('speed', skill, `${skill} moved ${distance.toFixed(3)} m in ${result.seconds.toFixed(3)} s (${speed.toFixed(2)} m/s), over the ${maxSpeed} m/s limit`);
            }
        }
        if (maxForce !== undefined && typeof reported.force === 'number' && !(reported.force <= maxForce)) {
            violation = new SafetyError('force', skill, `${skill} reported a ${reported.force} N force, over the ${maxForce} N limit`);
        }
        if (now)
            this.position = now;
        return violation;
    }
    /** A clamped target reads as `clamped`, as the simulator reports it, with the envelope's warning. */
    withClamp(result, checked) {
        if (!checked.clamped)
            return result;
        const status = result.status === 'reached' ? 'clamped' : result.status;
        const value = typeof result.value === 'object' && result.value !== null ? { ...result.value, status } : result.value;
        return { ...result, status, value, warnings: [...checked.warnings, ...result.warnings] };
    }
}
//# sourceMappingURL=safety.js.map