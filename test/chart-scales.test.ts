/** The axis scales the line chart and its SVG export share (components/charts/scales.ts). */
import { describe, expect, it } from "vitest";
import { niceStep, xScale, yScale } from "../components/charts/scales.js";
import { lineChartSVG } from "../components/charts/export.js";

describe("chart scales", () => {
  it("step at 1, 2 or 5 times a power of ten", () => {
    expect(niceStep(1, 5)).toBe(0.2);
    expect(niceStep(40, 5)).toBe(10);
    expect(niceStep(0.003, 3)).toBeCloseTo(0.001, 15);
  });

  it("widen a linear y axis to whole steps, and no further than a value already on one", () => {
    expect(yScale([[0.12, 0.95]], false, 5)).toEqual({ lo: 0, hi: 1, ticks: [0, 0.2, 0.4, 0.6, 0.8, 1] });
    expect(yScale([[12.5, 40]], false, 5, [0, 100])).toEqual({ lo: 0, hi: 100, ticks: [0, 20, 40, 60, 80, 100] });
    expect(yScale([[3, 3]], false, 4)!.ticks).toContain(3);
    expect(yScale([[null, NaN]], false, 4, [0, 100])).toBeNull(); // an axis to include is not data
  });

  it("give a log axis whole decades, leaving out values ≤ 0", () => {
    expect(yScale([[0.5, 0.02, 0, -1]], true, 5)).toEqual({ lo: 0.01, hi: 1, ticks: [0.01, 0.1, 1] });
  });

  it("keep the x axis at the data's range", () => {
    expect(xScale([10, 20, 30, 40, 50], 5)).toEqual({ lo: 10, hi: 50, ticks: [10, 20, 30, 40, 50] });
    expect(xScale([7], 4)).toMatchObject({ lo: 6, hi: 8 });
    expect(xScale([], 4)).toBeNull();
  });
});

describe("the SVG export", () => {
  const svg = lineChartSVG({ title: "loss", x: [10, 20, 30, 40, 50], ys: [[0.95, 0.7, 0.5, null, 0.12]], labels: ["train"], colors: ["#c00"],
    fg: "#111", bg: "#fff", grid: "#ccc", log: false, xTitle: "step", yTitle: "loss (nats)" });
  const texts = [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]);

  it("labels the same ticks as the canvas, titles both axes and names the series", () => {
    for (const t of ["0", "0.2", "0.4", "0.6", "0.8", "1", "10", "30", "50", "step", "loss (nats)", "train"]) expect(texts).toContain(t);
  });

  it("breaks the line at a gap", () => {
    const d = /<path d="([^"]+)"/.exec(svg)![1];
    expect(d.match(/M/g)).toHaveLength(2);
    expect(d.match(/L/g)).toHaveLength(2);
  });
});
