import { afterEach, beforeAll, describe, expect, test } from "vitest";
import axe from "axe-core";
import { loadBundle, mount, settle, sleep, until } from "./helpers.js";
import { accuracyCells, checkComparatives } from "./comparatives.js";

type Lib = Awaited<ReturnType<typeof loadBundle>>;
let lib: Lib;
beforeAll(async () => { lib = await loadBundle(); });
afterEach(() => { document.body.replaceChildren(); });

type Lab = HTMLElement & { updateComplete: Promise<boolean>; task: { held(): Promise<void> } };
const root = (el: Element) => el.shadowRoot!;
const deep = (el: Element, ...sels: string[]): HTMLElement => {
  let cur: Element | ShadowRoot = root(el);
  for (const s of sels) {
    const next: Element | null = cur.querySelector(s);
    if (!next) throw new Error(`no ${s}`);
    cur = next.shadowRoot && s !== sels[sels.length - 1] ? next.shadowRoot : next;
  }
  return cur as HTMLElement;
};
const button = (scope: Element | ShadowRoot, label: string) =>
  [...scope.querySelectorAll<HTMLElement & { disabled: boolean }>("rnn-button")].find((b) => b.textContent!.includes(label))!;
/** A long char-train run (H = 128, the default size) on a small corpus. */
const grammar = (onProgress: () => void) => lib.runTask("char-train", {
  text: "the cat sat on the mat. a dog ran to the big red barn. ".repeat(40),
  settings: { cell: "lstm", hiddenSize: 128, seqLen: 25, optimizer: "adam", lr: 0.005, clipMode: "norm", clipThreshold: 5, meanLoss: true, seed: 1 },
  steps: 1_000_000, sampleEvery: 100, sampleLength: 50, temperature: 0.8,
}, { onProgress });

describe("char-train in a worker", () => {
  test("cancel stops the worker at its next checkpoint and no progress follows", async () => {
    let progress = 0;
    const h2 = grammar(() => { progress++; });
    await until("five progress reports", () => progress >= 5);
    expect(h2.mode).toBe("worker");
    const workers = lib.poolStats().workers;
    h2.cancel();
    await expect(h2.done).rejects.toMatchObject({ name: "AbortError" });
    await h2.stopped;
    // it stopped at a checkpoint: its worker went back to the pool rather than being terminated
    expect(lib.poolStats().workers).toBe(workers);
    const after = progress;
    await sleep(200);
    expect(progress).toBe(after);
    expect(lib.poolStats().busy).toBe(0);
  });
});

describe("<rnn-char-lab>", () => {
  test("is registered as the char-lab view of <rnn-explorer>", async () => {
    expect(lib.getView("char-lab")?.tag).toBe("rnn-char-lab");
    const ex = await mount('<rnn-explorer view="char-lab" hidden-size="64"></rnn-explorer>');
    await settle(ex.shadowRoot!);
    const lab = ex.shadowRoot!.querySelector("rnn-char-lab") ?? ex.querySelector("rnn-char-lab");
    expect(lab).not.toBeNull();
    expect(lab!.getAttribute("hidden-size")).toBe("64");
  });

  test("with the default settings Train shows real words; pause and step advance one step; Stop keeps the model for generation", async () => {
    const el = await mount('<rnn-char-lab steps="100000"></rnn-char-lab>') as Lab;
    await settle(root(el));
    const samples: { step: number; words: { distinctReal: string[] }; elapsedMs: number }[] = [];
    el.addEventListener("rnn-sample", (e) => samples.push(e.detail));
    button(root(el), "Train a new").click();
    // how fast words appear is the bench's and the README's business; here only that they do
    await until("five real words", () => samples.some((s) => s.words.distinctReal.length >= 5), 150_000);
    await settle(root(el));
    expect(root(el).querySelector(".milestone")!.textContent).toMatch(/step [\d,]+, [\d.]+ s after you pressed Train/);
    button(root(el), "Pause").click();
    const stepText = () => root(el).querySelector('[aria-label="Training statistics"] dd')!.textContent!;
    // paused: once the worker holds, every report it sent has arrived and the view shows where it stopped
    await el.task.held();
    await settle(root(el));
    const held = Number(stepText().replace(/,/g, ""));
    button(root(el), "Step").click();
    await el.task.held();
    await settle(root(el));
    expect(Number(stepText().replace(/,/g, ""))).toBe(held + 1);
    button(root(el), "Stop").click();
    await until("the generated text", () => root(el).querySelector("rnn-char-text")?.shadowRoot?.querySelector(".text"));
    await settle(root(el));
    const text = deep(el, "rnn-char-text", ".text").textContent!;
    expect(text.length).toBeGreaterThan(100);
    expect(button(root(el), "Continue training").disabled).toBe(false);
    // the hidden-state heat map shows units × characters
    const map = deep(el, "rnn-char-hidden", "rnn-heat-map") as HTMLElement & { rows: number; cols: number };
    expect(map.rows).toBe(128);
    expect(map.cols).toBe(200);
  }, 180_000);

  test("a 10 MB paste is refused with a message and the corpus stays", async () => {
    const el = await mount('<rnn-char-lab corpus="custom"></rnn-char-lab>') as Lab;
    await settle(root(el));
    const picker = root(el).querySelector("rnn-char-corpus")!;
    const before = (picker as unknown as { text: string }).text;
    const area = picker.shadowRoot!.querySelector("textarea")!;
    area.value = "x".repeat(10_000_000);
    area.dispatchEvent(new Event("input"));
    await settle(root(el));
    button(picker.shadowRoot!, "Use this text").click();
    await settle(root(el));
    const msg = picker.shadowRoot!.querySelector("rnn-message")!;
    expect(msg.textContent).toMatch(/This text is 10 MB long; the lab takes at most 2\.0 MB/);
    expect((picker as unknown as { text: string }).text).toBe(before);
  });

  test("a binary file is refused with a message", async () => {
    const el = await mount('<rnn-char-lab corpus="custom"></rnn-char-lab>') as Lab;
    await settle(root(el));
    const picker = root(el).querySelector("rnn-char-corpus")!;
    const input = picker.shadowRoot!.querySelector<HTMLInputElement>('input[type="file"]')!;
    const dt = new DataTransfer();
    dt.items.add(new File([new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52])], "photo.png", { type: "image/png" }));
    input.files = dt.files;
    input.dispatchEvent(new Event("change"));
    await until("the picker's message", () => picker.shadowRoot!.querySelector("rnn-message"));
    expect(picker.shadowRoot!.querySelector("rnn-message")!.textContent).toMatch(/photo\.png is a binary file/);
  });

  test("a bad attribute is reported inline and the previous value kept", async () => {
    const el = await mount('<rnn-char-lab hidden-size="64"></rnn-char-lab>') as Lab;
    await settle(root(el));
    el.setAttribute("hidden-size", "9999");
    await sleep(20);
    await settle(root(el));
    const msg = root(el).querySelector("rnn-message") as HTMLElement & { items: string[] };
    expect(msg.items.join(" ")).toMatch(/hidden-size="9999" must be from 8 to 512; keeping 64/);
    const slider = [...root(el).querySelectorAll("rnn-slider")].find((s) => s.getAttribute("label")?.startsWith("Hidden units")) as HTMLElement & { value: number };
    expect(slider.value).toBe(64);
  });

  test("axe-core finds no serious or critical violation, light and dark", async () => {
    const el = await mount('<rnn-char-lab></rnn-char-lab>') as Lab;
    await settle(root(el));
    for (const theme of ["light", "dark"]) {
      el.setAttribute("theme", theme);
      await settle(root(el));
      const r = await axe.run(el, { resultTypes: ["violations"] });
      const bad = r.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
      expect(bad.map((v) => `${theme}: ${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
    }
  });
});

describe("<rnn-char-recall> sentences agree with its table", () => {
  test("two lengths, two seeds: each comparative matches the seed ranges shown; no restated claim", async () => {
    const el = await mount('<rnn-char-recall></rnn-char-recall>') as Lab & { lengths: number[]; steps: number; seeds: number; busy: boolean };
    el.lengths = [3, 30]; el.steps = 400; el.seeds = 2;
    await el.updateComplete;
    const r = root(el);
    expect(r.textContent).not.toMatch(/stays near chance/);
    button(r, "Train all 12 models").click();
    await until("the recall runs", () => !el.busy && !!r.querySelector("[data-testid=recall-observations]"), 150_000);
    await settle(r);
    const table = accuracyCells(r, "recall-table");
    expect(table.size).toBe(6);
    const atN = [...r.querySelectorAll("[data-testid=recall-observations] li")].map((li) => li.textContent!.replace(/\s+/g, " ").trim()).filter((l) => /^At n = /.test(l));
    expect(atN).toHaveLength(2);
    checkComparatives(atN, table);
  }, 180_000);
});
