import { beforeAll, expect, test } from "vitest";
import { loadBundle, settle, sleep } from "./helpers.js";

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
  await sleep(300);
  const after = heap();
  expect(typeof (globalThis as { gc?: unknown }).gc).toBe("function");
  expect(after - before).toBeLessThan(1.5 * 2 ** 20);
  expect(lib.poolStats()).toMatchObject({ busy: 0, queued: 0, workers: 0 });
}, 120_000);
