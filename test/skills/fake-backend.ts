import type { CallOptions, RobotBackend, SafetyLimits } from '../../src/skills/backend.ts';
import { skillsFor, type SkillResult, type SkillRobot } from '../../src/skills/registry.ts';
import type { SceneObservation } from '../../src/perception/observation.ts';

type Vec3 = [number, number, number];

/** One call as the fake backend received it. */
export interface ReceivedCall {
  skill: string;
  args: unknown[];
}

export interface FakeBackendOptions {
  robot?: SkillRobot;
  safety?: SafetyLimits;
  /** Where the robot starts (gripper or body centre). */
  start?: Vec3;
  /** Speed the fake moves at (m/s); a motion takes distance / speed seconds. */
  speed?: number;
  /** Wall milliseconds each motion waits (0: resolves on the next tick). */
  motionMs?: number;
  /** Overrides the reply to a call. */
  reply?: (skill: string, args: readonly unknown[]) => SkillResult | undefined;
}

/**
 * A RobotBackend for tests that records every call it receives and answers at once:
 * queries return fixed geometry, motions "arrive" at their target. Fast and deterministic.
 */
export class FakeBackend implements RobotBackend {
  readonly name = 'fake';
  readonly robot: SkillRobot;
  readonly capabilities: ReadonlySet<string>;
  readonly safety?: SafetyLimits;
  readonly received: ReceivedCall[] = [];
  readonly stops: string[] = [];
  position: Vec3;

  constructor(private readonly opts: FakeBackendOptions = {}) {
    this.robot = opts.robot ?? 'arm';
    this.capabilities = new Set(skillsFor(this.robot).map((s) => s.name));
    if (opts.safety) this.safety = opts.safety;
    this.position = opts.start ?? [0.25, 0, 0.25];
  }

  async call(skill: string, args: readonly unknown[], opts: CallOptions = {}): Promise<SkillResult> {
    if (opts.signal?.aborted) throw opts.signal.reason;
    this.received.push({ skill, args: structuredClone([...args]) });
    const custom = this.opts.reply?.(skill, args);
    if (custom) return custom;
    const ok = (value: unknown, seconds = 0): SkillResult => ({ value, status: 'ok', warnings: [], seconds });
    switch (skill) {
      case 'get_center':
      case 'get_position':
      case 'get_graspable_point':
        return ok([0.3, 0, 0.05]);
      case 'get_size':
        return ok([0.05, 0.05, 0.1]);
      case 'get_workspace_range':
        return ok([[0, 0.45], [-0.25, 0.25], [0.01, 0.3]]);
      case 'open_gripper':
      case 'close_gripper':
        return ok({ status: 'ok' });
      default: {
        const target = (skill === 'push_to_position' ? args[1] : args[0]) as Vec3;
        const distance = Math.hypot(target[0] - this.position[0], target[1] - this.position[1], target[2] - this.position[2]);
        await this.wait(opts.signal);
        this.position = [...target];
        return { value: { status: 'reached', position: [...target] }, status: 'reached', warnings: [], seconds: distance / (this.opts.speed ?? 0.1) };
      }
    }
  }

  async stop(reason: string): Promise<void> {
    this.stops.push(reason);
  }

  async observe(): Promise<SceneObservation> {
    const robot: SceneObservation['robot'] =
      this.robot === 'quadruped'
        ? { kind: 'quadruped', position: this.position, bodySize: [0.6, 0.3, 0.2], stepUp: 0.12, maxGap: 0.1, standingOn: null }
        : { kind: 'arm', gripper: this.position, workspace: { min: [0, -0.25, 0.01], max: [0.45, 0.25, 0.3] }, holding: [] };
    return { source: 'ground-truth', robot, objects: [] };
  }

  private wait(signal: AbortSignal | undefined): Promise<void> {
    const ms = this.opts.motionMs ?? 0;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(resolve, ms);
      signal?.addEventListener('abort', () => {
        clearTimeout(timer);
        reject(signal.reason);
      }, { once: true });
    });
  }
}
