import { z } from 'zod';
import { ObjectName, Position, Quaternion, signature } from "./registry.js";
import { ArgumentError } from "./sandbox-errors.js";
/**
 * Argument checks with messages a person can act on: which skill, which argument, what was
 * expected and what was passed.
 */
/** A value the sandbox could not carry to the host as itself (a function, a huge array): only its description. */
export class ForeignValue {
    description;
    constructor(description) {
        this.description = description;
    }
    /** Traces and JSON reports show the description. */
    toJSON() {
        return `<${this.description}>`;
    }
}
const EXPECTED = new Map([
    [Position, '[x, y, z]: three finite numbers in metres'],
    [ObjectName, 'an object name: a string of 1 to 64 characters'],
    [Quaternion, 'a unit quaternion [x, y, z, w]: four finite numbers'],
]);
/** The tuple items of a skill's argument schema (every registry skill declares a tuple). */
function items(spec) {
    return spec.args instanceof z.ZodTuple ? spec.args.def.items : [];
}
/** What a skill wants for argument `index`, in words. */
export function expectedArgument(spec, index) {
    const schema = items(spec)[index];
    return (schema && EXPECTED.get(schema)) ?? 'a value of the documented type';
}
/** A short, bounded description of a value for an error message. */
export function describeValue(v) {
    if (v instanceof ForeignValue)
        return v.description;
    if (typeof v === 'number')
        return Number.isFinite(v) ? String(v) : `${v}`;
    if (typeof v === 'string')
        return v.length > 40 ? `a ${v.length}-character string` : JSON.stringify(v);
    if (v === undefined)
        return 'undefined';
    if (Array.isArray(v)) {
        const inner = v.map(describeValue).join(', ');
        return inner.length > 80 ? `an array of ${v.length} items` : `[${inner}]`;
    }
    if (v === null)
        return 'null';
    return typeof v === 'object' ? 'an object' : String(v);
}
function at(value, path) {
    let cur = value;
    for (const key of path)
        cur = Array.isArray(cur) && typeof key === 'number' ? cur[key] : undefined;
    return cur;
}
/**
 * Validates a call's arguments against the skill's schema and returns the parsed arguments.
 * Throws ArgumentError naming the skill, the argument and what was expected.
 */
export function checkArguments(spec, args) {
    const n = spec.argNames.length;
    const plural = n === 1 ? 'argument' : 'arguments';
    if (args.length !== n) {
        const wanted = n === 0 ? 'no arguments' : `${n} ${plural} (${spec.argNames.join(', ')})`;
        throw new ArgumentError('schema', spec.name, 'arguments', wanted, `${signature(spec)} takes ${wanted}, got ${args.length}: ${describeValue([...args])}`);
    }
    const parsed = spec.args.safeParse(args);
    if (parsed.success)
        return parsed.data;
    const issue = parsed.error.issues[0];
    const [index, ...rest] = issue.path;
    const argIndex = typeof index === 'number' ? index : 0;
    const argument = spec.argNames[argIndex] ?? `argument ${argIndex + 1}`;
    const where = `${argument}${rest.map((k) => `[${String(k)}]`).join('')}`;
    const got = at(args, issue.path);
    const expected = expectedArgument(spec, argIndex);
    const rule = typeof got === 'number' && !Number.isFinite(got) ? 'finite' : 'schema';
    const problem = rule === 'finite'
        ? `must be a finite number (got ${describeValue(got)})`
        : issue.code === 'invalid_type'
            ? `is ${describeValue(got)}`
            : `${issue.message.replace(/^(Invalid input|Too small|Too big): /, '')} (got ${describeValue(got)})`;
    throw new ArgumentError(rule, spec.name, argument, expected, `${signature(spec)}: argument ${where} ${problem}; expected ${argument} = ${expected}`);
}
//# sourceMappingURL=safety-arguments.js.map