import { execFile } from 'node:child_process';
import { mkdtemp, writeFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import execCommand from '../../src/cli/exec.ts';
import { captureOutput, type CapturedRun } from '../helpers/capture-output.ts';

const run = promisify(execFile);
const CLI = ['bin/robotool.mjs', 'exec'];

/** Calls the command in this process (no start-up cost), capturing what it writes. */
const inProcess = (...args: string[]): Promise<CapturedRun> => captureOutput(() => execCommand(args));

/** Runs `robotool exec …` as a user would; resolves with the exit code and output. */
async function robotool(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [...CLI, ...args], { timeout: 60_000 });
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as { code?: number; stdout?: string; stderr?: string };
    return { code: e.code ?? -1, stdout: e.stdout ?? '', stderr: e.stderr ?? '' };
  }
}

describe('robotool exec', () => {
  it('runs the reach-milk reference program and prints one JSON report', async () => {
    const { code, stdout } = await robotool('scenes/programs/reach-milk.js', '--scene', 'reach-milk', '--seed', '1', '--json');
    expect(code).toBe(0);
    const report = JSON.parse(stdout) as Record<string, unknown>;
    expect(report).toMatchObject({ success: true, error: null, events: expect.any(Array), goal: { success: true } });
    const calls = report.calls as { skill: string; args: unknown[]; status: string; seconds: number }[];
    expect(calls.length).toBeGreaterThan(5);
    expect(calls[0]).toMatchObject({ skill: 'get_workspace_range', args: [], status: 'ok', seconds: expect.any(Number) });
  });

  it('prints the trace, warnings and the outcome without --json; exit 0 whatever the predicate says', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'robotool-exec-'));
    try {
      const file = join(dir, 'short.js');
      await writeFile(file, "const m = get_graspable_point('milk');\nconsole.log('milk at', m);\nmove_to_position([m[0], m[1], 0.25]);\n");
      const { code, stdout } = await inProcess(file, '--scene', 'reach-milk');
      expect(code).toBe(0);
      expect(stdout).toMatch(/1\. get_graspable_point\("milk"\) → \[0\.544/);
      expect(stdout).toMatch(/log: milk at \[0\.544/);
      expect(stdout).toMatch(/warning: move_to_position: target .* clamped to/);
      expect(stdout).toMatch(/outcome: failure: milk is not in the gripper/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('exits non-zero with the line and column of a syntax error', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'robotool-exec-'));
    try {
      const file = join(dir, 'bad.js');
      await writeFile(file, "const p = get_center('milk');\nmove_to_position(p +* 1);\n");
      const { code, stdout, stderr } = await robotool(file, '--scene', 'reach-milk', '--json');
      expect(code).toBe(1);
      expect(JSON.parse(stdout)).toMatchObject({ success: false, calls: [], error: { type: 'SyntaxError', line: 2 } });
      expect(stderr).toMatch(/SyntaxError: .*bad\.js:2:/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('exits 2 for bad usage', async () => {
    expect((await inProcess('scenes/programs/reach-milk.js')).code).toBe(2);
    expect((await inProcess('scenes/programs/reach-milk.js', '--scene', 'reach-milk', '--workspace', 'maybe')).code).toBe(2);
    expect((await inProcess('no-such-program.js', '--scene', 'reach-milk')).stderr).toMatch(/ENOENT/);
  });
});
