// Gradient clipping and optimizer updates, mirroring bindings/twin/kernels.ts.
import { f32at, grads, m1, m2, P, params, setf32, stats, STAT_CLIPPED, STAT_NORM } from "./model";
import { scale, sumSquares } from "./kernels";

/** Clips the whole gradient (mode 1: global norm, 2: each element); returns the norm before. */
export function clip(mode: i32, threshold: f32): f64 {
  const norm = Math.sqrt(sumSquares(grads, P));
  let clipped: f32 = 0;
  if (mode == 1 && norm > <f64>threshold) {
    scale(grads, P, <f32>(<f64>threshold / norm));
    clipped = 1;
  } else if (mode == 2) {
    const hi = f32x4.splat(threshold), lo = f32x4.splat(-threshold);
    let any = i32x4.splat(0);
    let k = 0;
    for (; k + 4 <= P; k += 4) {
      const o = <usize>k << 2;
      const g = v128.load(grads + o);
      any = v128.or(any, v128.or(f32x4.gt(g, hi), f32x4.lt(g, lo)));
      v128.store(grads + o, f32x4.pmax(f32x4.pmin(g, hi), lo));
    }
    if (v128.any_true(any)) clipped = 1;
    for (; k < P; k++) {
      const g = f32at(grads, k);
      if (g > threshold) { setf32(grads, k, threshold); clipped = 1; }
      else if (g < -threshold) { setf32(grads, k, -threshold); clipped = 1; }
    }
  }
  store<f32>(stats, <f32>norm, STAT_NORM << 2);
  store<f32>(stats, clipped, STAT_CLIPPED << 2);
  return norm;
}

/**
 * Global-norm clipping (threshold = Infinity: none) fused with the update of all P
 * parameters by any optimizer: one pass over parameters, gradient and moments after the
 * norm. Same operations in the same order as clip(1, threshold) followed by update(...):
 * g ← g·s is stored, then the optimizer reads g. When the loss or the norm is not finite
 * the parameters are left alone (the gradient is still clipped, as clip would). Returns
 * the norm before clipping.
 */
export function clipNormUpdate(threshold: f32, opt: i32, lr: f32, beta1: f32, beta2: f32, eps: f32, step: i32, finiteLoss: bool): f64 {
  const norm = Math.sqrt(sumSquares(grads, P));
  const clipped = norm > <f64>threshold;
  const s: f32 = clipped ? <f32>(<f64>threshold / norm) : 1;
  store<f32>(stats, <f32>norm, STAT_NORM << 2);
  store<f32>(stats, clipped ? 1 : 0, STAT_CLIPPED << 2);
  if (!(finiteLoss && isFinite(norm))) {
    if (clipped) scale(grads, P, s);
    return norm;
  }
  updateScaled(opt, lr, beta1, beta2, eps, step, 0, P, s, clipped);
  return norm;
}

/** One update of params[start, start+len): 0 SGD, 1 momentum, 2 Adagrad, 3 Adam. */
export function update(opt: i32, lr: f32, beta1: f32, beta2: f32, eps: f32, step: i32, start: i32, len: i32): void {
  updateScaled(opt, lr, beta1, beta2, eps, step, start, len, 1, false);
}

/**
 * The optimizer step on [start, start+len) reading each gradient as g·s (stored back when
 * storeScaled, so the gradient buffer holds the clipped gradient, as after clip). Four lanes
 * at a time; the scalar tail does the same f32 operations in the same order, so lanes and
 * tail agree bit for bit with the plain loop of the TS twin's formulas evaluated in f32.
 */
function updateScaled(opt: i32, lr: f32, beta1: f32, beta2: f32, eps: f32, step: i32,
  start: i32, len: i32, s: f32, storeScaled: bool): void {
  const off = <usize>start << 2;
  const p = params + off, g = grads + off, m = m1 + off, v = m2 + off;
  const lrv = f32x4.splat(lr), sv = f32x4.splat(s);
  let k = 0;
  if (opt == 0) {
    for (; k + 4 <= len; k += 4) {
      const o = <usize>k << 2;
      let gk = v128.load(g + o);
      if (storeScaled) { gk = f32x4.mul(gk, sv); v128.store(g + o, gk); }
      v128.store(p + o, f32x4.sub(v128.load(p + o), f32x4.mul(lrv, gk)));
    }
    for (; k < len; k++) {
      let gk = f32at(g, k);
      if (storeScaled) { gk *= s; setf32(g, k, gk); }
      setf32(p, k, f32at(p, k) - lr * gk);
    }
  } else if (opt == 1) {
    const b1v = f32x4.splat(beta1);
    for (; k + 4 <= len; k += 4) {
      const o = <usize>k << 2;
      let gk = v128.load(g + o);
      if (storeScaled) { gk = f32x4.mul(gk, sv); v128.store(g + o, gk); }
      const vel = f32x4.sub(f32x4.mul(b1v, v128.load(m + o)), f32x4.mul(lrv, gk));
      v128.store(m + o, vel);
      v128.store(p + o, f32x4.add(v128.load(p + o), vel));
    }
    for (; k < len; k++) {
      let gk = f32at(g, k);
      if (storeScaled) { gk *= s; setf32(g, k, gk); }
      const vel = beta1 * f32at(m, k) - lr * gk;
      setf32(m, k, vel);
      setf32(p, k, f32at(p, k) + vel);
    }
  } else if (opt == 2) {
    const epsv = f32x4.splat(eps);
    for (; k + 4 <= len; k += 4) {
      const o = <usize>k << 2;
      let gk = v128.load(g + o);
      if (storeScaled) { gk = f32x4.mul(gk, sv); v128.store(g + o, gk); }
      const acc = f32x4.add(v128.load(m + o), f32x4.mul(gk, gk));
      v128.store(m + o, acc);
      const stepv = f32x4.div(f32x4.mul(lrv, gk), f32x4.add(f32x4.sqrt(acc), epsv));
      v128.store(p + o, f32x4.sub(v128.load(p + o), stepv));
    }
    for (; k < len; k++) {
      let gk = f32at(g, k);
      if (storeScaled) { gk *= s; setf32(g, k, gk); }
      const acc = f32at(m, k) + gk * gk;
      setf32(m, k, acc);
      setf32(p, k, f32at(p, k) - lr * gk / (Mathf.sqrt(acc) + eps));
    }
  } else {
    // the bias corrections as factors computed once: lr/(1 − β₁ᵗ) and 1/(1 − β₂ᵗ), so each weight
    // pays one division (and a square root) instead of three; within an ulp of the divided form
    const lrc1 = <f32>(<f64>lr / (1 - Math.pow(<f64>beta1, <f64>step))), rc2 = <f32>(1 / (1 - Math.pow(<f64>beta2, <f64>step)));
    const a1: f32 = 1 - beta1, a2: f32 = 1 - beta2;
    const b1v = f32x4.splat(beta1), b2v = f32x4.splat(beta2), a1v = f32x4.splat(a1), a2v = f32x4.splat(a2);
    const lrc1v = f32x4.splat(lrc1), rc2v = f32x4.splat(rc2), epsv = f32x4.splat(eps);
    for (; k + 4 <= len; k += 4) {
      const o = <usize>k << 2;
      let gk = v128.load(g + o);
      if (storeScaled) { gk = f32x4.mul(gk, sv); v128.store(g + o, gk); }
      const mk = f32x4.add(f32x4.mul(b1v, v128.load(m + o)), f32x4.mul(a1v, gk));
      const vk = f32x4.add(f32x4.mul(b2v, v128.load(v + o)), f32x4.mul(f32x4.mul(a2v, gk), gk));
      v128.store(m + o, mk);
      v128.store(v + o, vk);
      const num = f32x4.mul(mk, lrc1v);
      const den = f32x4.add(f32x4.sqrt(f32x4.mul(vk, rc2v)), epsv);
      v128.store(p + o, f32x4.sub(v128.load(p + o), f32x4.div(num, den)));
    }
    for (; k < len; k++) {
      let gk = f32at(g, k);
      if (storeScaled) { gk *= s; setf32(g, k, gk); }
      const mk = beta1 * f32at(m, k) + a1 * gk;
      const vk = beta2 * f32at(v, k) + a2 * gk * gk;
      setf32(m, k, mk);
      setf32(v, k, vk);
      setf32(p, k, f32at(p, k) - (mk * lrc1) / (Mathf.sqrt(vk * rc2) + eps));
    }
  }
}
