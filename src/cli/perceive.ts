/**
 * `robotool perceive --scene TASK`: what the robot's depth cameras make of a scene, beside the
 * simulator's truth. The scene's object list is the catalogue (what the user said is there, with
 * its positions off by `--catalogue-noise` metres); the cameras render the world by ray casts and
 * the perception pipeline names what it finds. Errors are measured against ground truth, which
 * the pipeline never reads.
 */
import { z } from 'zod';
import { arg, checkOptions, CliError, cliCommand, errorMessage, parseCommandArgs, UsageError } from './options.ts';
import { SceneError, loadScene } from '../scene/file.ts';
import { withPoseNoise } from '../scene/variants.ts';
import type { Vec3 } from '../scene/schema.ts';
import { createSim } from '../sim/create.ts';
import { observeGroundTruth } from '../sim/ground-truth.ts';
import { CameraPerception } from '../sim/camera-perception.ts';

const HELP = `usage: robotool perceive --scene TASK|FILE [--seed N] [--catalogue-noise M] [--json]

Renders the scene's depth cameras (its "sensors", or the default camera), runs the perception
pipeline and prints each catalogue object as perceived beside the truth: found or missed, centre
and size errors (m), plus clusters that matched nothing (unknown_N).

options:
  --scene TASK|FILE        a bundled task or a scene file (required)
  --seed N                 depth-noise seed, and the catalogue's position noise (default 1)
  --catalogue-noise M      move every catalogue position by up to M metres before matching
                           (0–0.1; default 0.02: a cell measured by hand)
  --json                   print { objects: [{ name, found, center, size, truth: {center, size},
                           centerError, sizeError }], missed, unknown, warnings, median: {centerError,
                           sizeError}, frames, renderMs, pipelineMs }`;

const PerceiveOptions = z.object({
  scene: arg.text().optional(),
  seed: arg.int(0, 0xffffffff).optional(),
  'catalogue-noise': arg.number(0, 0.1, 'm').optional(),
  json: z.boolean(),
});

const dist = (a: Vec3, b: Vec3): number => Math.hypot(a[0] - b[0], a[1] - b[1], a[2] - b[2]);
const median = (xs: number[]): number | null => (xs.length ? [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]! : null);
const mm = (v: number | null): string => (v === null ? '—' : `${(v * 1000).toFixed(1)} mm`);

export default cliCommand('perceive', async (argv) => {
  const parsed = parseCommandArgs('perceive', HELP, argv, {
    scene: { type: 'string' },
    seed: { type: 'string' },
    'catalogue-noise': { type: 'string' },
    json: { type: 'boolean', default: false },
  });
  if (typeof parsed === 'number') return parsed;
  if (parsed.positionals.length) throw new UsageError(`unexpected argument "${parsed.positionals[0]}"`);
  const values = checkOptions(PerceiveOptions, parsed.values);
  if (!values.scene) throw new UsageError('--scene TASK|FILE is required');
  let scene;
  try {
    scene = await loadScene(values.scene);
  } catch (err) {
    if (err instanceof SceneError) throw err;
    throw new CliError(errorMessage(err), 2, { cause: err });
  }
  const seed = values.seed ?? 1;
  const noise = values['catalogue-noise'] ?? 0.02;
  const catalogue = noise > 0 ? withPoseNoise(scene, { seed: seed + 10007, poseNoise: noise }) : scene;
  const sim = await createSim(scene);
  try {
    const perception = CameraPerception.forScene(scene, catalogue, seed);
    const result = perception.result(sim);
    const truth = new Map(observeGroundTruth(sim).objects.map((o) => [o.name, o]));
    const objects = scene.objects.map((o) => {
      const seen = result.observation.objects.find((p) => p.name === o.name);
      const t = truth.get(o.name)!;
      const found = seen !== undefined && !result.missed.includes(o.name);
      return {
        name: o.name,
        found,
        center: seen?.center ?? null,
        size: seen?.size ?? null,
        truth: { center: t.center, size: t.size },
        centerError: found ? dist(seen.center, t.center) : null,
        sizeError: found ? Math.max(...[0, 1, 2].map((i) => Math.abs(seen.size[i]! - t.size[i]!))) : null,
      };
    });
    const foundOnes = objects.filter((o) => o.found);
    const report = {
      scene: scene.name,
      objects,
      missed: result.missed,
      unknown: result.unknown,
      warnings: result.warnings,
      median: { centerError: median(foundOnes.map((o) => o.centerError!)), sizeError: median(foundOnes.map((o) => o.sizeError!)) },
      frames: perception.stats.frames,
      renderMs: perception.stats.renderMs,
      pipelineMs: perception.stats.pipelineMs,
    };
    if (values.json) {
      process.stdout.write(JSON.stringify(report, null, 2) + '\n');
    } else {
      const lines = objects.map((o) => `  ${o.name.padEnd(16)} ${o.found ? 'found ' : 'MISSED'}  centre error ${mm(o.centerError)}  size error ${mm(o.sizeError)}`);
      process.stdout.write(
        [
          `${scene.name}: ${foundOnes.length}/${objects.length} catalogue objects found${result.unknown.length ? `, unknown clusters: ${result.unknown.join(', ')}` : ''}`,
          ...lines,
          `median centre error ${mm(report.median.centerError)}, median size error ${mm(report.median.sizeError)} (render ${report.renderMs.toFixed(0)} ms wall, pipeline ${report.pipelineMs.toFixed(0)} ms wall)`,
          ...result.warnings.map((w) => `warning: ${w}`),
        ].join('\n') + '\n',
      );
    }
    return 0;
  } finally {
    sim.free();
  }
});
