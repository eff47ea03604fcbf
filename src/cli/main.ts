import { readFileSync } from 'node:fs';
import { closest, reportFailure, setDebug } from './options.ts';

/**
 * `robotool` command line. Each command lives in its own file and is loaded on demand, so
 * `robotool scene check` does not pay for Chromium or the LLM client.
 */
type Command = { summary: string; load: () => Promise<{ default: (argv: string[]) => Promise<number> }> };

const COMMANDS: Record<string, Command> = {
  run: { summary: 'run "COMMAND" --scene TASK   plan and execute a command (search planner by default)', load: () => import('./run.ts') },
  exec: { summary: 'exec PROGRAM.js --scene TASK  run a program in the simulator through the sandbox', load: () => import('./exec.ts') },
  scene: { summary: 'scene check FILE | describe TASK | schema | list   scene files', load: () => import('./scene.ts') },
  bench: { summary: 'bench [--tasks LIST] [--seeds N]   success rates over randomised task variants', load: () => import('./bench.ts') },
  worker: { summary: 'worker --queue redis://HOST:PORT   run queued episodes and rollouts (see bench --queue)', load: () => import('./worker.ts') },
  perceive: { summary: 'perceive --scene TASK   what the depth cameras see, beside the truth', load: () => import('./perceive.ts') },
  view: { summary: 'view --scene TASK | --replay FILE.mcap   web viewer on localhost', load: () => import('./view.ts') },
  render: { summary: 'render --scene TASK --out FILE.png   headless screenshot', load: () => import('./render.ts') },
};

export function usage(): string {
  return [
    'usage: robotool <command> [options]',
    '',
    ...Object.entries(COMMANDS).map(([, c]) => `  robotool ${c.summary}`),
    '',
    'robotool <command> --help for the options of one command; robotool --version for the version.',
    '--debug (anywhere) prints the stack trace of an error.',
    'exit status: 2 for bad usage or configuration, in every command.',
  ].join('\n');
}

/** robotool's version, from its package.json. */
export function version(): string {
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
  return pkg.version;
}

export async function main(argv: string[]): Promise<number> {
  // --debug may come anywhere before a `--`; it is robotool's, not the command's.
  const end = argv.indexOf('--');
  const debug = argv.findIndex((a, i) => a === '--debug' && (end < 0 || i < end));
  setDebug(debug >= 0);
  const args = debug >= 0 ? argv.filter((_, i) => i !== debug) : argv;
  const [name, ...rest] = args;
  if (!name || name === '--help' || name === '-h') {
    (name ? process.stdout : process.stderr).write(usage() + '\n');
    return name ? 0 : 2;
  }
  if (name === '--version' || name === '-V') {
    process.stdout.write(`robotool ${version()}\n`);
    return 0;
  }
  const cmd = COMMANDS[name];
  if (!cmd) {
    const near = closest(name, Object.keys(COMMANDS));
    process.stderr.write(
      `robotool: ${name.startsWith('-') ? `unknown option ${name}` : `unknown command "${name}"`}${near ? `; did you mean ${near}?` : ''} (commands: ${Object.keys(COMMANDS).join(', ')}; robotool --help)\n`,
    );
    return 2;
  }
  try {
    const mod = await cmd.load();
    return await mod.default(rest);
  } catch (err) {
    return reportFailure(name, err);
  }
}
