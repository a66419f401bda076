/**
 * One engine on the page for the gated-cell lessons: a 4-unit cell trains in tens of
 * milliseconds, so it runs on the page (in slices) rather than in a worker. Falls back
 * to the plain-TS twin when WebAssembly cannot start (e.g. a strict content policy).
 */
import { createEngine, type Engine } from "../../bindings/engine.js";

let engine: Promise<Engine> | undefined;

export function pageEngine(): Promise<Engine> {
  return (engine ??= createEngine("wasm").catch(() => createEngine("ts")));
}

/** Yields to the page so input and rendering stay responsive between slices of work. */
export function yieldToPage(): Promise<void> {
  const s = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  return s?.yield ? s.yield() : new Promise((r) => setTimeout(r, 0));
}
