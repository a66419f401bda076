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
 * Global-norm clipping fused with the SGD update of all P parameters: one pass over the
 * gradient instead of two (scale, then update). Same operations in the same order as
 * clip(1, threshold) followed by update(0, lr, ...): g ← g·s is stored, then p ← p − lr·g.
 * When the loss or the norm is not finite the parameters are left alone (the gradient is
 * still clipped, as clip would). Returns the norm before clipping.
 */
export function clipNormSgd(threshold: f32, lr: f32, finiteLoss: bool): f64 {
  const norm = Math.sqrt(sumSquares(grads, P));
  const clipped = norm > <f64>threshold;
  const s: f32 = clipped ? <f32>(<f64>threshold / norm) : 1;
  store<f32>(stats, <f32>norm, STAT_NORM << 2);
  store<f32>(stats, clipped ? 1 : 0, STAT_CLIPPED << 2);
  if (!(finiteLoss && isFinite(norm))) {
    if (clipped) scale(grads, P, s);
    return norm;
  }
  const lrv = f32x4.splat(lr), sv = f32x4.splat(s);
  let k = 0;
  if (clipped) {
    for (; k + 4 <= P; k += 4) {
      const o = <usize>k << 2;
      const g = f32x4.mul(v128.load(grads + o), sv);
      v128.store(grads + o, g);
      v128.store(params + o, f32x4.sub(v128.load(params + o), f32x4.mul(lrv, g)));
    }
    for (; k < P; k++) { const g = f32at(grads, k) * s; setf32(grads, k, g); setf32(params, k, f32at(params, k) - lr * g); }
  } else {
    for (; k + 4 <= P; k += 4) {
      const o = <usize>k << 2;
      v128.store(params + o, f32x4.sub(v128.load(params + o), f32x4.mul(lrv, v128.load(grads + o))));
    }
    for (; k < P; k++) setf32(params, k, f32at(params, k) - lr * f32at(grads, k));
  }
  return norm;
}

/** One update of params[start, start+len): 0 SGD, 1 momentum, 2 Adagrad, 3 Adam. */
export function update(opt: i32, lr: f32, beta1: f32, beta2: f32, eps: f32, step: i32, start: i32, len: i32): void {
  const off = <usize>start << 2;
  const p = params + off, g = grads + off, m = m1 + off, v = m2 + off;
  const lrv = f32x4.splat(lr);
  let k = 0;
  if (opt == 0) {
    for (; k + 4 <= len; k += 4) {
      const o = <usize>k << 2;
      v128.store(p + o, f32x4.sub(v128.load(p + o), f32x4.mul(lrv, v128.load(g + o))));
    }
    for (; k < len; k++) setf32(p, k, f32at(p, k) - lr * f32at(g, k));
  } else if (opt == 1) {
    for (; k < len; k++) {
      const vel = beta1 * f32at(m, k) - lr * f32at(g, k);
      setf32(m, k, vel);
      setf32(p, k, f32at(p, k) + vel);
    }
  } else if (opt == 2) {
    for (; k < len; k++) {
      const gk = f32at(g, k);
      const acc = f32at(m, k) + gk * gk;
      setf32(m, k, acc);
      setf32(p, k, f32at(p, k) - lr * gk / (Mathf.sqrt(acc) + eps));
    }
  } else {
    const c1 = <f32>(1 - Math.pow(<f64>beta1, <f64>step)), c2 = <f32>(1 - Math.pow(<f64>beta2, <f64>step));
    for (; k < len; k++) {
      const gk = f32at(g, k);
      const mk = beta1 * f32at(m, k) + (1 - beta1) * gk;
      const vk = beta2 * f32at(v, k) + (1 - beta2) * gk * gk;
      setf32(m, k, mk);
      setf32(v, k, vk);
      setf32(p, k, f32at(p, k) - lr * (mk / c1) / (Mathf.sqrt(vk / c2) + eps));
    }
  }
}
