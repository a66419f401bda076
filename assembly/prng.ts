// Mulberry32, bit for bit the algorithm of bindings/prng.ts. The state lives in
// the model header so that it survives between calls and can be read from TS.

/** Advances the uint32 state at `slot` and returns a float in [0, 1). */
export function nextUniform(slot: usize): f64 {
  let s = load<u32>(slot) + 0x6d2b79f5;
  store<u32>(slot, s);
  let t = s;
  t = (t ^ (t >>> 15)) * (t | 1);
  t ^= t + (t ^ (t >>> 7)) * (t | 61);
  return <f64>(t ^ (t >>> 14)) / 4294967296.0;
}

/** Index drawn from `n` non-negative weights at `p` whose sum is taken as `total`. */
export function categorical(slot: usize, p: usize, n: i32, total: f64): i32 {
  let r = nextUniform(slot) * total;
  for (let i = 0; i < n; i++) {
    r -= <f64>load<f32>(p + (<usize>i << 2));
    if (r < 0) return i;
  }
  return n - 1;
}
