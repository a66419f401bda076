/**
 * Dense float64 linear algebra for the explorer: orthogonal initialisation,
 * eigenvalues of recurrent weight matrices (spectral radius, the unit-circle plot),
 * ridge regression for echo-state readouts and PCA of hidden states.
 *
 * Matrices are row-major with explicit sizes: element (i, j) of an r×c matrix
 * is at i * c + j. Every function is pure: inputs are never written to.
 * Sizes here are small (n ≤ 256), so the classic O(n³) algorithms are plenty.
 */

/** What the algorithms need from a PRNG; bindings/prng.ts `Rng` satisfies it. */
export type RandomSource = { gaussian(): number; next(): number };

function checkSize(a: ArrayLike<number>, size: number, name: string): void {
  if (a.length < size) throw new RangeError(`${name} has ${a.length} elements, expected ${size}`);
}

/** C = A B with A n×k and B k×m. The i-p-j loop order walks both operands row by row. */
export function matMul(a: ArrayLike<number>, b: ArrayLike<number>, n: number, k: number, m: number): Float64Array {
  checkSize(a, n * k, "a");
  checkSize(b, k * m, "b");
  const c = new Float64Array(n * m);
  for (let i = 0; i < n; i++) {
    for (let p = 0; p < k; p++) {
      const aip = a[i * k + p];
      if (aip === 0) continue;
      for (let j = 0; j < m; j++) c[i * m + j] += aip * b[p * m + j];
    }
  }
  return c;
}

/** AᵀB with A r×n and B r×m, without building the transpose. */
function matTMul(a: ArrayLike<number>, b: ArrayLike<number>, r: number, n: number, m: number): Float64Array {
  const c = new Float64Array(n * m);
  for (let t = 0; t < r; t++) {
    for (let i = 0; i < n; i++) {
      const ati = a[t * n + i];
      if (ati === 0) continue;
      for (let j = 0; j < m; j++) c[i * m + j] += ati * b[t * m + j];
    }
  }
  return c;
}

// ---------------------------------------------------------------------------
// Random orthogonal matrices

/**
 * A Haar-distributed random n×n orthogonal matrix. QR of a Gaussian matrix alone
 * is not uniform (Householder fixes the signs of R's diagonal, which biases Q);
 * multiplying column j of Q by sign(R_jj) removes that bias (Mezzadri 2007).
 */
export function orthogonal(n: number, rng: RandomSource): Float64Array {
  const a = new Float64Array(n * n);
  for (let i = 0; i < a.length; i++) a[i] = rng.gaussian();
  const { q, rDiag } = householderQR(a, n);
  for (let j = 0; j < n; j++) {
    if (rDiag[j] >= 0) continue;
    for (let i = 0; i < n; i++) q[i * n + j] = -q[i * n + j];
  }
  return q;
}

/** QR of a square matrix (overwritten) by Householder reflections; returns Q and diag(R). */
function householderQR(a: Float64Array, n: number): { q: Float64Array; rDiag: Float64Array } {
  const rDiag = new Float64Array(n);
  // Unit reflector vectors, stored so Q can be rebuilt afterwards; v_k lives in rows k..n-1.
  const vs: Float64Array[] = [];
  for (let k = 0; k < n; k++) {
    const v = new Float64Array(n);
    let norm2 = 0;
    for (let i = k; i < n; i++) { v[i] = a[i * n + k]; norm2 += v[i] * v[i]; }
    const norm = Math.sqrt(norm2);
    // Reflect onto -sign(x0)·‖x‖ e1 so that v = x - alpha e1 never cancels.
    const alpha = v[k] >= 0 ? -norm : norm;
    v[k] -= alpha;
    let vNorm2 = 0;
    for (let i = k; i < n; i++) vNorm2 += v[i] * v[i];
    const vNorm = Math.sqrt(vNorm2);
    rDiag[k] = alpha;
    if (vNorm === 0) { vs.push(v); continue; } // zero column: the reflector is the identity
    for (let i = k; i < n; i++) v[i] /= vNorm;
    vs.push(v);
    applyReflectorLeft(a, n, v, k, k);
  }
  // Q = H_0 H_1 … H_{n-1} I, applied from the right end so each step touches rows k..n-1 only.
  const q = identity(n);
  for (let k = n - 1; k >= 0; k--) applyReflectorLeft(q, n, vs[k], k, k);
  return { q, rDiag };
}

/** M[rows from.., cols col0..] ← (I - 2vvᵀ) M for a unit vector v that is zero before `from`. */
function applyReflectorLeft(m: Float64Array, n: number, v: Float64Array, from: number, col0: number): void {
  const w = new Float64Array(n); // w = vᵀM, accumulated row by row to stay cache friendly
  for (let i = from; i < n; i++) {
    const vi = v[i];
    if (vi === 0) continue;
    for (let j = col0; j < n; j++) w[j] += vi * m[i * n + j];
  }
  for (let i = from; i < n; i++) {
    const f = 2 * v[i];
    if (f === 0) continue;
    for (let j = col0; j < n; j++) m[i * n + j] -= f * w[j];
  }
}

function identity(n: number): Float64Array {
  const m = new Float64Array(n * n);
  for (let i = 0; i < n; i++) m[i * n + i] = 1;
  return m;
}

// ---------------------------------------------------------------------------
// Eigenvalues of a general real matrix

/**
 * All eigenvalues of a real n×n matrix, sorted by decreasing modulus; complex
 * conjugate pairs are adjacent (positive imaginary part first).
 *
 * Pipeline (as in EISPACK balanc → orthes → hqr): balancing shrinks the norm so
 * rounding errors are small relative to the eigenvalues, an orthogonal reduction to
 * upper Hessenberg form makes each QR step O(n²), and the Francis double-shift QR
 * iteration finds complex pairs in real arithmetic.
 */
export function eigenvalues(a: ArrayLike<number>, n: number): { re: Float64Array; im: Float64Array } {
  checkSize(a, n * n, "a");
  const h = Float64Array.from({ length: n * n }, (_, i) => a[i]);
  for (let i = 0; i < h.length; i++) {
    if (!Number.isFinite(h[i])) throw new Error("matrix has non-finite entries");
  }
  balance(h, n);
  toHessenberg(h, n);
  const re = new Float64Array(n);
  const im = new Float64Array(n);
  hqr(h, n, re, im);
  return sortByModulus(re, im);
}

/**
 * Diagonal similarity D⁻¹AD with powers of two (exact in floating point) that makes
 * each row and column norm comparable. Eigenvalues are unchanged, but badly scaled
 * matrices lose far less accuracy in the QR iteration.
 */
function balance(h: Float64Array, n: number): void {
  const radix = 2;
  let done = false;
  for (let sweep = 0; !done && sweep < 100; sweep++) { // converges in a few sweeps; the cap is a guard
    done = true;
    for (let i = 0; i < n; i++) {
      let c = 0;
      let r = 0;
      for (let j = 0; j < n; j++) {
        if (j === i) continue;
        c += Math.abs(h[j * n + i]);
        r += Math.abs(h[i * n + j]);
      }
      if (c === 0 || r === 0) continue;
      const s = c + r;
      let f = 1;
      while (c < r / radix) { f *= radix; c *= radix * radix; }
      while (c > r * radix) { f /= radix; c /= radix * radix; }
      if ((c + r) / f < 0.95 * s) {
        done = false;
        for (let j = 0; j < n; j++) h[i * n + j] /= f;
        for (let j = 0; j < n; j++) h[j * n + i] *= f;
      }
    }
  }
}

/** Orthogonal similarity to upper Hessenberg form (zeros below the subdiagonal), in place. */
function toHessenberg(h: Float64Array, n: number): void {
  const v = new Float64Array(n);
  for (let k = 0; k < n - 2; k++) {
    // Scale the column first so squaring cannot overflow or underflow.
    let scale = 0;
    for (let i = k + 1; i < n; i++) scale += Math.abs(h[i * n + k]);
    if (scale === 0) continue; // already reduced
    let norm2 = 0;
    v.fill(0);
    for (let i = k + 1; i < n; i++) { v[i] = h[i * n + k] / scale; norm2 += v[i] * v[i]; }
    const alpha = v[k + 1] > 0 ? -Math.sqrt(norm2) : Math.sqrt(norm2);
    v[k + 1] -= alpha;
    let vNorm2 = 0;
    for (let i = k + 1; i < n; i++) vNorm2 += v[i] * v[i];
    const vNorm = Math.sqrt(vNorm2);
    for (let i = k + 1; i < n; i++) v[i] /= vNorm;
    // Column k becomes alpha·e1 exactly; write it rather than trusting rounding to give zeros.
    h[(k + 1) * n + k] = alpha * scale;
    for (let i = k + 2; i < n; i++) h[i * n + k] = 0;
    applyReflectorLeft(h, n, v, k + 1, k + 1);
    applyReflectorRight(h, n, v, k + 1);
  }
}

/** M[all rows, cols from..] ← M (I - 2vvᵀ). */
function applyReflectorRight(m: Float64Array, n: number, v: Float64Array, from: number): void {
  for (let i = 0; i < n; i++) {
    const row = i * n;
    let d = 0;
    for (let j = from; j < n; j++) d += m[row + j] * v[j];
    if (d === 0) continue;
    d *= 2;
    for (let j = from; j < n; j++) m[row + j] -= d * v[j];
  }
}

/** Francis double-shift QR iterations allowed per eigenvalue before giving up. */
const MAX_QR_ITERATIONS = 200;

/**
 * Eigenvalues of an upper Hessenberg matrix (destroyed) by the Francis double-shift
 * QR algorithm, after EISPACK hqr / Numerical Recipes. Works from the bottom up:
 * when a subdiagonal entry becomes negligible the matrix splits, and 1×1 or 2×2
 * trailing blocks are read off directly (2×2 blocks give the complex pairs).
 */
function hqr(h: Float64Array, n: number, wr: Float64Array, wi: Float64Array): void {
  const H = (i: number, j: number) => h[i * n + j];
  const set = (i: number, j: number, x: number) => { h[i * n + j] = x; };
  let anorm = 0;
  for (let i = 0; i < n; i++) {
    for (let j = Math.max(i - 1, 0); j < n; j++) anorm += Math.abs(H(i, j));
  }
  let nn = n - 1;
  let t = 0; // shifts accumulated by exceptional shifts
  let p = 0, q = 0, r = 0, s = 0, w = 0, x = 0, y = 0, z = 0;
  while (nn >= 0) {
    let its = 0;
    let l: number;
    do {
      // Find the lowest negligible subdiagonal element; the active block is l..nn.
      for (l = nn; l >= 1; l--) {
        s = Math.abs(H(l - 1, l - 1)) + Math.abs(H(l, l));
        if (s === 0) s = anorm;
        if (Math.abs(H(l, l - 1)) + s === s) { set(l, l - 1, 0); break; }
      }
      x = H(nn, nn);
      if (l === nn) { // one root found
        wr[nn] = x + t;
        wi[nn] = 0;
        nn--;
        continue;
      }
      y = H(nn - 1, nn - 1);
      w = H(nn, nn - 1) * H(nn - 1, nn);
      if (l === nn - 1) { // two roots found: solve the trailing 2×2 block
        p = 0.5 * (y - x);
        q = p * p + w;
        z = Math.sqrt(Math.abs(q));
        x += t;
        if (q >= 0) { // real pair; pick the root formula that avoids cancellation
          z = p + (p >= 0 ? z : -z);
          wr[nn - 1] = wr[nn] = x + z;
          if (z !== 0) wr[nn] = x - w / z;
          wi[nn - 1] = wi[nn] = 0;
        } else { // complex conjugate pair
          wr[nn - 1] = wr[nn] = x + p;
          wi[nn - 1] = z;
          wi[nn] = -z;
        }
        nn -= 2;
        continue;
      }
      if (its === MAX_QR_ITERATIONS) throw new Error("eigenvalues: QR iteration did not converge");
      if (its > 0 && its % 10 === 0) {
        // Exceptional shift: breaks the cycles that the standard shift can fall into
        // (e.g. permutation matrices, whose 2×2 corner gives a useless zero shift).
        t += x;
        for (let i = 0; i <= nn; i++) set(i, i, H(i, i) - x);
        s = Math.abs(H(nn, nn - 1)) + Math.abs(H(nn - 1, nn - 2));
        y = x = 0.75 * s;
        w = -0.4375 * s * s;
      }
      its++;
      // Look for two consecutive small subdiagonal elements so the step can start at m.
      let m: number;
      for (m = nn - 2; m >= l; m--) {
        z = H(m, m);
        r = x - z;
        s = y - z;
        p = (r * s - w) / H(m + 1, m) + H(m, m + 1);
        q = H(m + 1, m + 1) - z - r - s;
        r = H(m + 2, m + 1);
        s = Math.abs(p) + Math.abs(q) + Math.abs(r);
        p /= s; q /= s; r /= s;
        if (m === l) break;
        const u = Math.abs(H(m, m - 1)) * (Math.abs(q) + Math.abs(r));
        const v = Math.abs(p) * (Math.abs(H(m - 1, m - 1)) + Math.abs(z) + Math.abs(H(m + 1, m + 1)));
        if (u + v === v) break;
      }
      for (let i = m + 2; i <= nn; i++) {
        set(i, i - 2, 0);
        if (i !== m + 2) set(i, i - 3, 0);
      }
      // Double QR step on rows l..nn, columns m..nn: chase the 3×3 bulge down the diagonal.
      for (let k = m; k <= nn - 1; k++) {
        if (k !== m) {
          p = H(k, k - 1);
          q = H(k + 1, k - 1);
          r = k !== nn - 1 ? H(k + 2, k - 1) : 0;
          x = Math.abs(p) + Math.abs(q) + Math.abs(r);
          if (x !== 0) { p /= x; q /= x; r /= x; }
        }
        s = Math.sqrt(p * p + q * q + r * r);
        if (p < 0) s = -s;
        if (s === 0) continue;
        if (k === m) {
          if (l !== m) set(k, k - 1, -H(k, k - 1));
        } else {
          set(k, k - 1, -s * x);
        }
        p += s;
        x = p / s;
        y = q / s;
        z = r / s;
        q /= p;
        r /= p;
        for (let j = k; j <= nn; j++) { // row modification
          p = H(k, j) + q * H(k + 1, j);
          if (k !== nn - 1) {
            p += r * H(k + 2, j);
            set(k + 2, j, H(k + 2, j) - p * z);
          }
          set(k + 1, j, H(k + 1, j) - p * y);
          set(k, j, H(k, j) - p * x);
        }
        const iMax = Math.min(nn, k + 3);
        for (let i = l; i <= iMax; i++) { // column modification
          p = x * H(i, k) + y * H(i, k + 1);
          if (k !== nn - 1) {
            p += z * H(i, k + 2);
            set(i, k + 2, H(i, k + 2) - p * r);
          }
          set(i, k + 1, H(i, k + 1) - p * q);
          set(i, k, H(i, k) - p);
        }
      }
    } while (l < nn - 1);
  }
}

function sortByModulus(re: Float64Array, im: Float64Array): { re: Float64Array; im: Float64Array } {
  const order = Array.from(re, (_, i) => i);
  order.sort((i, j) => Math.hypot(re[j], im[j]) - Math.hypot(re[i], im[i]) || re[j] - re[i] || im[j] - im[i]);
  return { re: Float64Array.from(order, (i) => re[i]), im: Float64Array.from(order, (i) => im[i]) };
}

/** max |λ|. Computed from all eigenvalues, so it is exact where power iteration would oscillate. */
export function spectralRadius(a: ArrayLike<number>, n: number): number {
  const { re, im } = eigenvalues(a, n);
  let rho = 0;
  for (let i = 0; i < n; i++) rho = Math.max(rho, Math.hypot(re[i], im[i]));
  return rho;
}

/** A copy of `a` scaled so its spectral radius is rho; a radius-0 matrix cannot be scaled and is copied as is. */
export function rescaleToSpectralRadius(a: Float64Array, n: number, rho: number): Float64Array {
  const current = spectralRadius(a, n);
  const out = a.slice(0, n * n);
  if (current === 0) return out;
  const f = rho / current;
  for (let i = 0; i < out.length; i++) out[i] *= f;
  return out;
}

// ---------------------------------------------------------------------------
// Symmetric positive definite systems and ridge regression

/**
 * Solves A X = B for symmetric positive definite A (n×n, only the lower triangle is
 * read) and B n×m, via A = L Lᵀ. Cholesky is half the work of LU and needs no
 * pivoting for SPD matrices; a non-positive pivot is exactly the "not PD" signal.
 */
export function choleskySolve(a: Float64Array, n: number, b: Float64Array, m: number): Float64Array {
  checkSize(a, n * n, "a");
  checkSize(b, n * m, "b");
  const l = new Float64Array(n * n);
  for (let j = 0; j < n; j++) {
    let d = a[j * n + j];
    for (let k = 0; k < j; k++) d -= l[j * n + k] * l[j * n + k];
    if (!(d > 0)) throw new Error("matrix is not positive definite"); // also catches NaN
    const ljj = Math.sqrt(d);
    l[j * n + j] = ljj;
    for (let i = j + 1; i < n; i++) {
      let s = a[i * n + j];
      for (let k = 0; k < j; k++) s -= l[i * n + k] * l[j * n + k];
      l[i * n + j] = s / ljj;
    }
  }
  const x = b.slice(0, n * m);
  // Forward substitution L Y = B, then back substitution Lᵀ X = Y, all m columns at once.
  for (let i = 0; i < n; i++) {
    for (let k = 0; k < i; k++) {
      const lik = l[i * n + k];
      for (let c = 0; c < m; c++) x[i * m + c] -= lik * x[k * m + c];
    }
    const lii = l[i * n + i];
    for (let c = 0; c < m; c++) x[i * m + c] /= lii;
  }
  for (let i = n - 1; i >= 0; i--) {
    for (let k = i + 1; k < n; k++) {
      const lki = l[k * n + i];
      for (let c = 0; c < m; c++) x[i * m + c] -= lki * x[k * m + c];
    }
    const lii = l[i * n + i];
    for (let c = 0; c < m; c++) x[i * m + c] /= lii;
  }
  return x;
}

/**
 * Ridge regression weights W (cols×outCols) minimising ‖XW − Y‖² + λ‖W‖², from the
 * normal equations (XᵀX + λI) W = XᵀY. λ > 0 makes the system positive definite
 * even when X is rank deficient (e.g. a reservoir with correlated units).
 */
export function ridge(
  X: ArrayLike<number>, rows: number, cols: number,
  Y: ArrayLike<number>, outCols: number, lambda: number,
): Float64Array {
  checkSize(X, rows * cols, "X");
  checkSize(Y, rows * outCols, "Y");
  const xtx = matTMul(X, X, rows, cols, cols);
  for (let i = 0; i < cols; i++) xtx[i * cols + i] += lambda;
  const xty = matTMul(X, Y, rows, cols, outCols);
  return choleskySolve(xtx, cols, xty, outCols);
}

// ---------------------------------------------------------------------------
// Symmetric eigenproblems and PCA

/**
 * Eigen-decomposition of a symmetric matrix by cyclic Jacobi rotations: slower than
 * tridiagonal QR but short, and accurate to working precision. Values are sorted
 * descending; eigenvector k is column k of `vectors` (row-major n×n), with its
 * largest-magnitude entry made positive so results are reproducible.
 */
export function symmetricEigen(a: ArrayLike<number>, n: number): { values: Float64Array; vectors: Float64Array } {
  checkSize(a, n * n, "a");
  const s = Float64Array.from({ length: n * n }, (_, i) => a[i]);
  const v = identity(n);
  for (let sweep = 0; sweep < 100; sweep++) {
    let off = 0;
    let total = 0;
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < n; j++) {
        const e = s[i * n + j] * s[i * n + j];
        total += e;
        if (i !== j) off += e;
      }
    }
    if (off <= 1e-32 * total) break; // off-diagonal mass below rounding level
    for (let p = 0; p < n - 1; p++) {
      for (let q = p + 1; q < n; q++) jacobiRotate(s, v, n, p, q);
    }
  }
  const values = Float64Array.from({ length: n }, (_, i) => s[i * n + i]);
  const order = Array.from(values, (_, i) => i).sort((i, j) => values[j] - values[i]);
  const vectors = new Float64Array(n * n);
  order.forEach((from, to) => {
    let big = 0;
    for (let i = 0; i < n; i++) if (Math.abs(v[i * n + from]) > Math.abs(big)) big = v[i * n + from];
    const sign = big < 0 ? -1 : 1;
    for (let i = 0; i < n; i++) vectors[i * n + to] = sign * v[i * n + from];
  });
  return { values: Float64Array.from(order, (i) => values[i]), vectors };
}

/** One Jacobi rotation Jᵀ S J that zeroes S[p, q]; V accumulates the rotations. */
function jacobiRotate(s: Float64Array, v: Float64Array, n: number, p: number, q: number): void {
  const apq = s[p * n + q];
  if (apq === 0) return;
  // t = tan of the rotation angle, the smaller root of t² + 2θt − 1 = 0 (angle ≤ π/4 keeps it stable).
  const theta = (s[q * n + q] - s[p * n + p]) / (2 * apq);
  const t = (theta >= 0 ? 1 : -1) / (Math.abs(theta) + Math.hypot(1, theta));
  const c = 1 / Math.hypot(1, t);
  const sn = t * c;
  for (let k = 0; k < n; k++) { // columns p, q
    const kp = s[k * n + p];
    const kq = s[k * n + q];
    s[k * n + p] = c * kp - sn * kq;
    s[k * n + q] = sn * kp + c * kq;
  }
  for (let k = 0; k < n; k++) { // rows p, q
    const pk = s[p * n + k];
    const qk = s[q * n + k];
    s[p * n + k] = c * pk - sn * qk;
    s[q * n + k] = sn * pk + c * qk;
  }
  s[p * n + q] = s[q * n + p] = 0; // zero by construction; drop the rounding residue
  for (let k = 0; k < n; k++) {
    const kp = v[k * n + p];
    const kq = v[k * n + q];
    v[k * n + p] = c * kp - sn * kq;
    v[k * n + q] = sn * kp + c * kq;
  }
}

/**
 * Principal component analysis of `rows` points in `cols` dimensions: centres the
 * columns, diagonalises the covariance and keeps the top k directions.
 * `explained[i]` is the fraction of the total variance along component i.
 */
export function pca(
  X: ArrayLike<number>, rows: number, cols: number, k: number,
): { components: Float64Array; projected: Float64Array; explained: Float64Array } {
  checkSize(X, rows * cols, "X");
  if (k < 0 || k > cols) throw new RangeError(`k must be in [0, ${cols}], got ${k}`);
  const centred = new Float64Array(rows * cols);
  for (let j = 0; j < cols; j++) {
    let mean = 0;
    for (let i = 0; i < rows; i++) mean += X[i * cols + j];
    mean /= rows || 1;
    for (let i = 0; i < rows; i++) centred[i * cols + j] = X[i * cols + j] - mean;
  }
  // The covariance normaliser cancels in the fractions; dividing by rows keeps values meaningful.
  const cov = matTMul(centred, centred, rows, cols, cols);
  for (let i = 0; i < cov.length; i++) cov[i] /= rows || 1;
  const { values, vectors } = symmetricEigen(cov, cols);
  let total = 0;
  for (const x of values) total += Math.max(x, 0); // rounding can leave tiny negatives
  const components = new Float64Array(k * cols);
  const explained = new Float64Array(k);
  for (let c = 0; c < k; c++) {
    for (let j = 0; j < cols; j++) components[c * cols + j] = vectors[j * cols + c];
    explained[c] = total > 0 ? Math.max(values[c], 0) / total : 0;
  }
  const projected = new Float64Array(rows * k);
  for (let i = 0; i < rows; i++) {
    for (let c = 0; c < k; c++) {
      let dot = 0;
      for (let j = 0; j < cols; j++) dot += centred[i * cols + j] * components[c * cols + j];
      projected[i * k + c] = dot;
    }
  }
  return { components, projected, explained };
}
