/**
 * One engine on the page for the small lessons (a few-unit RNN run in microseconds
 * needs no worker). Falls back to the plain-TS twin when WebAssembly cannot start
 * (e.g. a page whose content security policy forbids it).
 */
import { createEngine, type Engine } from "../../bindings/engine.js";
import type { EngineKind } from "../../bindings/types.js";

const engines = new Map<EngineKind, Promise<Engine>>();

export function lessonEngine(kind: EngineKind = "wasm"): Promise<Engine> {
  let e = engines.get(kind);
  if (!e) {
    e = kind === "wasm" ? createEngine("wasm").catch(() => createEngine("ts")) : createEngine("ts");
    engines.set(kind, e);
  }
  return e;
}
