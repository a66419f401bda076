// Fast float32 exp, tanh and sigmoid, scalar and 4-wide, with max abs error below
// 1e-6 (tested against float64). Branch-free so the SIMD forms need no masks beyond
// a select: Cody-Waite range reduction, a degree-6 polynomial, and 2^n built from bits.

const LOG2E: f32 = 1.44269504088896341;
const MAGIC: f32 = 12582912.0; // 1.5·2^23: adding and subtracting it rounds to an integer
const LN2_HI: f32 = 0.693359375;
const LN2_LO: f32 = -2.12194440e-4;
const P0: f32 = 1.9875691500e-4;
const P1: f32 = 1.3981999507e-3;
const P2: f32 = 8.3334519073e-3;
const P3: f32 = 4.1665795894e-2;
const P4: f32 = 1.6666665459e-1;
const P5: f32 = 5.0000001201e-1;

/** exp(-a) for a ≥ 0 (a is clamped to 87, where the result underflows anyway). */
// @ts-ignore: decorator
@inline export function expNeg(a: f32): f32 {
  const x = -min(a, <f32>87.0);
  const n = (x * LOG2E + MAGIC) - MAGIC;
  let r = x - n * LN2_HI;
  r = r - n * LN2_LO;
  let p = P0;
  p = p * r + P1; p = p * r + P2; p = p * r + P3; p = p * r + P4; p = p * r + P5;
  p = p * r * r + r + 1.0;
  return p * reinterpret<f32>((<i32>n + 127) << 23);
}

// @ts-ignore: decorator
@inline export function tanhf(x: f32): f32 {
  const e = expNeg(2.0 * min(abs(x), <f32>9.0));
  return copysign<f32>((1.0 - e) / (1.0 + e), x);
}

// @ts-ignore: decorator
@inline export function sigmoidf(x: f32): f32 {
  const e = expNeg(abs(x));
  const s: f32 = 1.0 / (1.0 + e);
  return x < 0 ? e * s : s;
}

// The 4-wide forms avoid two wasm operations that V8 lowers to long x64 sequences:
// f32x4.min (NaN- and ±0-exact) becomes f32x4.pmin (one minps; the inputs here are never
// NaN-sensitive: a NaN input still gives a NaN result through the polynomial), and
// i32x4.trunc_sat_f32x4_s is replaced by reading n from the bits of x·log2e + 1.5·2^23,
// whose low mantissa bits hold n: shifting them left by 23 gives n·2^23 (mod 2^32).
// Their constants are read from a table in memory: V8 rebuilds f32x4.splat(constant) with
// three instructions at every use inside a loop (13 constants per exp), a load is one.

const K4 = memory.data<f32>([
  LOG2E, LOG2E, LOG2E, LOG2E, MAGIC, MAGIC, MAGIC, MAGIC,
  LN2_HI, LN2_HI, LN2_HI, LN2_HI, LN2_LO, LN2_LO, LN2_LO, LN2_LO,
  P0, P0, P0, P0, P1, P1, P1, P1, P2, P2, P2, P2, P3, P3, P3, P3, P4, P4, P4, P4, P5, P5, P5, P5,
  1, 1, 1, 1, 87, 87, 87, 87, 9, 9, 9, 9,
], 16);
const K4I = memory.data<i32>([127 << 23, 127 << 23, 127 << 23, 127 << 23, 0x80000000, 0x80000000, 0x80000000, 0x80000000], 16);
const K_LOG2E = 0, K_MAGIC = 1, K_LN2_HI = 2, K_LN2_LO = 3, K_P0 = 4, K_ONE = 10, K_87 = 11, K_9 = 12;
// @ts-ignore: decorator
@inline function k4(i: i32): v128 { return v128.load(K4 + (<usize>i << 4)); }
// @ts-ignore: decorator
@inline export function ones4(): v128 { return k4(K_ONE); }

/** exp(-a) for 0 ≤ a ≤ 87, four lanes (larger a is clamped to 87). */
// @ts-ignore: decorator
@inline export function expNeg4(a: v128): v128 {
  return expNegClamped4(f32x4.pmin(a, k4(K_87)));
}

/** exp(-a) for 0 ≤ a ≤ 87 (not clamped: the caller guarantees the range). */
// @ts-ignore: decorator
@inline function expNegClamped4(a: v128): v128 {
  const x = f32x4.neg(a);
  const magic = k4(K_MAGIC);
  const t = f32x4.add(f32x4.mul(x, k4(K_LOG2E)), magic);
  const n = f32x4.sub(t, magic);
  let r = f32x4.sub(x, f32x4.mul(n, k4(K_LN2_HI)));
  r = f32x4.sub(r, f32x4.mul(n, k4(K_LN2_LO)));
  let p = k4(K_P0);
  p = f32x4.add(f32x4.mul(p, r), k4(K_P0 + 1));
  p = f32x4.add(f32x4.mul(p, r), k4(K_P0 + 2));
  p = f32x4.add(f32x4.mul(p, r), k4(K_P0 + 3));
  p = f32x4.add(f32x4.mul(p, r), k4(K_P0 + 4));
  p = f32x4.add(f32x4.mul(p, r), k4(K_P0 + 5));
  p = f32x4.add(f32x4.add(f32x4.mul(f32x4.mul(p, r), r), r), k4(K_ONE));
  const pow2 = i32x4.add(i32x4.shl(t, 23), v128.load(K4I));
  return f32x4.mul(p, pow2);
}

// @ts-ignore: decorator
@inline export function tanh4(x: v128): v128 {
  const a = f32x4.pmin(f32x4.abs(x), k4(K_9)); // tanh(9) rounds to 1 in float32
  const e = expNegClamped4(f32x4.add(a, a));
  const one = k4(K_ONE);
  const t = f32x4.div(f32x4.sub(one, e), f32x4.add(one, e));
  return v128.or(t, v128.and(x, v128.load(K4I, 16)));
}

// @ts-ignore: decorator
@inline export function sigmoid4(x: v128): v128 {
  const e = expNeg4(f32x4.abs(x));
  const s = f32x4.div(k4(K_ONE), f32x4.add(k4(K_ONE), e));
  // x < 0: σ(x) = e·σ(|x|); the sign bit, spread to all 32 bits, selects it
  return v128.bitselect(f32x4.mul(e, s), s, i32x4.shr_s(x, 31));
}

/** out[i] = tanh(x[i]) for n floats (out may equal x). */
export function tanhArray(x: usize, out: usize, n: i32): void {
  let i = 0;
  for (; i + 4 <= n; i += 4) { const o = <usize>i << 2; v128.store(out + o, tanh4(v128.load(x + o))); }
  for (; i < n; i++) { const o = <usize>i << 2; store<f32>(out + o, tanhf(load<f32>(x + o))); }
}

/** out[i] = sigmoid(x[i]) for n floats (out may equal x). */
export function sigmoidArray(x: usize, out: usize, n: i32): void {
  let i = 0;
  for (; i + 4 <= n; i += 4) { const o = <usize>i << 2; v128.store(out + o, sigmoid4(v128.load(x + o))); }
  for (; i < n; i++) { const o = <usize>i << 2; store<f32>(out + o, sigmoidf(load<f32>(x + o))); }
}
