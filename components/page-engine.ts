/**
 * One engine of each kind for the whole page, shared by the views whose work is small
 * enough to run on the page rather than in a worker: a few-unit RNN runs in
 * microseconds, a 4-unit gated cell trains in tens of milliseconds (in slices), and
 * the character lab generates from its trained model. "wasm" falls back to the
 * plain-TS twin when WebAssembly cannot start (e.g. a page whose content security
 * policy forbids it).
 */
import { createEngine, type Engine } from "../bindings/engine.js";
import type { EngineKind } from "../bindings/types.js";
import type { ReactiveController, ReactiveControllerHost } from "lit";

const engines = new Map<EngineKind, Promise<Engine>>();

export function pageEngine(kind: EngineKind = "wasm"): Promise<Engine> {
  let e = engines.get(kind);
  if (!e) {
    e = kind === "wasm" ? createEngine("wasm").catch(() => createEngine("ts")) : createEngine("ts");
    engines.set(kind, e);
  }
  return e;
}

/** Yields to the page so input and rendering stay responsive between slices of work. */
export function yieldToPage(): Promise<void> {
  const s = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  return s?.yield ? s.yield() : new Promise((r) => setTimeout(r, 0));
}

/**
 * Gives a view the page engine of the kind its settings ask for, and follows that
 * setting: when the `engine` attribute changes, the view gets the other engine.
 * `failure` says why the engine could not start.
 */
export class PageEngineController implements ReactiveController {
  engine?: Engine;
  failure = "";
  private kind?: EngineKind;

  constructor(private readonly host: ReactiveControllerHost, private readonly wanted: () => EngineKind) {
    host.addController(this);
  }

  hostConnected() { this.follow(); }
  hostUpdate() { this.follow(); }

  private follow() {
    const kind = this.wanted();
    if (kind === this.kind) return;
    this.kind = kind;
    pageEngine(kind).then(
      (e) => { if (this.kind === kind) { this.engine = e; this.failure = ""; this.host.requestUpdate(); } },
      (e) => { this.failure = String((e as Error)?.message ?? e); this.host.requestUpdate(); });
  }
}
