import variant from '@jitl/quickjs-wasmfile-release-asyncify';
import { Lifetime, QuickJSAsyncRuntime, QuickJSAsyncWASMModule } from 'quickjs-emscripten-core';
/**
 * The asyncified QuickJS WebAssembly instances programs run in. Loading one costs ~20 ms, so
 * instances are kept and reused; every program still gets a fresh runtime and context.
 *
 * Asyncify can suspend only one call per instance at a time, so an instance runs one program
 * at a time: `acquire()` hands out an idle instance (or loads another one when all are busy)
 * and `release()` returns it. An instance whose WebAssembly state may be damaged (a trap, a
 * host stack overflow while suspended) is `discard`ed instead, never reused.
 */
/**
 * quickjs-emscripten 0.32.0's `QuickJSAsyncWASMModule.newRuntime` unregisters the runtime's
 * callbacks *before* `QTS_FreeRuntime`, so freeing a runtime that still holds an asyncified
 * host function throws "QuickJSRuntime(rt = …) not found when trying to free HostRef"
 * (justjake/quickjs-emscripten#261, fixed upstream by #256 after 0.32.0). This override is the
 * upstream fix: free the runtime first, then unregister it. Remove it when the fix is released.
 */
class SandboxWasmModule extends QuickJSAsyncWASMModule {
    newRuntime() {
        const rt = new Lifetime(this.ffi.QTS_NewRuntime(), undefined, (ptr) => {
            this.ffi.QTS_FreeRuntime(ptr);
            this.callbacks.deleteRuntime(ptr);
        });
        return new QuickJSAsyncRuntime({ module: this.module, ffi: this.ffi, rt, callbacks: this.callbacks });
    }
}
/** Emscripten loaders arrive wrapped in one or two `default`s depending on the module format. */
function unwrapDefault(value) {
    if (typeof value === 'function')
        return value;
    const inner = value.default;
    return typeof inner === 'function' ? inner : inner.default;
}
const PAGE = 64 * 1024;
/**
 * Hard cap on an instance's WebAssembly memory. QuickJS's own memory limit cannot see the size
 * of allocations under Emscripten (its `malloc_usable_size` is 0 there, so it counts only
 * per-allocation overhead), so one `'x'.repeat(n)` or `new Array(n).fill(0)` could otherwise
 * grow the host's memory to 2 GiB. At the cap, allocations fail and the program gets an
 * out-of-memory error.
 */
export const INSTANCE_MAX_BYTES = 128 * 1024 * 1024;
/** Instances whose memory grew past this are dropped after their program, so that the host gets it back. */
const REUSE_MAX_BYTES = 48 * 1024 * 1024;
/** Loads one asyncified QuickJS instance (what `newQuickJSAsyncWASMModuleFromVariant` does, with the fixed runtime and capped memory). */
async function loadInstance() {
    const [loader, Ffi] = await Promise.all([variant.importModuleLoader(), variant.importFFI()]);
    // Emscripten's default start: 16 MiB.
    const wasmMemory = new WebAssembly.Memory({ initial: (16 * 1024 * 1024) / PAGE, maximum: INSTANCE_MAX_BYTES / PAGE });
    const emscripten = await unwrapDefault(loader)({ wasmMemory });
    emscripten.type = 'async';
    return new SandboxWasmModule(emscripten, new Ffi(emscripten));
}
/** Idle instances kept for reuse; more are loaded on demand while programs run concurrently. */
const MAX_IDLE = 2;
const idle = [];
/** An instance for one program run; give it back with `release` or `discard`. */
export async function acquireInstance() {
    return idle.pop() ?? (await loadInstance());
}
/** Bytes of WebAssembly memory an instance holds (it only grows). */
export function instanceMemoryBytes(instance) {
    return instance.getWasmMemory().buffer.byteLength;
}
/** Returns an instance whose program finished cleanly. */
export function releaseInstance(instance) {
    if (!(instance instanceof SandboxWasmModule) || instanceMemoryBytes(instance) > REUSE_MAX_BYTES)
        return;
    if (idle.length < MAX_IDLE && !idle.includes(instance))
        idle.push(instance);
}
/** Drops an instance whose state may be damaged; the garbage collector reclaims its memory. */
export function discardInstance(instance) {
    const i = idle.indexOf(instance);
    if (i >= 0)
        idle.splice(i, 1);
}
/** Loads an instance ahead of the first program so that its start-up is not paid by a run. */
export async function warmUpSandbox() {
    releaseInstance(await acquireInstance());
}
//# sourceMappingURL=sandbox-wasm.js.map