// Dense float32 kernels on raw pointers: a SIMD body with a scalar tail.
// Matrices are row-major; sizes are in elements, pointers in bytes.

// @ts-ignore: decorator
@inline export function f32at(p: usize, i: i32): f32 { return load<f32>(p + (<usize>i << 2)); }
// @ts-ignore: decorator
@inline export function setf32(p: usize, i: i32, v: f32): void { store<f32>(p + (<usize>i << 2), v); }

/** Lane sums of four vectors, as one vector [Σa, Σb, Σc, Σd]. */
// @ts-ignore: decorator
@inline export function hsum4(a: v128, b: v128, c: v128, d: v128): v128 {
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

// Register budget: V8 (TurboFan, x64) gives wasm 15 usable xmm registers and issues a
// loop body's loads before its arithmetic, so every loaded vector is live at once. The
// loops below keep loads + accumulators ≤ 14 and hide the 3-4 cycle add latency by
// summing two products before each accumulate (acc += p + q), instead of using more
// accumulators than there are registers (which made V8 spill an accumulator to the
// stack every iteration and halved the speed).

/** out[r] += Σ_c W[r,c]·x[c]. */
export function matVecAcc(w: usize, x: usize, rows: i32, cols: i32, out: usize): void {
  matVecAdd(w, x, rows, cols, out, out);
}

/**
 * out[r] = src[r] + Σ_c W[r,c]·x[c] (src may equal out; the bias goes in without a copy).
 * Four rows share each load of x; eight columns per iteration.
 */
export function matVecAdd(w: usize, x: usize, rows: i32, cols: i32, src: usize, out: usize): void {
  const stride = <usize>cols << 2;
  const c8 = cols & ~7, c4 = cols & ~3;
  let r = 0;
  for (; r + 4 <= rows; r += 4) {
    const w0 = w + <usize>r * stride, w1 = w0 + stride, w2 = w1 + stride, w3 = w2 + stride;
    let a0 = f32x4.splat(0), a1 = f32x4.splat(0), a2 = f32x4.splat(0), a3 = f32x4.splat(0);
    let c = 0;
    for (; c < c8; c += 8) {
      const o = <usize>c << 2;
      const x0 = v128.load(x + o), x1 = v128.load(x + o, 16);
      a0 = f32x4.add(a0, f32x4.add(f32x4.mul(v128.load(w0 + o), x0), f32x4.mul(v128.load(w0 + o, 16), x1)));
      a1 = f32x4.add(a1, f32x4.add(f32x4.mul(v128.load(w1 + o), x0), f32x4.mul(v128.load(w1 + o, 16), x1)));
      a2 = f32x4.add(a2, f32x4.add(f32x4.mul(v128.load(w2 + o), x0), f32x4.mul(v128.load(w2 + o, 16), x1)));
      a3 = f32x4.add(a3, f32x4.add(f32x4.mul(v128.load(w3 + o), x0), f32x4.mul(v128.load(w3 + o, 16), x1)));
    }
    if (c < c4) {
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
      for (c = c4; c < cols; c++) {
        const xc = f32at(x, c);
        t0 += f32at(w0, c) * xc; t1 += f32at(w1, c) * xc; t2 += f32at(w2, c) * xc; t3 += f32at(w3, c) * xc;
      }
      s = f32x4.add(s, f32x4(t0, t1, t2, t3));
    }
    v128.store(out + (<usize>r << 2), f32x4.add(v128.load(src + (<usize>r << 2)), s));
  }
  for (; r < rows; r++) setf32(out, r, f32at(src, r) + dot(w + <usize>r * stride, x, cols));
}

/** out[c] += Σ_r W[r,c]·d[r]: the transposed product. */
export function matTVecAcc(w: usize, d: usize, rows: i32, cols: i32, out: usize): void {
  matTVecAdd(w, d, rows, cols, out, out);
}

/**
 * out[c] = src[c] + Σ_r W[r,c]·d[r], or without src when src is 0 (src may equal out).
 * Rows are taken in chunks of at most 32 KB of W: within a chunk, 16 columns stay in
 * registers while the rows stream past two at a time, so each element of W is loaded once,
 * and the chunk's cache lines stay in L1 from one column block to the next. Without the
 * chunking, a W whose rows are not 64-byte aligned cost two lines per row and block, fetched
 * again from L2 for the next block, and the kernel ran ~30% slower at H ≥ 128.
 */
export function matTVecAdd(w: usize, d: usize, rows: i32, cols: i32, src: usize, out: usize): void {
  const stride = <usize>cols << 2;
  // rows per chunk: an even number from 16 to 64 with rows·stride ≤ 32 KB (the L1 of the hosts we know)
  const chunkRows = <i32>max<usize>(16, min<usize>(64, (<usize>32768 / max<usize>(stride, 1)) & ~1));
  let r = 0;
  for (; r + chunkRows < rows; r += chunkRows) {
    matTVecRows(w, d + (<usize>r << 2), chunkRows, cols, src, out);
    w += <usize>chunkRows * stride;
    src = out;
  }
  matTVecRows(w, d + (<usize>r << 2), rows - r, cols, src, out);
}

// @ts-ignore: decorator
@inline function matTVecRows(w: usize, d: usize, rows: i32, cols: i32, src: usize, out: usize): void {
  const stride = <usize>cols << 2;
  const dEnd = d + (<usize>rows << 2), pairEnd = d + (<usize>(rows & ~1) << 2);
  let c = 0;
  for (; c + 16 <= cols; c += 16) {
    const po = out + (<usize>c << 2), ps = src + (<usize>c << 2);
    let a0 = f32x4.splat(0), a1 = f32x4.splat(0), a2 = f32x4.splat(0), a3 = f32x4.splat(0);
    if (src) { a0 = v128.load(ps); a1 = v128.load(ps, 16); a2 = v128.load(ps, 32); a3 = v128.load(ps, 48); }
    let pw = w + (<usize>c << 2), pd = d;
    while (pd < pairEnd) {
      const dv = v128.load32_splat(pd), ev = v128.load32_splat(pd, 4);
      const pv = pw + stride;
      a0 = f32x4.add(a0, f32x4.add(f32x4.mul(v128.load(pw), dv), f32x4.mul(v128.load(pv), ev)));
      a1 = f32x4.add(a1, f32x4.add(f32x4.mul(v128.load(pw, 16), dv), f32x4.mul(v128.load(pv, 16), ev)));
      a2 = f32x4.add(a2, f32x4.add(f32x4.mul(v128.load(pw, 32), dv), f32x4.mul(v128.load(pv, 32), ev)));
      a3 = f32x4.add(a3, f32x4.add(f32x4.mul(v128.load(pw, 48), dv), f32x4.mul(v128.load(pv, 48), ev)));
      pw += stride << 1; pd += 8;
    }
    if (pd < dEnd) {
      const dv = v128.load32_splat(pd);
      a0 = f32x4.add(a0, f32x4.mul(v128.load(pw), dv));
      a1 = f32x4.add(a1, f32x4.mul(v128.load(pw, 16), dv));
      a2 = f32x4.add(a2, f32x4.mul(v128.load(pw, 32), dv));
      a3 = f32x4.add(a3, f32x4.mul(v128.load(pw, 48), dv));
    }
    v128.store(po, a0); v128.store(po, a1, 16); v128.store(po, a2, 32); v128.store(po, a3, 48);
  }
  for (; c + 4 <= cols; c += 4) {
    let a = src ? v128.load(src + (<usize>c << 2)) : f32x4.splat(0);
    let pw = w + (<usize>c << 2), pd = d;
    while (pd < dEnd) { a = f32x4.add(a, f32x4.mul(v128.load(pw), v128.load32_splat(pd))); pw += stride; pd += 4; }
    v128.store(out + (<usize>c << 2), a);
  }
  for (; c < cols; c++) {
    let s: f32 = src ? f32at(src, c) : 0;
    let pw = w + (<usize>c << 2), pd = d;
    while (pd < dEnd) { s += load<f32>(pw) * load<f32>(pd); pw += stride; pd += 4; }
    setf32(out, c, s);
  }
}

/**
 * G[r,c] = Σ_t D[t,r]·A[t,c] over T rows of D (row stride ldd) and A (row stride lda):
 * a weight gradient as a sum of rank-1 terms. Two rows of G and 16 columns at a time:
 * eight accumulators in registers, each load of A serving both rows.
 */
export function outerSum(g: usize, rows: i32, cols: i32, D: usize, ldd: i32, A: usize, lda: i32, T: i32): void {
  const sd = <usize>ldd << 2, sa = <usize>lda << 2, sg = <usize>cols << 2;
  let r = 0;
  for (; r + 2 <= rows; r += 2) {
    const pg = g + <usize>r * sg;
    const pd0 = D + (<usize>r << 2);
    let c = 0;
    for (; c + 16 <= cols; c += 16) {
      let a0 = f32x4.splat(0), a1 = f32x4.splat(0), a2 = f32x4.splat(0), a3 = f32x4.splat(0);
      let b0 = f32x4.splat(0), b1 = f32x4.splat(0), b2 = f32x4.splat(0), b3 = f32x4.splat(0);
      let pa = A + (<usize>c << 2), pd = pd0;
      for (let t = 0; t < T; t++) {
        const dv = v128.load32_splat(pd), ev = v128.load32_splat(pd, 4);
        const v0 = v128.load(pa), v1 = v128.load(pa, 16), v2 = v128.load(pa, 32), v3 = v128.load(pa, 48);
        a0 = f32x4.add(a0, f32x4.mul(v0, dv)); b0 = f32x4.add(b0, f32x4.mul(v0, ev));
        a1 = f32x4.add(a1, f32x4.mul(v1, dv)); b1 = f32x4.add(b1, f32x4.mul(v1, ev));
        a2 = f32x4.add(a2, f32x4.mul(v2, dv)); b2 = f32x4.add(b2, f32x4.mul(v2, ev));
        a3 = f32x4.add(a3, f32x4.mul(v3, dv)); b3 = f32x4.add(b3, f32x4.mul(v3, ev));
        pa += sa; pd += sd;
      }
      const o = pg + (<usize>c << 2), q = o + sg;
      v128.store(o, a0); v128.store(o, a1, 16); v128.store(o, a2, 32); v128.store(o, a3, 48);
      v128.store(q, b0); v128.store(q, b1, 16); v128.store(q, b2, 32); v128.store(q, b3, 48);
    }
    for (; c + 4 <= cols; c += 4) {
      let a = f32x4.splat(0), b = f32x4.splat(0);
      let pa = A + (<usize>c << 2), pd = pd0;
      for (let t = 0; t < T; t++) {
        const v = v128.load(pa);
        a = f32x4.add(a, f32x4.mul(v, v128.load32_splat(pd)));
        b = f32x4.add(b, f32x4.mul(v, v128.load32_splat(pd, 4)));
        pa += sa; pd += sd;
      }
      v128.store(pg + (<usize>c << 2), a);
      v128.store(pg + sg + (<usize>c << 2), b);
    }
    for (; c < cols; c++) {
      let s: f32 = 0, u: f32 = 0;
      let pa = A + (<usize>c << 2), pd = pd0;
      for (let t = 0; t < T; t++) { const v = load<f32>(pa); s += load<f32>(pd) * v; u += load<f32>(pd, 4) * v; pa += sa; pd += sd; }
      setf32(pg, c, s);
      setf32(pg + sg, c, u);
    }
  }
  if (r < rows) outerSumRow(g + <usize>r * sg, cols, D + (<usize>r << 2), sd, A, sa, T);
}

/** One row of outerSum: g[c] = Σ_t d[t]·A[t,c], d with byte stride sd. */
function outerSumRow(pg: usize, cols: i32, pd0: usize, sd: usize, A: usize, sa: usize, T: i32): void {
  let c = 0;
  for (; c + 16 <= cols; c += 16) {
    let a0 = f32x4.splat(0), a1 = f32x4.splat(0), a2 = f32x4.splat(0), a3 = f32x4.splat(0);
    let pa = A + (<usize>c << 2), pd = pd0;
    for (let t = 0; t < T; t++) {
      const dv = v128.load32_splat(pd);
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
    for (let t = 0; t < T; t++) { a = f32x4.add(a, f32x4.mul(v128.load(pa), v128.load32_splat(pd))); pa += sa; pd += sd; }
    v128.store(pg + (<usize>c << 2), a);
  }
  for (; c < cols; c++) {
    let s: f32 = 0;
    let pa = A + (<usize>c << 2), pd = pd0;
    for (let t = 0; t < T; t++) { s += load<f32>(pd) * load<f32>(pa); pa += sa; pd += sd; }
    setf32(pg, c, s);
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
