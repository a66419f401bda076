/**
 * The saved-model format: its envelope, config and parameter shapes, checked in full
 * before any memory is allocated or any initialisation runs, so a small hostile file
 * (a huge hiddenSize with no params) is refused at once instead of after seconds of work.
 */
import { normalizeConfig } from "./config.js";
import type { Params } from "./model.js";
import { GATE_COUNT, type ModelConfig } from "./types.js";
import { fail, finiteMatrix, finiteVector } from "./validate.js";

export const MODEL_FORMAT = "rnn-explorer-model";
export const MODEL_FORMAT_VERSION = 1;

export interface ModelJSON {
  format: typeof MODEL_FORMAT;
  version: number;
  config: ModelConfig;
  params: Params;
  state?: { h: number[]; c?: number[] };
  /** free-form data a caller keeps with the model (tokenizer, training progress, ...) */
  meta?: Record<string, unknown>;
}

type Shape = Pick<ModelConfig, "cell" | "inputSize" | "hiddenSize" | "outputSize">;

/** Checks every parameter group's shape and values against the sizes; returns plain nested copies. */
export function checkParams(field: string, params: unknown, c: Shape): Params {
  if (typeof params !== "object" || params === null) fail(`${field} must be an object with W_x, W_h, b, W_y, b_y`);
  const p = params as Record<string, unknown>, GH = GATE_COUNT[c.cell] * c.hiddenSize;
  const rows = (m: ArrayLike<ArrayLike<number>>) => Array.from(m, (r) => Array.from(r));
  return {
    W_x: rows(finiteMatrix(`${field}.W_x`, p.W_x, GH, c.inputSize)),
    W_h: rows(finiteMatrix(`${field}.W_h`, p.W_h, GH, c.hiddenSize)),
    b: Array.from(finiteVector(`${field}.b`, p.b, GH)),
    W_y: rows(finiteMatrix(`${field}.W_y`, p.W_y, c.outputSize, c.hiddenSize)),
    b_y: Array.from(finiteVector(`${field}.b_y`, p.b_y, c.outputSize)),
  };
}

/** Validates a whole saved model: envelope, config, every parameter and the optional state. */
export function checkModelJSON(json: unknown): ModelJSON & { config: ModelConfig } {
  if (typeof json !== "object" || json === null || Array.isArray(json)) fail("model file must be a JSON object");
  const j = json as Partial<ModelJSON>;
  if (j.format !== MODEL_FORMAT) fail(`model file must have format "${MODEL_FORMAT}", got ${JSON.stringify(j.format)}`);
  if (j.version !== MODEL_FORMAT_VERSION) fail(`model file version must be ${MODEL_FORMAT_VERSION}, got ${JSON.stringify(j.version)}`);
  if (typeof j.params !== "object" || j.params === null) fail("model file has no params");
  const config = normalizeConfig(j.config);
  const out: ModelJSON & { config: ModelConfig } = { ...(j as ModelJSON), config, params: checkParams("params", j.params, config) };
  if (j.state !== undefined) {
    if (typeof j.state !== "object" || j.state === null) fail("state must be an object with h (and c for lstm)");
    const s = j.state as { h?: unknown; c?: unknown };
    out.state = { h: Array.from(finiteVector("state.h", s.h, config.hiddenSize)) };
    if (s.c !== undefined) {
      if (config.cell !== "lstm") fail(`state.c is only for lstm cells, this model is ${config.cell}`);
      out.state.c = Array.from(finiteVector("state.c", s.c, config.hiddenSize));
    }
  }
  if (j.meta !== undefined && (typeof j.meta !== "object" || j.meta === null || Array.isArray(j.meta))) fail("meta must be an object");
  return out;
}
