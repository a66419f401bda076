// Forward pass over a chunk: the same math as bindings/twin/kernels.ts `forward`, with the
// work that does not depend on the previous step taken out of the time loop.
import {
  act, aux, bias, by, cell, cs, cState, dz, f32at, fed, gates, GH, H, hs, hState, I, i32at, lossKind, O, outs, probs,
  rngSlot, row, setf32, stats, STAT_COUNT, STAT_LOSS, stepLoss, targets, tmp, tokens, Wh, Wx, Wy, xs, ys,
} from "./model";
import { matVecAcc, matVecAdd } from "./kernels";
import { matMatT } from "./chunk-kernels";
import { expNeg, expNeg4, ones4, sigmoidArray, tanh4, tanhArray, tanhf } from "./math";
import { categorical, nextUniform } from "./prng";

/** a[r] = b[r] + W_x[r, tok] for a one-hot input: a column of W_x, gathered four rows at a time. */
function gatherColumn(a: usize, tok: i32): void {
  const stride = <usize>I << 2;
  let p = Wx + (<usize>tok << 2);
  let r = 0;
  for (; r + 4 <= GH; r += 4) {
    let v = v128.load32_splat(p);
    v = v128.load32_lane(p + stride, v, 1);
    v = v128.load32_lane(p + 2 * stride, v, 2);
    v = v128.load32_lane(p + 3 * stride, v, 3);
    const o = <usize>r << 2;
    v128.store(a + o, f32x4.add(v128.load(bias + o), v));
    p += stride << 2;
  }
  for (; r < GH; r++) { setf32(a, r, f32at(bias, r) + load<f32>(p)); p += stride; }
}

function activate(src: usize, dst: usize, n: i32): void {
  if (act == 0) tanhArray(src, dst, n);
  else if (act == 2) sigmoidArray(src, dst, n);
  else if (act == 1) for (let k = 0; k < n; k++) setf32(dst, k, max<f32>(f32at(src, k), 0));
  else memory.copy(dst, src, <usize>n << 2);
}

function lstmCell(t: i32, a: usize, hPrev: usize, hNext: usize): void {
  const g = row(gates, t, GH), cPrev = row(cs, t, H), cNext = cPrev + (<usize>H << 2), tc = row(aux, t, H);
  sigmoidArray(a, g, 2 * H);                        // i, f
  tanhArray(a + (<usize>(2 * H) << 2), g + (<usize>(2 * H) << 2), H); // g
  sigmoidArray(a + (<usize>(3 * H) << 2), g + (<usize>(3 * H) << 2), H); // o
  const gi = g, gf = g + (<usize>H << 2), gg = g + (<usize>(2 * H) << 2), go = g + (<usize>(3 * H) << 2);
  let k = 0;
  for (; k + 4 <= H; k += 4) {
    const o = <usize>k << 2;
    const c = f32x4.add(f32x4.mul(v128.load(gf + o), v128.load(cPrev + o)), f32x4.mul(v128.load(gi + o), v128.load(gg + o)));
    v128.store(cNext + o, c);
    const th = tanh4(c);
    v128.store(tc + o, th);
    v128.store(hNext + o, f32x4.mul(v128.load(go + o), th));
  }
  for (; k < H; k++) {
    const c = f32at(gf, k) * f32at(cPrev, k) + f32at(gi, k) * f32at(gg, k);
    setf32(cNext, k, c);
    const th = tanhf(c);
    setf32(tc, k, th);
    setf32(hNext, k, f32at(go, k) * th);
  }
}

function gruCell(t: i32, a: usize, hPrev: usize, hNext: usize): void {
  const g = row(gates, t, GH), rh = row(aux, t, H);
  const Hb = <usize>H << 2;
  const H4 = H & ~3;
  sigmoidArray(a, g, 2 * H); // z, r
  let k = 0;
  for (; k < H4; k += 4) { const o = <usize>k << 2; v128.store(rh + o, f32x4.mul(v128.load(g + Hb + o), v128.load(hPrev + o))); }
  for (; k < H; k++) setf32(rh, k, f32at(g + Hb, k) * f32at(hPrev, k));
  matVecAcc(Wh + <usize>(2 * H) * Hb, rh, H, H, a + 2 * Hb);
  tanhArray(a + 2 * Hb, g + 2 * Hb, H);
  const gz = g, gc = g + 2 * Hb;
  const one = ones4(); // a load: V8 would rebuild a splat constant at every use in the loop
  for (k = 0; k < H4; k += 4) {
    const o = <usize>k << 2;
    const z = v128.load(gz + o);
    v128.store(hNext + o, f32x4.add(f32x4.mul(f32x4.sub(one, z), v128.load(hPrev + o)), f32x4.mul(z, v128.load(gc + o))));
  }
  for (; k < H; k++) {
    const z = f32at(gz, k);
    setf32(hNext, k, (1 - z) * f32at(hPrev, k) + z * f32at(gc, k));
  }
}

/** Softmax of the logits row into p; returns -log p[target] (0 when target < 0). Four lanes at a time. */
function softmaxLoss(y: usize, p: usize, target: i32): f64 {
  const O4 = O & ~3;
  let m = f32at(y, 0);
  let o = 0;
  if (O4 > 0) {
    let mv = v128.load(y);
    for (o = 4; o < O4; o += 4) mv = f32x4.pmax(mv, v128.load(y + (<usize>o << 2)));
    mv = f32x4.pmax(mv, v128.shuffle<f32>(mv, mv, 2, 3, 0, 1));
    mv = f32x4.pmax(mv, v128.shuffle<f32>(mv, mv, 1, 0, 3, 2));
    m = f32x4.extract_lane(mv, 0);
  }
  for (o = O4; o < O; o++) m = max(m, f32at(y, o));
  const mv = f32x4.splat(m);
  let sv = f32x4.splat(0);
  for (o = 0; o < O4; o += 4) {
    const q = <usize>o << 2;
    const e = expNeg4(f32x4.sub(mv, v128.load(y + q)));
    v128.store(p + q, e);
    sv = f32x4.add(sv, e);
  }
  let s = <f64>(f32x4.extract_lane(sv, 0) + f32x4.extract_lane(sv, 1) + f32x4.extract_lane(sv, 2) + f32x4.extract_lane(sv, 3));
  for (o = O4; o < O; o++) { const e = expNeg(m - f32at(y, o)); setf32(p, o, e); s += <f64>e; }
  const inv = <f32>(1.0 / s);
  const iv = f32x4.splat(inv);
  for (o = 0; o < O4; o += 4) { const q = <usize>o << 2; v128.store(p + q, f32x4.mul(v128.load(p + q), iv)); }
  for (o = O4; o < O; o++) setf32(p, o, f32at(p, o) * inv);
  if (target < 0) return 0;
  return Math.log(s) + <f64>m - <f64>f32at(y, target);
}

/**
 * Forward over T steps from the carried state. Only the recurrence runs step by step:
 * real-valued inputs (W_x·x_t + b for every t, into the dz rows, which backward
 * overwrites later) and the output layer (W_y·h_t + b_y for every t) are one
 * matrix-matrix product per chunk. Scheduled sampling needs step t−1's softmax before
 * step t's input, so with samplingProb > 0 the output is taken step by step.
 */
export function forward(T: i32, inputMode: i32, samplingProb: f64): f64 {
  const Hb = <usize>H << 2;
  memory.copy(hs, hState, Hb);
  if (cell == 1) memory.copy(cs, cState, Hb);
  const realInputs = inputMode != 0, stepOutputs = !realInputs && samplingProb > 0;
  if (realInputs) matMatT(Wx, GH, I, xs, I, T, bias, dz, GH);
  let loss: f64 = 0;
  let count = 0;
  for (let t = 0; t < T; t++) {
    const hPrev = row(hs, t, H), hNext = hPrev + Hb;
    let a = tmp;
    if (realInputs) {
      a = row(dz, t, GH);
    } else {
      let tok = i32at(tokens, t);
      if (samplingProb > 0 && t > 0 && nextUniform(rngSlot) < samplingProb) tok = categorical(rngSlot, row(probs, t - 1, O), O, 1.0);
      store<i32>(fed + (<usize>t << 2), tok);
      gatherColumn(a, tok);
    }
    if (cell == 0) {
      matVecAcc(Wh, hPrev, H, H, a);
      activate(a, hNext, H);
    } else if (cell == 1) {
      matVecAcc(Wh, hPrev, GH, H, a);
      lstmCell(t, a, hPrev, hNext);
    } else {
      matVecAcc(Wh, hPrev, 2 * H, H, a);
      gruCell(t, a, hPrev, hNext);
    }
    if (stepOutputs) {
      matVecAdd(Wy, hNext, O, H, by, row(outs, t, O));
      const l = stepLossAt(t);
      if (i32at(targets, t) >= 0) count++;
      loss += l;
    }
  }
  if (!stepOutputs) {
    matMatT(Wy, O, H, hs + Hb, H, T, by, outs, O);
    for (let t = 0; t < T; t++) {
      loss += stepLossAt(t);
      if (i32at(targets, t) >= 0) count++;
    }
  }
  store<f32>(stats, <f32>loss, STAT_LOSS << 2);
  store<f32>(stats, <f32>count, STAT_COUNT << 2);
  return loss;
}

/** Softmax (or squared error) of step t's outputs against its target; stored in stepLoss and returned (0 without a target). */
function stepLossAt(t: i32): f64 {
  const y = row(outs, t, O), target = i32at(targets, t);
  let l: f64 = 0;
  if (lossKind == 0) {
    l = softmaxLoss(y, row(probs, t, O), target);
  } else if (target >= 0) {
    const yt = row(ys, t, O);
    for (let o = 0; o < O; o++) { const e = <f64>(f32at(y, o) - f32at(yt, o)); l += 0.5 * e * e; }
  }
  setf32(stepLoss, t, <f32>l);
  return l;
}
