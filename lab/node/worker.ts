/**
 * Entry of a Node worker thread for the lab CLI (bundled to dist/lab-worker.js): runs
 * one RunSpec per message on the thread's shared engine and posts the record back.
 */
import { parentPort } from "node:worker_threads";
import { sharedEngine } from "../../bindings/engine-provider.js";
import { executeRun } from "../execute.js";
import type { RunSpec } from "../types.js";

parentPort?.on("message", async (m: { id: number; spec: RunSpec }) => {
  try {
    const kind = m.spec.config.engine, engine = await sharedEngine(kind);
    // a record says which engine trained it (and the hidden-size study times it): no silent fallback here
    if (engine.kind !== kind) throw new Error(`engine: the ${kind} engine could not start in this thread`);
    const record = await executeRun(engine, m.spec);
    parentPort!.postMessage({ id: m.id, record });
  } catch (e) {
    parentPort!.postMessage({ id: m.id, error: e instanceof Error ? e.message : String(e) });
  }
});
