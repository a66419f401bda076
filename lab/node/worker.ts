/**
 * Entry of a Node worker thread for the lab CLI (bundled to dist/lab-worker.js): runs the
 * RunSpecs of one message (one training configuration, trained once) on the thread's shared
 * engine and posts their records back.
 */
import { parentPort } from "node:worker_threads";
import { sharedEngine } from "../../bindings/engine-provider.js";
import { executeRuns } from "../execute.js";
import type { RunSpec } from "../types.js";

parentPort?.on("message", async (m: { id: number; specs: RunSpec[] }) => {
  try {
    const kind = m.specs[0].config.engine, engine = await sharedEngine(kind);
    // a record says which engine trained it (and the hidden-size study times it): no silent fallback here
    if (engine.kind !== kind) throw new Error(`engine: the ${kind} engine could not start in this thread`);
    const records = await executeRuns(engine, m.specs);
    parentPort!.postMessage({ id: m.id, records });
  } catch (e) {
    parentPort!.postMessage({ id: m.id, error: e instanceof Error ? e.message : String(e) });
  }
});
