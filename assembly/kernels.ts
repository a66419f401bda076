// Dense float32 kernels on raw pointers: a SIMD body with a scalar tail.
// Matrices are row-major; sizes are in elements, pointers in bytes.

// @ts-ignore: decorator
@inline function f32at(p: usize, i: i32): f32 { return load<f32>(p + (<usize>i << 2)); }
// @ts-ignore: decorator
@inline function setf32(p: usize, i: i32, v: f32): void { store<f32>(p + (<usize>i << 2), v); }

/** Lane sums of four vectors, as one vector [Σa, Σb, Σc, Σd]. */
// @ts-ignore: decorator
@inline function hsum4(a: v128, b: v128, c: v128, d: v128): v128 {
  const ab = f32x4.add(v128.shuffle<f32>(a, b, 0, 4, 1, 5), v128.shuffle<f32>(a, b, 2, 6, 3, 7));
  const cd = f32x4.add(v128.shuffle<f32>(c, d, 0, 4, 1, 5), v128.shuffle<f32>(c, d, 2, 6, 3, 7));
  return f32x4.add(v128.shuffle<f32>(ab, cd, 0, 1, 4, 5), v128.shuffle<f32>(ab, cd, 2, 3, 6, 7));
}

// @ts-ignore: decorator
@inline function hsum(a: v128): f32 {
  return f32x4.extract_lane(a, 0) + f32x4.extract_lane(a, 1) + f32x4.extract_lane(a, 2) + f32x4.extract_lane(a, 3);
}

/** Σ_c w[c]·x[c] over n floats. */
export function dot(w: usize, x: usize, n: i32): f32 {
  let a0 = f32x4.splat(0), a1 = f32x4.splat(0);
  let c = 0;
  for (; c + 8 <= n; c += 8) {
    const o = <usize>c << 2;
    a0 = f32x4.add(a0, f32x4.mul(v128.load(w + o), v128.load(x + o)));
    a1 = f32x4.add(a1, f32x4.mul(v128.load(w + o, 16), v128.load(x + o, 16)));
  }
  for (; c + 4 <= n; c += 4) { const o = <usize>c << 2; a0 = f32x4.add(a0, f32x4.mul(v128.load(w + o), v128.load(x + o))); }
  let s = hsum(f32x4.add(a0, a1));
  for (; c < n; c++) s += f32at(w, c) * f32at(x, c);
  return s;
}

/** out[r] += Σ_c W[r,c]·x[c]. Four rows at a time share each load of x. */
export function matVecAcc(w: usize, x: usize, rows: i32, cols: i32, out: usize): void {
  const stride = <usize>cols << 2;
  const c4 = cols & ~3;
  let r = 0;
  for (; r + 4 <= rows; r += 4) {
    const w0 = w + <usize>r * stride, w1 = w0 + stride, w2 = w1 + stride, w3 = w2 + stride;
    let a0 = f32x4.splat(0), a1 = f32x4.splat(0), a2 = f32x4.splat(0), a3 = f32x4.splat(0);
    for (let c = 0; c < c4; c += 4) {
      const o = <usize>c << 2;
      const xv = v128.load(x + o);
      a0 = f32x4.add(a0, f32x4.mul(v128.load(w0 + o), xv));
      a1 = f32x4.add(a1, f32x4.mul(v128.load(w1 + o), xv));
      a2 = f32x4.add(a2, f32x4.mul(v128.load(w2 + o), xv));
      a3 = f32x4.add(a3, f32x4.mul(v128.load(w3 + o), xv));
    }
    let s = hsum4(a0, a1, a2, a3);
    if (c4 < cols) {
      let t0: f32 = 0, t1: f32 = 0, t2: f32 = 0, t3: f32 = 0;
      for (let c = c4; c < cols; c++) {
        const xc = f32at(x, c);
        t0 += f32at(w0, c) * xc; t1 += f32at(w1, c) * xc; t2 += f32at(w2, c) * xc; t3 += f32at(w3, c) * xc;
      }
      s = f32x4.add(s, f32x4(t0, t1, t2, t3));
    }
    const po = out + (<usize>r << 2);
    v128.store(po, f32x4.add(v128.load(po), s));
  }
  for (; r < rows; r++) setf32(out, r, f32at(out, r) + dot(w + <usize>r * stride, x, cols));
}

/** out[c] += Σ_r W[r,c]·d[r]: the transposed product, accumulated 16 columns at a time in registers. */
export function matTVecAcc(w: usize, d: usize, rows: i32, cols: i32, out: usize): void {
  const stride = <usize>cols << 2;
  let c = 0;
  for (; c + 16 <= cols; c += 16) {
    const po = out + (<usize>c << 2);
    let a0 = v128.load(po), a1 = v128.load(po, 16), a2 = v128.load(po, 32), a3 = v128.load(po, 48);
    let pw = w + (<usize>c << 2);
    for (let r = 0; r < rows; r++) {
      const dv = f32x4.splat(f32at(d, r));
      a0 = f32x4.add(a0, f32x4.mul(v128.load(pw), dv));
      a1 = f32x4.add(a1, f32x4.mul(v128.load(pw, 16), dv));
      a2 = f32x4.add(a2, f32x4.mul(v128.load(pw, 32), dv));
      a3 = f32x4.add(a3, f32x4.mul(v128.load(pw, 48), dv));
      pw += stride;
    }
    v128.store(po, a0); v128.store(po, a1, 16); v128.store(po, a2, 32); v128.store(po, a3, 48);
  }
  for (; c + 4 <= cols; c += 4) {
    const po = out + (<usize>c << 2);
    let a = v128.load(po);
    let pw = w + (<usize>c << 2);
    for (let r = 0; r < rows; r++) { a = f32x4.add(a, f32x4.mul(v128.load(pw), f32x4.splat(f32at(d, r)))); pw += stride; }
    v128.store(po, a);
  }
  for (; c < cols; c++) {
    let s = f32at(out, c);
    for (let r = 0; r < rows; r++) s += load<f32>(w + <usize>r * stride + (<usize>c << 2)) * f32at(d, r);
    setf32(out, c, s);
  }
}

/**
 * G[r,c] = Σ_t D[t,r]·A[t,c] over T rows of D (row stride ldd) and A (row stride lda):
 * a weight gradient as a sum of rank-1 terms, computed one 16-column block at a time.
 */
export function outerSum(g: usize, rows: i32, cols: i32, D: usize, ldd: i32, A: usize, lda: i32, T: i32): void {
  const sd = <usize>ldd << 2, sa = <usize>lda << 2, sg = <usize>cols << 2;
  for (let r = 0; r < rows; r++) {
    const pg = g + <usize>r * sg;
    const pd0 = D + (<usize>r << 2);
    let c = 0;
    for (; c + 16 <= cols; c += 16) {
      let a0 = f32x4.splat(0), a1 = f32x4.splat(0), a2 = f32x4.splat(0), a3 = f32x4.splat(0);
      let pa = A + (<usize>c << 2), pd = pd0;
      for (let t = 0; t < T; t++) {
        const dv = f32x4.splat(load<f32>(pd));
        a0 = f32x4.add(a0, f32x4.mul(v128.load(pa), dv));
        a1 = f32x4.add(a1, f32x4.mul(v128.load(pa, 16), dv));
        a2 = f32x4.add(a2, f32x4.mul(v128.load(pa, 32), dv));
        a3 = f32x4.add(a3, f32x4.mul(v128.load(pa, 48), dv));
        pa += sa; pd += sd;
      }
      const o = pg + (<usize>c << 2);
      v128.store(o, a0); v128.store(o, a1, 16); v128.store(o, a2, 32); v128.store(o, a3, 48);
    }
    for (; c + 4 <= cols; c += 4) {
      let a = f32x4.splat(0);
      let pa = A + (<usize>c << 2), pd = pd0;
      for (let t = 0; t < T; t++) { a = f32x4.add(a, f32x4.mul(v128.load(pa), f32x4.splat(load<f32>(pd)))); pa += sa; pd += sd; }
      v128.store(pg + (<usize>c << 2), a);
    }
    for (; c < cols; c++) {
      let s: f32 = 0;
      for (let t = 0; t < T; t++) s += load<f32>(D + <usize>t * sd + (<usize>r << 2)) * load<f32>(A + <usize>t * sa + (<usize>c << 2));
      setf32(pg, c, s);
    }
  }
}

/** G[r,c] += d[r]·a[c]: one rank-1 update (kernel micro-benchmark and single-step use). */
export function outerAcc(g: usize, rows: i32, cols: i32, d: usize, a: usize): void {
  const sg = <usize>cols << 2;
  for (let r = 0; r < rows; r++) {
    const dr = f32at(d, r);
    const dv = f32x4.splat(dr);
    const pg = g + <usize>r * sg;
    let c = 0;
    for (; c + 4 <= cols; c += 4) {
      const o = <usize>c << 2;
      v128.store(pg + o, f32x4.add(v128.load(pg + o), f32x4.mul(v128.load(a + o), dv)));
    }
    for (; c < cols; c++) setf32(pg, c, f32at(pg, c) + dr * f32at(a, c));
  }
}

/** y[i] += x[i] over n floats. */
export function addTo(y: usize, x: usize, n: i32): void {
  let i = 0;
  for (; i + 4 <= n; i += 4) { const o = <usize>i << 2; v128.store(y + o, f32x4.add(v128.load(y + o), v128.load(x + o))); }
  for (; i < n; i++) setf32(y, i, f32at(y, i) + f32at(x, i));
}

/** Σ x[i]² over n floats, in float64 for a stable norm. */
export function sumSquares(x: usize, n: i32): f64 {
  let a0 = f32x4.splat(0), a1 = f32x4.splat(0);
  let i = 0;
  let total: f64 = 0;
  // flush the float32 lanes into float64 every 4096 elements to bound rounding error
  while (i + 8 <= n) {
    const end = min(n & ~7, i + 4096);
    for (; i < end; i += 8) {
      const o = <usize>i << 2;
      const v0 = v128.load(x + o), v1 = v128.load(x + o, 16);
      a0 = f32x4.add(a0, f32x4.mul(v0, v0));
      a1 = f32x4.add(a1, f32x4.mul(v1, v1));
    }
    total += <f64>hsum(f32x4.add(a0, a1));
    a0 = f32x4.splat(0); a1 = f32x4.splat(0);
  }
  for (; i < n; i++) { const v = <f64>f32at(x, i); total += v * v; }
  return total;
}

/** x[i] *= s over n floats. */
export function scale(x: usize, n: i32, s: f32): void {
  const sv = f32x4.splat(s);
  let i = 0;
  for (; i + 4 <= n; i += 4) { const o = <usize>i << 2; v128.store(x + o, f32x4.mul(v128.load(x + o), sv)); }
  for (; i < n; i++) setf32(x, i, f32at(x, i) * s);
}

/** Fills n floats with v. */
export function fill(x: usize, n: i32, v: f32): void {
  const vv = f32x4.splat(v);
  let i = 0;
  for (; i + 4 <= n; i += 4) v128.store(x + (<usize>i << 2), vv);
  for (; i < n; i++) setf32(x, i, v);
}
