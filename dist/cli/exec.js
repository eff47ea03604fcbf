import { readFile } from 'node:fs/promises';
import { loadScene } from "../scene/file.js";
import { withPoseNoise } from "../scene/variants.js";
import { createSim } from "../sim/create.js";
import { checkGoal } from "../sim/predicates.js";
import { SimBackend } from "../sim/backend/sim-backend.js";
import { connectRobot } from "./robot.js";
import { runProgram } from "../skills/sandbox.js";
import { shown } from "./progress.js";
import { errorMessage, interruptible, INTERRUPTED, parseCommandArgs, usageError as printUsageError } from "./options.js";
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
1 when it stopped on an error, a budget or a safety stop; 2 for bad usage.`;
/** `robotool exec PROGRAM.js --scene TASK`. */
export default async function execCommand(argv) {
    const parsed = parseCommandArgs('exec', HELP, argv, {
        scene: { type: 'string' },
        seed: { type: 'string' },
        workspace: { type: 'string', default: 'clamp' },
        robot: { type: 'string' },
        timeout: { type: 'string', default: '60' },
        json: { type: 'boolean', default: false },
    });
    if (typeof parsed === 'number')
        return parsed;
    const { values, positionals } = parsed;
    const [file, ...extra] = positionals;
    if (!file || extra.length > 0)
        return usageError(file ? `one program file, not ${positionals.length}` : 'give a program file');
    if (!values.scene)
        return usageError('--scene is required');
    if (values.workspace !== 'clamp' && values.workspace !== 'reject')
        return usageError(`--workspace must be clamp or reject, not "${values.workspace}"`);
    const seed = values.seed === undefined ? undefined : Number(values.seed);
    if (seed !== undefined && !Number.isInteger(seed))
        return usageError(`--seed must be an integer, not "${values.seed}"`);
    const timeout = Number(values.timeout);
    if (!(timeout > 0))
        return usageError(`--timeout must be a positive number of seconds, not "${values.timeout}"`);
    let source;
    let scene;
    try {
        source = await readFile(file, 'utf8');
        scene = await loadScene(values.scene);
        if (seed !== undefined)
            scene = withPoseNoise(scene, { seed, poseNoise: 0.01 });
    }
    catch (err) {
        process.stderr.write(`robotool exec: ${errorMessage(err)}\n`);
        return 2;
    }
    const live = !values.json;
    let n = 0;
    const trace = {
        ...(live ? { onCall: (c) => void process.stdout.write(`${String(++n).padStart(3)}. ${formatCall(c)}\n`) } : {}),
        ...(live ? { onLog: (line) => void process.stdout.write(`     log: ${line}\n`) } : {}),
    };
    let run;
    let goal;
    const interrupt = interruptible('exec');
    const runOpts = { ...trace, signal: interrupt.signal };
    try {
        if (values.robot) {
            const backend = await connectRobot('exec', values.robot, scene, values.workspace, timeout);
            if (typeof backend === 'number')
                return backend;
            try {
                run = await runProgram(source, backend, runOpts);
            }
            finally {
                await backend.close();
            }
            goal = { success: run.ok, reason: 'on hardware: the task predicate is not checked (no simulated world to check it in)' };
        }
        else {
            const sim = await createSim(scene);
            try {
                run = await runProgram(source, new SimBackend(sim, { workspacePolicy: values.workspace }), runOpts);
                goal = checkGoal(sim, scene.goal);
            }
            finally {
                sim.free();
            }
        }
    }
    finally {
        interrupt.dispose();
    }
    if (values.json) {
        process.stdout.write(JSON.stringify(execReport(run, goal), null, 2) + '\n');
    }
    else {
        for (const e of run.events)
            process.stdout.write(`${e.type === 'warning' ? 'warning' : 'SAFETY STOP'}: ${e.message}\n`);
        process.stdout.write(`outcome: ${run.ok && goal.success ? 'success' : 'failure'}: ${goal.reason}\n`);
    }
    if (run.error) {
        const where = run.error.line ? ` (${file}:${run.error.line}${run.error.column ? `:${run.error.column}` : ''})` : '';
        process.stderr.write(`robotool exec: ${run.error.type}: ${run.error.message}${where}\n`);
    }
    return run.ok ? 0 : interrupt.signal.aborted ? INTERRUPTED : 1;
}
/** The `--json` report. `success`: the program ran to its end and the task's predicate holds. */
export function execReport(run, goal) {
    return {
        success: run.ok && goal.success,
        calls: run.calls,
        events: run.events,
        error: run.error,
        goal,
        output: run.output,
        usage: run.usage,
    };
}
function formatCall(c) {
    const args = c.args.map(shown).join(', ');
    const value = c.value === undefined ? '' : ` → ${shown(c.value)}`;
    const note = [c.message, ...c.warnings].filter(Boolean).join('; ');
    return `${c.skill}(${args})${value}  [${c.status}, ${c.seconds.toFixed(2)} s]${note ? `  ${note}` : ''}`;
}
function usageError(message) {
    return printUsageError('exec', HELP, message);
}
//# sourceMappingURL=exec.js.map