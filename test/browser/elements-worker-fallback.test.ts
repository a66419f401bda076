/**
 * When the per-element build's worker cannot load its chunks (a bundler re-bundled the elements, so
 * no chunks sit beside task-worker.js), the pool loads the inlined worker once and the task still
 * runs in a worker. Simulated by pointing the worker's import at a file that does not exist.
 */
import { expect, test } from "vitest";
import { elementsSpeedEstimate, recordWorkers } from "./helpers.js";

test("a worker that cannot import its chunks is replaced by the inlined worker, and the task runs there", async () => {
  const NativeBlob = window.Blob;
  window.Blob = class extends NativeBlob {
    constructor(parts?: BlobPart[], opts?: BlobPropertyBag) {
      super(parts?.map((p) => (typeof p === "string" ? p.replace("task-worker.js", "no-such-task-worker.js") : p)), opts);
    }
  };
  const { made, restore } = recordWorkers();
  try {
    expect(await elementsSpeedEstimate()).toBe("done");
    // the first worker failed to start; a later one, from the inlined source, ran the task
    expect(made[0].errors.length).toBeGreaterThan(0);
    expect(made[0].messages).not.toContain("ready");
    expect(made.slice(1).some((w) => w.errors.length === 0 && w.messages.includes("ready") && w.messages.includes("done"))).toBe(true);
  } finally {
    restore();
    window.Blob = NativeBlob;
  }
});
