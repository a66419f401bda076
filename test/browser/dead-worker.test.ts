/** A worker that dies without an error event fails its task with a message and frees its slot. */
import { afterAll, beforeAll, expect, test } from "vitest";
import { loadBundle, sleep } from "./helpers.js";

type Lib = Awaited<ReturnType<typeof loadBundle>>;
let lib: Lib;
let original: ReturnType<Lib["taskSet"]>;

// a worker that starts, then closes itself on its first task: no error event, no reply ever
const silentDeath = `onmessage = (e) => {
  if (e.data.type === "init") postMessage({ type: "ready" });
  else if (e.data.type === "run") close();
};`;

beforeAll(async () => {
  lib = await loadBundle();
  original = lib.taskSet();
  lib.disposePool();
  lib.installTasks({ workerSource: silentDeath, loadTask: original.loadTask });
  lib.configurePool({ heartbeatMs: 50, livenessMs: 400, mode: "worker" });
});

afterAll(() => {
  lib.disposePool();
  lib.installTasks(original);
  lib.configurePool({ heartbeatMs: 1000, livenessMs: 20_000 });
});

test("the task fails with a message and the slot is freed", async () => {
  const h = lib.runTask("train", { text: "abcabd ".repeat(10), model: { hiddenSize: 4, maxSeqLen: 4 }, steps: 10 });
  await expect(h.done).rejects.toThrow(/the worker stopped responding \(no reply for \d+ s\) and was stopped/);
  expect(h.state).toBe("failed");
  await h.stopped;
  expect(lib.poolStats()).toMatchObject({ busy: 0, workers: 0 });
  // the pool still works: the next task gets a fresh worker (which dies the same way here)
  const next = lib.runTask("train", { text: "abcabd ".repeat(10), model: { hiddenSize: 4, maxSeqLen: 4 }, steps: 10 });
  await expect(next.done).rejects.toThrow(/stopped responding/);
  await sleep(0);
  expect(lib.poolStats().busy).toBe(0);
}, 60_000);

test("a live worker answers the heartbeat through a long task", async () => {
  lib.disposePool();
  lib.installTasks(original);
  lib.configurePool({ heartbeatMs: 50, livenessMs: 5000 });
  // many heartbeats fit in this run; a live worker answers each between its slices
  const h = lib.runTask("train", { text: "abcabd ".repeat(30), model: { hiddenSize: 16, maxSeqLen: 8 }, steps: 3000 });
  await expect(h.done).resolves.toMatchObject({ steps: 3000 });
}, 60_000);
