import { observeGroundTruth } from "../ground-truth.js";
import { SKILLS, isSkillName, skillsFor } from "../../skills/registry.js";
import { armMotionSkills } from "./arm-skills.js";
import { quadrupedMotionSkills } from "./quadruped-skills.js";
function abortError(signal) {
    const reason = signal.reason;
    return reason instanceof Error ? reason : new DOMException(String(reason ?? 'aborted'), 'AbortError');
}
const yieldToLoop = () => new Promise((r) => setImmediate(r));
/** The limits a scene's robot profile sets: its workspace (arm), keep-out zones and top speed. */
export function sceneSafetyLimits(scene, workspacePolicy = 'clamp') {
    const spec = scene.robot;
    return {
        ...(spec.kind === 'arm' ? { workspace: spec.workspace } : {}),
        workspacePolicy,
        keepOut: scene.keepOut,
        maxSpeed: spec.maxSpeed,
    };
}
/** The simulator as a robot backend: skills run the physics until done or timed out. */
export class SimBackend {
    sim;
    opts;
    name = 'sim';
    robot;
    capabilities;
    safety;
    motion;
    constructor(sim, opts = {}) {
        this.sim = sim;
        this.opts = opts;
        this.robot = sim.scene.robot.kind;
        this.motion = this.robot === 'arm' ? armMotionSkills : quadrupedMotionSkills;
        this.capabilities = new Set(skillsFor(this.robot).map((s) => s.name));
        this.safety = sceneSafetyLimits(sim.scene, opts.workspacePolicy);
    }
    async call(skill, args, opts = {}) {
        if (opts.signal?.aborted)
            throw abortError(opts.signal);
        if (!isSkillName(skill) || !this.capabilities.has(skill)) {
            return { value: null, status: 'failed', message: `the ${this.robot} has no skill ${skill}`, warnings: [], seconds: 0 };
        }
        if (SKILLS[skill].kind === 'query')
            return this.query(skill, args);
        const impl = this.motion[skill];
        if (!impl)
            return { value: null, status: 'failed', message: `${skill} is not implemented in the simulator`, warnings: [], seconds: 0 };
        const t0 = this.sim.time;
        const result = await impl(this.sim, args, this.context(opts.signal));
        return { ...result, seconds: this.sim.time - t0 };
    }
    async stop() {
        this.sim.robot?.halt();
    }
    async observe() {
        return observeGroundTruth(this.sim);
    }
    context(signal) {
        const { onFrame, frameEvery = 8, yieldEvery = 480 } = this.opts;
        return {
            signal,
            workspacePolicy: this.opts.workspacePolicy ?? 'clamp',
            run: async (done, timeoutSeconds) => {
                const maxSteps = Math.ceil(timeoutSeconds / this.sim.dt);
                for (let i = 0; i < maxSteps; i++) {
                    if (done())
                        return true;
                    this.sim.step();
                    if (onFrame && i % frameEvery === 0)
                        onFrame(this.sim);
                    if (i % yieldEvery === yieldEvery - 1) {
                        await yieldToLoop();
                        if (signal?.aborted) {
                            this.sim.robot?.halt();
                            throw abortError(signal);
                        }
                    }
                }
                return done();
            },
        };
    }
    query(skill, args) {
        const ok = (value) => ({ value, status: 'ok', warnings: [], seconds: 0 });
        const fail = (message) => ({ value: null, status: 'failed', message, warnings: [], seconds: 0 });
        if (skill === 'get_workspace_range') {
            const spec = this.sim.scene.robot;
            if (spec.kind !== 'arm')
                return fail('only the arm has a workspace range');
            const { min, max } = spec.workspace;
            return ok([0, 1, 2].map((i) => [min[i], max[i]]));
        }
        const name = String(args[0]);
        if (!this.sim.objectNames().includes(name)) {
            return fail(`no object named "${name}"; objects: ${this.sim.objectNames().join(', ')}`);
        }
        const box = this.sim.aabb(name);
        const centre = [0, 1, 2].map((i) => round((box.min[i] + box.max[i]) / 2));
        switch (skill) {
            case 'get_center':
            case 'get_position':
                return ok(centre);
            case 'get_size':
                return ok([0, 1, 2].map((i) => round(box.max[i] - box.min[i])));
            case 'get_graspable_point': {
                const obs = observeGroundTruth(this.sim).objects.find((o) => o.name === name);
                if (!obs?.graspablePoint)
                    return fail(`${name} has no graspable point`);
                return ok(obs.graspablePoint);
            }
            default:
                return fail(`unknown query ${skill}`);
        }
    }
}
function round(v) {
    return Math.round(v * 1e4) / 1e4;
}
//# sourceMappingURL=sim-backend.js.map