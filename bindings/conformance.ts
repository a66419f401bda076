/**
 * docs/math.md's case format: parse and validate a case, run it on an engine,
 * and return { loss, hidden, outputs, grads } with the contract's field names.
 */
import type { Engine } from "./engine.js";
import type { Gradients, Params } from "./model.js";
import { checkParams } from "./model-file.js";
import { ACTIVATIONS, CELLS, LOSSES, type Activation, type ModelConfig, type Sequence } from "./types.js";
import { fail, finiteMatrix, finiteVector, intInRange, isArrayLike, oneOf } from "./validate.js";

export interface ConformanceCase extends Pick<ModelConfig, "cell" | "activation" | "loss" | "inputSize" | "hiddenSize" | "outputSize"> {
  params: Params;
  sequence: Sequence;
  h0?: number[];
  c0?: number[];
}

export interface ConformanceResult {
  loss: number;
  hidden: number[][];
  outputs: number[][];
  grads: Gradients;
}

const SIZE_LIMIT = 4096;

/** Checks every field of a case; the error names the field and what was expected. */
export function parseCase(input: unknown): ConformanceCase {
  if (typeof input !== "object" || input === null || Array.isArray(input)) fail("case must be a JSON object");
  const c = input as Record<string, unknown>;
  if (c.cell === undefined) fail(`cell is missing: expected one of ${CELLS.map((x) => `"${x}"`).join(", ")}`);
  const cell = oneOf("cell", c.cell, CELLS);
  const activation = c.activation === undefined ? "tanh" : oneOf("activation", c.activation, ACTIVATIONS);
  const loss = c.loss === undefined ? "softmax-ce" : oneOf("loss", c.loss, LOSSES);
  for (const k of ["inputSize", "hiddenSize", "outputSize"]) if (c[k] === undefined) fail(`${k} is missing: expected an integer in [1, ${SIZE_LIMIT}]`);
  const I = intInRange("inputSize", c.inputSize, 1, SIZE_LIMIT);
  const H = intInRange("hiddenSize", c.hiddenSize, 1, SIZE_LIMIT);
  const O = intInRange("outputSize", c.outputSize, 1, SIZE_LIMIT);
  if (typeof c.params !== "object" || c.params === null) fail("params is missing: expected an object with W_x, W_h, b, W_y, b_y");
  const params = checkParams("params", c.params, { cell, inputSize: I, hiddenSize: H, outputSize: O });
  const hasTokens = c.tokens !== undefined, hasInputs = c.inputs !== undefined;
  if (hasTokens === hasInputs) fail("the case needs exactly one of inputs (T × inputSize reals) or tokens (T integers)");
  const steps = (hasTokens ? c.tokens : c.inputs) as unknown;
  if (!isArrayLike(steps) || steps.length === 0) fail(`${hasTokens ? "tokens" : "inputs"} must be a non-empty array`);
  const T = steps.length;
  if (hasTokens) for (let t = 0; t < T; t++) intInRange(`tokens[${t}]`, steps[t], 0, I - 1);
  else finiteMatrix("inputs", steps, T, I);
  if (!isArrayLike(c.targets)) fail(`targets is missing: expected an array of ${T} entries (null for no loss)`);
  if (c.targets.length !== T) fail(`targets must have ${T} entries (one per step), got ${c.targets.length}`);
  const targets = Array.from(c.targets as ArrayLike<unknown>, (y, t) => {
    if (y === null) return null;
    return loss === "softmax-ce" ? intInRange(`targets[${t}]`, y, 0, O - 1) : Array.from(finiteVector(`targets[${t}]`, y, O));
  });
  const sequence: Sequence = hasTokens ? { tokens: Array.from(steps as ArrayLike<number>), targets } : { inputs: toNested(steps as ArrayLike<ArrayLike<number>>), targets };
  const out: ConformanceCase = { cell, activation: activation as Activation, loss, inputSize: I, hiddenSize: H, outputSize: O, params, sequence };
  if (c.h0 !== undefined && c.h0 !== null) out.h0 = Array.from(finiteVector("h0", c.h0, H));
  if (c.c0 !== undefined && c.c0 !== null) {
    if (cell !== "lstm") fail(`c0 is only for lstm cells, this case is ${cell}`);
    out.c0 = Array.from(finiteVector("c0", c.c0, H));
  }
  if (cell !== "rnn" && c.activation !== undefined && c.activation !== "tanh") fail("activation applies to rnn cells only");
  return out;
}

/** Runs a parsed case: one forward and full BPTT over the whole sequence. */
export function runCase(engine: Engine, k: ConformanceCase): ConformanceResult {
  const T = (k.sequence.tokens ?? k.sequence.inputs)!.length;
  const model = engine.createModel({ cell: k.cell, activation: k.activation, loss: k.loss, inputSize: k.inputSize,
    hiddenSize: k.hiddenSize, outputSize: k.outputSize, maxSeqLen: T }, { initialize: false });
  try {
    model.setParams(k.params);
    model.setState({ h: k.h0 ?? new Array(k.hiddenSize).fill(0), c: k.cell === "lstm" ? k.c0 ?? new Array(k.hiddenSize).fill(0) : undefined });
    const fwd = model.forward(k.sequence);
    const grads = model.backward();
    if (k.cell !== "lstm") delete grads.c0;
    return { loss: fwd.loss, hidden: fwd.hidden, outputs: fwd.outputs, grads };
  } finally {
    model.dispose();
  }
}

function toNested(m: ArrayLike<ArrayLike<number>>): number[][] { return Array.from(m, (r) => Array.from(r)); }
