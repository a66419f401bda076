import { describe, expect, it } from "vitest";
import { Rng } from "../bindings/prng.js";
import { createEngine, type WasmEngine } from "../bindings/engine.js";

describe("one PRNG in both languages", () => {
  it("the core's Mulberry32 gives the TS stream bit for bit", async () => {
    const e = (await createEngine("wasm")) as WasmEngine;
    const slot = e.heap.alloc(16);
    for (const seed of [0, 1, 42, 0xffffffff]) {
      new Uint32Array(e.core.memory.buffer, slot, 1)[0] = seed;
      const ts = new Rng(seed);
      for (let k = 0; k < 1000; k++) expect(e.core.nextUniform(slot)).toBe(ts.next());
    }
    e.heap.release(slot);
  });

  it("draws are uniform in [0, 1) and categorical follows its weights", () => {
    const r = new Rng(7);
    const counts = [0, 0, 0];
    for (let k = 0; k < 30000; k++) {
      const u = r.next();
      expect(u).toBeGreaterThanOrEqual(0);
      expect(u).toBeLessThan(1);
      counts[r.categorical([1, 2, 7])]++;
    }
    expect(counts[0] / 30000).toBeCloseTo(0.1, 1);
    expect(counts[2] / 30000).toBeCloseTo(0.7, 1);
  });
});
