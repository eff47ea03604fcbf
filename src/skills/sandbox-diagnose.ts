import { checkProgram } from './program-check.ts';
import { SKILLS, skillsFor, type SkillRobot } from './registry.ts';
import {
  AsyncProgramError,
  BudgetError,
  ProgramRuntimeError,
  ProgramSyntaxError,
  SkillError,
  UnknownSkillError,
  type ProgramStopError,
  type SourcePosition,
} from './sandbox-errors.ts';
import { editDistance } from '../scene/words.ts';

/** Turns what the interpreter threw into a typed error with the program's line. */

/** The file name programs are evaluated under; stack traces name it. */
export const PROGRAM_FILENAME = 'program.js';

/** An error thrown inside the interpreter, read out as plain data. */
export interface VmError {
  name: string;
  message: string;
  stack: string;
  /**
   * Where the prelude found it came from, by identity: a failed query's error (`skill`), the
   * engine's own InternalError (`engine`: out of memory, stack overflow), or the program.
   */
  origin?: 'skill' | 'engine' | 'program';
}

/** The error for a program that does not parse (the host's compile step failed). */
export function parseError(err: VmError, source: string, robot: SkillRobot): ProgramSyntaxError {
  const at = programPosition(err.stack);
  const hint = checkProgram(source, robot).find((p) => /await|import/.test(p));
  return new ProgramSyntaxError(`${err.message}${at.line ? ` (line ${at.line}${at.column ? `, column ${at.column}` : ''})` : ''}${hint ? `; ${hint}` : ''}`, at);
}

/** The first program line:column in a QuickJS stack trace (`at f (program.js:3:7)`). */
export function programPosition(stack: string): SourcePosition {
  const m = /program\.js:(\d+)(?::(\d+))?/.exec(stack);
  if (!m) return {};
  return { line: Number(m[1]), ...(m[2] ? { column: Number(m[2]) } : {}) };
}

/**
 * The robot's skill whose name is closest to `name`, or '' when none is close enough to be a
 * slip (more than a third of the letters differ; `grasp` is not a misspelt `get_size`).
 */
export function closestSkill(name: string, robot: SkillRobot): string {
  const names = skillsFor(robot).map((s) => s.name);
  const lower = name.toLowerCase();
  const best = names.reduce((b, n) => (editDistance(lower, n) < editDistance(lower, b) ? n : b), names[0]!);
  return editDistance(lower, best) <= Math.max(2, Math.floor(best.length / 3)) ? best : '';
}

/** The message for a call to something that is not one of the robot's skills. */
export function unknownSkill(name: string, robot: SkillRobot, at: SourcePosition): UnknownSkillError {
  const closest = closestSkill(name, robot);
  const own = skillsFor(robot).map((s) => s.name).join(', ');
  const other = Object.values(SKILLS).find((s) => s.name === name);
  const why = other
    ? `${name} is a skill of the ${other.robots.join('/')}, not of the ${robot}`
    : `${name} is not a skill of the ${robot}`;
  return new UnknownSkillError(name, closest, `${why}${closest ? `; did you mean ${closest}?` : ''} (the ${robot}'s skills: ${own}; also Math and console.log)`, at);
}

/**
 * Classifies an error a running program ended with. The type follows where the host caught it,
 * never the thrown value's name: a parse error never gets here (see `parseError`), so a
 * runtime SyntaxError (`JSON.parse('{oops')`) is a RuntimeError; SkillError needs the prelude's
 * own failed-query error; a budget needs the engine's own InternalError.
 */
export function classifyVmError(
  err: VmError,
  source: string,
  robot: SkillRobot,
  limits: { memoryBytes: number; stackBytes: number },
): ProgramStopError {
  const at = programPosition(err.stack);
  if (err.origin === 'skill') return new SkillError(err.message, at);
  if (err.origin === 'engine') {
    if (/^out of memory$/.test(err.message)) {
      return new BudgetError('memory', limits.memoryBytes, `the program needed more than ${limits.memoryBytes} bytes`, at);
    }
    if (/^stack overflow$/.test(err.message)) {
      return new BudgetError('stack', limits.stackBytes, `recursion deeper than the ${limits.stackBytes}-byte stack allows`, at);
    }
  }
  if (err.name === 'ReferenceError') {
    const name = /^'?([\w$]+)'? is not defined/.exec(err.message)?.[1];
    if (name === 'Date') {
      return new ProgramRuntimeError(err.name, `${err.message}: the sandbox has no Date (a program must do the same in the twin and on the robot, so it gets no clock)`, at);
    }
    const lineText = at.line ? (source.split('\n')[at.line - 1] ?? '') : source;
    if (name && new RegExp(`(^|[^\\w$.])${name.replace(/\$/g, '\\$')}\\s*\\(`).test(lineText)) return unknownSkill(name, robot, at);
  }
  return new ProgramRuntimeError(err.name, err.message, at);
}

/** The error for a program that left promise jobs behind: they never run in the sandbox. */
export function asyncProgram(source: string): AsyncProgramError {
  const what = /\bimport\s*\(/.test(source)
    ? 'import() is not available: the sandbox has no modules'
    : 'the program uses promises or async functions, whose callbacks never run in the sandbox';
  return new AsyncProgramError(`${what}; skills are plain blocking calls: call them directly, without await or then`);
}
