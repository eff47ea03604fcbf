/**
 * robotool as a user installs it: `npm pack` (which builds dist/), the tarball installed into a
 * scratch project with ONNXRUNTIME_NODE_INSTALL=skip and npm's cache preferred (the second such
 * install here ran with --offline), then a TypeScript file that imports `robotool` is type-checked
 * against the published .d.ts files and its compiled JavaScript runs one reach-milk episode with
 * plain node; the installed `robotool` command runs from dist/ too.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const repo = resolve(import.meta.dirname, '../..');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

const EPISODE_TS = `import { loadScene, runSimEpisode, searchPlanner, sandboxRunner, type EpisodeEvent } from 'robotool';
import { McapRecorder } from 'robotool/viewer';
import { ScriptedLanguageModel } from 'robotool/testing';

const scene = await loadScene('reach-milk');
const events: EpisodeEvent[] = await runSimEpisode({ scene, command: scene.command, planner: searchPlanner, runProgram: sandboxRunner() });
const outcome = events.at(-1);
if (outcome?.type !== 'outcome') throw new Error('no outcome');
console.log(JSON.stringify({
  success: outcome.success,
  executed: events.filter((e) => e.type === 'skill-call' && e.phase === 'execute').length,
  faces: [typeof McapRecorder, typeof ScriptedLanguageModel],
}));
`;

describe('the published package', () => {
  let dir = '';
  afterAll(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('packs, installs from the tarball, type-checks a user file and runs an episode with plain node', async () => {
    dir = await mkdtemp(join(tmpdir(), 'robotool-pack-'));
    const env = { ...process.env, ONNXRUNTIME_NODE_INSTALL: 'skip', npm_config_fund: 'false', npm_config_audit: 'false' };
    await run(npm, ['pack', '--pack-destination', dir], { cwd: repo, env, maxBuffer: 1 << 26 });
    const tarball = (await readdir(dir)).find((f) => f.endsWith('.tgz'));
    expect(tarball).toMatch(/^robotool-.*\.tgz$/);

    const app = join(dir, 'app');
    await run('mkdir', ['-p', app]);
    await writeFile(join(app, 'package.json'), JSON.stringify({ name: 'app', private: true, type: 'module' }));
    await run(npm, ['install', '--prefer-offline', '--no-audit', '--no-fund', join(dir, tarball!)], { cwd: app, env, maxBuffer: 1 << 26 });
    // What users get: compiled code and declarations, no TypeScript sources or tests.
    const installed = await readdir(join(app, 'node_modules', 'robotool'));
    expect(installed).toEqual(expect.arrayContaining(['dist', 'bin', 'scenes', 'LICENSE', 'package.json']));
    expect(installed).not.toContain('src');
    expect(installed).not.toContain('test');

    await writeFile(join(app, 'episode.ts'), EPISODE_TS);
    await writeFile(
      join(app, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: { target: 'ES2022', module: 'NodeNext', moduleResolution: 'NodeNext', strict: true, outDir: 'out', types: ['node'], typeRoots: [join(repo, 'node_modules', '@types')] },
        files: ['episode.ts'],
      }),
    );
    await run(process.execPath, [join(repo, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', app], { cwd: app });
    const { stdout } = await run(process.execPath, [join(app, 'out', 'episode.js')], { cwd: app });
    const report = JSON.parse(stdout.trim().split('\n').at(-1)!) as { success: boolean; executed: number; faces: string[] };
    expect(report.success).toBe(true);
    expect(report.executed).toBeGreaterThan(5);
    expect(report.faces).toEqual(['function', 'function']);

    const cli = await run(process.execPath, [join(app, 'node_modules', 'robotool', 'bin', 'robotool.mjs'), 'scene', 'list'], { cwd: app });
    expect(cli.stdout.split('\n')).toContain('reach-milk');
  }, 300_000);
});
