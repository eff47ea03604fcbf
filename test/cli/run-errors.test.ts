import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import runCommand from '../../src/cli/run.ts';
import { captureOutput } from '../helpers/capture-output.ts';

const execFileAsync = promisify(execFile);
const BAD_RECORD = '/nonexistent/dir/x.mcap';

let dir: string;
let config: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'robotool-run-errors-'));
  // An empty config file, so that a robotool.config.json in the working directory cannot interfere.
  config = join(dir, 'robotool.config.json');
  await writeFile(config, '{}\n');
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('robotool run: output sinks that cannot open', () => {
  it('a --record path in a missing folder: one clear line on stderr, exit 2, nothing planned', async () => {
    const r = await captureOutput(() => runCommand(['Reach the milk.', '--scene', 'reach-milk', '--planner', 'search', '--config', config, '--record', BAD_RECORD]));
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    const lines = r.stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^robotool run: --record: cannot write \/nonexistent\/dir\/x\.mcap: /);
    expect(lines[0]).toMatch(/ENOENT/);
  });

  it('prints no stack trace from the command line either', async () => {
    let code = 0;
    let stderr = '';
    try {
      await execFileAsync(process.execPath, ['bin/robotool.mjs', 'run', 'Reach the milk.', '--scene', 'reach-milk', '--planner', 'search', '--config', config, '--record', BAD_RECORD], {
        timeout: 60_000,
      });
    } catch (err) {
      const e = err as { code?: number; stderr?: string };
      code = e.code ?? -1;
      stderr = e.stderr ?? '';
    }
    expect(code).toBe(2);
    expect(stderr).toMatch(/^robotool run: --record: cannot write \/nonexistent\/dir\/x\.mcap: .*ENOENT/m);
    expect(stderr).not.toMatch(/^\s+at /m);
  });
});

describe('robotool run --robot: what it refuses', () => {
  it('a robot URL it cannot read, and sinks that would show a simulated world nothing moves in', async () => {
    const bad = await captureOutput(() => runCommand(['Reach the milk.', '--scene', 'reach-milk', '--planner', 'search', '--config', config, '--robot', 'ws://127.0.0.1:9090']));
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/^robotool run: --robot: .*\?mqtt.*\?ros/m);
    const withRecord = await captureOutput(() => runCommand(['Reach the milk.', '--scene', 'reach-milk', '--robot', 'mqtt://127.0.0.1:1', '--record', join(dir, 'x.mcap')]));
    expect(withRecord.code).toBe(2);
    expect(withRecord.stderr).toMatch(/--view, --record and --png show the simulated world/);
  });
});
