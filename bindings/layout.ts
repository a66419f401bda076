/**
 * The arena layout shared by both engines. A model lives in one block of memory:
 * a float region (parameters, gradients, optimizer moments, per-chunk caches) and
 * an int region (tokens, targets). Offsets are in elements. The wasm core reads the
 * same offsets from a header (see HEADER_DIMS and assembly/model.ts); the TS twin
 * indexes a Float32Array/Float64Array with them.
 */
import { GATE_COUNT, type CellKind } from "./types.js";

export interface Dims { cell: CellKind; inputSize: number; hiddenSize: number; outputSize: number; maxSeqLen: number }

/** Float buffers in arena order. Names match the parameter names of docs/math.md. */
export const FLOAT_BUFFERS = [
  "params", "grads", "m1", "m2", // P each; params = W_x | W_h | b | W_y | b_y
  "h", "c", "dh0", "dc0",        // carried state and its gradient, H each
  "xs", "ys",                    // real inputs T x I, real targets T x O
  "hs", "cs",                    // (T+1) x H, row 0 = state before the chunk
  "gates",                       // T x GH activated gates (lstm i,f,g,o; gru z,r,g)
  "aux",                         // T x H: lstm tanh(c_t); gru r ⊙ h_{t-1}
  "outs", "probs",               // T x O logits/predictions; softmax, then dL/dy
  "dz",                          // T x GH gradient w.r.t. pre-activations (wasm forward: real-input pre-activations)
  "dhy",                         // T x H: ∂L/∂h_t through the output at t (wasm backward, one product per chunk)
  "dh", "dhn", "dcn", "tmp",     // H, H, H, max(GH, H)
  "stepGradNorm", "stepLoss",    // T: ‖∂L/∂h_t‖ and loss per step
  "stats",                       // 8: loss, count, gradNorm, clipped, finite
] as const;
export type FloatBuffer = (typeof FLOAT_BUFFERS)[number];

export const INT_BUFFERS = ["tokens", "targets", "fed"] as const;
export type IntBuffer = (typeof INT_BUFFERS)[number];

/** Index of each statistic in the "stats" buffer. */
export const STAT = { loss: 0, count: 1, gradNorm: 2, clipped: 3, finite: 4 } as const;

/** Integer header read by the wasm core: dims, then float offsets, then int offsets. */
export const HEADER_DIMS = ["cell", "activation", "loss", "I", "H", "O", "rng", "P"] as const;
export const HEADER_SIZE = HEADER_DIMS.length + FLOAT_BUFFERS.length + INT_BUFFERS.length;

export interface ParamBlock { offset: number; rows: number; cols: number; size: number }

export interface Layout {
  dims: Dims;
  gates: number;
  /** parameter count */
  P: number;
  /** parameter blocks inside "params" (and "grads", "m1", "m2") */
  blocks: Record<"W_x" | "W_h" | "b" | "W_y" | "b_y", ParamBlock>;
  floatOffset: Record<FloatBuffer, number>;
  floatSize: Record<FloatBuffer, number>;
  floatTotal: number;
  intOffset: Record<IntBuffer, number>;
  intSize: Record<IntBuffer, number>;
  intTotal: number;
}

/** Rounds up to a multiple of 4 elements so every buffer starts 16-byte aligned. */
const align4 = (n: number) => (n + 3) & ~3;

export function computeLayout(dims: Dims): Layout {
  const { cell, inputSize: I, hiddenSize: H, outputSize: O, maxSeqLen: T } = dims;
  const G = GATE_COUNT[cell];
  const GH = G * H;
  const blocks = {} as Layout["blocks"];
  let p = 0;
  for (const [name, rows, cols] of [["W_x", GH, I], ["W_h", GH, H], ["b", GH, 1], ["W_y", O, H], ["b_y", O, 1]] as const) {
    blocks[name] = { offset: p, rows, cols, size: rows * cols };
    p += rows * cols;
  }
  const P = p;
  const floatSize: Record<FloatBuffer, number> = {
    params: P, grads: P, m1: P, m2: P, h: H, c: H, dh0: H, dc0: H,
    xs: T * I, ys: T * O, hs: (T + 1) * H, cs: cell === "lstm" ? (T + 1) * H : 0,
    gates: cell === "rnn" ? 0 : T * GH, aux: cell === "rnn" ? 0 : T * H,
    outs: T * O, probs: T * O, dz: T * GH, dhy: T * H, dh: H, dhn: H, dcn: H, tmp: Math.max(GH, H),
    stepGradNorm: T, stepLoss: T, stats: 8,
  };
  const floatOffset = {} as Record<FloatBuffer, number>;
  let f = 0;
  for (const name of FLOAT_BUFFERS) { floatOffset[name] = f; f += align4(floatSize[name]); }
  const intSize: Record<IntBuffer, number> = { tokens: T, targets: T, fed: T };
  const intOffset = {} as Record<IntBuffer, number>;
  let k = 0;
  for (const name of INT_BUFFERS) { intOffset[name] = k; k += align4(intSize[name]); }
  return { dims, gates: G, P, blocks, floatOffset, floatSize, floatTotal: f, intOffset, intSize, intTotal: k };
}

export const CELL_CODE: Record<CellKind, number> = { rnn: 0, lstm: 1, gru: 2 };
export const ACTIVATION_CODE = { tanh: 0, relu: 1, sigmoid: 2, linear: 3 } as const;
export const LOSS_CODE = { "softmax-ce": 0, mse: 1 } as const;
export const OPTIMIZER_CODE = { sgd: 0, momentum: 1, adagrad: 2, adam: 3 } as const;
export const CLIP_CODE = { none: 0, norm: 1, value: 2 } as const;
/** Bit per parameter group in a freeze mask, in the order of the params block. */
export const GROUP_BIT = { W_x: 1, W_h: 2, b: 4, W_y: 8, b_y: 16 } as const;
