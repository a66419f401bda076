/**
 * <rnn-bench> and the "bench" worker task from the built bundle, with tiny step counts
 * (no timing assertions: the bench measures, the tests check that it measures the right thing).
 */
import { afterEach, beforeAll, describe, expect, test } from "vitest";
import axe from "axe-core";
import { loadBundle, mount, settle, shadow, sleep } from "./helpers.js";

type Lib = Awaited<ReturnType<typeof loadBundle>>;
let lib: Lib;
beforeAll(async () => { lib = await loadBundle(); });
afterEach(() => { document.body.replaceChildren(); });

describe("the bench task", () => {
  test("measures each workload on each engine in a worker, with the table so far in its progress", async () => {
    const seen: Array<{ done: number; total: number; rows: number }> = [];
    const h = lib.runTask("bench", { workloads: ["W1", "W3"], engines: ["wasm", "ts"], reps: 2, steps: 3 },
      { onProgress: (p) => seen.push({ done: p.done, total: p.total, rows: p.results.length }) });
    const r = await h.done;
    expect(h.mode).toBe("worker");
    expect(r.results.map((x) => `${x.workload}:${x.engine}:${x.reps}`)).toEqual(["W1:wasm:2", "W1:ts:2", "W3:wasm:2", "W3:ts:2"]);
    for (const x of r.results) {
      expect(x.steps_per_s).toBeGreaterThan(0);
      expect(x.min).toBeLessThanOrEqual(x.steps_per_s);
      expect(x.max).toBeGreaterThanOrEqual(x.steps_per_s);
      expect(x.samples).toHaveLength(2);
      expect(x.gflops).toBeGreaterThan(0);
    }
    expect(r.ratios.map((x) => x.workload)).toEqual(["W1", "W3"]);
    expect(r.machine.userAgent).toContain("Chrome");
    expect(seen.length).toBeGreaterThan(0);
    expect(seen[seen.length - 1]).toEqual({ done: 8, total: 8, rows: 4 });
  });

  test("runs the kernel micro-benchmarks on the worker's own core", async () => {
    const phases = new Set<string>();
    const r = await lib.runTask("bench", { workloads: ["W1"], engines: ["wasm"], reps: 1, steps: 2, kernels: true },
      { onProgress: (p) => phases.add(p.phase) }).done;
    expect([...phases]).toContain("kernels");
    expect(r.kernels!.map((k) => `${k.kernel}@${k.n}`)).toEqual(["matVec", "matTVec", "outerAcc", "outerSum"].flatMap((k) => [64, 128, 256].map((n) => `${k}@${n}`)).sort((a, b) => Number(a.split("@")[1]) - Number(b.split("@")[1])));
    for (const k of r.kernels!) expect(k.wasm > 0 && k.js > 0).toBe(true);
  });

  test("bad params reject with a message", async () => {
    await expect(lib.runTask("bench", { workloads: ["W9"] }).done).rejects.toThrow(/workloads has "W9"/);
    await expect(lib.runTask("bench", { reps: 0 }).done).rejects.toThrow(/reps must be an integer/);
  });

  test("cancel stops it", async () => {
    let progress = 0;
    const h = lib.runTask("bench", { workloads: ["W2"], engines: ["ts"], reps: 20, seconds: 1 }, { onProgress: () => progress++ });
    await sleep(300);
    h.cancel();
    await expect(h.done).rejects.toMatchObject({ name: "AbortError" });
    await h.stopped;
    expect(progress).toBe(0);
  });
});

describe("<rnn-bench>", () => {
  test("is registered as the view \"bench\"", () => {
    expect(lib.getView("bench")).toMatchObject({ name: "bench", tag: "rnn-bench" });
    expect(customElements.get("rnn-bench")).toBeDefined();
  });

  test("runs from its button and shows the table and a bar chart per workload", async () => {
    const el = await mount('<rnn-bench workloads="W1,W4" reps="1" steps="4"></rnn-bench>');
    await settle(el.shadowRoot!);
    expect(el.shadowRoot!.querySelector('[data-testid="bench-table"]')).toBeNull();
    const done = new Promise<CustomEvent>((r) => el.addEventListener("rnn-bench-done", (e) => r(e as CustomEvent), { once: true }));
    let progress = 0;
    el.addEventListener("rnn-bench-progress", () => progress++);
    const button = [...el.shadowRoot!.querySelectorAll("rnn-button")].find((b) => b.textContent!.includes("Run the bench"))!;
    (button as HTMLElement).click();
    const ev = await done;
    await settle(el.shadowRoot!);
    expect(ev.detail.results).toHaveLength(4);
    expect(progress).toBeGreaterThan(0);
    const rows = [...shadow(el, '[data-testid="bench-table"]').querySelectorAll("tbody tr")].map((tr) => tr.querySelector("td")!.textContent!.trim());
    expect(rows).toEqual(["W1 RNN tanh H64", "W4 GRU H128"]);
    const cells = [...shadow(el, '[data-testid="bench-table"]').querySelectorAll("tbody tr:first-child td")].map((td) => td.textContent!.trim());
    expect(cells[cells.length - 1]).toMatch(/^\d+(\.\d)?×$/); // wasm ÷ ts
    const charts = el.shadowRoot!.querySelectorAll("rnn-bar-chart");
    expect(charts).toHaveLength(2);
    expect((charts[0] as unknown as { bars: unknown[] }).bars).toHaveLength(2);
    // the charts' text alternative names the numbers
    expect(charts[0].shadowRoot!.querySelector("svg")!.getAttribute("aria-label")).toMatch(/wasm \d/);
  });

  test("compares optimizers in one run: a row per optimizer with wasm ÷ wasm SGD, and CL with its own Adam", async () => {
    const el = await mount('<rnn-bench workloads="W1,CL" engines="wasm" optimizers="sgd,adam" reps="1" steps="3"></rnn-bench>');
    await settle(el.shadowRoot!);
    const done = new Promise<CustomEvent>((r) => el.addEventListener("rnn-bench-done", (e) => r(e as CustomEvent), { once: true }));
    const button = [...el.shadowRoot!.querySelectorAll("rnn-button")].find((b) => b.textContent!.includes("Run the bench"))!;
    (button as HTMLElement).click();
    const ev = await done;
    await settle(el.shadowRoot!);
    expect(ev.detail.results.map((r: { workload: string; optimizer: string }) => `${r.workload}:${r.optimizer}`)).toEqual(["W1:sgd", "W1:adam", "CL:adam"]);
    const rows = [...shadow(el, '[data-testid="bench-table"]').querySelectorAll("tbody tr")].map((tr) => [...tr.querySelectorAll("td")].map((td) => td.textContent!.trim()));
    expect(rows.map((r) => r[0])).toEqual(["W1 RNN tanh H64, sgd", "W1 RNN tanh H64, adam", expect.stringMatching(/^CL character lab: LSTM H128, V 58, Adam$/)]);
    expect(rows[1][rows[1].length - 1]).toMatch(/^\d+\.\d\d×$/); // wasm ÷ wasm SGD, measured in this run
    expect(rows[0][rows[0].length - 1]).toBe("–");
  });

  test("a bad attribute is reported and the default kept", async () => {
    const el = await mount('<rnn-bench workloads="W1,W7" reps="99"></rnn-bench>');
    await settle(el.shadowRoot!);
    const msg = el.shadowRoot!.querySelector("rnn-message") as HTMLElement & { items: string[] };
    expect(msg.items.join(" ")).toMatch(/workloads="W1,W7" has unknown item W7/);
    expect(msg.items.join(" ")).toMatch(/reps="99" must be from 1 to 20/);
  });

  test("checkbox edits reflect to attributes, and the view has no accessibility violations", async () => {
    const el = await mount("<rnn-bench></rnn-bench>");
    await settle(el.shadowRoot!);
    const box = [...el.shadowRoot!.querySelectorAll("label")].find((l) => l.textContent!.includes("W2"))!.querySelector("input")!;
    box.click();
    await settle(el.shadowRoot!);
    expect(el.getAttribute("workloads")).toBe("W1,W3,W4");
    const r = await axe.run(el, { runOnly: ["wcag2a", "wcag2aa"] });
    expect(r.violations.map((v) => `${v.id}: ${v.nodes.length}`)).toEqual([]);
  });
});
