// Forward pass over a chunk, mirroring bindings/twin/kernels.ts `forward`.
import {
  act, aux, bias, by, cell, cs, cState, f32at, fed, gates, GH, H, hs, hState, I, i32at, lossKind, O, outs, probs,
  rngSlot, row, setf32, stats, STAT_COUNT, STAT_LOSS, stepLoss, targets, tmp, tokens, Wh, Wx, Wy, xs, ys,
} from "./model";
import { matVecAcc } from "./kernels";
import { expNeg, sigmoidArray, tanh4, tanhArray, tanhf } from "./math";
import { categorical, nextUniform } from "./prng";

/** a[r] = b[r] + W_x[r, tok] for a one-hot input: a column of W_x, gathered. */
function gatherColumn(a: usize, tok: i32): void {
  const stride = <usize>I << 2;
  let p = Wx + (<usize>tok << 2);
  for (let r = 0; r < GH; r++) { setf32(a, r, f32at(bias, r) + load<f32>(p)); p += stride; }
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
  sigmoidArray(a, g, 2 * H); // z, r
  for (let k = 0; k < H; k++) setf32(rh, k, f32at(g + Hb, k) * f32at(hPrev, k));
  matVecAcc(Wh + <usize>(2 * H) * Hb, rh, H, H, a + 2 * Hb);
  tanhArray(a + 2 * Hb, g + 2 * Hb, H);
  const gz = g, gc = g + 2 * Hb;
  for (let k = 0; k < H; k++) {
    const z = f32at(gz, k);
    setf32(hNext, k, (1 - z) * f32at(hPrev, k) + z * f32at(gc, k));
  }
}

/** Softmax of the logits row into p; returns -log p[target] (0 when target < 0). */
function softmaxLoss(y: usize, p: usize, target: i32): f64 {
  let m = f32at(y, 0);
  for (let o = 1; o < O; o++) m = max(m, f32at(y, o));
  let s: f64 = 0;
  for (let o = 0; o < O; o++) { const e = expNeg(m - f32at(y, o)); setf32(p, o, e); s += <f64>e; }
  const inv = <f32>(1.0 / s);
  for (let o = 0; o < O; o++) setf32(p, o, f32at(p, o) * inv);
  if (target < 0) return 0;
  return Math.log(s) + <f64>m - <f64>f32at(y, target);
}

export function forward(T: i32, inputMode: i32, samplingProb: f64): f64 {
  const Hb = <usize>H << 2;
  const a = tmp;
  memory.copy(hs, hState, Hb);
  if (cell == 1) memory.copy(cs, cState, Hb);
  let loss: f64 = 0;
  let count = 0;
  for (let t = 0; t < T; t++) {
    const hPrev = row(hs, t, H), hNext = hPrev + Hb;
    if (inputMode == 0) {
      let tok = i32at(tokens, t);
      if (samplingProb > 0 && t > 0 && nextUniform(rngSlot) < samplingProb) tok = categorical(rngSlot, row(probs, t - 1, O), O, 1.0);
      store<i32>(fed + (<usize>t << 2), tok);
      gatherColumn(a, tok);
    } else {
      memory.copy(a, bias, <usize>GH << 2);
      matVecAcc(Wx, row(xs, t, I), GH, I, a);
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
    const y = row(outs, t, O);
    memory.copy(y, by, <usize>O << 2);
    matVecAcc(Wy, hNext, O, H, y);
    const target = i32at(targets, t);
    let l: f64 = 0;
    if (lossKind == 0) {
      l = softmaxLoss(y, row(probs, t, O), target);
    } else if (target >= 0) {
      const yt = row(ys, t, O);
      for (let o = 0; o < O; o++) { const e = <f64>(f32at(y, o) - f32at(yt, o)); l += 0.5 * e * e; }
    }
    if (target >= 0) count++;
    setf32(stepLoss, t, <f32>l);
    loss += l;
  }
  store<f32>(stats, <f32>loss, STAT_LOSS << 2);
  store<f32>(stats, <f32>count, STAT_COUNT << 2);
  return loss;
}
