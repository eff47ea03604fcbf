import { readFile } from 'node:fs/promises';
import { loadScene } from '../scene/file.ts';
import { withPoseNoise } from '../scene/variants.ts';
import { createSim } from '../sim/create.ts';
import { checkGoal, type GoalCheck } from '../sim/predicates.ts';
import type { Scene } from '../scene/schema.ts';
import type { CallRecord } from '../episode/events.ts';
import { SimBackend } from '../sim/backend/sim-backend.ts';
import { closeRobot, connectRobot, linkFault } from './robot.ts';
import { runProgram, type SandboxRun } from '../skills/sandbox.ts';
import { shown } from './progress.ts';
import { z } from 'zod';
import { arg, checkOptions, CliError, cliCommand, inputPathProblem, interruptible, LINK_FAULT, parseCommandArgs, refuse, UsageError } from './options.ts';

const HELP = `usage: robotool exec PROGRAM.js --scene TASK|FILE [options]

Runs a program in the simulator (or, with --robot, on a real robot) through the sandbox and the
safety envelope, and prints the trace of skill calls, warnings, and the outcome.

options:
  --scene TASK|FILE        a bundled task (reach-milk, grasp-can, …) or a scene file (required)
  --seed N                 perturb object positions by ±1 cm with this seed
  --workspace clamp|reject what to do with arm targets outside the workspace (default clamp)
  --robot URL              run on hardware instead: mqtt://host:1883[?prefix=P] or ros://host:9090
                           (rosbridge); the scene gives the robot kind and the safety limits
                           (workspace, keep-out zones, top speed); no predicate is checked
  --timeout S              with --robot: seconds each skill call may take (default 60)
  --json                   print one JSON object: success, calls, events, error, goal, output, usage
  -h, --help               this help

exit status: 0 when the program ran to its end (whatever the task's predicate says);
1 when it stopped on an error, a budget or a safety stop; 2 for bad usage or configuration
(an unknown flag or scene, a bad value, a missing program file, an invalid scene file); 3 when
the robot could not be reached or controlled, or the link to it failed during the run (broker,
network or robot lost; --json reports it as "fault"); 130, 143, 129 after SIGINT, SIGTERM, SIGHUP.`;

const ExecOptions = z.object({
  scene: arg.text().optional(),
  seed: arg.int(0, 0xffffffff).optional(),
  workspace: arg.choice(['clamp', 'reject']).optional(),
  robot: arg.text().optional(),
  timeout: arg.number(0, 3600, 's', { exclusiveMin: true }).optional(),
  json: z.boolean(),
});

/** `robotool exec PROGRAM.js --scene TASK`. */
export default cliCommand('exec', async (argv) => {
  const parsed = parseCommandArgs('exec', HELP, argv, {
    scene: { type: 'string' },
    seed: { type: 'string' },
    workspace: { type: 'string' },
    robot: { type: 'string' },
    timeout: { type: 'string' },
    json: { type: 'boolean', default: false },
  });
  if (typeof parsed === 'number') return parsed;
  const values = checkOptions(ExecOptions, parsed.values);
  const { positionals } = parsed;
  const [file, ...extra] = positionals;
  if (!file || extra.length > 0) throw new UsageError(file ? `one program file, not ${positionals.length}` : 'give a program file');
  if (!values.scene) throw new UsageError('--scene is required');
  if (!values.robot) refuse(values, ['timeout'], 'applies to --robot only (seconds each skill call on hardware may take)');
  const seed = values.seed;
  const timeout = values.timeout ?? 60;
  const workspace = values.workspace ?? 'clamp';
  const problem = inputPathProblem(file, 'program file');
  if (problem) throw new CliError(problem);

  const source = await readFile(file, 'utf8');
  let scene: Scene = await loadScene(values.scene);
  if (scene.robot.kind !== 'arm') refuse(values, ['workspace'], `applies to arm scenes; ${values.scene} has a ${scene.robot.kind}`);
  if (seed !== undefined) scene = withPoseNoise(scene, { seed, poseNoise: 0.01 });

  const live = !values.json;
  let n = 0;
  const trace = {
    ...(live ? { onCall: (c: CallRecord) => void process.stdout.write(`${String(++n).padStart(3)}. ${formatCall(c, values.robot ? 's' : 'sim s')}\n`) } : {}),
    ...(live ? { onLog: (line: string) => void process.stdout.write(`     log: ${line}\n`) } : {}),
  };
  let run: SandboxRun;
  let goal: GoalCheck;
  let fault: ReturnType<typeof linkFault> = null;
  /** Closes the robot's link after the outcome is out: after a fault that can take a grace period to deliver the stop. */
  let closeLink: (() => Promise<void>) | null = null;
  const interrupt = interruptible('exec');
  const runOpts = { ...trace, signal: interrupt.signal };
  try {
    if (values.robot) {
      const backend = await connectRobot('exec', values.robot, scene, workspace, timeout);
      if (typeof backend === 'number') return backend;
      try {
        run = await runProgram(source, backend, runOpts);
        fault = linkFault(backend);
      } finally {
        closeLink = () => closeRobot('exec', backend);
      }
      goal = { success: run.ok, reason: 'on hardware: the task predicate is not checked (no simulated world to check it in)' };
    } else {
      const sim = await createSim(scene);
      try {
        run = await runProgram(source, new SimBackend(sim, { workspacePolicy: workspace }), runOpts);
        goal = checkGoal(sim, scene.goal);
      } finally {
        sim.free();
      }
    }
  } catch (err) {
    await closeLink?.();
    throw err;
  } finally {
    interrupt.dispose();
  }

  if (values.json) {
    process.stdout.write(JSON.stringify(execReport(run, goal, fault), null, 2) + '\n');
  } else {
    for (const e of run.events) process.stdout.write(`${e.type === 'warning' ? 'warning' : 'SAFETY STOP'}: ${e.message}\n`);
    if (fault) process.stdout.write(`LINK FAULT (${fault.kind}): ${fault.message}\n`);
    process.stdout.write(`outcome: ${run.ok && goal.success ? 'success' : 'failure'}: ${goal.reason}\n`);
  }
  if (run.error) {
    const where = run.error.line ? ` (${file}:${run.error.line}${run.error.column ? `:${run.error.column}` : ''})` : '';
    process.stderr.write(`robotool exec: ${run.error.type}: ${run.error.message}${where}\n`);
  }
  // The outcome is out; now the link is closed (after a fault, waiting a grace period for a path to deliver the stop).
  await closeLink?.();
  if (interrupt.signal.aborted) return interrupt.exitCode;
  return fault ? LINK_FAULT : run.ok ? 0 : 1;
});

/**
 * The `--json` report. `success`: the program ran to its end and the task's predicate holds;
 * `fault`: on a robot, the link failure that ended the run (`{kind, message}`), else null.
 */
export function execReport(run: SandboxRun, goal: GoalCheck, fault: { kind: string; message: string } | null = null): Record<string, unknown> {
  return {
    success: run.ok && goal.success && fault === null,
    fault,
    calls: run.calls,
    events: run.events,
    error: run.error,
    goal,
    output: run.output,
    usage: run.usage,
  };
}

/** One trace line; a call's time is simulated in the simulator, wall-clock on a real robot. */
function formatCall(c: CallRecord, unit: 'sim s' | 's'): string {
  const args = c.args.map(shown).join(', ');
  const value = c.value === undefined ? '' : ` → ${shown(c.value)}`;
  const note = [c.message, ...c.warnings].filter(Boolean).join('; ');
  return `${c.skill}(${args})${value}  [${c.status}, ${c.seconds.toFixed(2)} ${unit}]${note ? `  ${note}` : ''}`;
}
