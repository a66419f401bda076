import { describe, it, expect } from "vitest";
import {
  choleskySolve, eigenvalues, matMul, orthogonal, pca, rescaleToSpectralRadius, ridge, spectralRadius,
  symmetricEigen,
} from "../bindings/linalg.js";
import { Rng } from "../bindings/prng.js";

// ---------------------------------------------------------------------------
// helpers (independent of the code under test)

const gaussianMatrix = (rng: Rng, rows: number, cols: number, scale = 1) =>
  Float64Array.from({ length: rows * cols }, () => rng.gaussian() * scale);

function transpose(a: ArrayLike<number>, rows: number, cols: number): Float64Array {
  const t = new Float64Array(rows * cols);
  for (let i = 0; i < rows; i++) for (let j = 0; j < cols; j++) t[j * rows + i] = a[i * cols + j];
  return t;
}

function maxAbsDiff(a: ArrayLike<number>, b: ArrayLike<number>): number {
  expect(a.length).toBe(b.length);
  let d = 0;
  for (let i = 0; i < a.length; i++) d = Math.max(d, Math.abs(a[i] - b[i]));
  return d;
}

function eye(n: number): Float64Array {
  const m = new Float64Array(n * n);
  for (let i = 0; i < n; i++) m[i * n + i] = 1;
  return m;
}

/** log|det A| and sign of det A by LU with partial pivoting. */
function logDet(a: ArrayLike<number>, n: number): { logAbs: number; sign: number } {
  const m = Float64Array.from(a);
  let logAbs = 0;
  let sign = 1;
  for (let k = 0; k < n; k++) {
    let piv = k;
    for (let i = k + 1; i < n; i++) if (Math.abs(m[i * n + k]) > Math.abs(m[piv * n + k])) piv = i;
    if (piv !== k) {
      sign = -sign;
      for (let j = 0; j < n; j++) [m[k * n + j], m[piv * n + j]] = [m[piv * n + j], m[k * n + j]];
    }
    const d = m[k * n + k];
    if (d < 0) sign = -sign;
    logAbs += Math.log(Math.abs(d));
    for (let i = k + 1; i < n; i++) {
      const f = m[i * n + k] / d;
      for (let j = k; j < n; j++) m[i * n + j] -= f * m[k * n + j];
    }
  }
  return { logAbs, sign };
}

type Complex = { re: number; im: number };
const pairs = (e: { re: Float64Array; im: Float64Array }): Complex[] => Array.from(e.re, (re, i) => ({ re, im: e.im[i] }));

/** Every expected eigenvalue is matched by a distinct computed one within tol. */
function expectSameSpectrum(got: { re: Float64Array; im: Float64Array }, want: Complex[], tol: number) {
  const left = pairs(got);
  expect(left.length).toBe(want.length);
  for (const w of want) {
    let best = -1;
    let bestDist = Infinity;
    left.forEach((g, i) => {
      const d = Math.hypot(g.re - w.re, g.im - w.im);
      if (d < bestDist) { bestDist = d; best = i; }
    });
    expect(bestDist, `eigenvalue ${w.re} + ${w.im}i`).toBeLessThan(tol);
    left.splice(best, 1);
  }
}

const real = (...xs: number[]): Complex[] => xs.map((re) => ({ re, im: 0 }));

function rotation(alpha: number, theta: number): Float64Array {
  const c = Math.cos(theta);
  const s = Math.sin(theta);
  return Float64Array.of(alpha * c, -alpha * s, alpha * s, alpha * c);
}

// ---------------------------------------------------------------------------

describe("matMul", () => {
  it("multiplies rectangular matrices", () => {
    // [[1,2,3],[4,5,6]] · [[7,8],[9,10],[11,12]]
    const c = matMul([1, 2, 3, 4, 5, 6], [7, 8, 9, 10, 11, 12], 2, 3, 2);
    expect(Array.from(c)).toEqual([58, 64, 139, 154]);
  });
});

describe("orthogonal", () => {
  it("gives QᵀQ = I and det ±1", () => {
    for (const n of [1, 2, 7, 64]) {
      const q = orthogonal(n, new Rng(n));
      const qtq = matMul(transpose(q, n, n), q, n, n, n);
      expect(maxAbsDiff(qtq, eye(n))).toBeLessThan(1e-10);
      expect(Math.abs(logDet(q, n).logAbs)).toBeLessThan(1e-10);
    }
  });

  it("is a deterministic function of the seed and not the identity", () => {
    const a = orthogonal(16, new Rng(42));
    expect(Array.from(orthogonal(16, new Rng(42)))).toEqual(Array.from(a));
    expect(maxAbsDiff(a, orthogonal(16, new Rng(43)))).toBeGreaterThan(0.1);
    expect(maxAbsDiff(a, eye(16))).toBeGreaterThan(0.1);
  });

  it("is Haar: entries have mean 0 and variance 1/n, diagonal included", () => {
    // Without the sign correction the diagonal is biased (E[Q_11] ≈ -0.8 for n = 2).
    const n = 4;
    const rng = new Rng(5);
    const trials = 4000;
    let diagSum = 0;
    let diagSq = 0;
    let q11Sum = 0;
    for (let t = 0; t < trials; t++) {
      const q = orthogonal(n, rng);
      q11Sum += q[0];
      for (let i = 0; i < n; i++) { diagSum += q[i * n + i]; diagSq += q[i * n + i] ** 2; }
    }
    expect(Math.abs(q11Sum / trials)).toBeLessThan(0.05);
    expect(Math.abs(diagSum / (trials * n))).toBeLessThan(0.03);
    expect(diagSq / (trials * n)).toBeCloseTo(1 / n, 1);
  });
});

describe("eigenvalues", () => {
  it("handles empty, 1×1 and zero matrices", () => {
    expect(eigenvalues([], 0).re.length).toBe(0);
    expectSameSpectrum(eigenvalues([-3.5], 1), real(-3.5), 1e-15);
    const z = eigenvalues(new Float64Array(25), 5);
    expect(Array.from(z.re)).toEqual([0, 0, 0, 0, 0]);
    expect(Array.from(z.im)).toEqual([0, 0, 0, 0, 0]);
  });

  it("does not modify its input and rejects non-finite entries", () => {
    const a = Float64Array.of(1, 2, 3, 4);
    eigenvalues(a, 2);
    expect(Array.from(a)).toEqual([1, 2, 3, 4]);
    expect(() => eigenvalues([1, NaN, 0, 1], 2)).toThrow(/non-finite/);
  });

  it("reads a diagonal matrix", () => {
    const d = [3, -1, 0.5, 7, -7, 2];
    const a = new Float64Array(36);
    d.forEach((x, i) => { a[i * 6 + i] = x; });
    expectSameSpectrum(eigenvalues(a, 6), real(...d), 1e-13);
  });

  it("reads the diagonal of triangular matrices", () => {
    const rng = new Rng(3);
    const n = 8;
    const d = [5, -4, 3, 2.5, -1, 0.25, 0, 9];
    const upper = new Float64Array(n * n);
    for (let i = 0; i < n; i++) {
      upper[i * n + i] = d[i];
      for (let j = i + 1; j < n; j++) upper[i * n + j] = rng.gaussian();
    }
    expectSameSpectrum(eigenvalues(upper, n), real(...d), 1e-9);
    expectSameSpectrum(eigenvalues(transpose(upper, n, n), n), real(...d), 1e-9);
  });

  it("finds the complex pair α e^{±iθ} of a scaled rotation", () => {
    for (const [alpha, theta] of [[0.9, 0.7], [2, Math.PI / 2], [1, 3], [0.3, 0.001]]) {
      const e = eigenvalues(rotation(alpha, theta), 2);
      expectSameSpectrum(e, [
        { re: alpha * Math.cos(theta), im: alpha * Math.sin(theta) },
        { re: alpha * Math.cos(theta), im: -alpha * Math.sin(theta) },
      ], 1e-14);
      for (let i = 0; i < 2; i++) expect(Math.hypot(e.re[i], e.im[i])).toBeCloseTo(alpha, 14);
    }
  });

  it("returns conjugate pairs next to each other, sorted by decreasing modulus", () => {
    const a = new Float64Array(16);
    const put = (r0: number, block: ArrayLike<number>) => {
      a[r0 * 4 + r0] = block[0]; a[r0 * 4 + r0 + 1] = block[1];
      a[(r0 + 1) * 4 + r0] = block[2]; a[(r0 + 1) * 4 + r0 + 1] = block[3];
    };
    put(0, rotation(0.5, 1));
    put(2, rotation(1.5, 2));
    const e = eigenvalues(a, 4);
    const mod = Array.from(e.re, (r, i) => Math.hypot(r, e.im[i]));
    expect(mod[0]).toBeCloseTo(1.5, 12);
    expect(mod[1]).toBeCloseTo(1.5, 12);
    expect(mod[2]).toBeCloseTo(0.5, 12);
    expect(e.re[0]).toBe(e.re[1]);
    expect(e.im[0]).toBe(-e.im[1]);
    expect(e.im[0]).toBeGreaterThan(0);
  });

  it("handles Jordan blocks (defective repeated eigenvalues)", () => {
    const a = 1.7;
    expectSameSpectrum(eigenvalues([a, 1, 0, a], 2), real(a, a), 1e-14);
    expectSameSpectrum(eigenvalues([a, 0, 1, a], 2), real(a, a), 1e-14);
    // A nilpotent shift (ones below the diagonal) hides its zeros: no entry is on the diagonal.
    const n = 64;
    const shift = new Float64Array(n * n);
    for (let i = 1; i < n; i++) shift[i * n + i - 1] = 1;
    const e = eigenvalues(shift, n);
    for (let i = 0; i < n; i++) expect(Math.hypot(e.re[i], e.im[i])).toBeLessThan(1e-6);
  });

  it("finds the roots of a polynomial from its companion matrix", () => {
    const roots: Complex[] = [
      ...real(3, -2, 0.5, 1, 1), // 1 is a double root
      { re: -1, im: 2 }, { re: -1, im: -2 },
      { re: 0.25, im: 0.75 }, { re: 0.25, im: -0.75 },
    ];
    // Expand ∏(x − r) with complex arithmetic; the coefficients come out real.
    let cRe = [1];
    let cIm = [0];
    for (const r of roots) {
      const nRe = new Array<number>(cRe.length + 1).fill(0);
      const nIm = new Array<number>(cRe.length + 1).fill(0);
      for (let i = 0; i < cRe.length; i++) {
        nRe[i + 1] += cRe[i]; nIm[i + 1] += cIm[i];
        nRe[i] -= r.re * cRe[i] - r.im * cIm[i];
        nIm[i] -= r.re * cIm[i] + r.im * cRe[i];
      }
      cRe = nRe; cIm = nIm;
    }
    // cRe[i] is the coefficient of x^i; monic of degree n.
    const n = roots.length;
    for (const x of cIm) expect(Math.abs(x)).toBeLessThan(1e-12);
    const comp = new Float64Array(n * n);
    for (let j = 0; j < n; j++) comp[j] = -cRe[n - 1 - j];
    for (let i = 1; i < n; i++) comp[i * n + i - 1] = 1;
    // The double root is only determined to about √ε.
    expectSameSpectrum(eigenvalues(comp, n), roots, 1e-6);
    const simple = eigenvalues(comp, n);
    for (const r of roots.filter((r) => r.re !== 1 || r.im !== 0)) {
      expect(Math.min(...pairs(simple).map((g) => Math.hypot(g.re - r.re, g.im - r.im)))).toBeLessThan(1e-10);
    }
  });

  it("finds the 50th roots of unity of a 50-cycle permutation matrix", () => {
    const n = 50;
    const p = new Float64Array(n * n);
    for (let i = 0; i < n; i++) p[((i + 1) % n) * n + i] = 1;
    const roots = Array.from({ length: n }, (_, k) => ({
      re: Math.cos((2 * Math.PI * k) / n), im: Math.sin((2 * Math.PI * k) / n),
    }));
    expectSameSpectrum(eigenvalues(p, n), roots, 1e-10);
  });

  it("agrees with trace, trace(A²) and |det| for a random 256×256 Gaussian matrix", () => {
    const n = 256;
    const rng = new Rng(2024);
    const a = gaussianMatrix(rng, n, n, 1 / Math.sqrt(n));
    const e = eigenvalues(a, n);

    let trace = 0;
    let trace2 = 0;
    for (let i = 0; i < n; i++) {
      trace += a[i * n + i];
      for (let j = 0; j < n; j++) trace2 += a[i * n + j] * a[j * n + i];
    }
    let sumRe = 0, sumIm = 0, sum2Re = 0, sum2Im = 0, sumLog = 0, rho = 0;
    for (let i = 0; i < n; i++) {
      const re = e.re[i];
      const im = e.im[i];
      sumRe += re; sumIm += im;
      sum2Re += re * re - im * im; sum2Im += 2 * re * im;
      sumLog += Math.log(Math.hypot(re, im));
      rho = Math.max(rho, Math.hypot(re, im));
    }
    expect(Math.abs(sumRe - trace)).toBeLessThan(1e-10);
    expect(Math.abs(sumIm)).toBeLessThan(1e-10);
    expect(Math.abs(sum2Re - trace2)).toBeLessThan(1e-9);
    expect(Math.abs(sum2Im)).toBeLessThan(1e-9);
    expect(Math.abs(sumLog - logDet(a, n).logAbs)).toBeLessThan(1e-8);
    // Circular law: the spectrum fills the unit disc, radius close to 1.
    expect(rho).toBeGreaterThan(0.9);
    expect(rho).toBeLessThan(1.15);
    // Complex eigenvalues of a real matrix come in conjugate pairs.
    const positive = Array.from(e.im).filter((x) => x > 0).sort((x, y) => x - y);
    const negative = Array.from(e.im).filter((x) => x < 0).map((x) => -x).sort((x, y) => x - y);
    // About √(2n/π) ≈ 13 eigenvalues of a real Gaussian matrix are real; the rest pair up.
    const realCount = n - positive.length - negative.length;
    expect(realCount).toBeGreaterThan(2);
    expect(realCount).toBeLessThan(30);
    expect(maxAbsDiff(positive, negative)).toBe(0);
  });

  it("matches symmetricEigen on a symmetric matrix", () => {
    const n = 30;
    const rng = new Rng(11);
    const g = gaussianMatrix(rng, n, n);
    const s = new Float64Array(n * n);
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) s[i * n + j] = g[i * n + j] + g[j * n + i];
    const e = eigenvalues(s, n);
    for (const x of e.im) expect(x).toBe(0);
    const fromQr = Array.from(e.re).sort((x, y) => y - x);
    const { values } = symmetricEigen(s, n);
    expect(maxAbsDiff(fromQr, values)).toBeLessThan(1e-10);
  });

  it("survives badly scaled matrices (balancing)", () => {
    // D A D⁻¹ with D spanning 12 orders of magnitude has the same eigenvalues as A.
    const n = 6;
    const rng = new Rng(8);
    const base = gaussianMatrix(rng, n, n);
    const scaled = new Float64Array(n * n);
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) scaled[i * n + j] = base[i * n + j] * 10 ** (2 * i - 2 * j);
    expectSameSpectrum(eigenvalues(scaled, n), pairs(eigenvalues(base, n)), 1e-9);
  });
});

describe("spectralRadius", () => {
  it("is α for a scaled rotation, where power iteration only goes round in circles", () => {
    const alpha = 0.8;
    const theta = 1.1;
    expect(spectralRadius(rotation(alpha, theta), 2)).toBeCloseTo(alpha, 13);
    // M R M⁻¹ with a shear M: same eigenvalues α e^{±iθ}, but no longer normal.
    const m = [1, 5, 0, 1];
    const mInv = [1, -5, 0, 1];
    const a = matMul(matMul(m, rotation(alpha, theta), 2, 2, 2), mInv, 2, 2, 2);
    expect(spectralRadius(a, 2)).toBeCloseTo(alpha, 12);
    // Power iteration's growth estimate ‖Av‖/‖v‖ never settles on this matrix: the
    // dominant pair has equal modulus, so v keeps rotating. Hence the QR algorithm.
    let v = [1, 0];
    const growth: number[] = [];
    for (let t = 0; t < 60; t++) {
      const w = [a[0] * v[0] + a[1] * v[1], a[2] * v[0] + a[3] * v[1]];
      const norm = Math.hypot(w[0], w[1]);
      growth.push(norm);
      v = [w[0] / norm, w[1] / norm];
    }
    const tail = growth.slice(-10);
    expect(Math.max(...tail) - Math.min(...tail)).toBeGreaterThan(0.5);
  });

  it("is 1 for an orthogonal matrix and 0 for a nilpotent one", () => {
    expect(spectralRadius(orthogonal(100, new Rng(1)), 100)).toBeCloseTo(1, 10);
    expect(spectralRadius([0, 5, 0, 0], 2)).toBe(0);
  });

  it("takes the largest modulus, not the largest real part", () => {
    const a = new Float64Array(9);
    a[0] = 1.2; // real eigenvalue 1.2
    a[4] = -3; // real eigenvalue -3: the radius
    a[8] = 2;
    expect(spectralRadius(a, 3)).toBe(3);
  });
});

describe("rescaleToSpectralRadius", () => {
  it("hits the target radius and leaves the input alone", () => {
    const n = 100;
    const a = gaussianMatrix(new Rng(6), n, n);
    const before = a.slice();
    for (const rho of [0.95, 1.5, 0.1]) {
      const b = rescaleToSpectralRadius(a, n, rho);
      expect(Math.abs(spectralRadius(b, n) - rho)).toBeLessThan(1e-10);
      // A pure rescaling: every entry has the same ratio.
      expect(b[17] / a[17]).toBeCloseTo(b[4321] / a[4321], 12);
    }
    expect(Array.from(a)).toEqual(Array.from(before));
  });

  it("returns an unchanged copy when the radius is 0", () => {
    const a = Float64Array.of(0, 3, 0, 0); // nilpotent, not zero
    const b = rescaleToSpectralRadius(a, 2, 0.9);
    expect(b).not.toBe(a);
    expect(Array.from(b)).toEqual([0, 3, 0, 0]);
  });
});

describe("choleskySolve", () => {
  it("solves A X = B for a symmetric positive definite A", () => {
    const n = 12;
    const m = 3;
    const rng = new Rng(9);
    const g = gaussianMatrix(rng, n, n);
    const a = matMul(transpose(g, n, n), g, n, n, n);
    for (let i = 0; i < n; i++) a[i * n + i] += 0.5;
    const b = gaussianMatrix(rng, n, m);
    const x = choleskySolve(a, n, b, m);
    expect(maxAbsDiff(matMul(a, x, n, n, m), b)).toBeLessThan(1e-10);
  });

  it("throws on matrices that are not positive definite", () => {
    const err = "matrix is not positive definite";
    expect(() => choleskySolve(Float64Array.of(1, 2, 2, 1), 2, Float64Array.of(1, 1), 1)).toThrow(err); // indefinite
    expect(() => choleskySolve(Float64Array.of(-1, 0, 0, -1), 2, Float64Array.of(1, 1), 1)).toThrow(err);
    expect(() => choleskySolve(new Float64Array(4), 2, Float64Array.of(1, 1), 1)).toThrow(err); // singular
  });
});

describe("ridge", () => {
  const rows = 60;
  const cols = 5; // four features and a bias column of ones
  const outCols = 2;
  const rng = new Rng(12);
  const X = new Float64Array(rows * cols);
  for (let i = 0; i < rows; i++) {
    for (let j = 0; j < cols - 1; j++) X[i * cols + j] = rng.gaussian();
    X[i * cols + cols - 1] = 1;
  }
  const W = Float64Array.of(1, -2, 0.5, 3, -1.5, 0, 2, 0.25, -0.7, 4);
  const Y = matMul(X, W, rows, cols, outCols);
  const norm = (w: ArrayLike<number>) => Math.hypot(...Array.from(w));

  it("recovers the true weights from noise-free data with λ ≈ 0", () => {
    expect(maxAbsDiff(ridge(X, rows, cols, Y, outCols, 1e-10), W)).toBeLessThan(1e-8);
  });

  it("satisfies the optimality condition Xᵀ(XW − Y) + λW = 0", () => {
    const lambda = 7;
    const w = ridge(X, rows, cols, Y, outCols, lambda);
    const resid = matMul(X, w, rows, cols, outCols).map((v, i) => v - Y[i]);
    const grad = matMul(transpose(X, rows, cols), resid, cols, rows, outCols).map((v, i) => v + lambda * w[i]);
    expect(maxAbsDiff(grad, new Float64Array(grad.length))).toBeLessThan(1e-9);
  });

  it("shrinks the weights as λ grows", () => {
    const norms = [1e-6, 1, 100, 1e4, 1e8].map((l) => norm(ridge(X, rows, cols, Y, outCols, l)));
    for (let i = 1; i < norms.length; i++) expect(norms[i]).toBeLessThan(norms[i - 1]);
    expect(norms[norms.length - 1]).toBeLessThan(1e-3 * norm(W));
  });
});

describe("symmetricEigen", () => {
  it("diagonalises: A V = V Λ, VᵀV = I, values descending", () => {
    const n = 20;
    const g = gaussianMatrix(new Rng(13), n, n);
    const a = new Float64Array(n * n);
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) a[i * n + j] = g[i * n + j] + g[j * n + i];
    const { values, vectors } = symmetricEigen(a, n);
    for (let i = 1; i < n; i++) expect(values[i]).toBeLessThanOrEqual(values[i - 1]);
    expect(maxAbsDiff(matMul(transpose(vectors, n, n), vectors, n, n, n), eye(n))).toBeLessThan(1e-12);
    const av = matMul(a, vectors, n, n, n);
    const vl = vectors.map((x, idx) => x * values[idx % n]); // column k scaled by λ_k
    expect(maxAbsDiff(av, vl)).toBeLessThan(1e-11);
  });

  it("puts eigenvectors in columns", () => {
    // [[2,1],[1,2]]: λ = 3 with (1,1)/√2, λ = 1 with (1,-1)/√2.
    const { values, vectors } = symmetricEigen([2, 1, 1, 2], 2);
    expect(values[0]).toBeCloseTo(3, 14);
    expect(values[1]).toBeCloseTo(1, 14);
    const s = Math.SQRT1_2;
    expect(Math.abs(vectors[0])).toBeCloseTo(s, 14); // column 0 = (v00, v10)
    expect(vectors[2]).toBeCloseTo(vectors[0], 14);
    expect(vectors[3]).toBeCloseTo(-vectors[1], 14); // column 1 ∝ (1, -1)
  });
});

describe("pca", () => {
  it("finds the direction of points on a line, explained[0] ≈ 1", () => {
    const rows = 40;
    const rng = new Rng(14);
    const ts = Array.from({ length: rows }, () => rng.gaussian());
    const X = new Float64Array(rows * 3);
    ts.forEach((t, i) => { X[i * 3] = 1 + 2 * t; X[i * 3 + 1] = -5 + 3 * t; X[i * 3 + 2] = 10 - 6 * t; });
    const { components, projected, explained } = pca(X, rows, 3, 2);
    expect(explained[0]).toBeGreaterThan(1 - 1e-12);
    expect(explained[1]).toBeLessThan(1e-12);
    // The direction (2, 3, -6)/7, up to sign.
    const sign = Math.sign(components[0]);
    expect(maxAbsDiff(Array.from(components.subarray(0, 3), (x) => x * sign), [2 / 7, 3 / 7, -6 / 7])).toBeLessThan(1e-12);
    // Projections are the centred line coordinates, t − mean(t), times the length 7.
    const mean = ts.reduce((s, t) => s + t, 0) / rows;
    for (let i = 0; i < rows; i++) expect(projected[i * 2] * sign).toBeCloseTo(7 * (ts[i] - mean), 10);
  });

  it("orders components by variance and its fractions sum to 1", () => {
    const rows = 2000;
    const rng = new Rng(15);
    const scales = [1, 3, 2];
    const X = Float64Array.from({ length: rows * 3 }, (_, i) => 4 + scales[i % 3] * rng.gaussian());
    const { components, explained, projected } = pca(X, rows, 3, 3);
    expect(explained[0] + explained[1] + explained[2]).toBeCloseTo(1, 12);
    // Variance fractions 9 : 4 : 1 along axes y, z, x.
    expect(explained[0]).toBeCloseTo(9 / 14, 1);
    expect(explained[2]).toBeCloseTo(1 / 14, 1);
    expect(Math.abs(components[1])).toBeGreaterThan(0.99);
    expect(Math.abs(components[3 + 2])).toBeGreaterThan(0.99);
    // Projected coordinates are uncorrelated.
    let cross = 0;
    for (let i = 0; i < rows; i++) cross += projected[i * 3] * projected[i * 3 + 1];
    expect(Math.abs(cross / rows)).toBeLessThan(1e-9);
  });
});
