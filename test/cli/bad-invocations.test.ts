import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.ts';
import { captureOutput } from '../helpers/capture-output.ts';

/**
 * What a careless user types: every bad invocation ends with one line on stderr in the form
 * `robotool CMD: message`, the exit status the README states (2 for bad usage or configuration),
 * no stack trace, and no file left behind. Run in this process (main(argv)); a few run the real
 * executable as well, where Node itself would print a stack trace.
 */

const execFileAsync = promisify(execFile);

let dir: string;
let busy: Server;
let busyPort = 0;
const P = (name: string): string => join(dir, name);

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'robotool-bad-'));
  await mkdir(P('a-folder'));
  await writeFile(P('program.js'), 'get_workspace_range();\n');
  await writeFile(P('not.mcap'), 'hello, not an MCAP file\n');
  // An empty config, so that a robotool.config.json where the tests run cannot interfere.
  await writeFile(P('robotool.config.json'), '{}\n');
  busy = createServer();
  await new Promise<void>((resolve) => busy.listen(0, '127.0.0.1', resolve));
  busyPort = (busy.address() as { port: number }).port;
});

afterAll(async () => {
  await new Promise<void>((resolve) => busy.close(() => resolve()));
  await rm(dir, { recursive: true, force: true });
});

interface Bad {
  argv: () => string[];
  /** The line must match this (after `robotool CMD: `). */
  says: RegExp;
  code?: number;
  /** Files that must not exist afterwards. */
  noFiles?: () => string[];
}

const RUN = (...rest: string[]): string[] => ['run', 'grasp the milk', '--scene', 'reach-milk', '--config', P('robotool.config.json'), ...rest];

const BAD: Record<string, Bad> = {
  // run
  'run without a command': { argv: () => ['run', '--scene', 'reach-milk'], says: /give a command in quotes/ },
  'run without --scene': { argv: () => ['run', 'grasp the milk'], says: /--scene is required/ },
  'run --scene reach_milk': { argv: () => ['run', 'grasp the milk', '--scene', 'reach_milk'], says: /no bundled task "reach_milk".*did you mean reach-milk\?/ },
  'run --scene with a missing file': { argv: () => ['run', 'grasp', '--scene', P('nope.json')], says: /nope\.json: cannot read the scene: no such file \(ENOENT\)/ },
  'run --seed abc': { argv: () => RUN('--seed', 'abc'), says: /--seed must be a whole number, not "abc"/ },
  'run --seed 1e400': { argv: () => RUN('--seed', '1e400'), says: /--seed must be a whole number, not "1e400"/ },
  'run --seed=': { argv: () => RUN('--seed='), says: /--seed must be a whole number, not an empty value/ },
  'run --seed 1.5': { argv: () => RUN('--seed', '1.5'), says: /--seed must be a whole number, not "1.5"/ },
  'run --seed=-3': { argv: () => RUN('--seed=-3'), says: /--seed must be between 0 and 4294967295, not -3/ },
  'run --seed -3': { argv: () => RUN('--seed', '-3'), says: /--seed needs a value \(a value that starts with "-" is written --seed=-VALUE\)/ },
  'run --seed with no value': { argv: () => RUN('--seed'), says: /--seed needs a value/ },
  'run --max-repairs abc': { argv: () => RUN('--max-repairs', 'abc'), says: /--max-repairs must be a whole number/ },
  'run --max-repairs with the search planner': { argv: () => RUN('--planner', 'search', '--max-repairs', '2'), says: /--max-repairs applies to the llm planner only/ },
  'run --stages foo with no model': { argv: () => RUN('--stages', 'foo'), says: /--stages applies to the llm planner only/ },
  'run --planner gpt': { argv: () => RUN('--planner', 'gpt'), says: /--planner must be search or llm, not "gpt"/ },
  'run --planner llm with no model': { argv: () => RUN('--planner', 'llm'), says: /--planner llm needs a model/ },
  'run --workspace maybe': { argv: () => RUN('--workspace', 'maybe'), says: /--workspace must be clamp or reject/ },
  'run --workspace on a quadruped scene': { argv: () => ['run', 'get onto sofa_2', '--scene', 'traverse-sofa', '--workspace', 'reject'], says: /--workspace applies to arm scenes/ },
  'run --timeout without --robot': { argv: () => RUN('--timeout', '5'), says: /--timeout applies to --robot only/ },
  'run --timeout 0': { argv: () => RUN('--timeout', '0'), says: /--timeout must be above 0/ },
  'run --png into a missing folder': { argv: () => RUN('--png', P('missing-dir/x.png')), says: /--png: cannot write .*missing-dir\/x\.png: folder .* does not exist \(ENOENT\)/, noFiles: () => [P('missing-dir')] },
  'run --record into a missing folder': { argv: () => RUN('--record', P('missing-dir/x.mcap')), says: /--record: cannot write .*ENOENT/ },
  'run --record onto a folder': { argv: () => RUN('--record', P('a-folder')), says: /--record: cannot write .*a-folder: it is a folder \(EISDIR\)/ },
  'run --transcript into a missing folder': { argv: () => RUN('--transcript', P('missing-dir/t.json')), says: /--transcript: cannot write/ },
  'run --record and --png to one file': { argv: () => RUN('--record', P('same.out'), '--png', P('same.out')), says: /name the same file/, noFiles: () => [P('same.out')] },
  'run --keep-open without --view': { argv: () => RUN('--keep-open'), says: /--keep-open needs --view/ },
  'run --record with --robot': { argv: () => RUN('--robot', 'mqtt://127.0.0.1:1', '--record', P('r.mcap')), says: /with --robot nothing simulated moves/, noFiles: () => [P('r.mcap')] },
  'run --robot ws://': { argv: () => RUN('--planner', 'search', '--robot', 'ws://127.0.0.1:9090'), says: /--robot: .*mqtt.*ros/ },
  'run --frobnicate': { argv: () => RUN('--frobnicate'), says: /unknown option --frobnicate/ },
  'run --json=yes': { argv: () => RUN('--json=yes'), says: /--json takes no value/ },
  'run --config that does not exist': { argv: () => ['run', 'grasp the milk', '--scene', 'reach-milk', '--config', P('missing.json')], says: /missing\.json/ },
  // exec
  'exec without a program': { argv: () => ['exec', '--scene', 'reach-milk'], says: /give a program file/ },
  'exec with two programs': { argv: () => ['exec', P('program.js'), P('program.js'), '--scene', 'reach-milk'], says: /one program file, not 2/ },
  'exec a missing program': { argv: () => ['exec', P('missing.js'), '--scene', 'reach-milk'], says: /no such program file: .*missing\.js \(ENOENT\)/ },
  'exec a folder': { argv: () => ['exec', P('a-folder'), '--scene', 'reach-milk'], says: /is a folder, not a program file/ },
  'exec --seed x': { argv: () => ['exec', P('program.js'), '--scene', 'reach-milk', '--seed', 'x'], says: /--seed must be a whole number/ },
  'exec --scene nope': { argv: () => ['exec', P('program.js'), '--scene', 'grasp_can'], says: /did you mean grasp-can\?/ },
  // bench
  'bench --first-seed abc': { argv: () => ['bench', '--first-seed', 'abc'], says: /--first-seed must be a whole number, not "abc"/ },
  'bench --seeds 0': { argv: () => ['bench', '--seeds', '0'], says: /--seeds must be between 1 and 10000, not 0/ },
  'bench --seeds 2.5': { argv: () => ['bench', '--seeds', '2.5'], says: /--seeds must be a whole number/ },
  'bench --tasks reach_milk': { argv: () => ['bench', '--tasks', 'reach_milk'], says: /unknown task reach_milk; did you mean reach-milk\?/ },
  'bench --planner foo': { argv: () => ['bench', '--planner', 'foo'], says: /--planner must be search or llm/ },
  'bench with a positional': { argv: () => ['bench', 'reach-milk'], says: /unexpected argument "reach-milk"; name tasks with --tasks/ },
  // scene
  'scene check --foo': { argv: () => ['scene', 'check', '--foo', 'scenes/reach-milk.json'], says: /unknown option --foo/ },
  'scene check with no file': { argv: () => ['scene', 'check'], says: /name at least one scene file/ },
  'scene schema --out with no value': { argv: () => ['scene', 'schema', '--out'], says: /--out needs a value/ },
  'scene schema --out into a missing folder': { argv: () => ['scene', 'schema', '--out', P('missing-dir/s.json')], says: /--out: cannot write/, noFiles: () => [P('missing-dir')] },
  'scene schema --json': { argv: () => ['scene', 'schema', '--json'], says: /unknown option --json/ },
  'scene frob': { argv: () => ['scene', 'chek', 'x.json'], says: /unknown subcommand "chek"; did you mean check\?/ },
  'scene describe with nothing': { argv: () => ['scene', 'describe'], says: /name a task/ },
  'scene describe reach_milk': { argv: () => ['scene', 'describe', 'reach_milk'], says: /did you mean reach-milk\?/ },
  'scene list extra': { argv: () => ['scene', 'list', 'all'], says: /unexpected argument "all"/ },
  // view
  'view with nothing': { argv: () => ['view'], says: /give either --scene or --replay/ },
  'view --scene and --replay': { argv: () => ['view', '--scene', 'reach-milk', '--replay', P('not.mcap')], says: /give either --scene or --replay/ },
  'view --port 99999': { argv: () => ['view', '--scene', 'reach-milk', '--port', '99999'], says: /--port must be between 1 and 65535, not 99999/ },
  'view --port abc': { argv: () => ['view', '--scene', 'reach-milk', '--port', 'abc'], says: /--port must be a whole number/ },
  'view --port on a busy port': { argv: () => ['view', '--scene', 'reach-milk', '--port', String(busyPort), '--no-open'], says: /cannot serve on 127\.0\.0\.1:\d+: the port is in use.*\(EADDRINUSE\)/ },
  'view --host that is not this machine': { argv: () => ['view', '--scene', 'reach-milk', '--host', '192.0.2.1', '--no-open'], says: /192\.0\.2\.1 is not an address of this machine.*\(EADDRNOTAVAIL\)/ },
  'view a live episode on a busy port': { argv: () => ['view', '--scene', 'reach-milk', 'grasp the milk', '--port', String(busyPort), '--no-open'], says: /the port is in use/ },
  'view --replay a missing file': { argv: () => ['view', '--replay', P('missing.mcap')], says: /--replay: no such recording: .*missing\.mcap \(ENOENT\)/ },
  'view --replay a file that is not MCAP': { argv: () => ['view', '--replay', P('not.mcap'), '--no-open'], says: /not\.mcap: not a readable MCAP file/ },
  'view --replay with a command': { argv: () => ['view', '--replay', P('not.mcap'), 'grasp the milk'], says: /a replay runs no command/ },
  'view --keep-open on a still scene': { argv: () => ['view', '--scene', 'reach-milk', '--keep-open'], says: /--keep-open applies to a live episode/ },
  // render
  'render with nothing': { argv: () => ['render'], says: /--out FILE\.png is required/ },
  'render --out into a missing folder': { argv: () => ['render', '--scene', 'reach-milk', '--out', P('missing-dir/x.png')], says: /--out: cannot write/, noFiles: () => [P('missing-dir')] },
  'render --width 10': { argv: () => ['render', '--scene', 'reach-milk', '--out', P('x.png'), '--width', '10'], says: /--width must be between 16 and 8192, not 10/, noFiles: () => [P('x.png')] },
  'render --at without --replay': { argv: () => ['render', '--scene', 'reach-milk', '--at', '3', '--out', P('x.png')], says: /--at needs --replay/, noFiles: () => [P('x.png')] },
  'render --at -1': { argv: () => ['render', '--replay', P('not.mcap'), '--at=-1', '--out', P('x.png')], says: /--at must be at least 0/, noFiles: () => [P('x.png')] },
  'render --replay a missing file': { argv: () => ['render', '--replay', P('missing.mcap'), '--out', P('x.png')], says: /no such recording/, noFiles: () => [P('x.png')] },
  'render --scene reach_milk': { argv: () => ['render', '--scene', 'reach_milk', '--out', P('x.png')], says: /did you mean reach-milk\?/, noFiles: () => [P('x.png')] },
  // robotool itself
  'an unknown command': { argv: () => ['rnu', 'grasp'], says: /unknown command "rnu"; did you mean run\?/ },
  'an unknown option before the command': { argv: () => ['--frob'], says: /unknown option --frob/ },
};

describe('bad invocations', () => {
  it('there are at least 40', () => {
    expect(Object.keys(BAD).length).toBeGreaterThanOrEqual(40);
  });

  it.each(Object.entries(BAD))('%s: one line, exit 2, no stack trace, no files', async (_name, bad) => {
    const before = new Set(await readdir(dir));
    const argv = bad.argv();
    const r = await captureOutput(() => main(argv));
    expect(r.code, r.stderr).toBe(bad.code ?? 2);
    const lines = r.stderr.split('\n').filter(Boolean);
    expect(lines, r.stderr).toHaveLength(1);
    const command = argv[0] === 'scene' && argv[1] && !argv[1].startsWith('-') && ['check', 'schema', 'describe', 'list'].includes(argv[1]) ? `scene ${argv[1]}` : argv[0];
    expect(lines[0]).toMatch(new RegExp(`^robotool( ${command})?: `));
    expect(lines[0]).toMatch(bad.says);
    expect(r.stderr).not.toMatch(/^\s+at /m);
    expect(r.stdout).toBe('');
    // Nothing written: no new file in the test folder, none of the named outputs.
    expect(new Set(await readdir(dir))).toEqual(before);
    for (const f of bad.noFiles?.() ?? []) expect(existsSync(f), f).toBe(false);
  });
});

describe('the executable itself', () => {
  const cli = async (...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> => {
    try {
      const { stdout, stderr } = await execFileAsync(process.execPath, ['bin/robotool.mjs', ...args], { timeout: 60_000 });
      return { code: 0, stdout, stderr: stderr.replace(/^npm warn.*\n/gm, '') };
    } catch (err) {
      const e = err as { code?: number; stdout?: string; stderr?: string };
      return { code: e.code ?? -1, stdout: e.stdout ?? '', stderr: (e.stderr ?? '').replace(/^npm warn.*\n/gm, '') };
    }
  };

  it.each([
    ['run --png into a missing folder, before any work', ['run', 'grasp the milk', '--scene', 'reach-milk', '--planner', 'search', '--png', '/missing-dir/x.png'], /^robotool run: --png: cannot write \/missing-dir\/x\.png/],
    ['view on a busy port', ['view', '--scene', 'reach-milk', '--port', 'BUSY', '--no-open'], /^robotool view: cannot serve on .*the port is in use/],
    ['scene schema --out with no value', ['scene', 'schema', '--out'], /^robotool scene schema: --out needs a value/],
  ] as const)('%s: one line, exit 2, no stack trace', async (_name, args, says) => {
    const r = await cli(...args.map((a) => (a === 'BUSY' ? String(busyPort) : a)));
    expect(r.code, r.stderr).toBe(2);
    expect(r.stderr.trimEnd().split('\n'), r.stderr).toHaveLength(1);
    expect(r.stderr).toMatch(says);
    expect(r.stderr).not.toMatch(/^\s+at /m);
  });

  it('--version prints the version; --debug adds the stack trace to an error', async () => {
    const v = await cli('--version');
    expect(v.code).toBe(0);
    expect(v.stdout).toMatch(/^robotool \d+\.\d+\.\d+\n$/);
    const d = await cli('--debug', 'view', '--replay', P('not.mcap'), '--no-open');
    expect(d.code).toBe(2);
    expect(d.stderr.split('\n')[0]).toMatch(/^robotool view: .*not\.mcap: not a readable MCAP file/);
    expect(d.stderr).toMatch(/^\s+at /m);
  });
});
