import { describe, expect, it } from "vitest";
import { fmt, parseNumber, pct } from "../bindings/format.js";

describe("fmt: the one number formatter", () => {
  it("writes tiny nonzero values with a power of ten, never as zeros", () => {
    expect(fmt(1e-6)).toBe("1×10⁻⁶");
    expect(fmt(1.5e-6)).toBe("1.5×10⁻⁶");
    expect(fmt(0.000123456)).toBe("1.23×10⁻⁴");
    expect(fmt(1e-6, { ascii: true })).toBe("1e-6");
    // fixed decimals too: a value that would round to 0.0000 switches to a power of ten
    expect(fmt(0.00002, { decimals: 4 })).toBe("2×10⁻⁵");
    expect(fmt(-3e-9, { decimals: 2 })).toBe("−3×10⁻⁹");
  });

  it("writes huge values with a power of ten and keeps integer digits below that", () => {
    expect(fmt(2.5e7)).toBe("2.5×10⁷");
    expect(fmt(123456789, { ascii: true })).toBe("1.23e8");
    expect(fmt(12345.6)).toBe("12346");
    expect(fmt(999999.7)).toBe("1000000");
    expect(fmt(1e30, 2)).toBe("1×10³⁰");
  });

  it("writes zero as 0 and never a signed zero", () => {
    expect(fmt(0)).toBe("0");
    expect(fmt(-0)).toBe("0");
    expect(fmt(0, { decimals: 3 })).toBe("0.000");
    expect(fmt(-0.0004, { decimals: 2, sign: true })).toBe("−4×10⁻⁴");
  });

  it("uses a true minus sign (ASCII only when asked)", () => {
    expect(fmt(-0.5)).toBe("−0.5");
    expect(fmt(-2.71828, 4)).toBe("−2.718");
    expect(fmt(-2.71828, { digits: 4, ascii: true })).toBe("-2.718");
    expect(Number(fmt(-0.82559, { digits: 4, ascii: true }))).toBe(-0.8256);
    expect(fmt(0.25, { sign: true })).toBe("+0.25");
  });

  it("gives significant digits without trailing zeros, fixed decimals with them", () => {
    expect(fmt(0.82559)).toBe("0.826");
    expect(fmt(69.4512)).toBe("69.5");
    expect(fmt(0.5)).toBe("0.5");
    expect(fmt(0.0099996)).toBe("0.01");
    expect(fmt(0.5, { decimals: 3 })).toBe("0.500");
    expect(fmt(-1.23456, { decimals: 4 })).toBe("−1.2346");
  });

  it("prints integers exactly", () => {
    expect(fmt(1500)).toBe("1500");
    expect(fmt(7)).toBe("7");
    expect(fmt(-42)).toBe("−42");
    expect(fmt(100, { decimals: 0 })).toBe("100");
  });

  it("appends units: a space before words, none before %", () => {
    expect(fmt(12.345, { unit: "ms" })).toBe("12.3 ms");
    expect(fmt(3e-7, { unit: "s" })).toBe("3×10⁻⁷ s");
    expect(fmt(12.345, { unit: "ms", ascii: true })).toBe("12.3 ms");
    expect(pct(0.256)).toBe("26%");
    expect(pct(0.2567, 1)).toBe("25.7%");
  });

  it("names values that are not finite", () => {
    expect(fmt(NaN)).toBe("NaN");
    expect(fmt(Infinity)).toBe("∞");
    expect(fmt(-Infinity)).toBe("−∞");
    expect(fmt(-Infinity, { ascii: true })).toBe("-Infinity");
  });

  it("reads back what it writes", () => {
    for (const v of [1e-6, -1.5e-6, 0.826, -42, 2.5e7, 0, 12346])
      for (const o of [{}, { ascii: true }, { unit: "ms" }, { decimals: 3 }]) expect(parseNumber(fmt(v, o)), `${v} ${JSON.stringify(o)}`).toBe(v);
    expect(parseNumber("1e-6")).toBe(1e-6);
    expect(parseNumber("−∞")).toBe(-Infinity);
    expect(parseNumber("0.8.2")).toBeNaN();
    expect(parseNumber("")).toBeNaN();
  });
});
