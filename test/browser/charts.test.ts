/// <reference types="vite/client" />
import { afterEach, beforeAll, expect, test } from "vitest";
import axe from "axe-core";
import { loadBundle, settle } from "./helpers.js";

type Lib = Awaited<ReturnType<typeof loadBundle>>;
let lib: Lib;
beforeAll(async () => { lib = await loadBundle(); });
afterEach(() => { document.body.replaceChildren(); });

test("decimation keeps every spike and about two points per pixel", () => {
  const n = 100_000, y = Float64Array.from({ length: n }, (_, i) => Math.sin(i / 1000));
  y[54_321] = 50;
  const d = lib.decimate(Float64Array.from({ length: n }, (_, i) => i), [y], 400);
  expect(d.x.length).toBe(800);
  expect(Math.max(...(d.ys[0] as number[]))).toBe(50);
});

test("charts render inside shadow roots with text alternatives and pass axe in both themes", async () => {
  const wrap = document.createElement("rnn-explorer-test-wrap");
  wrap.innerHTML = `
    <rnn-line-chart label="Loss" y-label="loss" log></rnn-line-chart>
    <rnn-bar-chart label="Gates"></rnn-bar-chart>
    <rnn-heat-map label="W_h" rows="4" cols="4"></rnn-heat-map>
    <rnn-small-multiples label="By learning rate"></rnn-small-multiples>
    <rnn-slider label="Learning rate" min="0.0001" max="1" value="0.01" scale="log"></rnn-slider>
    <rnn-select label="Cell" options="rnn,lstm,gru" value="lstm"></rnn-select>
    <rnn-toggle label="Clip gradients"></rnn-toggle>
    <rnn-progress label="Training" value="0.4" remaining="12000"></rnn-progress>
    <rnn-message heading="Problem" variant="error">Something went wrong.</rnn-message>`;
  wrap.style.display = "block"; wrap.style.width = "600px";
  document.body.append(wrap);
  const loss = Array.from({ length: 5000 }, (_, i) => 4 * Math.exp(-i / 800) + 0.5);
  const q = <T extends Element>(s: string) => wrap.querySelector(s) as T & Record<string, unknown>;
  q("rnn-line-chart").series = [{ label: "train", values: loss }, { label: "held-out", values: loss.map((v) => v * 1.1) }];
  q("rnn-bar-chart").bars = [{ label: "i", value: 0.3 }, { label: "f", value: 0.9 }, { label: "o", value: -0.2 }];
  q("rnn-heat-map").values = Array.from({ length: 16 }, (_, i) => (i - 8) / 8);
  q("rnn-small-multiples").charts = [0.1, 0.01].map((lr) => ({ label: `lr ${lr}`, series: [{ label: "loss", values: loss.slice(0, 500) }] }));
  await settle(wrap);
  await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
  const line = q("rnn-line-chart");
  expect(line.shadowRoot!.querySelector(".plot canvas")).not.toBeNull();
  expect(line.shadowRoot!.querySelector(".plot")!.getAttribute("aria-label")).toMatch(/train: 5000 points, first 4\.5, last 0\.5/);
  expect(line.shadowRoot!.querySelector("table")).not.toBeNull();
  expect(q("rnn-heat-map").shadowRoot!.querySelector("canvas")!.getAttribute("aria-label")).toMatch(/4 rows × 4 cols; values from −1 to 0\.875/);
  expect(q("rnn-bar-chart").shadowRoot!.querySelector("svg")!.getAttribute("aria-label")).toBe("Bar chart of Gates: i 0.3, f 0.9, o −0.2.");
  expect(q("rnn-progress").shadowRoot!.textContent).toMatch(/40% · about 12 s left/);
  for (const scheme of ["light", "dark"]) {
    wrap.style.colorScheme = scheme;
    wrap.style.background = "Canvas"; // a dark page has a dark background
    const r = await axe.run(wrap, { resultTypes: ["violations"] });
    const bad = r.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
    expect(bad.map((v) => `${scheme}: ${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
  }
});

test("a typed value out of range is refused with a message", async () => {
  document.body.innerHTML = '<rnn-slider label="Hidden size" min="1" max="512" value="64"></rnn-slider>';
  const s = document.querySelector("rnn-slider") as HTMLElement & { value: number; updateComplete: Promise<unknown> };
  await s.updateComplete;
  const input = s.shadowRoot!.querySelector<HTMLInputElement>('input[type="number"]')!;
  input.value = "10000";
  input.dispatchEvent(new Event("change"));
  await s.updateComplete;
  expect(s.value).toBe(64);
  expect(input.getAttribute("aria-invalid")).toBe("true");
  expect(s.shadowRoot!.textContent).toContain("Enter a number from 1 to 512.");
});

test("a log-scale chart over 40 decades (a vanishing gradient) draws whole-decade ticks", async () => {
  document.body.innerHTML = `<rnn-line-chart label="gradient" log height="200" style="display:block;width:500px"></rnn-line-chart>`;
  const chart = document.querySelector("rnn-line-chart") as HTMLElement & { series: unknown; updateComplete: Promise<unknown> };
  const errors: unknown[] = [];
  window.addEventListener("error", (e) => errors.push(e.error));
  chart.series = [{ label: "‖∂L/∂h‖", values: Array.from({ length: 100 }, (_, k) => 10 ** (-0.4 * k)) }];
  await settle(chart as never);
  await new Promise((r) => setTimeout(r, 100));
  expect(errors).toEqual([]);
  expect(chart.shadowRoot!.querySelector("canvas")).not.toBeNull();
});

test("a linear chart ticks at 1-2-5 steps, and the legend reads the values under the pointer", async () => {
  document.body.innerHTML = `<rnn-line-chart label="loss" y-label="loss (nats)" height="200" style="display:block;width:500px"></rnn-line-chart>`;
  const chart = document.querySelector("rnn-line-chart") as HTMLElement & { series: unknown; x: unknown; tickLabels(): string[][]; updateComplete: Promise<unknown> };
  chart.x = [10, 20, 30, 40, 50];
  chart.series = [{ label: "train", values: [0.95, 0.7, 0.5, 0.33, 0.12] }, { label: "held-out", values: [1, 0.8, 0.6, 0.5, 0.45] }];
  await settle(chart as never);
  const [x, y] = chart.tickLabels();
  expect(y).toEqual(["0", "0.2", "0.4", "0.6", "0.8", "1"]);
  expect(x).toEqual(["10", "20", "30", "40", "50"]);
  const root = chart.shadowRoot!;
  const values = () => [...root.querySelectorAll(".legend .value")].map((e) => e.textContent);
  expect(values(), "before hovering: the last values").toEqual(["0.12", "0.45"]);
  // the pointer over x = 20 (a quarter of the way along the plot area)
  const { area } = (chart as unknown as { drawn: { area: { left: number; width: number } } }).drawn;
  const box = root.querySelector(".plot")!, r = box.getBoundingClientRect();
  box.dispatchEvent(new PointerEvent("pointermove", { clientX: r.left + area.left + area.width / 4, clientY: r.top + 50, bubbles: true }));
  await chart.updateComplete;
  expect(values()).toEqual(["20", "0.7", "0.8"]);
  expect(root.querySelector(".cursor")).not.toBeNull();
  box.dispatchEvent(new PointerEvent("pointerleave"));
  await chart.updateComplete;
  expect(values()).toEqual(["0.12", "0.45"]);
  expect(root.querySelector(".cursor")).toBeNull();
  // by keyboard: focus the plot, arrows walk the points, the values are read out in words
  const plot = root.querySelector<HTMLElement>(".plot")!;
  expect(plot.tabIndex).toBe(0);
  const key = (k: string) => plot.dispatchEvent(new KeyboardEvent("keydown", { key: k, bubbles: true }));
  key("ArrowLeft"); // the first key lands on the last point
  key("ArrowLeft");
  await chart.updateComplete;
  expect(values()).toEqual(["40", "0.33", "0.5"]);
  expect(root.querySelector("[aria-live]")!.textContent).toBe("step 40: train 0.33, held-out 0.5");
  key("Home");
  await chart.updateComplete;
  expect(values()).toEqual(["10", "0.95", "1"]);
  key("Escape");
  await chart.updateComplete;
  expect(values()).toEqual(["0.12", "0.45"]);
  // a legend entry is a button: switched off, its line is not drawn and the y axis fits the others; on again, it is back
  const entry = (name: string) => [...root.querySelectorAll<HTMLButtonElement>(".legend button.key")].find((b) => b.textContent!.includes(name))!;
  const drawnNames = () => (chart as unknown as { drawn: { series: { label: string }[] } }).drawn.series.map((s) => s.label);
  entry("held-out").click();
  await settle(chart as never);
  expect(entry("held-out").getAttribute("aria-pressed")).toBe("false");
  expect(drawnNames()).toEqual(["train"]);
  // the SVG export draws what the reader sees: the same y ticks, the switched-off line left out
  const svg = (chart as unknown as { svg(): string }).svg();
  expect(svg).not.toContain("held-out");
  expect(svg).toContain(">0.8</text>");
  entry("held-out").click();
  await settle(chart as never);
  expect(drawnNames()).toEqual(["train", "held-out"]);
  // a percentage axis spans 0–100 whatever the data
  chart.setAttribute("y-include", "0, 100");
  await settle(chart as never);
  expect(chart.tickLabels()[1].at(0)).toBe("0");
  expect(chart.tickLabels()[1].at(-1)).toBe("100");
});
