import { beforeAll, expect, test } from "vitest";
import { loadBundle, settle, sleep, until } from "./helpers.js";

type Lib = Awaited<ReturnType<typeof loadBundle>>;
let lib: Lib;
beforeAll(async () => {
  lib = await loadBundle();
  // a test-only view that trains while it is on the page, like a lesson would
  customElements.define("rnn-test-training", class extends HTMLElement {
    handle?: { cancel(): void };
    connectedCallback() {
      this.handle = lib.runTask("train", { text: "abcabd ".repeat(30), model: { hiddenSize: 8, maxSeqLen: 8 }, steps: 100_000 });
    }
    disconnectedCallback() { this.handle?.cancel(); }
  });
  lib.registerView({ name: "test-training", title: "Training", tag: "rnn-test-training" });
});

const heap = () => {
  (globalThis as { gc?: () => void }).gc?.();
  return (performance as unknown as { memory: { usedJSHeapSize: number } }).memory.usedJSHeapSize;
};

async function cycle(attrs: string) {
  const host = document.createElement("div");
  host.innerHTML = `<rnn-explorer ${attrs}></rnn-explorer>`;
  document.body.append(host);
  await settle(host);
  host.remove();
}

test("200 create/remove cycles leave no growing memory and no live workers", async () => {
  lib.configurePool({ idleMs: 200 });
  const kinds = ['views="test-alpha,test-beta,test-gamma" hidden-size="0"', 'view="test-training"', 'views="test-training,test-alpha"'];
  for (let i = 0; i < 20; i++) await cycle(kinds[i % 3]);
  await sleep(300);
  const before = heap();
  for (let i = 0; i < 200; i++) await cycle(kinds[i % 3]);
  // the last cancelled task frees its worker at its next checkpoint, and the worker closes after idleMs:
  // on a loaded machine that can take a while, so this waits for the state rather than a fixed time
  const idle = JSON.stringify({ busy: 0, queued: 0, workers: 0 });
  await until("every worker to close", () => { const s = lib.poolStats(); return JSON.stringify({ busy: s.busy, queued: s.queued, workers: s.workers }) === idle; });
  const after = heap();
  expect(typeof (globalThis as { gc?: unknown }).gc).toBe("function");
  expect(after - before).toBeLessThan(1.5 * 2 ** 20);
}, 120_000);

test("the LSTM and GRU views give their models' memory back when removed", async () => {
  const engine = await (lib as unknown as { sharedEngine(kind: "wasm"): Promise<{ heap?: { used: number } }> }).sharedEngine("wasm");
  expect(engine.heap, "the page engine is the wasm core").toBeDefined();
  const used = () => engine.heap!.used;
  // finished: wait for the trained model; early: remove while it trains
  async function cycle(tag: string, finish: boolean) {
    const el = document.createElement(tag);
    el.setAttribute("train-steps", "50");
    el.setAttribute("hidden-size", "2");
    const done = new Promise((r) => el.addEventListener("rnn-train-done", r, { once: true }));
    document.body.append(el);
    if (finish) await done; else await sleep(0);
    el.remove();
    await sleep(0);
  }
  await cycle("rnn-lstm", true);
  await cycle("rnn-gru", true);
  const baseline = used();
  for (let i = 0; i < 40; i++) await cycle(i % 2 ? "rnn-gru" : "rnn-lstm", i % 4 < 2);
  await sleep(50);
  expect(used()).toBe(baseline);
}, 120_000);
