import { Script } from 'node:vm';
import { skillsFor, type SkillRobot } from './registry.ts';

/**
 * Static checks on a Coder program before anything runs it, so that a broken program goes back
 * to the model with the reason instead of failing in the sandbox. Compiling with vm.Script
 * parses the program without executing it.
 */

/** The program's code with string contents and comments blanked, so that regexes see only code. */
function codeOnly(program: string): string {
  let out = '';
  for (let i = 0; i < program.length; i++) {
    const c = program[i]!;
    const next = program[i + 1];
    if (c === '/' && next === '/') {
      while (i < program.length && program[i] !== '\n') i++;
      out += '\n';
    } else if (c === '/' && next === '*') {
      const end = program.indexOf('*/', i + 2);
      i = end < 0 ? program.length : end + 1;
      out += ' ';
    } else if (c === '"' || c === "'" || c === '`') {
      out += c;
      for (i++; i < program.length && program[i] !== c; i++) {
        if (program[i] === '\\') i++;
      }
      out += c;
    } else {
      out += c;
    }
  }
  return out;
}

/** Callable names that are not skills: keywords followed by `(`, and the standard global functions. */
const NOT_SKILLS = new Set([
  'if', 'for', 'while', 'switch', 'catch', 'function', 'return', 'typeof', 'void', 'delete', 'new', 'in', 'of', 'do', 'else', 'throw', 'yield',
  'Number', 'String', 'Boolean', 'Array', 'Object', 'Error', 'TypeError', 'RangeError', 'Symbol', 'BigInt', 'Map', 'Set', 'RegExp',
  'parseInt', 'parseFloat', 'isNaN', 'isFinite',
  // Reported by their own check.
  'require', 'import', 'async', 'await',
]);

/** Problems that make a program unusable (empty list: fine as far as a static look can tell). */
export function checkProgram(program: string, robot: SkillRobot): string[] {
  const problems: string[] = [];
  const code = codeOnly(program);
  if (/\bawait\b/.test(code) || /\basync\b/.test(code)) {
    problems.push('the program uses await/async; skills are plain blocking calls: call them directly');
  }
  if (/(^|[^.\w$])import\s*[\s({*'"]/.test(code) || /\brequire\s*\(/.test(code)) {
    problems.push('the program imports modules; only the skills are available');
  }
  // A top-level await or import is a syntax error in a script: report the cause, not the symptom.
  if (problems.length === 0) {
    try {
      new Script(program, { filename: 'program.js' });
    } catch (err) {
      const line = /program\.js:(\d+)/.exec(err instanceof Error ? (err.stack ?? '') : '')?.[1];
      return [`the program is not valid JavaScript${line ? ` (line ${line})` : ''}: ${err instanceof Error ? err.message : String(err)}`];
    }
  }
  if (/(^|[^.\w$])Date\b/.test(code)) {
    problems.push('the program uses Date, which the sandbox does not have: a program must do the same in the twin and on the robot, so it gets no clock (Math.random is seeded per episode)');
  }
  const skills = new Set(skillsFor(robot).map((s) => s.name));
  const declared = new Set<string>();
  for (const m of code.matchAll(/\b(?:function\s*\*?\s*|const\s+|let\s+|var\s+)([A-Za-z_$][\w$]*)/g)) declared.add(m[1]!);
  const called = new Set<string>();
  for (const m of code.matchAll(/(^|[^.\w$])([A-Za-z_$][\w$]*)\s*\(/g)) called.add(m[2]!);
  const unknown = [...called].filter((n) => !skills.has(n) && !declared.has(n) && !NOT_SKILLS.has(n));
  if (unknown.length > 0) {
    problems.push(`the program calls ${unknown.join(', ')}, not among the ${robot}'s skills (${[...skills].join(', ')})`);
  }
  if (unknown.length === 0 && ![...called].some((n) => skills.has(n))) {
    problems.push(`the program calls none of the ${robot}'s skills`);
  }
  return problems;
}
