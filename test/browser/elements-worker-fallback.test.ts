/**
 * When the per-element build's worker cannot load its chunks (a bundler re-bundled the elements, so
 * no chunks sit beside task-worker.js), the pool loads the inlined worker once and the task still
 * runs in a worker. Simulated by pointing the worker's import at a file that does not exist.
 */
import { expect, test } from "vitest";
import { mount, origin, until } from "./helpers.js";

test("a worker that cannot import its chunks is replaced by the inlined worker, and the task runs there", async () => {
  const made: { errors: string[]; messages: string[] }[] = [];
  const NativeWorker = window.Worker, NativeBlob = window.Blob;
  window.Blob = class extends NativeBlob {
    constructor(parts?: BlobPart[], opts?: BlobPropertyBag) {
      super(parts?.map((p) => (typeof p === "string" ? p.replace("task-worker.js", "no-such-task-worker.js") : p)), opts);
    }
  };
  window.Worker = class extends NativeWorker {
    constructor(url: string | URL, opts?: WorkerOptions) {
      super(url, opts);
      const log = { errors: [] as string[], messages: [] as string[] };
      made.push(log);
      this.addEventListener("error", (e) => log.errors.push(e.message || "error"));
      this.addEventListener("message", (e: MessageEvent<{ type: string }>) => log.messages.push(e.data.type));
    }
  };
  try {
    await import(/* @vite-ignore */ `${origin}/dist/elements/gradient-flow.js`);
    const el = await mount('<rnn-gradient-flow lengths="4, 8" steps="200" seeds="1" budget="900" vocab="4"></rnn-gradient-flow>');
    const view = el as unknown as { speed: { status: string } };
    await until("the speed estimate", () => view.speed.status === "done" || view.speed.status === "error");
    expect(view.speed.status).toBe("done");
    // the first worker failed to start; a later one, from the inlined source, ran the task
    expect(made[0].errors.length).toBeGreaterThan(0);
    expect(made[0].messages).not.toContain("ready");
    expect(made.slice(1).some((w) => w.errors.length === 0 && w.messages.includes("ready") && w.messages.includes("done"))).toBe(true);
  } finally {
    window.Worker = NativeWorker;
    window.Blob = NativeBlob;
  }
});
