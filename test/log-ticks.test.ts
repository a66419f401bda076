import { describe, expect, it } from "vitest";
import { decadeRange, decadeTicks } from "../components/charts/log-ticks.js";

describe("log-scale ticks", () => {
  it("span whole decades around the data", () => {
    expect(decadeRange(0.003, 42)).toEqual([1e-3, 100]);
    expect(decadeRange(1, 1)).toEqual([1, 10]);
    expect(decadeRange(null, 3)).toEqual([0.1, 10]);
  });

  it("thin 40 decades to at most the number that fits", () => {
    const t = decadeTicks(1e-40, 1, 7);
    expect(t.length).toBeLessThanOrEqual(7);
    expect(t[0]).toBe(1e-40);
    t.forEach((v) => expect(Math.log10(v) % 1).toBeCloseTo(0, 9));
    expect(decadeTicks(0.01, 100, 10)).toEqual([0.01, 0.1, 1, 10, 100]);
    // every tick is the exact decade, so a label reads 1×10⁻⁵ (10 ** -5 would be 9.99…×10⁻⁶)
    expect(decadeTicks(1e-20, 1, 30)).toEqual(Array.from({ length: 21 }, (_, i) => Number(`1e${i - 20}`)));
    decadeTicks(1e-20, 1, 30).forEach((v) => expect(v.toExponential()).toMatch(/^1e/));
  });
});
