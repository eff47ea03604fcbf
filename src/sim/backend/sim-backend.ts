import type { SimWorld } from '../world.ts';
import type { Scene, Vec3 } from '../../scene/schema.ts';
import { observeGroundTruth } from '../ground-truth.ts';
import type { SceneObservation } from '../../perception/observation.ts';
import type { CallOptions, RobotBackend, SafetyLimits } from '../../skills/backend.ts';
import { SKILLS, isSkillName, skillsFor, type SkillResult, type SkillRobot } from '../../skills/registry.ts';
import { armMotionSkills } from './arm-skills.ts';
import type { SimMotionSkill, SimSkillContext, WorkspacePolicy } from './skill-context.ts';
import { quadrupedMotionSkills } from './quadruped-skills.ts';
import { ArmRobot } from '../arm.ts';
import { BODY_RADIUS, NOSE, QuadrupedRobot } from '../quadruped/index.ts';
import type { Solid } from '../../skills/solids.ts';

export type { SimMotionSkill, SimSkillContext, WorkspacePolicy } from './skill-context.ts';

export interface SimBackendOptions {
  workspacePolicy?: WorkspacePolicy;
  /** Called every `frameEvery` steps while a skill runs (live view, recorder). */
  onFrame?: (sim: SimWorld) => void;
  frameEvery?: number;
  /** Yield to the event loop every this many steps so that cancellation and I/O get a turn. */
  yieldEvery?: number;
}

function abortError(signal: AbortSignal): Error {
  const reason: unknown = signal.reason;
  return reason instanceof Error ? reason : new DOMException(String(reason ?? 'aborted'), 'AbortError');
}

const yieldToLoop = (): Promise<void> => new Promise((r) => setImmediate(r));

/** The limits a scene's robot profile sets: its workspace (arm), keep-out zones and top speed. */
export function sceneSafetyLimits(scene: Scene, workspacePolicy: 'clamp' | 'reject' = 'clamp'): SafetyLimits {
  const spec = scene.robot;
  return {
    ...(spec.kind === 'arm' ? { workspace: spec.workspace } : {}),
    workspacePolicy,
    keepOut: scene.keepOut,
    keepOutMargin: scene.keepOutMargin,
    maxSpeed: spec.maxSpeed,
  };
}

/** The simulator as a robot backend: skills run the physics until done or timed out. */
export class SimBackend implements RobotBackend {
  readonly name = 'sim';
  readonly robot: SkillRobot;
  readonly capabilities: ReadonlySet<string>;
  readonly safety: SafetyLimits;
  private readonly motion: Record<string, SimMotionSkill>;

  constructor(
    readonly sim: SimWorld,
    private readonly opts: SimBackendOptions = {},
  ) {
    this.robot = sim.scene.robot.kind;
    this.motion = this.robot === 'arm' ? armMotionSkills : quadrupedMotionSkills;
    this.capabilities = new Set(skillsFor(this.robot).map((s) => s.name));
    this.safety = sceneSafetyLimits(sim.scene, opts.workspacePolicy);
  }

  async call(skill: string, args: readonly unknown[], opts: CallOptions = {}): Promise<SkillResult> {
    if (opts.signal?.aborted) throw abortError(opts.signal);
    if (!isSkillName(skill) || !this.capabilities.has(skill)) {
      return { value: null, status: 'failed', message: `the ${this.robot} has no skill ${skill}`, warnings: [], seconds: 0 };
    }
    if (SKILLS[skill].kind === 'query') return this.query(skill, args);
    const impl = this.motion[skill];
    if (!impl) return { value: null, status: 'failed', message: `${skill} is not implemented in the simulator`, warnings: [], seconds: 0 };
    const t0 = this.sim.time;
    const result = await impl(this.sim, args, this.context(opts.signal));
    return { ...result, seconds: this.sim.time - t0 };
  }

  /** The simulated robot's solid geometry with its tool centre (arm) or body centre (quadruped) at `at`. */
  solidsAt(at: Vec3): Solid[] {
    const robot = this.sim.robot;
    if (robot instanceof ArmRobot) return robot.solidsAt(at);
    if (robot instanceof QuadrupedRobot) {
      // The body (capsule and push plate) within its bounding box, at any heading: the footprint is a disc around it.
      const half: Vec3 = [NOSE, BODY_RADIUS, BODY_RADIUS];
      return [{ name: 'body', centre: [at[0], at[1], robot.position()[2]], half, rotation: [0, 0, 0, 1] }];
    }
    return [];
  }

  async stop(): Promise<void> {
    this.sim.robot?.halt();
  }

  async observe(): Promise<SceneObservation> {
    return observeGroundTruth(this.sim);
  }

  private context(signal: AbortSignal | undefined): SimSkillContext {
    const { onFrame, frameEvery = 8, yieldEvery = 480 } = this.opts;
    return {
      signal,
      workspacePolicy: this.opts.workspacePolicy ?? 'clamp',
      run: async (done, timeoutSeconds) => {
        const maxSteps = Math.ceil(timeoutSeconds / this.sim.dt);
        for (let i = 0; i < maxSteps; i++) {
          if (done()) return true;
          this.sim.step();
          if (onFrame && i % frameEvery === 0) onFrame(this.sim);
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

  private query(skill: string, args: readonly unknown[]): SkillResult {
    const ok = (value: unknown): SkillResult => ({ value, status: 'ok', warnings: [], seconds: 0 });
    const fail = (message: string): SkillResult => ({ value: null, status: 'failed', message, warnings: [], seconds: 0 });
    if (skill === 'get_workspace_range') {
      const spec = this.sim.scene.robot;
      if (spec.kind !== 'arm') return fail('only the arm has a workspace range');
      const { min, max } = spec.workspace;
      return ok([0, 1, 2].map((i) => [min[i], max[i]]));
    }
    const name = String(args[0]);
    if (!this.sim.objectNames().includes(name)) {
      return fail(`no object named "${name}"; objects: ${this.sim.objectNames().join(', ')}`);
    }
    const box = this.sim.aabb(name);
    const centre: Vec3 = [0, 1, 2].map((i) => round((box.min[i]! + box.max[i]!) / 2)) as Vec3;
    switch (skill) {
      case 'get_center':
      case 'get_position':
        return ok(centre);
      case 'get_size':
        return ok([0, 1, 2].map((i) => round(box.max[i]! - box.min[i]!)));
      case 'get_graspable_point': {
        const obs = observeGroundTruth(this.sim).objects.find((o) => o.name === name);
        if (!obs?.graspablePoint) return fail(`${name} has no graspable point`);
        return ok(obs.graspablePoint);
      }
      default:
        return fail(`unknown query ${skill}`);
    }
  }
}

function round(v: number): number {
  return Math.round(v * 1e4) / 1e4;
}
