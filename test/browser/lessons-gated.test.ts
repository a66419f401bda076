/**
 * Lesson views 5–8 from the built bundle in real Chromium: each renders without console
 * errors, its controls work by keyboard, and read-outs agree with computations made here.
 */
import { afterEach, beforeAll, describe, expect, test } from "vitest";
import { commands, userEvent } from "vitest/browser";
import axe from "axe-core";
import { $, all, loadBundle, mount, settle, sleep, until, type View } from "./helpers.js";
import { EchoStateNetwork } from "../../bindings/esn.js";
import { spectralRadius } from "../../bindings/linalg.js";
import { fmt, parseNumber } from "../../bindings/format.js";
import { accuracyCells, checkComparatives } from "./comparatives.js";

beforeAll(async () => {
  await commands.startCapture();
  await loadBundle();
});
afterEach(() => { document.body.replaceChildren(); });

/** A displayed number ("−0.1234" uses a true minus sign). */
const value = (root: ShadowRoot, sel: string) => parseNumber($(root, sel).textContent!);

async function press(el: View, keys: string) {
  await userEvent.keyboard(keys);
  await settle(el.shadowRoot!);
}

function button(root: ShadowRoot, text: string): HTMLButtonElement {
  const b = all(root, "rnn-button").find((x) => x.textContent!.trim() === text);
  if (!b) throw new Error(`no button ${text}`);
  return b.shadowRoot!.querySelector("button")!;
}

function sliderRange(root: ShadowRoot, label: string): HTMLInputElement {
  const s = all(root, "rnn-slider").find((x) => (x as unknown as { label: string }).label === label);
  if (!s) throw new Error(`no slider ${label}`);
  return s.shadowRoot!.querySelector('input[type="range"]')!;
}

async function noSeriousAxeViolations(el: Element) {
  const r = await axe.run(el, { resultTypes: ["violations"] });
  const serious = r.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join("; ")}`)).toEqual([]);
}

async function trained(tag: "rnn-lstm" | "rnn-gru", attrs = ""): Promise<{ el: View; root: ShadowRoot }> {
  const el = await mount(`<${tag} ${attrs}></${tag}>`) as View;
  const root = el.shadowRoot!;
  await until("training", () => !!root.querySelector("[data-testid=train-info]") && !!root.querySelector(".v-h"));
  await settle(root);
  return { el, root };
}

describe("<rnn-lstm>", () => {
  test("the displayed c_t equals f·c_{t−1} + i·g and h_t = o·tanh(c_t) from the displayed numbers, at several steps", async () => {
    const { el, root } = await trained("rnn-lstm");
    expect(Number(root.querySelector("[data-testid=accuracy]")!.textContent!.replace("%", ""))).toBeGreaterThan(90);
    for (const step of ["1", "5", "9"]) {
      el.setAttribute("step", step);
      await sleep(20); await settle(root);
      const [f, cPrev, i, g, c] = [".v-f2", ".v-cprev", ".v-i2", ".v-g2", ".v-c"].map((s) => value(root, s));
      expect(Math.abs(c - (f * cPrev + i * g)), `step ${step}`).toBeLessThan(3e-4); // 4-decimal rounding of 5 numbers
      expect(value(root, ".v-f")).toBe(f);
      expect(Math.abs(value(root, ".v-h") - value(root, ".v-o") * Math.tanh(c))).toBeLessThan(2e-4);
    }
    expect(parseNumber(root.querySelector("[data-testid=reference-gap]")!.textContent!.match(/within (\S+) on/)![1])).toBeLessThan(1e-5);
    await noSeriousAxeViolations(el);
  });

  test("the time axis and the unit picker work by keyboard and reflect their state", async () => {
    const { el, root } = await trained("rnn-lstm");
    const timeline = $(root, "[data-testid=timeline]");
    timeline.focus();
    await press(el, "{ArrowRight}{ArrowRight}");
    expect(el.getAttribute("step")).toBe("3");
    expect(timeline.getAttribute("aria-valuenow")).toBe("3");
    await press(el, "{End}");
    expect(Number(el.getAttribute("step"))).toBe(Number(timeline.getAttribute("aria-valuemax")));
    await press(el, "{Home}");
    expect(el.getAttribute("step")).toBe("0");
    const radios = all(root, '.units input[type="radio"]') as HTMLInputElement[];
    expect(radios).toHaveLength(4);
    radios[0].focus();
    await press(el, "{ArrowRight}");
    expect(el.getAttribute("unit")).toBe("1");
    expect($(root, ".equations").textContent).toContain("unit 1");
  });

  test("a malformed sequence shows an inline error and keeps the previous one; a good one is reflected", async () => {
    const { el, root } = await trained("rnn-lstm", 'sequence="aBcd"');
    const input = $<HTMLInputElement>(root, "input[type=text]");
    expect(input.value).toBe("aBcd");
    input.focus(); input.select();
    await press(el, "abxd{Enter}");
    expect($(root, ".field .error[role=alert]").textContent).toMatch(/symbol 3 is “x”/);
    expect(el.getAttribute("sequence")).toBe("aBcd");
    expect(all(root, ".tl-step")).toHaveLength(4);
    input.select();
    await press(el, "aaCaaaD{Enter}");
    expect(el.getAttribute("sequence")).toBe("aaCaaaD");
    expect(all(root, ".tl-step")).toHaveLength(7);
    expect($(root, ".field .error")).toBeNull();
  });

  test("an out-of-range attribute is reported and the last good value kept", async () => {
    const { root } = await trained("rnn-lstm", 'hidden-size="99"');
    expect(($(root, "rnn-message") as unknown as { items: string[] }).items).toEqual(['hidden-size="99" must be from 2 to 6; keeping 4.']);
    expect(all(root, '.units input[type="radio"]')).toHaveLength(4);
  });

  test("is a view of <rnn-explorer>", async () => {
    const ex = await mount('<rnn-explorer view="lstm" seed="3"></rnn-explorer>');
    await settle(ex.shadowRoot!);
    const el = ex.shadowRoot!.querySelector("rnn-lstm") as View;
    expect(el).not.toBeNull();
    expect(el.getAttribute("seed")).toBe("3");
    await until("training", () => !!el.shadowRoot!.querySelector("[data-testid=train-info]"));
  });
});

describe("<rnn-gru>", () => {
  test("the displayed h_t equals (1 − z)·h_{t−1} + z·g from the displayed numbers; keyboard steps", async () => {
    const { el, root } = await trained("rnn-gru", 'task="parity"');
    const timeline = $(root, "[data-testid=timeline]");
    timeline.focus();
    for (let k = 0; k < 4; k++) {
      const [z, hPrev, g, h] = [".v-z2", ".v-hprev", ".v-g2", ".v-h"].map((s) => value(root, s));
      expect(Math.abs(h - ((1 - z) * hPrev + z * g)), `step ${el.getAttribute("step")}`).toBeLessThan(3e-4);
      await press(el, "{ArrowRight}");
    }
    expect(el.getAttribute("step")).toBe("5");
    await noSeriousAxeViolations(el);
  });
});

describe("<rnn-gradient-flow>", () => {
  const P = (m: number, H: number, I: number, O: number) => m * H * (I + H + 1) + O * H + O;

  test("equal budgets by the parameter formula; the reach table agrees with the plotted gradients; runs again from the keyboard", async () => {
    const el = await mount('<rnn-gradient-flow lengths="4, 8" steps="200" seeds="1" budget="900" vocab="4"></rnn-gradient-flow>') as View;
    const root = el.shadowRoot!;
    const view = el as unknown as { task: { status: string }; speed: { status: string } };
    // nothing heavy on mount: a few timed steps, then the estimate, and the study waits for Run
    await until("the speed estimate", () => view.speed.status === "done");
    await settle(root);
    expect(view.task.status).toBe("idle");
    expect($(root, "[data-testid=estimate]").textContent).toMatch(/trains 6 networks .* Timed on this machine, it should take about [\d.]+ s; press Run/);
    // the empty charts say what fills them, and stop saying it once the study has run
    const emptyNotes = () => all(root, "rnn-line-chart").map((c) => c.shadowRoot!.querySelector(".empty")?.textContent ?? "");
    expect(emptyNotes()[0]).toMatch(/Press Run the study/);
    button(root, "Run the study").click();
    // sizes: recompute each cell's parameter count from its displayed H
    const rows = all(root, "[data-testid=sizes] tbody tr").map((r) => [...r.querySelectorAll("td")].map((c) => c.textContent!.trim()));
    expect(rows.map((r) => r[0])).toEqual(["vanilla RNN", "LSTM", "GRU"]);
    for (const r of rows) {
      const [m, H] = [Number(r[1]), Number(r[2])];
      expect(r[3]).toMatch(new RegExp(`=${P(m, H, 8, 4)}$`));
      expect(Math.abs(P(m, H, 8, 4) - 900) / 900).toBeLessThan(0.05);
    }
    await until("the study", () => (el as unknown as { task: { status: string } }).task.status === "done");
    await settle(root);
    for (const c of all(root, "rnn-line-chart")) await (c as unknown as { updateComplete: Promise<unknown> }).updateComplete;
    expect(emptyNotes()).toEqual(["", ""]);
    const acc = all(root, "[data-testid=accuracy-table] tbody td").map((c) => c.textContent!.trim());
    expect(acc.filter((t) => /%/.test(t))).toHaveLength(6);
    // gradient reach recomputed here from the chart's own data
    const chart = all(root, "rnn-line-chart")[1] as unknown as { series: { label: string; values: number[] }[] };
    const reachRows = all(root, "[data-testid=reach-table] tbody tr").map((r) => [...r.querySelectorAll("td")].map((c) => c.textContent!.trim()));
    for (const s of chart.series) {
      const row = reachRows.find((r) => r[0] === s.label)!;
      let reach = 0;
      s.values.forEach((v, d) => { if (v >= 1e-3 * s.values[0]) reach = d; });
      expect(Number(row[2]), s.label).toBe(reach);
    }
    // keyboard: new distances, then Run
    const field = $<HTMLInputElement>(root, "input[type=text]");
    field.focus(); field.select();
    await press(el, "3, x{Enter}");
    expect($(root, ".field .error").textContent).toMatch(/“x” is not a whole number/);
    expect(el.getAttribute("lengths")).toBe("4, 8");
    field.select();
    await press(el, "3, 6{Enter}");
    expect(el.getAttribute("lengths")).toBe("3, 6");
    button(root, "Run the study").focus();
    await press(el, "{Enter}");
    await until("the second study", () => (el as unknown as { task: { status: string } }).task.status === "done");
    await settle(root);
    expect(all(root, "[data-testid=accuracy-table] thead th").map((t) => t.textContent!.trim())).toEqual(["cell", "n = 3", "n = 6"]);
    await noSeriousAxeViolations(el);
  });

  test("can be cancelled while running and keeps the runs it finished", async () => {
    const el = await mount('<rnn-gradient-flow lengths="10, 20" steps="3000" seeds="2"></rnn-gradient-flow>') as View;
    const root = el.shadowRoot!;
    await settle(root);
    button(root, "Run the study").click();
    const task = (el as unknown as { task: { status: string; progress?: { done: number } } }).task;
    await until("the first finished network", () => (task.progress?.done ?? 0) >= 1);
    await settle(root);
    button(root, "Cancel").click();
    await settle(root);
    expect(task.status).toBe("cancelled");
    expect(all(root, "[data-testid=accuracy-table] tbody td").some((c) => /%/.test(c.textContent!))).toBe(true);
  });
});

describe("<rnn-gradient-flow> sentences agree with the table beside them", () => {
  test("the default-size study at two n: every 'clearly above', 'no cell is clearly ahead' and 'at chance' matches the seed ranges shown", async () => {
    const el = await mount('<rnn-gradient-flow lengths="5, 40" steps="600" seeds="2"></rnn-gradient-flow>') as View;
    const root = el.shadowRoot!;
    await settle(root);
    button(root, "Run the study").click();
    await until("the study", () => (el as unknown as { task: { status: string } }).task.status === "done", 120_000);
    await settle(root);
    const table = accuracyCells(root, "accuracy-table");
    const lines = all(root, "[data-testid=observations] li").map((li) => li.textContent!.replace(/\s+/g, " ").trim());
    const atN = lines.filter((l) => /^At n = \d+,/.test(l));
    expect(atN).toHaveLength(2);
    checkComparatives(atN, table);
  }, 180_000);
});

describe("<rnn-esn>", () => {
  test("the ρ read-out equals linalg.spectralRadius of the same reservoir; a slider moved by keyboard reruns it", async () => {
    const el = await mount('<rnn-esn size="40" rnn-steps="200"></rnn-esn>') as View;
    const root = el.shadowRoot!;
    const view = el as unknown as { task: { status: string }; probeTask: { status: string } };
    const done = () => view.task.status === "done";
    // on mount only the light first result runs; the full comparison waits for the reader
    await until("the first look", () => view.probeTask.status === "done");
    await settle(root);
    expect(view.task.status).toBe("idle");
    expect($(root, "[data-testid=estimate]").textContent).toMatch(/The full run .* will take about [\d.]+ (s|min) on this machine, from the speed just measured here at N = 40/);
    expect(all(root, "[data-testid=rnn-row] td").map((c) => c.textContent!.trim())[4]).toBe("…");
    // the recall delay is a setting of the delay task only, offered when that task is chosen
    const sliderLabels = () => all(root, "rnn-slider").map((x) => x.getAttribute("label"));
    expect(sliderLabels()).not.toContain("Recall delay d");
    el.setAttribute("task", "delay");
    await settle(root);
    expect(sliderLabels()).toContain("Recall delay d");
    el.removeAttribute("task");
    await settle(root);
    button(root, "Run the full comparison").click();
    await until("the lab", done);
    await settle(root);
    const rhoOf = (rho: number) => {
      const esn = new EchoStateNetwork({ inputSize: 1, outputSize: 1, size: 40, spectralRadius: rho, inputScaling: 1, leakRate: 1, density: 10 / 40, seed: 1 });
      return spectralRadius(esn.W, 40);
    };
    const shown = () => $(root, "[data-testid=rho] strong");
    expect(Number(shown().dataset.value)).toBeCloseTo(rhoOf(0.9), 9);
    expect(shown().textContent).toBe(fmt(rhoOf(0.9), 4));
    const cells = (id: string) => all(root, `[data-testid=${id}] td`).map((c) => c.textContent!.trim());
    expect(Number(cells("esn-row")[4])).toBeLessThan(0.1); // Mackey-Glass one step ahead
    expect(cells("rnn-row")[5]).toMatch(/^\d+ ms$/);
    expect(all(root, "[data-testid=observations] li").length).toBeGreaterThanOrEqual(3);
    sliderRange(root, "Spectral radius ρ").focus();
    await press(el, "{ArrowRight}");
    expect(el.getAttribute("spectral-radius")).toBe("0.95");
    expect(root.textContent).toContain("Settings changed");
    button(root, "Run the full comparison").focus();
    await press(el, "{Enter}");
    await until("the rerun", () => done() && shown()?.textContent === fmt(rhoOf(0.95), 4));
    await noSeriousAxeViolations(el);
  });
});

test("no console errors from these views or their workers", async () => {
  const { console: logs } = await commands.readCapture();
  const bad = logs.filter((l) => l.type === "error" || l.type === "pageerror").filter((l) => !/favicon/.test(l.text));
  expect(bad).toEqual([]);
});
