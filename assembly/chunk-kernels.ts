// Matrix-matrix kernels for the work of a chunk that does not depend on the previous
// step: the output layer over all T steps (forward Y = W·Hᵀ, backward dH = dY·W) and
// real-valued inputs (W_x·X). Each loaded element of W serves two steps at once, and W
// is walked in blocks (column panels forward, row chunks backward) that stay in cache
// while the steps pass over them. Register budget as in kernels.ts: loads + accumulators
// ≤ 14 per loop body.
import { f32at, hsum4, matTVecAdd, matVecAdd, setf32 } from "./kernels";

/** Columns of W per panel in matMatT: a wide W is cut into panels so that each is read from cache by every pair of steps. */
const PANEL_COLS = 512;

/**
 * out[t, r] = src[r] + Σ_c W[r, c]·X[t, c] for r < rows, t < T: the matrix-vector product
 * of every step of a chunk at once. X and out have row strides ldx and ldo (in floats).
 */
export function matMatT(w: usize, rows: i32, cols: i32, X: usize, ldx: i32, T: i32, src: usize, out: usize, ldo: i32): void {
  const sx = <usize>ldx << 2, so = <usize>ldo << 2;
  const pairs = T & ~1;
  // panels of columns: the first writes src + partial sum, the next ones add to out
  for (let c0 = 0; c0 < cols; c0 += PANEL_COLS) {
    const n = min(PANEL_COLS, cols - c0), first = c0 == 0;
    const wp = w + (<usize>c0 << 2), xp = X + (<usize>c0 << 2);
    for (let t = 0; t < pairs; t += 2) {
      const x0 = xp + <usize>t * sx, o0 = out + <usize>t * so;
      matMatTPair(wp, rows, cols, n, x0, x0 + sx, first ? src : o0, o0, first ? src : o0 + so, o0 + so);
    }
    if (pairs < T) {
      // the odd last step: a plain matrix-vector product on this panel
      const o = out + <usize>pairs * so;
      matVecPanel(wp, rows, cols, n, xp + <usize>pairs * sx, first ? src : o, o);
    }
  }
}

/** Two steps of matMatT on a panel of n columns of W (row stride cols): four rows of W share each load of x. */
function matMatTPair(w: usize, rows: i32, cols: i32, n: i32, x0: usize, x1: usize, s0: usize, o0: usize, s1: usize, o1: usize): void {
  const stride = <usize>cols << 2;
  const n4 = n & ~3;
  let r = 0;
  for (; r + 4 <= rows; r += 4) {
    const w0 = w + <usize>r * stride, w1 = w0 + stride, w2 = w1 + stride, w3 = w2 + stride;
    let a0 = f32x4.splat(0), a1 = f32x4.splat(0), a2 = f32x4.splat(0), a3 = f32x4.splat(0);
    let b0 = f32x4.splat(0), b1 = f32x4.splat(0), b2 = f32x4.splat(0), b3 = f32x4.splat(0);
    for (let c = 0; c < n4; c += 4) {
      const o = <usize>c << 2;
      const xv = v128.load(x0 + o), yv = v128.load(x1 + o);
      const v0 = v128.load(w0 + o), v1 = v128.load(w1 + o), v2 = v128.load(w2 + o), v3 = v128.load(w3 + o);
      a0 = f32x4.add(a0, f32x4.mul(v0, xv)); b0 = f32x4.add(b0, f32x4.mul(v0, yv));
      a1 = f32x4.add(a1, f32x4.mul(v1, xv)); b1 = f32x4.add(b1, f32x4.mul(v1, yv));
      a2 = f32x4.add(a2, f32x4.mul(v2, xv)); b2 = f32x4.add(b2, f32x4.mul(v2, yv));
      a3 = f32x4.add(a3, f32x4.mul(v3, xv)); b3 = f32x4.add(b3, f32x4.mul(v3, yv));
    }
    let sa = hsum4(a0, a1, a2, a3), sb = hsum4(b0, b1, b2, b3);
    if (n4 < n) {
      let p0: f32 = 0, p1: f32 = 0, p2: f32 = 0, p3: f32 = 0, q0: f32 = 0, q1: f32 = 0, q2: f32 = 0, q3: f32 = 0;
      for (let c = n4; c < n; c++) {
        const xc = f32at(x0, c), yc = f32at(x1, c);
        const u0 = f32at(w0, c), u1 = f32at(w1, c), u2 = f32at(w2, c), u3 = f32at(w3, c);
        p0 += u0 * xc; p1 += u1 * xc; p2 += u2 * xc; p3 += u3 * xc;
        q0 += u0 * yc; q1 += u1 * yc; q2 += u2 * yc; q3 += u3 * yc;
      }
      sa = f32x4.add(sa, f32x4(p0, p1, p2, p3));
      sb = f32x4.add(sb, f32x4(q0, q1, q2, q3));
    }
    const o = <usize>r << 2;
    v128.store(o0 + o, f32x4.add(v128.load(s0 + o), sa));
    v128.store(o1 + o, f32x4.add(v128.load(s1 + o), sb));
  }
  for (; r < rows; r++) {
    const wr = w + <usize>r * stride;
    let p: f32 = 0, q: f32 = 0;
    for (let c = 0; c < n; c++) { const u = f32at(wr, c); p += u * f32at(x0, c); q += u * f32at(x1, c); }
    setf32(o0, r, f32at(s0, r) + p);
    setf32(o1, r, f32at(s1, r) + q);
  }
}

/** out[r] = src[r] + Σ_{c<n} W[r, c]·x[c] on a panel of W with row stride cols. */
function matVecPanel(w: usize, rows: i32, cols: i32, n: i32, x: usize, src: usize, out: usize): void {
  if (n == cols) { matVecAdd(w, x, rows, cols, src, out); return; }
  const stride = <usize>cols << 2;
  for (let r = 0; r < rows; r++) {
    const wr = w + <usize>r * stride;
    let s: f32 = 0;
    for (let c = 0; c < n; c++) s += f32at(wr, c) * f32at(x, c);
    setf32(out, r, f32at(src, r) + s);
  }
}

/**
 * out[t, c] = Σ_r D[t, r]·W[r, c] for c < cols, t < T: the transposed product of every step
 * of a chunk at once (∂L/∂h_t from the output gradients dY). D and out have row strides ldd
 * and ldo. W is taken in chunks of rows of at most 32 KB, which stay in L1 while every pair
 * of steps and every 16-column block passes over them.
 */
export function matTMat(w: usize, rows: i32, cols: i32, D: usize, ldd: i32, T: i32, out: usize, ldo: i32): void {
  const stride = <usize>cols << 2, sd = <usize>ldd << 2, so = <usize>ldo << 2;
  const chunkRows = <i32>max<usize>(16, min<usize>(64, <usize>32768 / max<usize>(stride, 1)));
  const pairs = T & ~1;
  for (let r = 0; r < rows; r += chunkRows) {
    const n = min(chunkRows, rows - r), wr = w + <usize>r * stride, dr = D + (<usize>r << 2);
    for (let t = 0; t < pairs; t += 2) {
      const o = out + <usize>t * so;
      matTMatPair(wr, n, cols, dr + <usize>t * sd, dr + <usize>(t + 1) * sd, o, o + so, r > 0);
    }
  }
  if (pairs < T) matTVecAdd(w, D + <usize>pairs * sd, rows, cols, 0, out + <usize>pairs * so);
}

/** Two steps of matTMat over `rows` rows of W: 16 columns of both outputs in registers, each load of W serving both. */
function matTMatPair(w: usize, rows: i32, cols: i32, d0: usize, d1: usize, o0: usize, o1: usize, accumulate: bool): void {
  const stride = <usize>cols << 2, dEnd = d0 + (<usize>rows << 2);
  let c = 0;
  for (; c + 16 <= cols; c += 16) {
    const p0 = o0 + (<usize>c << 2), p1 = o1 + (<usize>c << 2);
    let a0 = f32x4.splat(0), a1 = f32x4.splat(0), a2 = f32x4.splat(0), a3 = f32x4.splat(0);
    let b0 = f32x4.splat(0), b1 = f32x4.splat(0), b2 = f32x4.splat(0), b3 = f32x4.splat(0);
    if (accumulate) {
      a0 = v128.load(p0); a1 = v128.load(p0, 16); a2 = v128.load(p0, 32); a3 = v128.load(p0, 48);
      b0 = v128.load(p1); b1 = v128.load(p1, 16); b2 = v128.load(p1, 32); b3 = v128.load(p1, 48);
    }
    let pw = w + (<usize>c << 2), pd = d0, pe = d1;
    while (pd < dEnd) {
      const dv = v128.load32_splat(pd), ev = v128.load32_splat(pe);
      const v0 = v128.load(pw), v1 = v128.load(pw, 16), v2 = v128.load(pw, 32), v3 = v128.load(pw, 48);
      a0 = f32x4.add(a0, f32x4.mul(v0, dv)); b0 = f32x4.add(b0, f32x4.mul(v0, ev));
      a1 = f32x4.add(a1, f32x4.mul(v1, dv)); b1 = f32x4.add(b1, f32x4.mul(v1, ev));
      a2 = f32x4.add(a2, f32x4.mul(v2, dv)); b2 = f32x4.add(b2, f32x4.mul(v2, ev));
      a3 = f32x4.add(a3, f32x4.mul(v3, dv)); b3 = f32x4.add(b3, f32x4.mul(v3, ev));
      pw += stride; pd += 4; pe += 4;
    }
    v128.store(p0, a0); v128.store(p0, a1, 16); v128.store(p0, a2, 32); v128.store(p0, a3, 48);
    v128.store(p1, b0); v128.store(p1, b1, 16); v128.store(p1, b2, 32); v128.store(p1, b3, 48);
  }
  for (; c + 4 <= cols; c += 4) {
    const p0 = o0 + (<usize>c << 2), p1 = o1 + (<usize>c << 2);
    let a = accumulate ? v128.load(p0) : f32x4.splat(0), b = accumulate ? v128.load(p1) : f32x4.splat(0);
    let pw = w + (<usize>c << 2), pd = d0, pe = d1;
    while (pd < dEnd) {
      const v = v128.load(pw);
      a = f32x4.add(a, f32x4.mul(v, v128.load32_splat(pd)));
      b = f32x4.add(b, f32x4.mul(v, v128.load32_splat(pe)));
      pw += stride; pd += 4; pe += 4;
    }
    v128.store(p0, a); v128.store(p1, b);
  }
  for (; c < cols; c++) {
    let s: f32 = accumulate ? f32at(o0, c) : 0, u: f32 = accumulate ? f32at(o1, c) : 0;
    let pw = w + (<usize>c << 2), pd = d0, pe = d1;
    while (pd < dEnd) { const v = load<f32>(pw); s += v * load<f32>(pd); u += v * load<f32>(pe); pw += stride; pd += 4; pe += 4; }
    setf32(o0, c, s);
    setf32(o1, c, u);
  }
}

/** out[i] = a[i] + b[i] over n floats. */
export function addInto(out: usize, a: usize, b: usize, n: i32): void {
  let i = 0;
  for (; i + 4 <= n; i += 4) { const o = <usize>i << 2; v128.store(out + o, f32x4.add(v128.load(a + o), v128.load(b + o))); }
  for (; i < n; i++) setf32(out, i, f32at(a, i) + f32at(b, i));
}
