/**
 * Engines: the wasm core (fast) and the plain-TS twin (readable, the oracle in
 * tests and the baseline in the bench). Both make the same Model.
 */
import { normalizeConfig } from "./config.js";
import { computeLayout } from "./layout.js";
import { Model } from "./model.js";
import { checkModelJSON } from "./model-file.js";
import { TwinBackend, type Precision } from "./twin/backend.js";
import type { EngineKind, ModelConfig } from "./types.js";
import { oneOf } from "./validate.js";
import { Allocator } from "./wasm/allocator.js";
import { WasmBackend } from "./wasm/backend.js";
import { instantiateCore, type CoreExports } from "./wasm/core.js";

export type ModelOptions = Partial<ModelConfig> & Pick<ModelConfig, "inputSize" | "outputSize">;

export interface Engine {
  readonly kind: EngineKind;
  /** initialize false: parameters start at zero, for a caller that sets them all. */
  createModel(options: ModelOptions, opts?: { initialize?: boolean }): Model;
  /** Builds a model from a file written by Model.exportJSON. */
  loadModel(json: unknown): Model;
}

abstract class BaseEngine implements Engine {
  abstract readonly kind: EngineKind;
  protected abstract backend(config: ModelConfig): ConstructorParameters<typeof Model>[0];
  createModel(options: ModelOptions, opts: { initialize?: boolean } = {}): Model {
    const config = normalizeConfig(options);
    return new Model(this.backend(config), config, opts.initialize ?? true);
  }
  loadModel(json: unknown): Model {
    // the whole file is checked first; the model is then filled from it, never initialised
    const j = checkModelJSON(json);
    const model = this.createModel(j.config, { initialize: false });
    try {
      model.setParams(j.params);
      if (j.state) model.setState(j.state);
    } catch (e) { model.dispose(); throw e; }
    return model;
  }
}

export class TsEngine extends BaseEngine {
  readonly kind = "ts" as const;
  constructor(readonly precision: Precision = "f32") { super(); }
  protected backend(c: ModelConfig) {
    return new TwinBackend(computeLayout(c), c.cell, c.activation, c.loss, this.precision);
  }
}

export class WasmEngine extends BaseEngine {
  readonly kind = "wasm" as const;
  readonly heap: Allocator;
  constructor(readonly core: CoreExports) { super(); this.heap = new Allocator(core.memory, core.heapBase()); }
  protected backend(c: ModelConfig) {
    return new WasmBackend(this.core, this.heap, computeLayout(c), c.cell, c.activation, c.loss);
  }
}

/** Creates an engine. Each wasm engine has its own instance (and memory). */
export async function createEngine(kind: EngineKind = "wasm", opts: { precision?: Precision; module?: WebAssembly.Module } = {}): Promise<Engine> {
  oneOf("engine", kind, ["wasm", "ts"] as const);
  if (kind === "ts") return new TsEngine(opts.precision);
  return new WasmEngine(await instantiateCore(opts.module));
}
