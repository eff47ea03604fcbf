/**
 * Trains the in-hand reorientation policy with evolution strategies, exports it to ONNX and
 * writes its card. Usage:
 *   npm run train:policy -- [--seed 1] [--iterations 60] [--pairs 16] [--episodes 4]
 *                           [--sigma 0.05] [--lr 0.05] [--out policies/reorient-cube]
 *                           [--workers N | --queue redis://HOST:PORT]
 * Progress lines go to stderr; the summary (JSON) to stdout. Writes OUT.onnx, OUT.json (card)
 * and OUT.weights.json (flat float32 weights, for continuing or checking).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { basename, dirname } from 'node:path';
import { parseCommandArgs, usageError } from './options.ts';
import { trainEs, DEFAULT_ES } from '../policies/es.ts';
import { MAX_CONTROL_STEPS, PHYSICS_DT, SUBSTEPS, SUCCESS_TOLERANCE, MAX_FINGER_SPEED } from '../policies/inhand-env.ts';
import { mlpToOnnx } from '../policies/onnx-export.ts';
import { seedRange } from '../policies/evaluate.ts';
import { evaluateOn, successStatsOn } from '../scale/training.ts';
import { jobRunner, parseWorkers, scaleHelp } from './scale-options.ts';
import type { PolicyCard } from '../policies/card.ts';
import { OBS_LAYOUT, ACTION_LAYOUT } from '../policies/layout.ts';

const HELP = `usage: npm run train:policy -- [options]

Trains the in-hand reorientation policy with evolution strategies in the Rapier environment and
writes OUT.onnx, OUT.json (the policy card) and OUT.weights.json. Progress goes to stderr.

options:
  --seed N             training seed (default ${DEFAULT_ES.seed})
  --iterations N       ES iterations (default ${DEFAULT_ES.iterations})
  --pairs N            antithetic pairs per iteration (default ${DEFAULT_ES.pairs})
  --episodes N         episodes per candidate (default ${DEFAULT_ES.episodesPerCandidate})
  --sigma X            perturbation scale (default ${DEFAULT_ES.sigma})
  --lr X               Adam learning rate (default ${DEFAULT_ES.learningRate})
  --out PATH           output path without extension (default policies/reorient-cube)
  --eval-episodes N    held-out episodes for the card's success rate (default 20)
  --eval-seed N        first held-out seed (default 10000)
${scaleHelp(23)}

Each iteration's 2 × pairs + 1 candidates (and each evaluation episode) are jobs; the weights
are the same whatever the number of workers.`;

const parsed = parseCommandArgs('train:policy', HELP, process.argv.slice(2), {
  seed: { type: 'string', default: String(DEFAULT_ES.seed) },
  iterations: { type: 'string', default: String(DEFAULT_ES.iterations) },
  pairs: { type: 'string', default: String(DEFAULT_ES.pairs) },
  episodes: { type: 'string', default: String(DEFAULT_ES.episodesPerCandidate) },
  sigma: { type: 'string', default: String(DEFAULT_ES.sigma) },
  lr: { type: 'string', default: String(DEFAULT_ES.learningRate) },
  out: { type: 'string', default: 'policies/reorient-cube' },
  'eval-episodes': { type: 'string', default: '20' },
  'eval-seed': { type: 'string', default: '10000' },
  workers: { type: 'string' },
  queue: { type: 'string' },
});
if (typeof parsed === 'number') process.exit(parsed);
const { values } = parsed;

function num(name: keyof typeof values): number {
  const v = Number(values[name]);
  if (!Number.isFinite(v)) process.exit(usageError('train:policy', HELP, `--${name} must be a number, not "${values[name]}"`));
  return v;
}

const opts = {
  ...DEFAULT_ES,
  seed: num('seed'),
  iterations: num('iterations'),
  pairs: num('pairs'),
  episodesPerCandidate: num('episodes'),
  sigma: num('sigma'),
  learningRate: num('lr'),
};
const out = String(values.out);
const workers = parseWorkers(values.workers);
if (typeof workers === 'string') process.exit(usageError('train:policy', HELP, workers));
const runner = await jobRunner('train', { workers, queue: values.queue, tty: process.stderr.isTTY });
const log = (s: string): void => void process.stderr.write(`${s}\n`);

log(
  `train: ES seed ${opts.seed}, ${opts.iterations} iterations × ${2 * opts.pairs} candidates × ${opts.episodesPerCandidate} episodes` +
    ` on ${values.queue ? `the queue at ${values.queue}` : workers === 0 ? 'this thread' : `${workers} worker thread${workers === 1 ? '' : 's'}`}`,
);
const res = await trainEs(opts, (s) => {
  log(
    `iter ${String(s.iteration).padStart(3)}  mean return ${s.meanReturn.toFixed(3).padStart(7)}  success ${(100 * s.successRate).toFixed(0).padStart(3)}%` +
      `  (centre ${s.centreReturn.toFixed(3)}, ${(100 * s.centreSuccessRate).toFixed(0)}%)  ${Math.round(s.physicsSteps / s.seconds)} steps/s`,
  );
}, evaluateOn(runner));
log(`train: ${res.seconds.toFixed(1)} s, ${res.physicsSteps} physics steps (${Math.round(res.physicsSteps / res.seconds)} steps/s)`);

const seeds = seedRange(num('eval-seed'), num('eval-episodes'));
const trained = await successStatsOn(runner, { kind: 'mlp', sizes: res.sizes, params: res.params }, seeds);
const zero = await successStatsOn(runner, { kind: 'zero' }, seeds);
const random = await successStatsOn(runner, { kind: 'random' }, seeds);
await runner.close();
log(`eval on ${seeds.length} seeded starts: trained ${trained.successes}/${seeds.length}, zero ${zero.successes}, random ${random.successes}`);

const name = basename(out);
const card: PolicyCard = {
  name,
  model: `${name}.onnx`,
  task: `Turn a 5 cm cube on a palm by ±90° in yaw (seeded start and direction) with two fingertips; success: orientation error < ${SUCCESS_TOLERANCE} rad within ${MAX_CONTROL_STEPS} control steps. A toy cube-on-palm task after Visual Dexterity, not its Allegro hand.`,
  env: 'src/policies/inhand-env.ts',
  rateHz: 1 / (PHYSICS_DT * SUBSTEPS),
  observation: {
    input: 'obs',
    size: OBS_LAYOUT.length,
    layout: [...OBS_LAYOUT],
    normalisation: 'fixed scales, in the layout names; nothing learned',
  },
  action: {
    output: 'action',
    size: ACTION_LAYOUT.length,
    layout: ACTION_LAYOUT.map((a) => `${a} (× ${MAX_FINGER_SPEED} m/s)`),
    range: [-1, 1],
  },
  network: { sizes: res.sizes, activation: 'tanh' },
  training: {
    method: 'evolution strategies, antithetic sampling, centred ranks, Adam',
    seed: opts.seed,
    iterations: opts.iterations,
    pairs: opts.pairs,
    episodesPerCandidate: opts.episodesPerCandidate,
    sigma: opts.sigma,
    learningRate: opts.learningRate,
    seconds: Math.round(res.seconds * 10) / 10,
    physicsSteps: res.physicsSteps,
  },
  evaluation: {
    episodes: seeds.length,
    firstSeed: seeds[0]!,
    toleranceRad: SUCCESS_TOLERANCE,
    successRate: trained.successRate,
    zeroPolicySuccessRate: zero.successRate,
    randomPolicySuccessRate: random.successRate,
    meanFinalErrorRad: Math.round(trained.meanFinalError * 1000) / 1000,
  },
};

mkdirSync(dirname(out) || '.', { recursive: true });
writeFileSync(`${out}.onnx`, mlpToOnnx(res.sizes, res.params, { docString: card.task }));
writeFileSync(`${out}.json`, `${JSON.stringify(card, null, 2)}\n`);
writeFileSync(`${out}.weights.json`, `${JSON.stringify({ sizes: res.sizes, params: Array.from(res.params) })}\n`);
log(`wrote ${out}.onnx, ${out}.json, ${out}.weights.json`);
process.stdout.write(
  `${JSON.stringify({ out, seconds: res.seconds, physicsSteps: res.physicsSteps, trained, zero, random, last: res.history.at(-1) }, null, 2)}\n`,
);
