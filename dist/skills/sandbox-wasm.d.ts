import { QuickJSAsyncWASMModule } from 'quickjs-emscripten-core';
/**
 * Hard cap on an instance's WebAssembly memory. QuickJS's own memory limit cannot see the size
 * of allocations under Emscripten (its `malloc_usable_size` is 0 there, so it counts only
 * per-allocation overhead), so one `'x'.repeat(n)` or `new Array(n).fill(0)` could otherwise
 * grow the host's memory to 2 GiB. At the cap, allocations fail and the program gets an
 * out-of-memory error.
 */
export declare const INSTANCE_MAX_BYTES: number;
/** An instance for one program run; give it back with `release` or `discard`. */
export declare function acquireInstance(): Promise<QuickJSAsyncWASMModule>;
/** Bytes of WebAssembly memory an instance holds (it only grows). */
export declare function instanceMemoryBytes(instance: QuickJSAsyncWASMModule): number;
/** Returns an instance whose program finished cleanly. */
export declare function releaseInstance(instance: QuickJSAsyncWASMModule): void;
/** Drops an instance whose state may be damaged; the garbage collector reclaims its memory. */
export declare function discardInstance(instance: QuickJSAsyncWASMModule): void;
/** Loads an instance ahead of the first program so that its start-up is not paid by a run. */
export declare function warmUpSandbox(): Promise<void>;
//# sourceMappingURL=sandbox-wasm.d.ts.map