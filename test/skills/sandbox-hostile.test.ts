import { describe, expect, it } from 'vitest';
import { runProgram, type SandboxBudgets } from '../../src/skills/sandbox.ts';
import { SKILLS, isSkillName } from '../../src/skills/registry.ts';
import { FakeBackend } from './fake-backend.ts';

/**
 * Hostile programs: each must end with its expected typed error, leave the host process
 * running, and never get a call past the envelope that it should have stopped. Every run also
 * frees its QuickJS runtime, whose disposal asserts that no object leaked (runProgram rejects
 * if one did).
 */

const WORKSPACE = { min: [0, -0.25, 0.01] as [number, number, number], max: [0.45, 0.25, 0.3] as [number, number, number] };
const KEEP_OUT = { name: 'camera', min: [0.3, 0.15, 0] as [number, number, number], max: [0.45, 0.25, 0.3] as [number, number, number] };

/** Small budgets so that the suite stays fast. */
const BUDGETS: Partial<SandboxBudgets> = { cpuMs: 150, memoryBytes: 8 * 1024 * 1024, wallMs: 5_000, calls: 50, outputChars: 4_096 };

interface Case {
  name: string;
  program: string;
  /** The error's type (`name`), and for budgets which budget. */
  type: string;
  budget?: string;
  /** Text the message must contain. */
  says?: RegExp;
  /** Budgets for this case only. */
  budgets?: Partial<SandboxBudgets>;
}

const CASES: Case[] = [
  // Runaway computation.
  { name: 'infinite while loop', program: 'while (true) {}', type: 'BudgetError', budget: 'cpu' },
  { name: 'infinite for loop with work', program: 'let x = 0; for (;;) x = (x + 1) % 7;', type: 'BudgetError', budget: 'cpu' },
  { name: 'infinite loop that swallows every error', program: 'for (;;) { try { while (true) {} } catch (e) {} }', type: 'BudgetError', budget: 'cpu' },
  { name: 'catastrophic regular expression', program: "/(a+)+$/.test('a'.repeat(40) + 'b')", type: 'BudgetError', budget: 'cpu' },
  // Memory.
  { name: 'array memory bomb', program: 'const a = []; for (;;) a.push(new ArrayBuffer(1 << 20));', type: 'BudgetError', budget: 'memory' },
  { name: 'one huge string', program: "const s = 'x'.repeat(2 ** 29); s.length", type: 'BudgetError', budget: 'memory' },
  { name: 'string flood', program: "const a = []; for (;;) a.push('x'.repeat(1 << 16) + a.length);", type: 'BudgetError', budget: 'memory' },
  {
    name: 'memory bomb that catches its out-of-memory error and carries on',
    program: "let a = []; try { for (;;) a.push(new ArrayBuffer(1 << 20)); } catch (e) { a = null; } get_center('milk');",
    type: 'BudgetError',
    budget: 'memory',
  },
  // Recursion.
  { name: 'deep recursion', program: 'function f(n) { return f(n + 1) + 1; } f(0);', type: 'BudgetError', budget: 'stack' },
  { name: 'recursion through a getter', program: 'const o = { get x() { return o.x; } }; o.x;', type: 'BudgetError', budget: 'stack' },
  { name: 'recursion through toJSON', program: 'const o = { toJSON() { return [o]; } }; JSON.stringify(o);', type: 'BudgetError', budget: 'stack' },
  { name: 'recursion through a Proxy trap', program: 'const p = new Proxy({}, { get() { return p.y; } }); p.x;', type: 'BudgetError', budget: 'stack' },
  {
    name: 'skill call from deep recursion',
    program: 'function f(n) { return n === 0 ? move_to_position([0.3, 0, 0.1]) : f(n - 1); } f(40);',
    type: 'BudgetError',
    budget: 'stack',
  },
  // Output.
  { name: 'huge output', program: "for (;;) console.log('spam '.repeat(100));", type: 'BudgetError', budget: 'output' },
  { name: 'one enormous log line', program: "console.log('x'.repeat(1e6))", type: 'BudgetError', budget: 'output' },
  // Skill-call flood.
  { name: 'skill call flood', program: "for (;;) get_center('milk');", type: 'BudgetError', budget: 'calls', budgets: { cpuMs: 5_000 } },
  // Reaching for the host.
  { name: 'process', program: 'process.exit(1);', type: 'RuntimeError', says: /'process' is not defined/ },
  { name: 'require', program: "const fs = require('fs');", type: 'UnknownSkillError', says: /require is not a skill of the arm/ },
  { name: 'dynamic import', program: "import('node:fs');", type: 'AsyncProgramError', says: /import\(\) is not available/ },
  { name: 'static import', program: "import fs from 'fs';", type: 'SyntaxError' },
  { name: 'globalThis has no host objects', program: "if (typeof globalThis.process !== 'undefined' || typeof globalThis.require !== 'undefined' || typeof Buffer !== 'undefined') move_to_position([9, 9, 9]); else throw new Error('nothing here');", type: 'RuntimeError', says: /nothing here/ },
  { name: 'constructor chain to Function', program: "this.constructor.constructor('return process')().exit(1);", type: 'RuntimeError', says: /'process' is not defined/ },
  { name: 'prototype chain of a skill', program: "move_to_position.constructor('return require')()('fs');", type: 'RuntimeError', says: /'require' is not defined/ },
  { name: 'eval of host names', program: "eval('process.mainModule.require(\"child_process\")');", type: 'RuntimeError', says: /'process' is not defined/ },
  { name: 'Function returning the global', program: "const g = Function('return this')(); g.process.exit(1);", type: 'RuntimeError', says: /cannot read property 'exit' of undefined/ },
  // Tampering with the language to fool the sandbox.
  {
    name: 'prototype pollution before a bad call',
    program: "Array.isArray = () => true; JSON.stringify = () => '[[0.3,0,0.1]]'; Object.prototype.e = 'x'; move_to_position([NaN, 0, 0.1]);",
    type: 'ArgumentError',
  },
  { name: 'overwriting a skill', program: "move_to_position = () => 1; get_center = null; move_to_position([5, 5, 5]);", type: 'SafetyError', says: /outside the workspace/ },
  // Promises and jobs.
  { name: 'promise job loop', program: 'Promise.resolve().then(function loop() { while (true) {} });', type: 'AsyncProgramError' },
  { name: 'async function with await', program: "async function go() { await move_to_position([0.3, 0, 0.1]); } go();", type: 'AsyncProgramError' },
  { name: 'top-level await', program: 'await move_to_position([0.3, 0, 0.1]);', type: 'SyntaxError', says: /await/ },
  // Bad arguments.
  { name: 'NaN coordinate', program: 'move_to_position([NaN, 0, 0.1]);', type: 'ArgumentError', says: /position\[0\] must be a finite number/ },
  { name: 'Infinity coordinate', program: 'move_to_position([0.3, Infinity, 0.1]);', type: 'ArgumentError', says: /position\[1\] must be a finite number \(got Infinity\)/ },
  { name: 'string instead of a position', program: "move_to_position('the milk');", type: 'ArgumentError', says: /expected position = \[x, y, z\]/ },
  { name: 'huge array as a position', program: 'move_to_position(new Array(1e5).fill(0.1));', type: 'ArgumentError', says: /an array of 100000 items/ },
  { name: 'too many arguments', program: 'move_to_position([0.3, 0, 0.1], [0, 0, 0]);', type: 'ArgumentError', says: /takes 1 argument \(position\), got 2/ },
  { name: 'a function as an object name', program: 'get_center(() => 1);', type: 'ArgumentError', says: /argument obj is a function/ },
  { name: 'a 10 000-character object name', program: "get_center('m'.repeat(10000));", type: 'ArgumentError', says: /10000-character string/ },
  { name: 'a caught bad call cannot be retried around', program: 'try { move_to_position([NaN, 0, 0]); } catch (e) {} move_to_position([0.3, 0, 0.1]);', type: 'ArgumentError' },
  // Undeclared skills and the envelope.
  { name: 'misspelt skill', program: 'move_to_positon([0.3, 0, 0.1]);', type: 'UnknownSkillError', says: /did you mean move_to_position\?/ },
  { name: 'a word far from any skill: no "did you mean"', program: 'grasp("milk");', type: 'UnknownSkillError', says: /^grasp is not a skill of the arm \(the arm's skills: / },
  { name: "another robot's skill", program: 'walk_to_position([1, 0, 0]);', type: 'UnknownSkillError', says: /skill of the quadruped/ },
  { name: 'target outside the workspace (reject policy)', program: 'move_to_position([1, 0, 0.1]);', type: 'SafetyError', says: /outside the workspace/ },
  { name: 'target in a keep-out zone', program: 'move_to_position([0.4, 0.2, 0.1]);', type: 'SafetyError', says: /keep-out zone "camera"/ },
  {
    name: 'a thrown object whose getter moves the robot after the program ended',
    program: 'throw { get message() { move_to_position([0.3, 0, 0.1]); return "moved"; } };',
    type: 'RuntimeError',
    says: /could not be read/,
  },
  { name: 'a skill called from a sort comparator', program: '[3, 1, 2].sort((a, b) => { move_to_position([NaN, a, b]); return a - b; });', type: 'ArgumentError' },
  { name: 'a thrown object with a looping getter', program: 'throw { get message() { while (true) {} } };', type: 'RuntimeError', says: /could not be read/ },
];

/** Whether a received call is one the envelope should let through. */
function allowed(skill: string, args: unknown[]): boolean {
  if (!isSkillName(skill) || !SKILLS[skill].args.safeParse(args).success) return false;
  const spec = SKILLS[skill];
  if (spec.targetArg === undefined) return true;
  const p = args[spec.targetArg] as number[];
  const inside = (box: { min: number[]; max: number[] }): boolean => p.every((v, i) => v >= box.min[i]! && v <= box.max[i]!);
  return inside(WORKSPACE) && !inside(KEEP_OUT);
}

describe('hostile programs', () => {
  for (const c of CASES) {
    it(`${c.name} ends with ${c.type}${c.budget ? ` (${c.budget})` : ''}`, async () => {
      const backend = new FakeBackend({ safety: { workspace: WORKSPACE, workspacePolicy: 'reject', keepOut: [KEEP_OUT] } });
      const run = await runProgram(c.program, backend, { budgets: { ...BUDGETS, ...c.budgets } });
      expect(run.ok).toBe(false);
      expect(run.error?.type).toBe(c.type);
      expect(run.failure?.name).toBe(c.type);
      if (c.budget) expect(run.failure).toMatchObject({ budget: c.budget });
      if (c.says) expect(run.error?.message).toMatch(c.says);
      for (const call of backend.received) expect(allowed(call.skill, call.args), `${call.skill}(${JSON.stringify(call.args)}) reached the backend`).toBe(true);
      // A program that stops on an error leaves the robot stopped (a syntax error never started it).
      if (c.type !== 'SyntaxError') expect(backend.stops.length).toBeGreaterThan(0);
    });
  }

  it('the sandbox still runs a good program after all of them', async () => {
    const backend = new FakeBackend();
    const run = await runProgram("const p = get_center('milk'); move_to_position([p[0], p[1], p[2] + 0.1]);", backend, {});
    expect(run.error).toBeNull();
    expect(backend.received.map((c) => c.skill)).toEqual(['get_center', 'move_to_position']);
  });
});
