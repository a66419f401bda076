// Backpropagation through time over the last forward, the same math as
// bindings/twin/kernels.ts `backward`: only the recurrence runs step by step (the cell's
// local derivatives and W_hᵀ·δ); the output layer's share of ∂L/∂h_t is one product for
// the whole chunk before the loop, and the weight gradients are formed after it in one
// pass each, as sums of rank-T outer products over the chunk.
import {
  act, aux, cell, cs, dc0, dcn, dh, dh0, dhn, dhy, dz, f32at, fed, gates, gBias, gBy, GH, gWh, gWx, gWy, H, hs, I,
  i32at, lossKind, O, outs, probs, row, setf32, stepGradNorm, targets, tmp, Wh, Wy, xs, ys,
} from "./model";
import { addTo, fill, matTVecAcc, matTVecAdd, outerSum, sumSquares } from "./kernels";
import { addInto, matTMat } from "./chunk-kernels";
import { ones4 } from "./math";

/** dL/dy into the probs buffer: softmax − one-hot (or y − target for mse), times scale; 0 without a target. */
function outputGradients(T: i32, scale: f32): void {
  for (let t = 0; t < T; t++) {
    const p = row(probs, t, O), target = i32at(targets, t);
    if (target < 0) { fill(p, O, 0); continue; }
    if (lossKind == 0) {
      setf32(p, target, f32at(p, target) - 1);
    } else {
      const y = row(outs, t, O), yt = row(ys, t, O);
      for (let o = 0; o < O; o++) setf32(p, o, f32at(y, o) - f32at(yt, o));
    }
    if (scale != 1) for (let o = 0; o < O; o++) setf32(p, o, f32at(p, o) * scale);
  }
}

// @ts-ignore: decorator
@inline function activationGrad(y: f32): f32 {
  if (act == 0) return 1 - y * y;
  if (act == 1) return y > 0 ? 1 : 0;
  if (act == 2) return y * (1 - y);
  return 1;
}

function rnnStep(t: i32, d: usize): void {
  const hNext = row(hs, t + 1, H);
  if (act == 0) {
    let k = 0;
    for (; k + 4 <= H; k += 4) {
      const o = <usize>k << 2;
      const y = v128.load(hNext + o);
      v128.store(d + o, f32x4.mul(v128.load(dh + o), f32x4.sub(ones4(), f32x4.mul(y, y))));
    }
    for (; k < H; k++) { const y = f32at(hNext, k); setf32(d, k, f32at(dh, k) * (1 - y * y)); }
  } else {
    for (let k = 0; k < H; k++) setf32(d, k, f32at(dh, k) * activationGrad(f32at(hNext, k)));
  }
  matTVecAdd(Wh, d, H, H, 0, dhn); // dhn = W_hᵀ d
}

function lstmStep(t: i32, d: usize): void {
  const Hb = <usize>H << 2;
  const g = row(gates, t, GH), cPrev = row(cs, t, H), tc = row(aux, t, H);
  const one = ones4(); // a load: V8 would rebuild a splat constant at every use in the loop
  let k = 0;
  for (; k + 4 <= H; k += 4) {
    const o = <usize>k << 2;
    const ig = v128.load(g + o), fg = v128.load(g + Hb + o), gg = v128.load(g + 2 * Hb + o), og = v128.load(g + 3 * Hb + o);
    const th = v128.load(tc + o), dhk = v128.load(dh + o);
    const dc = f32x4.add(v128.load(dcn + o), f32x4.mul(f32x4.mul(dhk, og), f32x4.sub(one, f32x4.mul(th, th))));
    v128.store(d + o, f32x4.mul(f32x4.mul(f32x4.mul(dc, gg), ig), f32x4.sub(one, ig)));
    v128.store(d + Hb + o, f32x4.mul(f32x4.mul(f32x4.mul(dc, v128.load(cPrev + o)), fg), f32x4.sub(one, fg)));
    v128.store(d + 2 * Hb + o, f32x4.mul(f32x4.mul(dc, ig), f32x4.sub(one, f32x4.mul(gg, gg))));
    v128.store(d + 3 * Hb + o, f32x4.mul(f32x4.mul(f32x4.mul(dhk, th), og), f32x4.sub(one, og)));
    v128.store(dcn + o, f32x4.mul(dc, fg));
  }
  for (; k < H; k++) {
    const o = <usize>k << 2;
    const ig = load<f32>(g + o), fg = load<f32>(g + Hb + o), gg = load<f32>(g + 2 * Hb + o), og = load<f32>(g + 3 * Hb + o);
    const th = load<f32>(tc + o), dhk = load<f32>(dh + o);
    const dc = load<f32>(dcn + o) + dhk * og * (1 - th * th);
    store<f32>(d + o, dc * gg * ig * (1 - ig));
    store<f32>(d + Hb + o, dc * load<f32>(cPrev + o) * fg * (1 - fg));
    store<f32>(d + 2 * Hb + o, dc * ig * (1 - gg * gg));
    store<f32>(d + 3 * Hb + o, dhk * th * og * (1 - og));
    store<f32>(dcn + o, dc * fg);
  }
  matTVecAdd(Wh, d, GH, H, 0, dhn); // dhn = W_hᵀ d
}

function gruStep(t: i32, d: usize): void {
  const Hb = <usize>H << 2;
  const g = row(gates, t, GH), hPrev = row(hs, t, H), drh = tmp;
  const H4 = H & ~3;
  const one = ones4(); // a load: V8 would rebuild a splat constant at every use in the loop
  let k = 0;
  for (; k < H4; k += 4) {
    const o = <usize>k << 2;
    const z = v128.load(g + o), gg = v128.load(g + 2 * Hb + o), dhk = v128.load(dh + o);
    v128.store(d + 2 * Hb + o, f32x4.mul(f32x4.mul(dhk, z), f32x4.sub(one, f32x4.mul(gg, gg))));
    v128.store(d + o, f32x4.mul(f32x4.mul(f32x4.mul(dhk, f32x4.sub(gg, v128.load(hPrev + o))), z), f32x4.sub(one, z)));
    v128.store(dhn + o, f32x4.mul(dhk, f32x4.sub(one, z)));
  }
  for (; k < H; k++) {
    const o = <usize>k << 2;
    const z = load<f32>(g + o), gg = load<f32>(g + 2 * Hb + o), dhk = load<f32>(dh + o);
    store<f32>(d + 2 * Hb + o, dhk * z * (1 - gg * gg));
    store<f32>(d + o, dhk * (gg - load<f32>(hPrev + o)) * z * (1 - z));
    store<f32>(dhn + o, dhk * (1 - z));
  }
  matTVecAdd(Wh + 2 * Hb * <usize>H, d + 2 * Hb, H, H, 0, drh); // drh = W_hgᵀ d_g
  for (k = 0; k < H4; k += 4) {
    const o = <usize>k << 2;
    const r = v128.load(g + Hb + o), dr = v128.load(drh + o);
    v128.store(d + Hb + o, f32x4.mul(f32x4.mul(f32x4.mul(dr, v128.load(hPrev + o)), r), f32x4.sub(one, r)));
    v128.store(dhn + o, f32x4.add(v128.load(dhn + o), f32x4.mul(dr, r)));
  }
  for (; k < H; k++) {
    const o = <usize>k << 2;
    const r = load<f32>(g + Hb + o), dr = load<f32>(drh + o);
    store<f32>(d + Hb + o, dr * load<f32>(hPrev + o) * r * (1 - r));
    store<f32>(dhn + o, load<f32>(dhn + o) + dr * r);
  }
  matTVecAcc(Wh, d, 2 * H, H, dhn);
}

/** stepNorms: also store ‖∂L/∂h_t‖ per step (the gradient-decay curve), only when someone reads it. */
export function backward(T: i32, inputMode: i32, gradScale: f32, stepNorms: bool): void {
  const Hb = <usize>H << 2;
  outputGradients(T, gradScale);
  matTMat(Wy, O, H, probs, O, T, dhy, H); // dhy[t] = W_yᵀ dL/dy_t for every t at once
  fill(dhn, H, 0);
  fill(dcn, H, 0);
  for (let t = T - 1; t >= 0; t--) {
    addInto(dh, row(dhy, t, H), dhn, H); // dh = W_yᵀ dL/dy_t + what step t+1 sends back
    if (stepNorms) setf32(stepGradNorm, t, <f32>Math.sqrt(sumSquares(dh, H)));
    const d = row(dz, t, GH);
    if (cell == 0) rnnStep(t, d);
    else if (cell == 1) lstmStep(t, d);
    else gruStep(t, d);
  }
  memory.copy(dh0, dhn, Hb);
  if (cell == 1) memory.copy(dc0, dcn, Hb); else fill(dc0, H, 0);

  // weight gradients (overwrite): G = Σ_t δ_t ⊗ input_t
  if (cell == 2) {
    outerSum(gWh, 2 * H, H, dz, GH, hs, H, T);
    outerSum(gWh + 2 * Hb * <usize>H, H, H, dz + 2 * Hb, GH, aux, H, T);
  } else {
    outerSum(gWh, GH, H, dz, GH, hs, H, T);
  }
  outerSum(gWy, O, H, probs, O, hs + Hb, H, T);
  if (inputMode == 0) {
    fill(gWx, GH * I, 0);
    const stride = <usize>I << 2;
    for (let t = 0; t < T; t++) {
      const d = row(dz, t, GH);
      let p = gWx + (<usize>i32at(fed, t) << 2);
      for (let r = 0; r < GH; r++) { store<f32>(p, load<f32>(p) + f32at(d, r)); p += stride; }
    }
  } else {
    outerSum(gWx, GH, I, dz, GH, xs, I, T);
  }
  fill(gBias, GH, 0);
  fill(gBy, O, 0);
  for (let t = 0; t < T; t++) {
    addTo(gBias, row(dz, t, GH), GH);
    addTo(gBy, row(probs, t, O), O);
  }
}
