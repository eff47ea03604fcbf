import { loadScene } from '../scene/file.ts';
import { withPoseNoise } from '../scene/variants.ts';
import type { Scene } from '../scene/schema.ts';
import { createSimEpisode } from '../episode/sim-episode.ts';
import { createPlanner } from '../planner/create.ts';
import type { EpisodePlanner } from '../episode/episode.ts';
import type { EpisodeEvent } from '../episode/events.ts';
import { sandboxRunner } from '../episode/sandbox-runner.ts';
import { errorMessage, interruptible, LINK_FAULT, parseCommandArgs, usageError } from './options.ts';
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
  --record FILE.mcap       record poses, skill calls and events (opens in Foxglove)
  --png FILE.png           render the final scene headlessly
  --stream                 print the model's text as it streams in
  --verbose                print the skill calls of verification runs too
  --robot URL              execute on a real robot: mqtt://host:1883[?prefix=P] or ros://host:9090;
                           planning and verification use the scene, the scene's limits guard
                           the robot, and the task predicate is not checked on hardware
  --timeout S              with --robot: seconds each skill call may take (default 60)
  --json                   print one JSON object instead of progress

exit status: 0 success; 1 failure; 2 bad usage; 3 with --robot when the robot could not be
reached or controlled, or the link to it failed (--json "fault"); 130/143/129 after
SIGINT/SIGTERM/SIGHUP.

environment: ROBOTOOL_LLM_BASE_URL, ROBOTOOL_LLM_MODEL, OPENAI_API_KEY (see README).`;

/** `robotool run "COMMAND" --scene TASK`. */
export default async function runCommand(argv: string[]): Promise<number> {
  const parsed = parseCommandArgs('run', HELP, argv, {
    scene: { type: 'string' },
    planner: { type: 'string' },
    stages: { type: 'string' },
    config: { type: 'string' },
    seed: { type: 'string' },
    'max-repairs': { type: 'string' },
    workspace: { type: 'string', default: 'clamp' },
    unverified: { type: 'boolean', default: false },
    transcript: { type: 'string' },
    view: { type: 'boolean', default: false },
    record: { type: 'string' },
    png: { type: 'string' },
    stream: { type: 'boolean', default: false },
    verbose: { type: 'boolean', default: false },
    robot: { type: 'string' },
    timeout: { type: 'string', default: '60' },
    json: { type: 'boolean', default: false },
  });
  if (typeof parsed === 'number') return parsed;
  const { values, positionals } = parsed;
  const command = positionals.join(' ').trim();
  if (!command || !values.scene) return usageError('run', HELP, !command ? 'give a command in quotes' : '--scene is required');
  if (values.workspace !== 'clamp' && values.workspace !== 'reject') {
    process.stderr.write(`robotool run: --workspace must be clamp or reject, not "${values.workspace}"\n`);
    return 2;
  }
  if (values.robot && (values.view || values.record || values.png)) {
    return usageError('run', HELP, '--view, --record and --png show the simulated world; with --robot nothing simulated moves');
  }
  const timeout = Number(values.timeout);
  if (!(timeout > 0)) return usageError('run', HELP, `--timeout must be a positive number of seconds, not "${values.timeout}"`);
  let scene: Scene;
  try {
    scene = await loadScene(values.scene);
    if (values.seed !== undefined) scene = withPoseNoise(scene, { seed: Number(values.seed), poseNoise: 0.01 });
  } catch (err) {
    process.stderr.write(`robotool run: ${errorMessage(err)}\n`);
    return 1;
  }

  const out = (text: string): void => void process.stderr.write(text);
  const planner = await choosePlanner(values, out);
  if (typeof planner === 'number') return planner;

  let robot: BridgeBackend | undefined;
  if (values.robot) {
    const connected = await connectRobot('run', values.robot, scene, values.workspace, timeout);
    if (typeof connected === 'number') return connected;
    robot = connected;
  }

  let sinks: RunSinks;
  try {
    sinks = await openSinks(values, out);
  } catch (err) {
    // A sink that cannot open (an unwritable --record path, a view port in use): one line, no stack trace.
    // Nothing has been planned yet, so there is no transcript to write.
    out(`robotool run: ${errorMessage(err)}\n`);
    await robot?.close();
    return 2;
  }
  const ep = await createSimEpisode({
    ...(robot ? { robot } : {}),
    scene,
    command,
    planner: planner.planner,
    runProgram: sandboxRunner({}),
    workspacePolicy: values.workspace,
    unverified: values.unverified,
    ...(values['max-repairs'] !== undefined ? { maxRepairRounds: Number(values['max-repairs']) } : {}),
    ...(sinks.onFrame ? { onFrame: sinks.onFrame, frameEvery: 8 } : {}),
  });
  const show = values.json ? () => {} : progressPrinter(out, { stream: values.stream, verbose: values.verbose });
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
  values: { planner?: string | undefined; stages?: string | undefined; config?: string | undefined; transcript?: string | undefined },
  out: (text: string) => void,
): Promise<ChosenPlanner | number> {
  try {
    const created = await createPlanner({
      planner: values.planner,
      stages: values.stages,
      configPath: values.config,
      transcript: values.transcript ?? 'default',
    });
    if (created.planner.kind === 'search') return { planner: created.planner };
    return {
      planner: created.planner,
      finish: async () => {
        const file = await created.finish();
        if (file) out(`transcript: ${file}\n`);
      },
    };
  } catch (err) {
    out(`robotool run: ${errorMessage(err)}\n`);
    return 2;
  }
}

async function openSinks(
  values: { view: boolean; record?: string | undefined; png?: string | undefined },
  out: (text: string) => void,
): Promise<RunSinks> {
  const { openRunSinks } = await import('./run-sinks.ts');
  return openRunSinks(values, out);
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
