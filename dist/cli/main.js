const COMMANDS = {
    run: { summary: 'run "COMMAND" --scene TASK   plan and execute a command (search planner by default)', load: () => import("./run.js") },
    exec: { summary: 'exec PROGRAM.js --scene TASK  run a program in the simulator through the sandbox', load: () => import("./exec.js") },
    scene: { summary: 'scene check FILE | describe TASK | schema   scene files', load: () => import("./scene.js") },
    bench: { summary: 'bench [--tasks LIST] [--seeds N]   success rates over randomised task variants', load: () => import("./bench.js") },
    view: { summary: 'view --scene TASK | --replay FILE.mcap   web viewer on localhost', load: () => import("./view.js") },
    render: { summary: 'render --scene TASK --out FILE.png   headless screenshot', load: () => import("./render.js") },
};
export function usage() {
    return [
        'usage: robotool <command> [options]',
        '',
        ...Object.entries(COMMANDS).map(([, c]) => `  robotool ${c.summary}`),
        '',
        'robotool <command> --help for the options of one command.',
    ].join('\n');
}
export async function main(argv) {
    const [name, ...rest] = argv;
    if (!name || name === '--help' || name === '-h') {
        process.stdout.write(usage() + '\n');
        return name ? 0 : 2;
    }
    const cmd = COMMANDS[name];
    if (!cmd) {
        process.stderr.write(`robotool: unknown command "${name}"\n\n${usage()}\n`);
        return 2;
    }
    let mod;
    try {
        mod = await cmd.load();
    }
    catch (err) {
        process.stderr.write(`robotool ${name}: not available in this build (${err instanceof Error ? err.message : String(err)})\n`);
        return 2;
    }
    return mod.default(rest);
}
//# sourceMappingURL=main.js.map