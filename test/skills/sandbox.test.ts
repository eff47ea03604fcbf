import { describe, expect, it } from 'vitest';
import { DEFAULT_BUDGETS, resolveBudgets, runProgram } from '../../src/skills/sandbox.ts';
import { SafetyEnvelope } from '../../src/skills/safety.ts';
import { sandboxRunner } from '../../src/episode/sandbox-runner.ts';
import { acquireInstance, discardInstance } from '../../src/skills/sandbox-wasm.ts';
import { FakeBackend } from './fake-backend.ts';

const WORKSPACE = { min: [0, -0.25, 0.01] as [number, number, number], max: [0.45, 0.25, 0.3] as [number, number, number] };

describe('program sandbox', () => {
  it('runs plain sequential skill calls and records each with its result', async () => {
    const backend = new FakeBackend();
    const run = await runProgram("const p = get_center('milk');\nmove_to_position([p[0], p[1], p[2] + 0.1]);\nclose_gripper();", backend, {});
    expect(run).toMatchObject({ ok: true, error: null, failure: null });
    expect(run.calls.map((c) => [c.skill, c.status])).toEqual([
      ['get_center', 'ok'],
      ['move_to_position', 'reached'],
      ['close_gripper', 'ok'],
    ]);
    expect(run.calls[1]?.args).toEqual([[0.3, 0, 0.15000000000000002]]);
  });

  it('exposes only the skills, Math and console.log: no host objects', async () => {
    const run = await runProgram(
      "console.log(typeof process, typeof require, typeof Buffer, typeof setTimeout, typeof fetch, typeof Math.hypot, typeof get_center, typeof walk_to_position)",
      new FakeBackend(),
      {},
    );
    expect(run.output).toEqual(['undefined undefined undefined undefined undefined function function undefined']);
  });

  it('captures console.log lines', async () => {
    const lines: string[] = [];
    const run = await runProgram("console.log('size', get_size('milk'), { a: 1 });", new FakeBackend(), { onLog: (l) => lines.push(l) });
    expect(run.output).toEqual(['size [0.05,0.05,0.1] {"a":1}']);
    expect(lines).toEqual(run.output);
  });

  it('gives line and column for a syntax error', async () => {
    const run = await runProgram('const a = 1;\nconst b = a +* 2;', new FakeBackend(), {});
    expect(run.error).toMatchObject({ type: 'SyntaxError', line: 2, column: 14 });
  });

  it('gives the program line of a runtime error', async () => {
    const run = await runProgram("const p = get_center('milk');\n\nconst q = p.nothing.x;", new FakeBackend(), {});
    expect(run.error).toMatchObject({ type: 'RuntimeError', line: 3 });
    expect(run.error?.message).toMatch(/^TypeError: cannot read property 'x' of undefined/);
  });

  it('throws a failed query into the program as a catchable SkillError', async () => {
    const backend = new FakeBackend({
      reply: (skill, args) => (skill === 'get_graspable_point' && args[0] === 'table' ? { value: null, status: 'failed', message: 'table has no graspable point', warnings: [], seconds: 0 } : undefined),
    });
    const caught = await runProgram("try { get_graspable_point('table'); } catch (e) { console.log(e.name, e.message); }", backend, {});
    expect(caught.output).toEqual(['SkillError get_graspable_point: table has no graspable point']);
    const uncaught = await runProgram("get_size('milk');\nget_graspable_point('table');", backend, {});
    expect(uncaught.error).toMatchObject({ type: 'SkillError', line: 2 });
  });

  it('reports a clamped target as a warning event', async () => {
    const events: unknown[] = [];
    const backend = new FakeBackend({ safety: { workspace: WORKSPACE } });
    const run = await runProgram('move_to_position([0.6, 0, 0.1]);', backend, { onEvent: (e) => events.push(e) });
    expect(run.ok).toBe(true);
    expect(run.calls[0]?.status).toBe('clamped');
    expect(run.events).toEqual([{ type: 'warning', message: expect.stringMatching(/clamped to/) }]);
    expect(events).toEqual(run.events);
  });

  it('a safety violation stops the program, emits a safety-stop and leaves the robot stopped', async () => {
    const backend = new FakeBackend({ safety: { workspace: WORKSPACE, workspacePolicy: 'reject' } });
    const run = await runProgram("move_to_position([0.3, 0, 0.1]);\nmove_to_position([0.9, 0, 0.1]);\nopen_gripper();", backend, {});
    expect(run.error).toMatchObject({ type: 'SafetyError', line: 2 });
    expect(run.events).toEqual([{ type: 'safety-stop', message: expect.stringMatching(/outside the workspace/) }]);
    expect(backend.received.map((c) => c.skill)).toEqual(['move_to_position']);
    expect(backend.stops.length).toBeGreaterThan(0);
    expect(run.calls.at(-1)).toMatchObject({ skill: 'move_to_position', status: 'failed' });
  });

  it('ends a program whose motion outlasts the wall budget, and stops the robot', async () => {
    const backend = new FakeBackend({ motionMs: 5_000 });
    const t0 = Date.now();
    const run = await runProgram('move_to_position([0.3, 0, 0.1]);', backend, { budgets: { wallMs: 100 } });
    expect(Date.now() - t0).toBeLessThan(2_000);
    expect(run.failure).toMatchObject({ name: 'BudgetError', budget: 'wall' });
    expect(backend.stops.length).toBeGreaterThan(0);
  });

  it('a cancelled run ends with CancelledError and stops the robot', async () => {
    const backend = new FakeBackend({ motionMs: 5_000 });
    const ac = new AbortController();
    setTimeout(() => ac.abort(), 50);
    const run = await runProgram('move_to_position([0.3, 0, 0.1]);', backend, { signal: ac.signal });
    expect(run.error?.type).toBe('CancelledError');
    expect(backend.stops.length).toBeGreaterThan(0);
  });

  it('an e-stop latches across programs until released', async () => {
    const backend = new FakeBackend();
    const env = SafetyEnvelope.for(backend);
    await env.eStop('operator');
    const refused = await runProgram("get_center('milk');", backend, {});
    expect(refused.error).toMatchObject({ type: 'EStopError' });
    expect(refused.events[0]).toMatchObject({ type: 'safety-stop' });
    env.release();
    expect((await runProgram("get_center('milk');", backend, {})).ok).toBe(true);
  });

  it('runs programs concurrently, each in its own interpreter', async () => {
    const a = new FakeBackend({ motionMs: 30 });
    const b = new FakeBackend({ motionMs: 30 });
    const program = 'for (let i = 0; i < 3; i++) move_to_position([0.3, 0, 0.05 + i * 0.05]);';
    const runs = await Promise.all([runProgram(program, a, {}), runProgram(program, b, {})]);
    expect(runs.map((r) => r.ok)).toEqual([true, true]);
    expect([a.received.length, b.received.length]).toEqual([3, 3]);
  });

  it('frees every QuickJS object: 200 runs of every outcome never trip the leak assertion', async () => {
    const programs = ["get_center('milk')", 'while (true) {}', 'x +* 1', "get_center(NaN)", 'console.log(1); throw new Error("e")', 'Promise.resolve(1)'];
    const backend = new FakeBackend();
    for (let i = 0; i < 200; i++) {
      await expect(runProgram(programs[i % programs.length]!, backend, { budgets: { cpuMs: 5 } })).resolves.toBeDefined();
    }
  });

  it('the leak assertion is live: a runtime disposed with a live object throws', async () => {
    const instance = await acquireInstance();
    const runtime = instance.newRuntime();
    const ctx = runtime.newContext();
    ctx.newObject(); // leaked on purpose
    ctx.dispose();
    expect(() => runtime.dispose()).toThrow(/list_empty|gc_obj_list|Aborted/);
    discardInstance(instance);
  });

  it('records arguments it could not carry as descriptions', async () => {
    const run = await runProgram('move_to_position(() => 1);', new FakeBackend(), {});
    expect(JSON.parse(JSON.stringify(run.calls[0]?.args))).toEqual(['<a function>']);
  });

  it('rejects budgets that are not positive numbers or beyond what the interpreter can honour', () => {
    expect(resolveBudgets()).toEqual(DEFAULT_BUDGETS);
    expect(() => resolveBudgets({ cpuMs: 0 })).toThrow(/cpuMs/);
    expect(() => resolveBudgets({ wallMs: Number.NaN })).toThrow(/wallMs/);
    expect(() => resolveBudgets({ stackBytes: 1 << 20 })).toThrow(/stackBytes/);
  });

  it('sandboxRunner is a ProgramRunner over the sandbox', async () => {
    const calls: string[] = [];
    const run = await sandboxRunner({})("get_center('milk');", new FakeBackend(), { signal: new AbortController().signal, onCall: (c) => calls.push(c.skill) });
    expect(run.ok).toBe(true);
    expect(calls).toEqual(['get_center']);
  });
});
