/**
 * The core's fast tanh and sigmoid (assembly/math.ts): max abs error ≤ 1e-6 against float64
 * Math.tanh / 1/(1+e^-x), over a dense grid and the far tails, through both the 4-wide SIMD
 * body and the scalar tail (odd lengths), with the special values a network can produce.
 */
import { describe, expect, it } from "vitest";
import { Allocator } from "../bindings/wasm/allocator.js";
import { instantiateCore } from "../bindings/wasm/core.js";

const sigmoid = (x: number) => 1 / (1 + Math.exp(-x));

/** Runs fn(x, out, n) of the core over xs (as float32) and returns the outputs. */
async function evaluate(name: "tanhArray" | "sigmoidArray", xs: Float32Array): Promise<Float32Array> {
  const core = await instantiateCore();
  const heap = new Allocator(core.memory, core.heapBase());
  const n = xs.length;
  const px = heap.alloc(4 * n), py = heap.alloc(4 * n);
  new Float32Array(core.memory.buffer, px, n).set(xs);
  core[name](px, py, n);
  return new Float32Array(core.memory.buffer, py, n).slice();
}

/** A dense grid over [-lo, lo] (odd length, so the scalar tail runs too), then large and special values. */
function grid(): Float32Array {
  const xs: number[] = [];
  const N = 400_001;
  for (let k = 0; k < N; k++) xs.push(-20 + (40 * k) / (N - 1));
  for (let e = -45; e <= 38; e++) xs.push(10 ** e, -(10 ** e), 3 * 10 ** e, -3 * 10 ** e);
  xs.push(0, -0, 8.99, 9, 9.01, 17.5, 43.6, 86.9, 87, 87.5, 88.7, 89, 100, 1e4, -1e4, 3.4e38, -3.4e38, Infinity, -Infinity);
  if (xs.length % 4 === 0) xs.push(0.123);
  return Float32Array.from(xs);
}

describe.each([
  ["tanhArray", Math.tanh],
  ["sigmoidArray", sigmoid],
] as const)("%s", (name, ref) => {
  it("max abs error ≤ 1e-6 over a dense grid and large |x|", async () => {
    const xs = grid();
    const ys = await evaluate(name, xs);
    let worst = 0, at = 0;
    for (let k = 0; k < xs.length; k++) {
      const err = Math.abs(ys[k] - ref(xs[k]));
      if (!(err <= worst)) { worst = err; at = xs[k]; } // also catches NaN
    }
    expect(worst, `worst error at x = ${at}`).toBeLessThanOrEqual(1e-6);
  });

  it("keeps its symmetry, range and limits", async () => {
    const xs = Float32Array.from([0, -0, 1e-30, 0.5, 2, 40, -0.5, -2, -40, Infinity, -Infinity]);
    const ys = await evaluate(name, xs);
    const isTanh = name === "tanhArray";
    for (let k = 0; k < xs.length; k++) {
      expect(ys[k]).toBeGreaterThanOrEqual(isTanh ? -1 : 0);
      expect(ys[k]).toBeLessThanOrEqual(1);
    }
    if (isTanh) {
      expect(Object.is(ys[0], 0)).toBe(true);
      expect(ys[3]).toBe(-ys[6]);
      expect(ys[4]).toBe(-ys[7]);
      expect([ys[9], ys[10]]).toEqual([1, -1]);
    } else {
      expect(ys[0]).toBe(0.5);
      expect(ys[3] + ys[6]).toBeCloseTo(1, 7);
      expect(ys[9]).toBe(1);
      expect(ys[10]).toBeLessThan(1e-37); // exp is clamped at e^-87, so σ(-∞) is tiny, not 0
    }
  });

  it("gives the same value in the SIMD body and in the scalar tail", async () => {
    // x at index 0..3 runs 4-wide; a length-1 call runs the scalar tail
    const xs = Float32Array.from([-3.7, -0.2, 0.9, 6.1]);
    const body = await evaluate(name, xs);
    for (let k = 0; k < 4; k++) {
      const tail = await evaluate(name, xs.subarray(k, k + 1));
      expect(Math.abs(tail[0] - body[k])).toBeLessThanOrEqual(2e-7);
    }
  });

  it("propagates NaN", async () => {
    const ys = await evaluate(name, Float32Array.from([NaN, 1, 2, 3, NaN]));
    expect(Number.isNaN(ys[0])).toBe(true);
    expect(Number.isNaN(ys[4])).toBe(true);
  });
});
