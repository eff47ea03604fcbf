import type { SimWorld } from './world.ts';
import type { Scene, Vec3 } from '../scene/schema.ts';
import { sceneCameras, type CameraModel } from '../scene/camera.ts';
import { seededRandom } from '../scene/random.ts';
import { observeGroundTruth } from './ground-truth.ts';
import { renderDepth } from './camera.ts';
import { catalogueOf, perceive, type CatalogueEntry, type PerceptionResult, type Prior } from '../perception/pipeline.ts';
import type { SceneObservation } from '../perception/observation.ts';

/** Where a held object sits relative to the gripper, fixed when it was grasped (or joined on). */
interface Anchor {
  offset: Vec3;
  size: Vec3;
  yawDeg: number;
}

/**
 * What the simulated robot knows through its depth cameras. The observation is perceived again
 * lazily: every motion skill makes it stale, and the next query or observe renders the cameras
 * and runs the pipeline. Objects the robot holds are posed by its kinematics (gripper position
 * plus the offset seen when they were grasped) and their points are filtered out of the cloud,
 * as a real robot filters its load. Only the robot's own state (gripper, holding) and the
 * rendered depth images come from the simulator; object poses never do.
 */
export class CameraPerception {
  private last: PerceptionResult | undefined;
  private stale = true;
  private priors = new Map<string, Prior>();
  private anchors = new Map<string, Anchor>();
  private rand: () => number;
  /** Frames rendered and milliseconds spent rendering and in the pipeline, for reports. */
  readonly stats = { frames: 0, renderMs: 0, pipelineMs: 0 };

  constructor(
    readonly cameras: readonly CameraModel[],
    readonly catalogue: readonly CatalogueEntry[],
    private readonly seed = 1,
  ) {
    this.rand = seededRandom(seed);
  }

  /** Cameras from `scene` (its `sensors`, or the default), the catalogue from `catalogue` (default: the same scene). */
  static forScene(scene: Scene, catalogue: Scene = scene, seed = 1): CameraPerception {
    return new CameraPerception(sceneCameras(scene), catalogueOf(catalogue), seed);
  }

  /** An independent copy with the same knowledge (for a twin), its noise drawn from another seed. */
  clone(seedOffset = 1): CameraPerception {
    const c = new CameraPerception(this.cameras, this.catalogue, this.seed + seedOffset);
    c.last = this.last;
    c.stale = this.stale;
    c.priors = new Map(this.priors);
    c.anchors = new Map(this.anchors);
    return c;
  }

  /** The last pipeline result (perceiving first when stale). */
  result(sim: SimWorld): PerceptionResult {
    if (this.stale || !this.last) this.refresh(sim);
    return this.last!;
  }

  observe(sim: SimWorld): SceneObservation {
    return this.result(sim).observation;
  }

  /**
   * After every motion skill: the scene may have changed. When the set of held objects changed,
   * perceive at once so that a newly held object is anchored where it was grasped.
   */
  afterMotion(sim: SimWorld): void {
    this.stale = true;
    const robot = observeGroundTruth(sim).robot;
    if (robot.kind !== 'arm') return;
    const holding = new Set(robot.holding);
    for (const name of [...this.anchors.keys()]) if (!holding.has(name)) this.anchors.delete(name);
    const fresh = [...holding].filter((n) => !this.anchors.has(n));
    if (fresh.length === 0) return;
    const obs = this.observe(sim);
    for (const name of fresh) {
      const o = obs.objects.find((x) => x.name === name);
      if (!o) continue;
      this.anchors.set(name, {
        offset: [o.center[0] - robot.gripper[0], o.center[1] - robot.gripper[1], o.center[2] - robot.gripper[2]],
        size: o.size,
        yawDeg: o.yawDeg,
      });
    }
  }

  private refresh(sim: SimWorld): void {
    const robot = observeGroundTruth(sim).robot;
    const images = this.cameras.map((c) => renderDepth(sim, c, this.rand));
    const held =
      robot.kind === 'arm'
        ? [...this.anchors].map(([name, a]) => ({
            name,
            center: [robot.gripper[0] + a.offset[0], robot.gripper[1] + a.offset[1], robot.gripper[2] + a.offset[2]] as Vec3,
            size: a.size,
            yawDeg: a.yawDeg,
          }))
        : [];
    const result = perceive({ images, catalogue: this.catalogue, robot, priors: this.priors, held });
    this.stats.frames += images.length;
    this.stats.renderMs += images.reduce((s, i) => s + i.ms, 0);
    this.stats.pipelineMs += result.ms;
    for (const o of result.observation.objects) {
      if (!result.missed.includes(o.name) && !result.unknown.includes(o.name)) this.priors.set(o.name, { center: o.center, yawDeg: o.yawDeg });
    }
    this.last = result;
    this.stale = false;
  }
}
