import { writeFile } from 'node:fs/promises';
import { z } from 'zod';
import { SceneError, SceneNotFoundError, loadScene, sceneJsonSchema, TASKS } from '../scene/file.ts';
import { createSim } from '../sim/create.ts';
import { observeGroundTruth } from '../sim/ground-truth.ts';
import { renderSceneText } from '../planner/prompts/scene-text.ts';
import { arg, checkOptions, CliError, cliCommand, closest, errorMessage, inputPathProblem, parseCommandArgs, reportFailure, UsageError } from './options.ts';
import { plural } from './progress.ts';
import { describeGoal } from '../scene/goal-text.ts';

const HELP = `usage:
  robotool scene check FILE...        validate scene files: the schema, then sanity (overlaps,
                                      objects in the robot, below the ground or floating, grasp
                                      points off their object, implausible numbers, reserved
                                      names, goals the robot cannot have); each problem names
                                      its JSON path
  robotool scene describe TASK|FILE   print the scene in RoboTool's text format [--json]
  robotool scene schema [--out FILE]  print (or write) the JSON Schema of scene files
  robotool scene list                 the bundled tasks

exit status: scene check 0 when every file is valid, 1 when one is invalid, 2 when one cannot
be read; 2 for bad usage everywhere.`;

const SUBCOMMANDS = ['check', 'describe', 'schema', 'list'] as const;

/** `robotool scene …`: scene files. */
export default cliCommand('scene', async (argv) => {
  const [first, ...others] = argv;
  // `robotool scene --help` and `robotool scene -h` ask for help, not for a subcommand "--help".
  if (first === undefined || first === '--help' || first === '-h') {
    (first ? process.stdout : process.stderr).write(HELP + '\n');
    return first ? 0 : 2;
  }
  const sub = first;
  const name = `scene ${sub}`;
  try {
    return await subcommand(sub, name, others);
  } catch (err) {
    // Errors name the subcommand: `robotool scene check: …`.
    return reportFailure((SUBCOMMANDS as readonly string[]).includes(sub) ? name : 'scene', err);
  }
});

async function subcommand(sub: string, name: string, others: string[]): Promise<number> {
  switch (sub) {
    case 'check': {
      const parsed = parseCommandArgs(name, HELP, others, {});
      if (typeof parsed === 'number') return parsed;
      return check(parsed.positionals);
    }
    case 'describe': {
      const parsed = parseCommandArgs(name, HELP, others, { json: { type: 'boolean', default: false } });
      if (typeof parsed === 'number') return parsed;
      const [task, ...extra] = parsed.positionals;
      if (!task) throw new UsageError(`name a task (${TASKS.join(', ')}) or a scene file`);
      if (extra.length) throw new UsageError(`one task or file, not ${parsed.positionals.length}`);
      return describe(task, parsed.values.json);
    }
    case 'schema': {
      const parsed = parseCommandArgs(name, HELP, others, { out: { type: 'string' } });
      if (typeof parsed === 'number') return parsed;
      if (parsed.positionals.length) throw new UsageError(`unexpected argument "${parsed.positionals[0]}"; write to a file with --out FILE`);
      const values = checkOptions(z.object({ out: arg.outFile().optional() }), parsed.values);
      const text = JSON.stringify(sceneJsonSchema(), null, 2) + '\n';
      if (values.out) {
        await writeFile(values.out, text);
        process.stderr.write(`schema: ${values.out}\n`);
      } else process.stdout.write(text);
      return 0;
    }
    case 'list': {
      const parsed = parseCommandArgs(name, HELP, others, {});
      if (typeof parsed === 'number') return parsed;
      if (parsed.positionals.length) throw new UsageError(`unexpected argument "${parsed.positionals[0]}"`);
      process.stdout.write(TASKS.join('\n') + '\n');
      return 0;
    }
    default: {
      const near = closest(sub, SUBCOMMANDS);
      throw new UsageError(`unknown subcommand "${sub}"${near ? `; did you mean ${near}?` : ''} (subcommands: ${SUBCOMMANDS.join(', ')})`);
    }
  }
}

async function check(files: string[]): Promise<number> {
  if (files.length === 0) throw new UsageError('name at least one scene file');
  let invalid = 0;
  let unreadable = 0;
  for (const f of files) {
    // Paths are printed as given; a name without .json or / may also be a bundled task.
    const looksLikeFile = f.endsWith('.json') || f.includes('/');
    const missing = looksLikeFile ? inputPathProblem(f, 'scene file') : undefined;
    if (missing) {
      unreadable++;
      process.stderr.write(`${f}: ${missing}\n`);
      continue;
    }
    try {
      const scene = await loadScene(f);
      process.stdout.write(`${f}: ok (${scene.robot.kind}, ${plural(scene.objects.length, 'object')}, goal ${describeGoal(scene.goal)})\n`);
    } catch (err) {
      if (err instanceof SceneNotFoundError) {
        unreadable++;
        process.stderr.write(`${f}: ${err.problems[0]?.message ?? 'not found'}\n`);
      } else if (err instanceof SceneError) {
        invalid++;
        process.stderr.write(`${f}: invalid scene\n${err.problems.map((p) => `  ${p.path || '(root)'}: ${p.message}`).join('\n')}\n`);
      } else {
        unreadable++;
        process.stderr.write(`${f}: ${errorMessage(err)}\n`);
      }
    }
  }
  return unreadable ? 2 : invalid ? 1 : 0;
}

async function describe(nameOrFile: string, json: boolean): Promise<number> {
  let scene;
  try {
    scene = await loadScene(nameOrFile);
  } catch (err) {
    if (err instanceof SceneError) throw err;
    throw new CliError(errorMessage(err), 2, { cause: err });
  }
  const sim = await createSim(scene);
  try {
    const obs = observeGroundTruth(sim);
    process.stdout.write(json ? JSON.stringify(obs, null, 2) + '\n' : renderSceneText(obs) + '\n');
  } finally {
    sim.free();
  }
  return 0;
}
