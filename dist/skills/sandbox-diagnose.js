import { checkProgram } from "./program-check.js";
import { SKILLS, skillsFor } from "./registry.js";
import { AsyncProgramError, BudgetError, ProgramRuntimeError, ProgramSyntaxError, SkillError, UnknownSkillError, } from "./sandbox-errors.js";
/** Turns what the interpreter threw into a typed error with the program's line. */
/** The file name programs are evaluated under; stack traces name it. */
export const PROGRAM_FILENAME = 'program.js';
/** The first program line:column in a QuickJS stack trace (`at f (program.js:3:7)`). */
export function programPosition(stack) {
    const m = /program\.js:(\d+)(?::(\d+))?/.exec(stack);
    if (!m)
        return {};
    return { line: Number(m[1]), ...(m[2] ? { column: Number(m[2]) } : {}) };
}
function editDistance(a, b) {
    const row = Array.from({ length: b.length + 1 }, (_, j) => j);
    for (let i = 1; i <= a.length; i++) {
        let diag = row[0];
        row[0] = i;
        for (let j = 1; j <= b.length; j++) {
            const up = row[j];
            row[j] = Math.min(up + 1, row[j - 1] + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
            diag = up;
        }
    }
    return row[b.length];
}
/** The robot's skill whose name is closest to `name`. */
export function closestSkill(name, robot) {
    const names = skillsFor(robot).map((s) => s.name);
    const lower = name.toLowerCase();
    return names.reduce((best, n) => (editDistance(lower, n) < editDistance(lower, best) ? n : best), names[0]);
}
/** The message for a call to something that is not one of the robot's skills. */
export function unknownSkill(name, robot, at) {
    const closest = closestSkill(name, robot);
    const own = skillsFor(robot).map((s) => s.name).join(', ');
    const other = Object.values(SKILLS).find((s) => s.name === name);
    const why = other
        ? `${name} is a skill of the ${other.robots.join('/')}, not of the ${robot}`
        : `${name} is not a skill of the ${robot}`;
    return new UnknownSkillError(name, closest, `${why}; did you mean ${closest}? (the ${robot}'s skills: ${own}; also Math and console.log)`, at);
}
/** Classifies an error the program's evaluation ended with. */
export function classifyVmError(err, source, robot, limits) {
    const at = programPosition(err.stack);
    switch (err.name) {
        case 'SyntaxError': {
            const hint = checkProgram(source, robot).find((p) => /await|import/.test(p));
            return new ProgramSyntaxError(`${err.message}${at.line ? ` (line ${at.line}${at.column ? `, column ${at.column}` : ''})` : ''}${hint ? `; ${hint}` : ''}`, at);
        }
        case 'SkillError':
            return new SkillError(err.message, at);
        case 'InternalError':
        case 'RangeError':
            if (/out of memory/.test(err.message)) {
                return new BudgetError('memory', limits.memoryBytes, `the program needed more than ${limits.memoryBytes} bytes`, at);
            }
            if (/stack overflow|call stack/i.test(err.message)) {
                return new BudgetError('stack', limits.stackBytes, `recursion deeper than the ${limits.stackBytes}-byte stack allows`, at);
            }
            break;
        case 'ReferenceError': {
            const name = /^'?([\w$]+)'? is not defined/.exec(err.message)?.[1];
            const lineText = at.line ? (source.split('\n')[at.line - 1] ?? '') : source;
            if (name && new RegExp(`(^|[^\\w$.])${name.replace(/\$/g, '\\$')}\\s*\\(`).test(lineText))
                return unknownSkill(name, robot, at);
            break;
        }
    }
    return new ProgramRuntimeError(err.name, err.message, at);
}
/** The error for a program that left promise jobs behind: they never run in the sandbox. */
export function asyncProgram(source) {
    const what = /\bimport\s*\(/.test(source)
        ? 'import() is not available: the sandbox has no modules'
        : 'the program uses promises or async functions, whose callbacks never run in the sandbox';
    return new AsyncProgramError(`${what}; skills are plain blocking calls: call them directly, without await or then`);
}
//# sourceMappingURL=sandbox-diagnose.js.map