import { resolve } from 'node:path';
import { z } from 'zod';
import { loadScene } from '../scene/file.ts';
import { withPoseNoise } from '../scene/variants.ts';
import { createSimEpisode } from '../episode/sim-episode.ts';
import { createPlanner } from '../planner/create.ts';
import type { EpisodePlanner } from '../episode/episode.ts';
import type { EpisodeEvent } from '../episode/events.ts';
import { sandboxRunner } from '../episode/sandbox-runner.ts';
import { arg, checkOptions, CliError, cliCommand, errorMessage, interruptible, LINK_FAULT, parseCommandArgs, refuse, UsageError } from './options.ts';
import { progressPrinter } from './progress.ts';
import type { RunSinks } from './run-sinks.ts';
import { fromEvent, lastValueFrom, takeUntil, tap, toArray } from 'rxjs';
import type { BridgeBackend } from '../bridge/index.ts';
import { closeRobot, connectRobot, linkFault } from './robot.ts';

const HELP = `usage: robotool run "COMMAND" --scene TASK|FILE [options]

Plans the command, tries the program in a simulated twin, then runs it in the simulator or,
with --robot, on a real robot whose cell the scene file describes.

options:
  --scene TASK|FILE        a bundled task (reach-milk, grasp-can, press-button, traverse-sofa,
                           push-vase, climb-sofa) or a scene file (required)
  --planner search|llm     search: no model (default when no model is configured);
                           llm: the Analyzer → Planner → Calculator → Coder chain
  --stages LIST            LLM ablations: coder | planner,coder | analyzer,planner,coder |
                           planner,calculator,coder | analyzer,planner,calculator,coder (default)
  --config FILE            robotool.config.json with an "llm" section (default ./robotool.config.json)
  --seed N                 perturb object positions by ±1 cm with this seed
  --max-repairs N          repair rounds after a failed program (LLM; default 2)
  --workspace clamp|reject what to do with arm targets outside the workspace (default clamp)
  --unverified             run without trying the program in a twin first (explicit override)
  --transcript FILE        where to save every prompt and answer (LLM; default transcripts/<time>.json)
  --view                   open the live 3-D view on localhost while the episode runs
  --keep-open              with --view: keep the view up after the episode until Ctrl-C
  --record FILE.mcap       record poses, skill calls and events (opens in Foxglove)
  --png FILE.png           render the final scene headlessly
  --stream                 print the model's text as it streams in
  --verbose                print the skill calls of verification runs too
  --robot URL              execute on a real robot: mqtt://host:1883[?prefix=P] or ros://host:9090;
                           planning and verification use the scene, the scene's limits guard
                           the robot, and the task predicate is not checked on hardware
  --timeout S              with --robot: seconds each skill call may take (default 60)
  --json                   print one JSON object instead of progress
  --debug                  print the stack trace of an error

exit status: 0 when the task succeeded, 1 when it did not, 2 for bad usage or configuration
(an unknown flag or scene, a bad value, an invalid scene file, an output that cannot be written).

exit status: 0 success; 1 failure; 2 bad usage; 3 with --robot when the robot could not be
reached or controlled, or the link to it failed (--json "fault"); 130/143/129 after
SIGINT/SIGTERM/SIGHUP.

environment: ROBOTOOL_LLM_BASE_URL, ROBOTOOL_LLM_MODEL, OPENAI_API_KEY (see README).`;

/** Checked options of `robotool run`. */
const RunOptions = z.object({
  scene: arg.text().optional(),
  planner: arg.choice(['search', 'llm']).optional(),
  stages: arg.text().optional(),
  config: arg.text().optional(),
  seed: arg.int(0, 0xffffffff).optional(),
  'max-repairs': arg.int(0, 10).optional(),
  workspace: arg.choice(['clamp', 'reject']).optional(),
  unverified: z.boolean(),
  transcript: arg.outFile().optional(),
  view: z.boolean(),
  'keep-open': z.boolean(),
  record: arg.outFile().optional(),
  png: arg.outFile().optional(),
  stream: z.boolean(),
  verbose: z.boolean(),
  robot: arg.text().optional(),
  timeout: arg.number(0, 3600, 's', { exclusiveMin: true }).optional(),
  json: z.boolean(),
});

/** What `robotool view --scene X "COMMAND"` passes on to the run: where and how to serve the live view. */
export interface LiveViewOptions {
  port?: number;
  host?: string;
  openBrowser?: boolean;
}

/** `robotool run "COMMAND" --scene TASK`. */
export default cliCommand('run', (argv) => runMain(argv));

/** `robotool run`, with the live view's server options when `view` starts it. */
export async function runMain(argv: string[], live: LiveViewOptions = {}): Promise<number> {
  const parsed = parseCommandArgs('run', HELP, argv, {
    scene: { type: 'string' },
    planner: { type: 'string' },
    stages: { type: 'string' },
    config: { type: 'string' },
    seed: { type: 'string' },
    'max-repairs': { type: 'string' },
    workspace: { type: 'string' },
    unverified: { type: 'boolean', default: false },
    transcript: { type: 'string' },
    view: { type: 'boolean', default: false },
    'keep-open': { type: 'boolean', default: false },
    record: { type: 'string' },
    png: { type: 'string' },
    stream: { type: 'boolean', default: false },
    verbose: { type: 'boolean', default: false },
    robot: { type: 'string' },
    timeout: { type: 'string' },
    json: { type: 'boolean', default: false },
  });
  if (typeof parsed === 'number') return parsed;
  const values = checkOptions(RunOptions, parsed.values);
  const command = parsed.positionals.join(' ').trim();
  if (!command) throw new UsageError('give a command in quotes, e.g. robotool run "grasp the milk" --scene reach-milk');
  if (!values.scene) throw new UsageError('--scene is required');
  if (values.robot) refuse(values, ['view', 'record', 'png', 'keep-open'], 'shows the simulated world; with --robot nothing simulated moves (--view, --record and --png show the simulated world)');
  else refuse(values, ['timeout'], 'applies to --robot only (seconds each skill call on hardware may take)');
  if (!values.view) refuse(values, ['keep-open'], 'needs --view');
  const outputs = [values.record, values.png, values.transcript].filter((f): f is string => f !== undefined).map((f) => resolve(f));
  if (new Set(outputs).size < outputs.length) throw new UsageError('--record, --png and --transcript name the same file');
  const workspace = values.workspace ?? 'clamp';
  const timeout = values.timeout ?? 60;

  let scene = await loadScene(values.scene);
  if (scene.robot.kind !== 'arm') refuse(values, ['workspace'], `applies to arm scenes; ${values.scene} has a ${scene.robot.kind}`);
  if (values.seed !== undefined) scene = withPoseNoise(scene, { seed: values.seed, poseNoise: 0.01 });

  const out = (text: string): void => void process.stderr.write(text);
  const planner = await choosePlanner(values, out);

  let robot: BridgeBackend | undefined;
  if (values.robot) {
    const connected = await connectRobot('run', values.robot, scene, workspace, timeout);
    if (typeof connected === 'number') return connected;
    robot = connected;
  }

  let sinks: RunSinks;
  try {
    sinks = await openSinks({ ...values, live, holdView: values['keep-open'] }, out);
  } catch (err) {
    // A sink that cannot open (an unwritable --record path, a view port in use): one line, no stack trace.
    // Nothing has been planned yet, so there is no transcript to write.
    await robot?.close();
    throw err instanceof CliError ? err : new CliError(errorMessage(err), 2, { cause: err });
  }
  const ep = await createSimEpisode({
    ...(robot ? { robot } : {}),
    scene,
    command,
    planner: planner.planner,
    runProgram: sandboxRunner({}),
    workspacePolicy: workspace,
    unverified: values.unverified,
    ...(values['max-repairs'] !== undefined ? { maxRepairRounds: values['max-repairs'] } : {}),
    ...(sinks.onFrame ? { onFrame: sinks.onFrame, frameEvery: 8 } : {}),
  });
  const show = values.json ? () => {} : progressPrinter(out, { stream: values.stream, verbose: values.verbose, hardware: robot !== undefined });
  let events: EpisodeEvent[] = [];
  // Ctrl-C unsubscribes from the episode, which cancels what runs and stops the robot.
  const interrupt = interruptible('run');
  try {
    sinks.start?.(ep.sim);
    events = await lastValueFrom(
      ep.events$.pipe(
        takeUntil(fromEvent(interrupt.signal, 'abort')),
        tap((e) => {
          show(e);
          sinks.event?.(e);
        }),
        toArray(),
      ),
    );
    await sinks.finish?.(ep.sim);
  } finally {
    interrupt.dispose();
    ep.free();
    // The episode's teardown already asked for a stop; this one is awaited before the link closes.
    if (interrupt.signal.aborted) await robot?.stop(errorMessage(interrupt.signal.reason)).catch(() => undefined);
    await planner.finish?.();
    await sinks.close?.();
  }
  const fault = robot ? linkFault(robot) : null;
  const outcome = events.findLast((e) => e.type === 'outcome');
  if (values.json) {
    process.stdout.write(JSON.stringify(jsonReport(events, fault), null, 2) + '\n');
  } else if (outcome?.type === 'outcome' && outcome.program) {
    process.stdout.write(`\nprogram:\n${outcome.program}\n`);
  }
  if (fault && !values.json) out(`robotool run: LINK FAULT (${fault.kind}): ${fault.message}\n`);
  // The outcome is out; now the link is closed (after a fault, waiting a grace period for a path to deliver the stop).
  if (robot) await closeRobot('run', robot);
  if (interrupt.signal.aborted && outcome?.type !== 'outcome') {
    out('robotool run: interrupted before the episode ended\n');
    return interrupt.exitCode;
  }
  if (fault) return LINK_FAULT;
  return outcome?.type === 'outcome' && outcome.success ? 0 : 1;
}

interface ChosenPlanner {
  planner: EpisodePlanner;
  finish?: () => Promise<void>;
}

async function choosePlanner(
  values: { planner?: 'search' | 'llm' | undefined; stages?: string | undefined; config?: string | undefined; transcript?: string | undefined; 'max-repairs'?: number | undefined; stream: boolean },
  out: (text: string) => void,
): Promise<ChosenPlanner> {
  let kind = values.planner;
  if (kind === undefined) {
    // No --planner: the LLM chain when a model is configured, else the search planner.
    const { loadLlmConfig } = await import('../planner/llm/llm-config.ts');
    try {
      kind = (await loadLlmConfig(values.config ? { configPath: values.config } : {})) ? 'llm' : 'search';
    } catch (err) {
      throw new CliError(errorMessage(err), 2, { cause: err });
    }
  }
  if (kind === 'search') {
    const why = values.planner ? 'applies to the llm planner only' : 'applies to the llm planner only, and no model is configured (see README: Using a language model)';
    refuse(values, ['stages', 'max-repairs', 'transcript', 'stream'], why);
  }
  let created;
  try {
    created = await createPlanner({ planner: kind, stages: values.stages, configPath: values.config, transcript: values.transcript ?? 'default' });
  } catch (err) {
    throw new CliError(errorMessage(err), 2, { cause: err });
  }
  if (created.planner.kind === 'search') return { planner: created.planner };
  return {
    planner: created.planner,
    finish: async () => {
      const file = await created.finish();
      if (file) out(`transcript: ${file}\n`);
    },
  };
}

async function openSinks(
  values: { view: boolean; record?: string | undefined; png?: string | undefined; holdView: boolean; live: LiveViewOptions },
  out: (text: string) => void,
): Promise<RunSinks> {
  const { openRunSinks } = await import('./run-sinks.ts');
  return openRunSinks(
    {
      view: values.view,
      record: values.record,
      png: values.png,
      ...(values.holdView ? { holdView: true } : {}),
      ...(values.live.openBrowser !== undefined ? { openBrowser: values.live.openBrowser } : {}),
      server: { ...(values.live.port !== undefined ? { port: values.live.port } : {}), ...(values.live.host !== undefined ? { host: values.live.host } : {}) },
    },
    out,
  );
}

/** The `--json` report: success, program, each stage's output and tokens, rounds, error, and on a robot the link `fault` (null when the link held). */
export function jsonReport(events: EpisodeEvent[], fault: { kind: string; message: string } | null = null): Record<string, unknown> {
  const outcome = events.findLast((e) => e.type === 'outcome');
  const stages: Record<string, unknown> = {};
  for (const e of events) {
    if (e.type === 'stage-finished') stages[e.stage] = { output: e.output, tokens: e.tokens ?? null, seconds: e.seconds, round: e.round };
  }
  return {
    success: outcome?.type === 'outcome' ? outcome.success && fault === null : false,
    fault,
    program: outcome?.type === 'outcome' ? outcome.program : null,
    stages,
    rounds: outcome?.type === 'outcome' ? outcome.rounds : 0,
    candidates: events.filter((e) => e.type === 'candidate'),
    calls: events.flatMap((e) => (e.type === 'skill-call' && e.phase === 'execute' ? [e.call] : [])),
    warnings: events.flatMap((e) => (e.type === 'warning' ? [e.message] : [])),
    reason: outcome?.type === 'outcome' ? outcome.reason : 'no outcome',
    // The goal the outcome judged, and where it came from: command, analyzer or scene.
    goal: outcome?.type === 'outcome' ? outcome.goal : null,
    goalSource: outcome?.type === 'outcome' ? outcome.goalSource : null,
    error: outcome?.type === 'outcome' ? outcome.error : { type: 'NoOutcome', message: 'the episode ended without an outcome' },
  };
}
