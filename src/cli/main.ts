/**
 * `robotool` command line. Each command lives in its own file and is loaded on demand, so
 * `robotool scene check` does not pay for Chromium or the LLM client.
 */
type Command = { summary: string; load: () => Promise<{ default: (argv: string[]) => Promise<number> }> };

const COMMANDS: Record<string, Command> = {
  run: { summary: 'run "COMMAND" --scene TASK   plan and execute a command (search planner by default)', load: () => import('./run.ts') },
  exec: { summary: 'exec PROGRAM.js --scene TASK  run a program in the simulator through the sandbox', load: () => import('./exec.ts') },
  scene: { summary: 'scene check FILE | describe TASK | schema   scene files', load: () => import('./scene.ts') },
  bench: { summary: 'bench [--tasks LIST] [--seeds N]   success rates over randomised task variants', load: () => import('./bench.ts') },
  worker: { summary: 'worker --queue redis://HOST:PORT   run queued episodes and rollouts (see bench --queue)', load: () => import('./worker.ts') },
  view: { summary: 'view --scene TASK | --replay FILE.mcap   web viewer on localhost', load: () => import('./view.ts') },
  render: { summary: 'render --scene TASK --out FILE.png   headless screenshot', load: () => import('./render.ts') },
};

export function usage(): string {
  return [
    'usage: robotool <command> [options]',
    '',
    ...Object.entries(COMMANDS).map(([, c]) => `  robotool ${c.summary}`),
    '',
    'robotool <command> --help for the options of one command.',
  ].join('\n');
}

export async function main(argv: string[]): Promise<number> {
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
  let mod: Awaited<ReturnType<Command['load']>>;
  try {
    mod = await cmd.load();
  } catch (err) {
    process.stderr.write(`robotool ${name}: not available in this build (${err instanceof Error ? err.message : String(err)})\n`);
    return 2;
  }
  return mod.default(rest);
}
