import { beforeAll, describe, expect, test } from "vitest";
import { loadBundle, sleep } from "./helpers.js";

type Lib = Awaited<ReturnType<typeof loadBundle>>;
let lib: Lib;
beforeAll(async () => { lib = await loadBundle(); });

const corpus = "the cat sat on the mat. the dog sat on the log. ".repeat(20);
const params = (steps: number) => ({ text: corpus, model: { hiddenSize: 32, maxSeqLen: 16 }, steps, optimizer: { kind: "adam" as const, lr: 0.01 } });

describe("worker tasks", () => {
  test("train reports step, loss, gradNorm and steps/s at most 30 times a second, and returns the model", async () => {
    const seen: { step: number; loss: number; gradNorm: number; stepsPerSec: number; t: number }[] = [];
    const h = lib.runTask("train", params(3000), { onProgress: (p) => seen.push({ ...p, t: performance.now() }) });
    const r = await h.done;
    expect(h.mode).toBe("worker");
    expect(seen.length).toBeGreaterThan(0);
    const last = seen[seen.length - 1];
    expect(last.step).toBe(3000);
    expect(Number.isFinite(last.loss) && Number.isFinite(last.gradNorm) && last.stepsPerSec > 0).toBe(true);
    // ≤ 30 per second, plus the final report when the task ends
    const seconds = (seen[seen.length - 1].t - seen[0].t) / 1000;
    expect(seen.length).toBeLessThanOrEqual(Math.ceil(30 * seconds) + 2);
    expect(r.losses).toHaveLength(3000);
    expect(r.model.format).toBe("rnn-explorer-model");
    const head = r.losses.slice(0, 50).reduce((a, b) => a + b) / 50, tail = r.losses.slice(-50).reduce((a, b) => a + b) / 50;
    expect(tail).toBeLessThan(head * 0.7);
    expect(r.lossConvention).toBe("mean per target");
  });

  test("cancel stops a worker task within 100 ms", async () => {
    let progress = 0;
    const h = lib.runTask("train", params(1_000_000), { onProgress: () => progress++ });
    while (progress < 3) await sleep(10);
    const t0 = performance.now();
    h.cancel();
    await expect(h.done).rejects.toMatchObject({ name: "AbortError" });
    await h.stopped;
    expect(performance.now() - t0).toBeLessThan(100);
    expect(h.state).toBe("cancelled");
    const after = progress;
    await sleep(150);
    expect(progress).toBe(after);
    expect(lib.poolStats().busy).toBe(0);
  });

  test("a task stuck between checkpoints loses its worker at the cancel deadline", async () => {
    // one step of this model takes far longer than 100 ms, so the checkpoint comes too late
    const big = { text: "abcdefghij".repeat(100), model: { hiddenSize: 1024, maxSeqLen: 400 }, steps: 100 };
    let progress = 0;
    const h = lib.runTask("train", big, { onProgress: () => progress++ });
    while (progress < 1) await sleep(5);
    const t0 = performance.now();
    h.cancel();
    await h.stopped;
    expect(performance.now() - t0).toBeLessThan(100);
    expect(lib.poolStats().busy).toBe(0);
    // the pool replaces the terminated worker on demand
    expect((await lib.runTask("train", params(10)).done).losses).toHaveLength(10);
  });

  test("an AbortSignal cancels too", async () => {
    const ac = new AbortController();
    const h = lib.runTask("train", params(1_000_000), { signal: ac.signal });
    await sleep(50);
    ac.abort();
    await expect(h.done).rejects.toMatchObject({ name: "AbortError" });
  });

  test("pause holds the task, step runs one chunk, resume continues", async () => {
    let last = 0;
    const h = lib.runTask("train", params(1_000_000), { onProgress: (p) => { last = p.step; } });
    while (last < 5) await sleep(10);
    h.pause();
    await sleep(100);
    const held = last;
    await sleep(150);
    expect(last).toBe(held);
    h.step();
    await sleep(100);
    expect(last).toBe(held + 1);
    h.resume();
    await sleep(150);
    expect(last).toBeGreaterThan(held + 1);
    h.cancel();
    await h.stopped;
  });

  test("several tasks share the pool; extra ones queue", async () => {
    const size = lib.poolStats().size;
    const hs = Array.from({ length: size + 2 }, () => lib.runTask("train", params(200)));
    await sleep(0);
    expect(lib.poolStats().workers).toBeLessThanOrEqual(size);
    const rs = await Promise.all(hs.map((h) => h.done));
    expect(rs.every((r) => r.losses.length === 200)).toBe(true);
  });

  test("bad params and unknown tasks reject with a message", async () => {
    await expect(lib.runTask("train", { ...params(10), steps: 0 }).done).rejects.toThrow(/steps must be an integer/);
    await expect(lib.runTask("no-such-task" as "train", params(1)).done).rejects.toThrow(/unknown task "no-such-task"/);
  });

  test("without workers the same task runs on the main thread in slices", async () => {
    lib.configurePool({ mode: "main" });
    try {
      // no task of the page may run longer than 50 ms (a "long task") while training runs here
      const long: number[] = [];
      // (other test files may run in sibling frames on the same thread: count this frame's own tasks)
      const obs = new PerformanceObserver((l) => l.getEntries().forEach((e) => { if (e.name === "self") long.push(e.duration); }));
      obs.observe({ type: "longtask" });
      await new Promise<void>((r) => setTimeout(() => { const t = performance.now(); while (performance.now() - t < 70); r(); }, 0));
      await sleep(50);
      expect(long.length).toBe(1); // the observer sees a 70 ms task
      long.length = 0;
      const h = lib.runTask("train", params(20000));
      const r = await h.done;
      await sleep(50);
      obs.disconnect();
      expect(h.mode).toBe("main");
      expect(r.losses).toHaveLength(20000);
      expect(long).toEqual([]);
      const c = lib.runTask("train", params(1_000_000));
      await sleep(30);
      const t0 = performance.now();
      c.cancel();
      await c.stopped;
      expect(performance.now() - t0).toBeLessThan(100);
    } finally {
      lib.configurePool({ mode: "worker" });
    }
  });
});
