// Entry points of the core. Each takes the model header pointer first; the
// TS bindings own the memory layout and validate everything before calling.
import { bind, cell, cs, cState, GH, H, hs, hState, I, O, row, stats, STAT_COUNT, STAT_FINITE } from "./model";
import { forward as forwardChunk } from "./forward";
import { backward as backwardChunk } from "./backward";
import { clip as clipGrads, clipNormUpdate, update as updateRange } from "./optim";

export { matVecAcc, matTVecAcc, outerAcc, outerSum, dot } from "./kernels";
export { matMatT, matTMat } from "./chunk-kernels";
export { tanhArray, sigmoidArray } from "./math";
export { nextUniform } from "./prng";

/** First free byte after the core's static data: the TS allocator starts here. */
export function heapBase(): usize { return __heap_base; }

export function forward(hdr: usize, T: i32, inputMode: i32, samplingProb: f64): f64 {
  bind(hdr);
  return forwardChunk(T, inputMode, samplingProb);
}

export function backward(hdr: usize, T: i32, inputMode: i32, gradScale: f32, stepNorms: i32): void {
  bind(hdr);
  backwardChunk(T, inputMode, gradScale, stepNorms != 0);
}

export function clip(hdr: usize, mode: i32, threshold: f32): f64 {
  bind(hdr);
  return clipGrads(mode, threshold);
}

export function update(hdr: usize, opt: i32, lr: f32, beta1: f32, beta2: f32, eps: f32, step: i32, start: i32, len: i32): void {
  bind(hdr);
  updateRange(opt, lr, beta1, beta2, eps, step, start, len);
}

/**
 * One training step on a chunk: forward, backward, clip, update of every group not in
 * freezeMask, then carry the last state. A non-finite loss or gradient updates nothing.
 */
export function trainChunk(
  hdr: usize, T: i32, inputMode: i32, samplingProb: f64, meanLoss: i32, clipMode: i32, threshold: f32,
  opt: i32, lr: f32, beta1: f32, beta2: f32, eps: f32, step: i32, freezeMask: i32, stepNorms: i32,
): void {
  bind(hdr);
  const loss = forwardChunk(T, inputMode, samplingProb);
  const count = load<f32>(stats, STAT_COUNT << 2);
  backwardChunk(T, inputMode, meanLoss ? <f32>(1.0 / max<f64>(<f64>count, 1)) : 1, stepNorms != 0);
  if (clipMode != 2 && freezeMask == 0) {
    // the common case: norm clipping (or none) and the optimizer in one pass over the gradient
    const norm = clipNormUpdate(clipMode == 1 ? threshold : Infinity, opt, lr, beta1, beta2, eps, step, isFinite(loss));
    const finite = isFinite(loss) && isFinite(norm);
    store<f32>(stats, finite ? 1 : 0, STAT_FINITE << 2);
    if (!finite) return;
  } else {
    const norm = clipGrads(clipMode, threshold);
    const finite = isFinite(loss) && isFinite(norm);
    store<f32>(stats, finite ? 1 : 0, STAT_FINITE << 2);
    if (!finite) return;
    updateGroups(opt, lr, beta1, beta2, eps, step, freezeMask);
  }
  memory.copy(hState, row(hs, T, H), <usize>H << 2);
  if (cell == 1) memory.copy(cState, row(cs, T, H), <usize>H << 2);
}

/** Size of parameter group k in the order W_x, W_h, b, W_y, b_y. */
function groupSize(k: i32): i32 {
  if (k == 0) return GH * I;
  if (k == 1) return GH * H;
  if (k == 2) return GH;
  if (k == 3) return O * H;
  return O;
}

/** The groups are contiguous: update each maximal run of groups not in freezeMask. */
function updateGroups(opt: i32, lr: f32, beta1: f32, beta2: f32, eps: f32, step: i32, freezeMask: i32): void {
  let start = 0, runStart = 0, runLen = 0;
  for (let k = 0; k < 5; k++) {
    const size = groupSize(k);
    if (freezeMask & (1 << k)) {
      if (runLen > 0) updateRange(opt, lr, beta1, beta2, eps, step, runStart, runLen);
      runLen = 0;
    } else {
      if (runLen == 0) runStart = start;
      runLen += size;
    }
    start += size;
  }
  if (runLen > 0) updateRange(opt, lr, beta1, beta2, eps, step, runStart, runLen);
}
