import { beforeAll, describe, expect, test } from "vitest";
import { loadBundle, sleep, until } from "./helpers.js";

type Lib = Awaited<ReturnType<typeof loadBundle>>;
let lib: Lib;
beforeAll(async () => { lib = await loadBundle(); });

const corpus = "the cat sat on the mat. the dog sat on the log. ".repeat(20);
const params = (steps: number) => ({ text: corpus, model: { hiddenSize: 32, maxSeqLen: 16 }, steps, optimizer: { kind: "adam" as const, lr: 0.01 } });

describe("worker tasks", () => {
  test("train reports step, loss, gradNorm and steps/s at most 30 times a second, and returns the model", async () => {
    const seen: { step: number; loss: number; gradNorm: number; stepsPerSec: number }[] = [];
    const h = lib.runTask("train", params(3000), { onProgress: (p) => seen.push(p) });
    const r = await h.done;
    expect(h.mode).toBe("worker");
    expect(seen.length).toBeGreaterThan(0);
    const last = seen[seen.length - 1];
    expect(last.step).toBe(3000);
    expect(Number.isFinite(last.loss) && Number.isFinite(last.gradNorm) && last.stepsPerSec > 0).toBe(true);
    // throttled (at most 30 a second by the run's own clock: test/worker-run.test.ts): far fewer reports than steps
    expect(seen.length).toBeLessThan(3000 / 10);
    expect(r.losses).toHaveLength(3000);
    expect(r.model.format).toBe("rnn-explorer-model");
    const head = r.losses.slice(0, 50).reduce((a, b) => a + b) / 50, tail = r.losses.slice(-50).reduce((a, b) => a + b) / 50;
    expect(tail).toBeLessThan(head * 0.7);
    expect(r.lossConvention).toBe("mean per target");
  });

  test("cancel rejects at once, stops the worker at its next checkpoint, and no progress follows", async () => {
    let progress = 0;
    const h = lib.runTask("train", params(1_000_000), { onProgress: () => progress++ });
    await until("three progress reports", () => progress >= 3);
    const workers = lib.poolStats().workers;
    h.cancel();
    expect(h.state).toBe("cancelled");
    await expect(h.done).rejects.toMatchObject({ name: "AbortError" });
    await h.stopped;
    // reached a checkpoint: the worker went back to the pool instead of being terminated
    expect(lib.poolStats().workers).toBe(workers);
    const after = progress;
    await sleep(150);
    expect(progress).toBe(after);
    expect(lib.poolStats().busy).toBe(0);
  });

  test("a task stuck between checkpoints loses its worker at the cancel deadline", async () => {
    // one step of this model (an LSTM of 1024 units over 2,000 time steps, about 2 s on a quiet 2-core machine)
    // is far longer than the deadline plus the time this page takes, even under heavy load, to see the first
    // report and cancel, so the next checkpoint comes too late
    const big = { text: "abcdefghij".repeat(250), model: { cell: "lstm" as const, hiddenSize: 1024, maxSeqLen: 2000 }, steps: 100 };
    let progress = 0;
    const h = lib.runTask("train", big, { onProgress: () => progress++ });
    await until("the first progress report", () => progress >= 1);
    const workers = lib.poolStats().workers;
    h.cancel();
    await h.stopped;
    // the stuck worker was terminated, not returned to the pool
    expect(lib.poolStats().workers).toBe(workers - 1);
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
    await until("step 5", () => last >= 5);
    h.pause();
    // the worker says when it holds, after every report it sent before: the count stands there
    await h.held();
    const held = last;
    expect(h.state).toBe("paused");
    h.step();
    await h.held();
    expect(last).toBe(held + 1);
    h.step();
    await h.held();
    expect(last).toBe(held + 2);
    h.resume();
    await until("progress after resume", () => last > held + 2);
    h.cancel();
    await h.stopped;
    // a task that has stopped holds nowhere: held() does not wait for it
    await h.held();
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

  test("without workers the same task runs on the main thread in slices, and the page's timers keep running", async () => {
    lib.configurePool({ mode: "main" });
    try {
      const h = lib.runTask("train", params(20000));
      // the page's own timers keep running between slices: a chain of zero-delay timers ticks about
      // once per slice (a yield that outranks timers would leave it far behind)
      let running = true, ticks = 0;
      void h.done.finally(() => { running = false; });
      const tick = () => { if (running) { ticks++; setTimeout(tick, 0); } };
      setTimeout(tick, 0);
      const r = await h.done;
      expect(h.mode).toBe("main");
      expect(r.losses).toHaveLength(20000);
      expect(ticks).toBeGreaterThan(h.slices!.count / 2);
      // the run's own record of its slices: many short ones, not one long stretch (the bound is generous
      // because a loaded machine stretches a 10 ms slice; a run without slicing takes seconds in one piece)
      const slices = h.slices!;
      expect(slices.count).toBeGreaterThan(10);
      expect(slices.longestMs).toBeLessThan(250);
      const c = lib.runTask("train", params(1_000_000));
      await until("three slices", () => (c.slices?.count ?? 0) >= 3);
      c.cancel();
      await c.stopped;
      const after = c.slices!.count;
      await sleep(100);
      expect(c.slices!.count).toBe(after);
    } finally {
      lib.configurePool({ mode: "worker" });
    }
  });
});
