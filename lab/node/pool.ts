/**
 * Runs lab specs on Node worker threads, one training (a group of specs sharing a
 * configuration) per thread at a time, so a lab run uses every core. Without the bundled
 * worker (running from source) it runs in-process.
 */
import { existsSync } from "node:fs";
import { availableParallelism } from "node:os";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import { createEngine } from "../../bindings/engine.js";
import { executeRuns } from "../execute.js";
import type { RunRecord, RunSpec } from "../types.js";

type Pending = { resolve(r: RunRecord[]): void; reject(e: Error): void };

export class NodeRunPool {
  readonly size: number;
  readonly mode: "threads" | "in-process";
  private readonly idle: Worker[] = [];
  private readonly all: Worker[] = [];
  private readonly waiting: Array<(w: Worker) => void> = [];
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;

  constructor(size = availableParallelism(), workerFile = fileURLToPath(new URL("./lab-worker.js", import.meta.url))) {
    this.mode = existsSync(workerFile) ? "threads" : "in-process";
    // more threads than cores only add switching and memory
    this.size = this.mode === "threads" ? Math.max(1, Math.min(Math.floor(size) || 1, availableParallelism())) : 1;
    if (this.mode === "in-process") return;
    for (let k = 0; k < this.size; k++) {
      const w = new Worker(workerFile);
      w.on("message", (m: { id: number; records?: RunRecord[]; error?: string }) => {
        const p = this.pending.get(m.id);
        this.pending.delete(m.id);
        if (m.error !== undefined) p?.reject(new Error(m.error)); else p?.resolve(m.records!);
        this.release(w);
      });
      w.on("error", (e) => { for (const p of this.pending.values()) p.reject(e); this.pending.clear(); });
      this.all.push(w);
      this.idle.push(w);
    }
  }

  async execute(spec: RunSpec): Promise<RunRecord> {
    return (await this.executeGroup([spec]))[0];
  }

  /** Specs that share one RunConfig, trained once (lab/execute.ts executeRuns); records in the same order. */
  async executeGroup(specs: RunSpec[]): Promise<RunRecord[]> {
    if (this.mode === "in-process") return executeRuns(await createEngine(specs[0].config.engine), specs);
    const w = this.idle.pop() ?? (await new Promise<Worker>((r) => this.waiting.push(r)));
    const id = this.nextId++;
    return new Promise<RunRecord[]>((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      w.postMessage({ id, specs });
    });
  }

  private release(w: Worker) {
    const next = this.waiting.shift();
    if (next) next(w); else this.idle.push(w);
  }

  async close(): Promise<void> {
    await Promise.all(this.all.map((w) => w.terminate()));
  }
}
