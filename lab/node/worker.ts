/**
 * Entry of a Node worker thread for the lab CLI (bundled to dist/lab-worker.js): runs
 * one RunSpec per message on its own wasm engine and posts the record back.
 */
import { parentPort } from "node:worker_threads";
import { createEngine } from "../../bindings/engine.js";
import { executeRun } from "../execute.js";
import type { RunSpec } from "../types.js";

const engines = { wasm: createEngine("wasm"), ts: createEngine("ts") };

parentPort?.on("message", async (m: { id: number; spec: RunSpec }) => {
  try {
    const record = await executeRun(await engines[m.spec.config.engine], m.spec);
    parentPort!.postMessage({ id: m.id, record });
  } catch (e) {
    parentPort!.postMessage({ id: m.id, error: e instanceof Error ? e.message : String(e) });
  }
});
