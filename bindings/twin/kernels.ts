/**
 * The plain-TypeScript twin of the wasm core: the same math, written to be read.
 * It works on the same arena layout (bindings/layout.ts), in float32 or float64.
 * Names follow min-char-rnn: W_x, W_h, b, W_y, b_y; hs[t] is the state after step t
 * (hs[0] the state before the chunk); dz[t] is ∂L/∂(pre-activation) at step t.
 */
import { STAT, type Layout } from "../layout.js";
import { Rng } from "../prng.js";

export type FloatArr = Float32Array | Float64Array;

export interface TwinArena {
  L: Layout;
  f: FloatArr;
  i: Int32Array;
  /** 0 rnn, 1 lstm, 2 gru */
  cell: number;
  /** 0 tanh, 1 relu, 2 sigmoid, 3 linear */
  act: number;
  /** 0 softmax-ce, 1 mse */
  loss: number;
  /** scheduled-sampling PRNG (mulberry32, as in the core) */
  rng: Rng;
}

const sigmoid = (x: number) => 1 / (1 + Math.exp(-x));

function activate(act: number, x: number): number {
  switch (act) {
    case 0: return Math.tanh(x);
    case 1: return x > 0 ? x : 0;
    case 2: return sigmoid(x);
    default: return x;
  }
}

/** Derivative of the activation, written in terms of its output y = act(x). */
function activationGrad(act: number, y: number): number {
  switch (act) {
    case 0: return 1 - y * y;
    case 1: return y > 0 ? 1 : 0;
    case 2: return y * (1 - y);
    default: return 1;
  }
}

/** out[r] = Σ_c W[r, c] v[c] (+ out[r] when accumulate), W row-major at w0 with `cols` columns. */
function matVec(f: FloatArr, w0: number, rows: number, cols: number, v: FloatArr, v0: number, out: FloatArr, o0: number, accumulate: boolean) {
  for (let r = 0; r < rows; r++) {
    let s = accumulate ? out[o0 + r] : 0;
    const row = w0 + r * cols;
    for (let c = 0; c < cols; c++) s += f[row + c] * v[v0 + c];
    out[o0 + r] = s;
  }
}

/** out[c] += Σ_r W[r, c] d[r]: the transposed product, used to send gradients backwards. */
function matTVecAcc(f: FloatArr, w0: number, rows: number, cols: number, d: FloatArr, d0: number, out: FloatArr, o0: number) {
  for (let r = 0; r < rows; r++) {
    const dr = d[d0 + r];
    if (dr === 0) continue;
    const row = w0 + r * cols;
    for (let c = 0; c < cols; c++) out[o0 + c] += f[row + c] * dr;
  }
}

/** G[r, c] += d[r] · a[c]: one rank-1 term of a weight gradient. */
function outerAcc(f: FloatArr, g0: number, rows: number, cols: number, d: FloatArr, d0: number, a: FloatArr, a0: number) {
  for (let r = 0; r < rows; r++) {
    const dr = d[d0 + r];
    if (dr === 0) continue;
    const row = g0 + r * cols;
    for (let c = 0; c < cols; c++) f[row + c] += dr * a[a0 + c];
  }
}

/**
 * Forward over a chunk of T steps, starting from the carried state (h, c).
 * inputMode 0: tokens (one-hot, a column of W_x); 1: real vectors in xs.
 * samplingProb > 0 (tokens only): from step 1 on, feed the model's own sample of the
 * previous output with that probability (scheduled sampling). Returns the summed loss.
 */
export function forward(A: TwinArena, T: number, inputMode: number, samplingProb: number): number {
  const { L, f, i: ints } = A;
  const { inputSize: I, hiddenSize: H, outputSize: O } = L.dims;
  const GH = L.gates * H;
  const off = L.floatOffset, ioff = L.intOffset, blk = L.blocks;
  const pW_x = off.params + blk.W_x.offset, pW_h = off.params + blk.W_h.offset, pb = off.params + blk.b.offset;
  const pW_y = off.params + blk.W_y.offset, pb_y = off.params + blk.b_y.offset;
  const a = off.tmp; // pre-activations, GH

  for (let k = 0; k < H; k++) f[off.hs + k] = f[off.h + k];
  if (A.cell === 1) for (let k = 0; k < H; k++) f[off.cs + k] = f[off.c + k];

  let loss = 0, count = 0;
  for (let t = 0; t < T; t++) {
    const hPrev = off.hs + t * H, hNext = hPrev + H;
    // 1. input contribution: a = b + W_x x
    for (let r = 0; r < GH; r++) f[a + r] = f[pb + r];
    if (inputMode === 0) {
      let tok = ints[ioff.tokens + t];
      if (samplingProb > 0 && t > 0 && A.rng.next() < samplingProb) tok = A.rng.categorical(f.subarray(off.probs + (t - 1) * O, off.probs + t * O), 1);
      ints[ioff.fed + t] = tok;
      for (let r = 0; r < GH; r++) f[a + r] += f[pW_x + r * I + tok];
    } else {
      matVec(f, pW_x, GH, I, f, off.xs + t * I, f, a, true);
    }
    // 2. recurrent contribution and the cell
    if (A.cell === 0) {
      matVec(f, pW_h, H, H, f, hPrev, f, a, true);
      for (let k = 0; k < H; k++) f[hNext + k] = activate(A.act, f[a + k]);
    } else if (A.cell === 1) {
      matVec(f, pW_h, GH, H, f, hPrev, f, a, true);
      const g = off.gates + t * GH, cPrev = off.cs + t * H, cNext = cPrev + H, tc = off.aux + t * H;
      for (let k = 0; k < H; k++) {
        const ig = sigmoid(f[a + k]), fg = sigmoid(f[a + H + k]);
        const gg = Math.tanh(f[a + 2 * H + k]), og = sigmoid(f[a + 3 * H + k]);
        f[g + k] = ig; f[g + H + k] = fg; f[g + 2 * H + k] = gg; f[g + 3 * H + k] = og;
        f[cNext + k] = fg * f[cPrev + k] + ig * gg;
        f[tc + k] = Math.tanh(f[cNext + k]);
        f[hNext + k] = og * f[tc + k];
      }
    } else {
      // GRU, reset before the recurrent product: g = tanh(W_xg x + W_hg (r ⊙ h) + b_g)
      matVec(f, pW_h, 2 * H, H, f, hPrev, f, a, true);
      const g = off.gates + t * GH, rh = off.aux + t * H;
      for (let k = 0; k < H; k++) {
        f[g + k] = sigmoid(f[a + k]);
        f[g + H + k] = sigmoid(f[a + H + k]);
        f[rh + k] = f[g + H + k] * f[hPrev + k];
      }
      matVec(f, pW_h + 2 * H * H, H, H, f, rh, f, a + 2 * H, true);
      for (let k = 0; k < H; k++) {
        const z = f[g + k], gg = Math.tanh(f[a + 2 * H + k]);
        f[g + 2 * H + k] = gg;
        f[hNext + k] = (1 - z) * f[hPrev + k] + z * gg;
      }
    }
    // 3. output and loss
    const y = off.outs + t * O, p = off.probs + t * O;
    for (let o = 0; o < O; o++) f[y + o] = f[pb_y + o];
    matVec(f, pW_y, O, H, f, hNext, f, y, true);
    let stepLoss = 0;
    if (A.loss === 0) {
      let m = -Infinity;
      for (let o = 0; o < O; o++) m = Math.max(m, f[y + o]);
      let s = 0;
      for (let o = 0; o < O; o++) { f[p + o] = Math.exp(f[y + o] - m); s += f[p + o]; }
      for (let o = 0; o < O; o++) f[p + o] /= s;
      const target = ints[ioff.targets + t];
      if (target >= 0) { stepLoss = -(f[y + target] - m - Math.log(s)); count++; }
    } else if (ints[ioff.targets + t] >= 0) {
      const yt = off.ys + t * O;
      for (let o = 0; o < O; o++) { const e = f[y + o] - f[yt + o]; stepLoss += 0.5 * e * e; }
      count++;
    }
    f[off.stepLoss + t] = stepLoss;
    loss += stepLoss;
  }
  f[off.stats + STAT.loss] = loss;
  f[off.stats + STAT.count] = count;
  return loss;
}

/**
 * Full backpropagation through the T steps of the last forward. Overwrites "grads"
 * with ∂(gradScale · loss)/∂params, fills dh0/dc0 and stepGradNorm (‖∂L/∂h_t‖).
 */
export function backward(A: TwinArena, T: number, inputMode: number, gradScale: number, stepNorms = true): void {
  const { L, f, i: ints } = A;
  const { inputSize: I, hiddenSize: H, outputSize: O } = L.dims;
  const GH = L.gates * H;
  const off = L.floatOffset, ioff = L.intOffset, blk = L.blocks;
  const pW_h = off.params + blk.W_h.offset, pW_y = off.params + blk.W_y.offset;
  const gW_x = off.grads + blk.W_x.offset, gW_h = off.grads + blk.W_h.offset, gb = off.grads + blk.b.offset;
  const gW_y = off.grads + blk.W_y.offset, gb_y = off.grads + blk.b_y.offset;
  const dh = off.dh, dhn = off.dhn, dcn = off.dcn;

  f.fill(0, off.grads, off.grads + L.P);
  f.fill(0, dhn, dhn + H);
  f.fill(0, dcn, dcn + H);

  // dL/dy, in place of the softmax (or into probs for mse), scaled
  for (let t = 0; t < T; t++) {
    const p = off.probs + t * O, y = off.outs + t * O, target = ints[ioff.targets + t];
    if (A.loss === 0) {
      if (target >= 0) { f[p + target] -= 1; for (let o = 0; o < O; o++) f[p + o] *= gradScale; }
      else f.fill(0, p, p + O);
    } else {
      const yt = off.ys + t * O;
      for (let o = 0; o < O; o++) f[p + o] = target >= 0 ? (f[y + o] - f[yt + o]) * gradScale : 0;
    }
  }

  for (let t = T - 1; t >= 0; t--) {
    const hPrev = off.hs + t * H, hNext = hPrev + H, dz = off.dz + t * GH;
    // total gradient reaching h_t: from the output at t and from step t+1
    for (let k = 0; k < H; k++) f[dh + k] = f[dhn + k];
    matTVecAcc(f, pW_y, O, H, f, off.probs + t * O, f, dh);
    if (stepNorms) {
      let n2 = 0;
      for (let k = 0; k < H; k++) n2 += f[dh + k] * f[dh + k];
      f[off.stepGradNorm + t] = Math.sqrt(n2);
    }
    f.fill(0, dhn, dhn + H);

    if (A.cell === 0) {
      for (let k = 0; k < H; k++) f[dz + k] = f[dh + k] * activationGrad(A.act, f[hNext + k]);
      matTVecAcc(f, pW_h, H, H, f, dz, f, dhn);
    } else if (A.cell === 1) {
      const g = off.gates + t * GH, cPrev = off.cs + t * H, tc = off.aux + t * H;
      for (let k = 0; k < H; k++) {
        const ig = f[g + k], fg = f[g + H + k], gg = f[g + 2 * H + k], og = f[g + 3 * H + k];
        const dc = f[dcn + k] + f[dh + k] * og * (1 - f[tc + k] * f[tc + k]);
        f[dz + k] = dc * gg * ig * (1 - ig);
        f[dz + H + k] = dc * f[cPrev + k] * fg * (1 - fg);
        f[dz + 2 * H + k] = dc * ig * (1 - gg * gg);
        f[dz + 3 * H + k] = f[dh + k] * f[tc + k] * og * (1 - og);
        f[dcn + k] = dc * fg;
      }
      matTVecAcc(f, pW_h, GH, H, f, dz, f, dhn);
    } else {
      const g = off.gates + t * GH, drh = off.tmp;
      for (let k = 0; k < H; k++) {
        const z = f[g + k], gg = f[g + 2 * H + k];
        f[dz + 2 * H + k] = f[dh + k] * z * (1 - gg * gg);
        f[dz + k] = f[dh + k] * (gg - f[hPrev + k]) * z * (1 - z);
        f[dhn + k] = f[dh + k] * (1 - z);
        f[drh + k] = 0;
      }
      matTVecAcc(f, pW_h + 2 * H * H, H, H, f, dz + 2 * H, f, drh);
      for (let k = 0; k < H; k++) {
        const r = f[g + H + k];
        f[dz + H + k] = f[drh + k] * f[hPrev + k] * r * (1 - r);
        f[dhn + k] += f[drh + k] * r;
      }
      matTVecAcc(f, pW_h, 2 * H, H, f, dz, f, dhn);
    }
  }
  for (let k = 0; k < H; k++) f[off.dh0 + k] = f[dhn + k];
  for (let k = 0; k < H; k++) f[off.dc0 + k] = A.cell === 1 ? f[dcn + k] : 0;

  // weight gradients: sums over the chunk of rank-1 terms
  for (let t = 0; t < T; t++) {
    const dz = off.dz + t * GH, hPrev = off.hs + t * H;
    if (A.cell === 2) {
      outerAcc(f, gW_h, 2 * H, H, f, dz, f, hPrev);
      outerAcc(f, gW_h + 2 * H * H, H, H, f, dz + 2 * H, f, off.aux + t * H);
    } else {
      outerAcc(f, gW_h, GH, H, f, dz, f, hPrev);
    }
    if (inputMode === 0) {
      const tok = ints[ioff.fed + t];
      for (let r = 0; r < GH; r++) f[gW_x + r * I + tok] += f[dz + r];
    } else {
      outerAcc(f, gW_x, GH, I, f, dz, f, off.xs + t * I);
    }
    for (let r = 0; r < GH; r++) f[gb + r] += f[dz + r];
    outerAcc(f, gW_y, O, H, f, off.probs + t * O, f, hPrev + H);
    for (let o = 0; o < O; o++) f[gb_y + o] += f[off.probs + t * O + o];
  }
}

/** Clips the gradient (mode 1: global norm, 2: each element) and returns the norm before clipping. */
export function clipGrads(A: TwinArena, mode: number, threshold: number): number {
  const { L, f } = A;
  const g0 = L.floatOffset.grads;
  let n2 = 0;
  for (let k = 0; k < L.P; k++) n2 += f[g0 + k] * f[g0 + k];
  const norm = Math.sqrt(n2);
  let clipped = 0;
  if (mode === 1 && norm > threshold) {
    const s = threshold / norm;
    for (let k = 0; k < L.P; k++) f[g0 + k] *= s;
    clipped = 1;
  } else if (mode === 2) {
    for (let k = 0; k < L.P; k++) {
      const v = f[g0 + k];
      if (v > threshold) { f[g0 + k] = threshold; clipped = 1; }
      else if (v < -threshold) { f[g0 + k] = -threshold; clipped = 1; }
    }
  }
  f[L.floatOffset.stats + 2] = norm;
  f[L.floatOffset.stats + 3] = clipped;
  return norm;
}

/**
 * One optimizer update of the parameter range [start, start+len).
 * opt 0 SGD, 1 momentum (m1 = velocity), 2 Adagrad (m1 = Σg²), 3 Adam (m1, m2; step ≥ 1).
 */
export function update(A: TwinArena, opt: number, lr: number, beta1: number, beta2: number, eps: number, step: number, start: number, len: number): void {
  const { L, f } = A;
  const p = L.floatOffset.params + start, g = L.floatOffset.grads + start;
  const m = L.floatOffset.m1 + start, v = L.floatOffset.m2 + start;
  const c1 = 1 - Math.pow(beta1, step), c2 = 1 - Math.pow(beta2, step);
  for (let k = 0; k < len; k++) {
    const gk = f[g + k];
    if (opt === 0) f[p + k] -= lr * gk;
    else if (opt === 1) { f[m + k] = beta1 * f[m + k] - lr * gk; f[p + k] += f[m + k]; }
    else if (opt === 2) { f[m + k] += gk * gk; f[p + k] -= lr * gk / (Math.sqrt(f[m + k]) + eps); }
    else {
      f[m + k] = beta1 * f[m + k] + (1 - beta1) * gk;
      f[v + k] = beta2 * f[v + k] + (1 - beta2) * gk * gk;
      f[p + k] -= lr * (f[m + k] / c1) / (Math.sqrt(f[v + k] / c2) + eps);
    }
  }
}
