/**
 * The code that runs inside each fresh QuickJS context before the program: it defines one
 * global function per skill and `console.log`, over three host functions that it keeps in a
 * closure (the program cannot reach them). Everything it relies on is captured before the
 * program runs, so a program that overwrites `JSON`, `Array.prototype` or `String.prototype`
 * changes nothing here.
 *
 * Arguments cross to the host as JSON built by a bounded walk (arrays of at most 16 items, 2
 * levels, strings of at most 256 characters; NaN, Infinity, undefined, functions and symbols
 * tagged so the host can say what was passed), so a huge array or a cyclic object costs the
 * host nothing. Results come back as JSON: `{"v": value}`, or `{"e": message}` for a failed
 * query, which is thrown here as a `SkillError` with the program's line in its stack.
 *
 * The bootstrap returns `describe(e)`, which reads a thrown value out as JSON for the host
 * and disables the skills first (a getter on the thrown value must not call one then).
 * When the host refuses a call, the wrapper reports the program's stack through `hostWhere`
 * so that the error names the program line; a stack is built only then, because building
 * one costs more than the whole call otherwise.
 */
export declare const PRELUDE_FILENAME = "robotool-prelude.js";
/** Tags for values JSON cannot carry; the host turns them back into descriptions. */
export declare const TAG = "\0robotool";
export declare const PRELUDE: string;
//# sourceMappingURL=sandbox-prelude.d.ts.map