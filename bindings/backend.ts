/**
 * What an engine must provide for one model: views of its arena and the compute
 * entry points. The wasm core and the TS twin implement it; everything else
 * (validation, initialisation, sampling, import/export) lives once in Model.
 */
import type { Layout } from "./layout.js";
import type { EngineKind } from "./types.js";

export type FloatArray = Float32Array | Float64Array;

/** Arguments of one fused training step (forward, backward, clip, update). */
export interface ChunkArgs {
  T: number;
  inputMode: number;
  samplingProb: number;
  meanLoss: boolean;
  clipMode: number;
  clipThreshold: number;
  optimizer: number;
  lr: number;
  beta1: number;
  beta2: number;
  eps: number;
  /** 1-based optimizer step count (Adam bias correction) */
  step: number;
  /** GROUP_BIT mask of frozen parameter groups */
  freezeMask: number;
  /** also fill "stepGradNorm" (‖∂L/∂h_t‖ per step); skipped otherwise */
  stepGradNorms: boolean;
}

export interface Backend {
  readonly kind: EngineKind;
  readonly layout: Layout;
  /** The float region of the arena; may change identity when wasm memory grows. */
  floats(): FloatArray;
  ints(): Int32Array;
  /** Scheduled-sampling PRNG state (uint32). */
  rngState: number;
  forward(T: number, inputMode: number, samplingProb: number): number;
  /** stepNorms (default true): also fill "stepGradNorm" */
  backward(T: number, inputMode: number, gradScale: number, stepNorms?: boolean): void;
  clip(mode: number, threshold: number): number;
  update(optimizer: number, lr: number, beta1: number, beta2: number, eps: number, step: number, start: number, len: number): void;
  /** Forward, backward, clip, update and state carry in one call; results land in "stats". */
  trainChunk(a: ChunkArgs): void;
  dispose(): void;
}

/** Contiguous parameter ranges that are not frozen, merged where adjacent. */
export function updateRanges(layout: Layout, freezeMask: number): Array<[number, number]> {
  const ranges: Array<[number, number]> = [];
  const order = ["W_x", "W_h", "b", "W_y", "b_y"] as const;
  order.forEach((name, bit) => {
    if (freezeMask & (1 << bit)) return;
    const { offset, size } = layout.blocks[name];
    const last = ranges[ranges.length - 1];
    if (last && last[0] + last[1] === offset) last[1] += size;
    else ranges.push([offset, size]);
  });
  return ranges;
}
