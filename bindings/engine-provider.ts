/**
 * One engine of each kind per JavaScript context (the page, or one worker), shared by
 * everything that runs there: the page's views, tasks on the main thread, and the tasks
 * of a worker. "wasm" falls back to the plain-TS twin when WebAssembly cannot start
 * (a content security policy without 'wasm-unsafe-eval', an old browser), so a view or a
 * task still runs, slower; the engine's `kind` says which one it got.
 */
import { createEngine, type Engine } from "./engine.js";
import type { EngineKind } from "./types.js";

const engines = new Map<EngineKind, Promise<Engine>>();
let compiledCore: WebAssembly.Module | undefined;

/**
 * A worker receives the core compiled once by the page; engines made after this call
 * instantiate it instead of compiling their own copy.
 */
export function useCompiledCore(module: WebAssembly.Module | undefined): void {
  compiledCore = module;
}

export function sharedEngine(kind: EngineKind = "wasm"): Promise<Engine> {
  let e = engines.get(kind);
  if (!e) {
    e = kind === "wasm"
      ? createEngine("wasm", { module: compiledCore }).catch(() => createEngine("ts"))
      : createEngine(kind);
    engines.set(kind, e);
  }
  return e;
}
