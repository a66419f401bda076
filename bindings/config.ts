/** Model configuration: defaults and validation, shared by the API, the CLI and saved files. */
import { ACTIVATIONS, CELLS, INITS, LOSSES, type ModelConfig } from "./types.js";
import { fail, intInRange, numInRange, oneOf } from "./validate.js";

export const LIMITS = { inputSize: 65_536, hiddenSize: 2048, outputSize: 65_536, maxSeqLen: 100_000 } as const;

export const DEFAULT_CONFIG: Omit<ModelConfig, "inputSize" | "outputSize"> = {
  cell: "rnn", activation: "tanh", loss: "softmax-ce", hiddenSize: 64, maxSeqLen: 25,
  init: "xavier", initScale: 0.1, forgetBias: 0, seed: 42,
};

const KNOWN = new Set(["cell", "activation", "loss", "inputSize", "hiddenSize", "outputSize", "maxSeqLen", "init", "initScale", "spectralRadius", "forgetBias", "seed"]);

/** Fills defaults and checks every field; throws naming the first bad field and its allowed range. */
export function normalizeConfig(input: unknown): ModelConfig {
  if (typeof input !== "object" || input === null) fail("config must be an object");
  const c = input as Record<string, unknown>;
  for (const k of Object.keys(c)) if (!KNOWN.has(k) && c[k] !== undefined) fail(`config.${k} is not a model setting (known: ${[...KNOWN].join(", ")})`);
  const d = DEFAULT_CONFIG as unknown as Record<string, unknown>;
  const get = (k: string) => (c[k] === undefined ? d[k] : c[k]);
  const cell = oneOf("cell", get("cell"), CELLS);
  const activation = oneOf("activation", get("activation"), ACTIVATIONS);
  if (cell !== "rnn" && c.activation !== undefined && c.activation !== "tanh") fail(`activation applies to rnn cells only; ${cell} cells use their own gates`);
  const config: ModelConfig = {
    cell, activation,
    loss: oneOf("loss", get("loss"), LOSSES),
    inputSize: intInRange("inputSize", c.inputSize, 1, LIMITS.inputSize),
    hiddenSize: intInRange("hiddenSize", get("hiddenSize"), 1, LIMITS.hiddenSize),
    outputSize: intInRange("outputSize", c.outputSize, 1, LIMITS.outputSize),
    maxSeqLen: intInRange("maxSeqLen", get("maxSeqLen"), 1, LIMITS.maxSeqLen),
    init: oneOf("init", get("init"), INITS),
    initScale: numInRange("initScale", get("initScale"), 0, 100, { lo: true }),
    forgetBias: numInRange("forgetBias", get("forgetBias"), -100, 100),
    seed: intInRange("seed", get("seed"), 0, 0xffffffff),
  };
  if (c.spectralRadius !== undefined) config.spectralRadius = numInRange("spectralRadius", c.spectralRadius, 0, 100);
  const floats = (config.inputSize + config.hiddenSize + config.outputSize) * config.hiddenSize * 4 * 4 + config.maxSeqLen * (config.inputSize + 8 * config.hiddenSize + 2 * config.outputSize);
  if (floats > 256 * 1024 * 1024) fail(`model is too large: about ${Math.round(floats * 4 / 2 ** 20)} MiB of arena (limit 1024 MiB); reduce hiddenSize, inputSize or maxSeqLen`);
  return config;
}
