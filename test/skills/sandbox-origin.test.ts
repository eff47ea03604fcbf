import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { of } from 'rxjs';
import { lastValueFrom, toArray } from 'rxjs';
import { createSim, restoreSim } from '../../src/sim/create.ts';
import { loadScene } from '../../src/scene/file.ts';
import { runEpisode, type EpisodePlanner } from '../../src/episode/episode.ts';
import type { CallRecord } from '../../src/skills/program.ts';
import { sandboxRunner } from '../../src/episode/sandbox-runner.ts';
import { checkProgram } from '../../src/skills/program-check.ts';
import { SimBackend } from '../../src/sim/backend/sim-backend.ts';
import { runProgram } from '../../src/skills/sandbox.ts';
import { FakeBackend } from './fake-backend.ts';

const run = (source: string, backend = new FakeBackend(), opts: Parameters<typeof runProgram>[2] = {}) => runProgram(source, backend, opts);

describe('errors are the host\'s, not the program\'s', () => {
  it('a thrown object named InternalError "out of memory" is the program\'s runtime error, not a budget', async () => {
    for (const source of [
      "throw { name: 'InternalError', message: 'out of memory' }",
      "const e = new Error('out of memory'); e.name = 'InternalError'; throw e",
      "throw Object.assign(new RangeError('stack overflow'), { name: 'InternalError' })",
    ]) {
      const r = await run(source);
      expect(r.error?.type, source).toBe('RuntimeError');
    }
  });

  it('a real stack overflow is a budget, even when the program catches it and throws it on', async () => {
    expect((await run('function f(n) { return f(n + 1) + 1 } f(0)')).error?.type).toBe('BudgetError');
    const rethrown = await run('let k; try { (function f() { f() })() } catch (e) { k = e } throw k');
    expect(rethrown.error).toMatchObject({ type: 'BudgetError', message: expect.stringMatching(/^stack budget exceeded/) });
    // The engine's InternalError is not the program's to make.
    const forged = (await run('throw new InternalError("out of memory")')).error;
    expect(forged?.type).not.toBe('BudgetError');
    expect(forged?.message).toMatch(/InternalError/);
  });

  it('only a failed query is a SkillError; an error the program names SkillError is its own', async () => {
    const backend = new FakeBackend({ reply: (skill) => (skill === 'get_center' ? { value: null, status: 'failed', message: 'no object named "x"', warnings: [], seconds: 0 } : undefined) });
    expect((await run("get_center('x')", backend)).error?.type).toBe('SkillError');
    expect((await run("const e = new Error('no'); e.name = 'SkillError'; throw e")).error?.type).toBe('RuntimeError');
  });

  it('JSON.parse(\'{oops\') after a motion is a runtime error, and the robot is stopped', async () => {
    const backend = new FakeBackend();
    const r = await run("move_to_position([0.3, 0, 0.2]);\nJSON.parse('{oops');", backend);
    expect(r.error).toMatchObject({ type: 'RuntimeError', message: expect.stringMatching(/^SyntaxError: /), line: 2 });
    expect(backend.received.map((c) => c.skill)).toEqual(['move_to_position']);
    expect(backend.stops).toHaveLength(1);
  });

  it('a program that does not parse is a SyntaxError, nothing runs and nothing is stopped', async () => {
    const backend = new FakeBackend();
    const r = await run("move_to_position([0.3, 0, 0.2]);\nconst = 4;", backend);
    expect(r.error).toMatchObject({ type: 'SyntaxError', line: 2 });
    expect(backend.received).toEqual([]);
    expect(backend.stops).toEqual([]);
  });

  it('any other stop after a motion stops the robot: a throw, a caught-and-thrown error', async () => {
    for (const source of ["move_to_position([0.3, 0, 0.2]); throw new Error('done')", "move_to_position([0.3, 0, 0.2]); null.x"]) {
      const backend = new FakeBackend();
      await run(source, backend);
      expect(backend.stops, source).toHaveLength(1);
    }
  });
});

describe('same program, same world, same result', () => {
  it('Math.random is seeded: the same seed gives the same numbers, another seed others', async () => {
    const numbers = async (seed: number) => (await run('console.log(JSON.stringify([Math.random(), Math.random(), Math.random()]))', new FakeBackend(), { seed })).output[0];
    expect(await numbers(7)).toBe(await numbers(7));
    expect(await numbers(7)).not.toBe(await numbers(8));
    const values = JSON.parse((await numbers(7))!) as number[];
    for (const v of values) expect(v >= 0 && v < 1).toBe(true);
  });

  it('there is no Date, and the program check says so', async () => {
    const r = await run('const t = Date.now(); move_to_position([0.3, 0, 0.2])');
    expect(r.error).toMatchObject({ type: 'RuntimeError', message: expect.stringMatching(/'?Date'? is not defined: the sandbox has no Date/) });
    expect(checkProgram('const t = Date.now(); move_to_position([0.3, 0, 0.2])', 'arm').join('\n')).toMatch(/uses Date, which the sandbox does not have/);
  });

  it('the twin and the execution of a program take the same branches for every seed', async () => {
    const scene = await loadScene('reach-milk');
    const program = [
      'const ys = [];',
      'for (let i = 0; i < 3; i++) {',
      '  const y = Math.random() < 0.5 ? -0.1 : 0.1;',
      '  ys.push(y);',
      '  move_to_position([0.3, y, 0.15 + 0.03 * i]);',
      '}',
    ].join('\n');
    const planner: EpisodePlanner = { kind: 'llm', repairs: false, needsGoal: false, plan: () => of({ type: 'proposals' as const, proposals: [{ program }] }) };
    const seen = new Set<string>();
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: 2 ** 32 - 1 }), async (seed) => {
        const sim = await createSim(scene);
        try {
          const backend = new SimBackend(sim);
          const twin = async () => {
            const clone = await restoreSim(scene, sim.snapshot());
            return { backend: new SimBackend(clone), check: () => ({ success: true, reason: '' }), free: () => clone.free() };
          };
          const events = await lastValueFrom(runEpisode('do it', { backend, planner, runProgram: sandboxRunner(), twin, seed }).pipe(toArray()));
          const calls = (phase: string): CallRecord[] => events.flatMap((e) => (e.type === 'skill-call' && e.phase === phase ? [e.call] : []));
          const verify = calls('verify').map((c) => JSON.stringify(c.args));
          const execute = calls('execute').map((c) => JSON.stringify(c.args));
          expect(verify).toHaveLength(3);
          expect(execute).toEqual(verify);
          expect(events[0]).toMatchObject({ type: 'episode-started', seed });
          seen.add(verify.join());
        } finally {
          sim.free();
        }
      }),
      { numRuns: 8, seed: 17, endOnFailure: true },
    );
    // The seeds chose different branches, so agreement is not an accident of one path.
    expect(seen.size).toBeGreaterThan(1);
  });

  it('the scene\'s timeLimit bounds the robot time of a program\'s motions', async () => {
    const backend = new FakeBackend({ speed: 0.1 });
    const r = await run('move_to_position([0.3, 0, 0.2]); move_to_position([0.3, 0.2, 0.2]); move_to_position([0.3, -0.2, 0.2])', backend, { timeLimitSeconds: 3 });
    expect(r.error).toMatchObject({ type: 'BudgetError', message: expect.stringMatching(/over the scene's 3 s time limit/) });
    // 0.7 s + 2 s, then the third move (4 s) crosses the limit: it is the last.
    expect(backend.received).toHaveLength(3);
    expect(backend.stops).toHaveLength(1);
  });
});
