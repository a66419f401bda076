/**
 * PageEngineController: a view's handle on the page's shared engine
 * (bindings/engine-provider.ts: one per kind, wasm falling back to the TS twin), for
 * views whose work is small enough to run on the page rather than in a worker.
 */
import type { Engine } from "../bindings/engine.js";
import { sharedEngine } from "../bindings/engine-provider.js";
import type { EngineKind } from "../bindings/types.js";
import type { ReactiveController, ReactiveControllerHost } from "lit";

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
    sharedEngine(kind).then(
      (e) => { if (this.kind === kind) { this.engine = e; this.failure = ""; this.host.requestUpdate(); } },
      (e) => { this.failure = String((e as Error)?.message ?? e); this.host.requestUpdate(); });
  }
}
