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
 * and disables the skills first (a getter on the thrown value must not call one then). It
 * also says where the value came from by identity (a failed query's error, the engine's own
 * InternalError, or the program), so a program cannot choose its error type by naming it.
 * `Math.random` is seeded from the host's seed and `Date` is removed (see `seed`).
 * When the host refuses a call, the wrapper reports the program's stack through `hostWhere`
 * so that the error names the program line; a stack is built only then, because building
 * one costs more than the whole call otherwise.
 */
export const PRELUDE_FILENAME = 'robotool-prelude.js';

/** Tags for values JSON cannot carry; the host turns them back into descriptions. */
export const TAG = '\u0000robotool';

export const PRELUDE = String.raw`(function (hostCall, hostLog, hostWhere, skillNamesJson, maxLine, seed) {
  'use strict';
  const G = globalThis;
  const ErrorCtor = Error;
  const apply = Reflect.apply;
  const isArray = Array.isArray;
  const stringify = JSON.stringify;
  const parse = JSON.parse;
  const defineProperty = Object.defineProperty;
  const freeze = Object.freeze;
  const isFiniteNumber = Number.isFinite;
  const StringCtor = String;
  const slice = String.prototype.slice;
  const hasOwn = Object.prototype.hasOwnProperty;
  const TAG = ${JSON.stringify(TAG)};
  const getPrototypeOf = Object.getPrototypeOf;
  const objectToString = Object.prototype.toString;
  const toStringTag = Symbol.toStringTag;
  const weakAdd = WeakSet.prototype.add;
  const weakHas = WeakSet.prototype.has;
  const skillErrors = new WeakSet();

  // The engine's own InternalError (out of memory, stack overflow) is kept here and taken from
  // the program, so that the host can tell an error the engine threw from one the program made.
  const engineInternal = typeof G.InternalError === 'function' ? G.InternalError.prototype : null;
  if (engineInternal) {
    delete engineInternal.constructor;
    freeze(engineInternal);
    delete G.InternalError;
  }

  // The same program must take the same branches in the twin and on the robot: Math.random is
  // seeded per episode (sfc32 from the host's seed) and there is no Date.
  let s0 = 0x9e3779b9, s1 = 0x243f6a88, s2 = 0xb7e15162, s3 = seed >>> 0;
  function random() {
    const t = (((s0 + s1) | 0) + s3) | 0;
    s3 = (s3 + 1) | 0;
    s0 = s1 ^ (s1 >>> 9);
    s1 = (s2 + (s2 << 3)) | 0;
    s2 = (s2 << 21) | (s2 >>> 11);
    s2 = (s2 + t) | 0;
    return (t >>> 0) / 4294967296;
  }
  for (let i = 0; i < 12; i++) random();
  defineProperty(Math, 'random', { value: random, writable: true, enumerable: false, configurable: true });
  delete G.Date;

  function tagged(kind, detail) {
    const t = {};
    t[TAG] = kind;
    if (detail !== undefined) t.detail = detail;
    return t;
  }

  function pack(v, depth) {
    switch (typeof v) {
      case 'number':
        return isFiniteNumber(v) ? v : tagged('number', StringCtor(v));
      case 'string':
        return v.length > 256 ? tagged('long-string', v.length) : v;
      case 'boolean':
        return v;
      case 'undefined':
        return tagged('undefined');
      case 'object': {
        if (v === null) return null;
        if (depth >= 2) return tagged('deep');
        if (isArray(v)) {
          const n = v.length;
          if (n > 16) return tagged('long-array', n);
          const out = [];
          for (let i = 0; i < n; i++) out[i] = pack(v[i], depth + 1);
          return out;
        }
        return tagged('object');
      }
      default:
        return tagged(typeof v);
    }
  }

  function named(e, name) {
    defineProperty(e, 'name', { value: name, writable: true, enumerable: false, configurable: true });
    return e;
  }


  let ended = false;

  function skill(name) {
    const fn = function () {
      // After the program, the host reads its error synchronously; suspending then would break the interpreter.
      if (ended) throw new ErrorCtor(name + ': the program has ended');
      const args = [];
      for (let i = 0; i < arguments.length && i < 16; i++) args[i] = pack(arguments[i], 0);
      if (arguments.length > 16) args[16] = tagged('more-arguments', arguments.length);
      let reply;
      try {
        reply = parse(hostCall(name, stringify(args)));
      } catch (e) {
        hostWhere(StringCtor(new ErrorCtor().stack));
        throw e;
      }
      if (apply(hasOwn, reply, ['e'])) {
        const failed = named(new ErrorCtor(reply.e), 'SkillError');
        apply(weakAdd, skillErrors, [failed]);
        throw failed;
      }
      return reply.v;
    };
    defineProperty(fn, 'name', { value: name });
    return freeze(fn);
  }

  function show(v) {
    if (typeof v === 'string') return v;
    if (typeof v === 'object' && v !== null) {
      try {
        const s = stringify(v);
        if (typeof s === 'string') return s;
      } catch (e) {
        return '[object]';
      }
    }
    return StringCtor(v);
  }

  const skillNames = parse(skillNamesJson);
  for (let i = 0; i < skillNames.length; i++) {
    defineProperty(G, skillNames[i], { value: skill(skillNames[i]), writable: false, enumerable: true, configurable: false });
  }
  const log = function () {
    let line = '';
    for (let i = 0; i < arguments.length; i++) {
      line += (i > 0 ? ' ' : '') + show(arguments[i]);
      if (line.length > maxLine) break;
    }
    hostLog(line.length > maxLine ? apply(slice, line, [0, maxLine + 1]) : line);
  };
  defineProperty(G, 'console', { value: freeze({ log: freeze(log) }), writable: false, enumerable: false, configurable: false });

  // Where a thrown value came from, decided by identity, never by its name: a failed query's
  // error made above, an error the engine itself threw (its InternalError), or the program.
  function originOf(e) {
    if (typeof e !== 'object' || e === null) return 'program';
    if (apply(weakHas, skillErrors, [e])) return 'skill';
    if (engineInternal !== null && getPrototypeOf(e) === engineInternal && e[toStringTag] === undefined && apply(objectToString, e, []) === '[object Error]') return 'engine';
    return 'program';
  }

  // Reads a thrown value out as JSON {name, message, stack, origin} without trusting its shape.
  return function describe(e) {
    ended = true;
    let origin = 'program';
    let name = 'Error';
    let message = '';
    let stack = '';
    try {
      origin = originOf(e);
      if ((typeof e === 'object' && e !== null) || typeof e === 'function') {
        const n = e.name;
        const m = e.message;
        const s = e.stack;
        if (typeof n === 'string') name = n;
        message = typeof m === 'string' ? m : '(a thrown ' + typeof e + ' without a message)';
        if (typeof s === 'string') stack = s;
      } else {
        name = 'Uncaught';
        message = 'the program threw ' + (typeof e === 'string' ? e : typeof e === 'symbol' ? 'a symbol' : StringCtor(e));
      }
    } catch (inner) {
      message = '(the thrown value could not be read)';
    }
    return stringify({ name: apply(slice, name, [0, 80]), message: apply(slice, message, [0, 1000]), stack: apply(slice, stack, [0, 4000]), origin: origin });
  };
})`;
