import { writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { SceneError, loadScene, sceneJsonSchema, TASKS } from "../scene/file.js";
import { createSim } from "../sim/create.js";
import { observeGroundTruth } from "../sim/ground-truth.js";
import { renderSceneText } from "../planner/prompts/scene-text.js";
const HELP = `usage:
  robotool scene check FILE...        validate scene files; each problem names its JSON path
  robotool scene describe TASK|FILE   print the scene in RoboTool's text format [--json]
  robotool scene schema [--out FILE]  print (or write) the JSON Schema of scene files
  robotool scene list                 the bundled tasks`;
/** `robotool scene …`: scene files. */
export default async function sceneCommand(argv) {
    const [first, ...others] = argv;
    // `robotool scene --help` and `robotool scene -h` ask for help, not for a subcommand "--help".
    const asksHelp = first === '--help' || first === '-h';
    const sub = asksHelp ? others[0] : first;
    const rest = asksHelp ? ['--help', ...others.slice(1)] : others;
    const { values, positionals } = parseArgs({
        args: rest,
        allowPositionals: true,
        options: { out: { type: 'string' }, json: { type: 'boolean', default: false }, help: { type: 'boolean', short: 'h' } },
    });
    if (values.help || !sub) {
        process.stdout.write(HELP + '\n');
        return values.help ? 0 : 2;
    }
    switch (sub) {
        case 'check':
            return check(positionals);
        case 'describe':
            return describe(positionals[0], values.json);
        case 'schema': {
            const text = JSON.stringify(sceneJsonSchema(), null, 2) + '\n';
            if (values.out)
                await writeFile(values.out, text);
            else
                process.stdout.write(text);
            return 0;
        }
        case 'list':
            process.stdout.write(TASKS.join('\n') + '\n');
            return 0;
        default:
            process.stderr.write(`robotool scene: unknown subcommand "${sub}"\n${HELP}\n`);
            return 2;
    }
}
async function check(files) {
    if (files.length === 0) {
        process.stderr.write('robotool scene check: name at least one scene file\n');
        return 2;
    }
    let bad = 0;
    for (const f of files) {
        try {
            const scene = await loadScene(f);
            process.stdout.write(`${f}: ok (${scene.robot.kind}, ${scene.objects.length} objects, goal ${scene.goal.type} ${scene.goal.object})\n`);
        }
        catch (err) {
            bad++;
            process.stderr.write((err instanceof SceneError ? err.message : `${f}: ${String(err)}`) + '\n');
        }
    }
    return bad === 0 ? 0 : 1;
}
async function describe(nameOrFile, json) {
    if (!nameOrFile) {
        process.stderr.write(`robotool scene describe: name a task (${TASKS.join(', ')}) or a scene file\n`);
        return 2;
    }
    let scene;
    try {
        scene = await loadScene(nameOrFile);
    }
    catch (err) {
        process.stderr.write((err instanceof Error ? err.message : String(err)) + '\n');
        return 1;
    }
    const sim = await createSim(scene);
    try {
        const obs = observeGroundTruth(sim);
        process.stdout.write(json ? JSON.stringify(obs, null, 2) + '\n' : renderSceneText(obs) + '\n');
    }
    finally {
        sim.free();
    }
    return 0;
}
//# sourceMappingURL=scene.js.map