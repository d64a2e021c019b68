// Keeps the worker's first module compiled while the panel is open. V8 shares compiled wasm
// with every context of the process that compiles the same bytes, so each new worker (Chrome
// stops it after ~30 s idle) finds the module compiled, with the functions earlier workers
// compiled on their first calls, instead of compiling it again (docs/size-and-speed.md).
// Compiled only, never instantiated: the panel runs no core code.
import { MODULES, moduleSource } from '../module-cache.js';

/** @type {WebAssembly.Module | undefined} held for the panel's lifetime */
let held;

/** Compile the first module once, from the same cached bytes the worker reads. */
export async function holdCompiledCore() {
  held ??= await WebAssembly.compileStreaming(moduleSource(MODULES.first));
}
