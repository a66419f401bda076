/**
 * Runs one study for the view: plans its runs, takes saved records, sends the rest to
 * the worker pool as "lab-run" tasks (as many at once as the pool has workers), keeps
 * the live curves of runs in flight, and assembles the result when all are in.
 */
import type { ReactiveController, ReactiveControllerHost } from "lit";
import { runKey } from "../../lab/cache.js";
import type { RunProgress } from "../../lab/execute.js";
import { assembleStudy, planStudy, runCost, type PlannedVariant, type StudyRequest } from "../../lab/run-study.js";
import type { RunRecord, RunSpec, StudyResult } from "../../lab/types.js";
import { runTask, type TaskHandle } from "../../tasks/index.js";
import { poolStats } from "../../tasks/index.js";
import type {} from "../../tasks/lab-run.js"; // the task's types
import { estimateRemaining } from "../ui/progress/format.js";
import { IdbStore } from "../storage/lab-runs.js";

export type SessionStatus = "idle" | "running" | "done" | "cancelled" | "error";

export class LabSession implements ReactiveController {
  status: SessionStatus = "idle";
  error = "";
  request?: StudyRequest;
  planned: PlannedVariant[] = [];
  /** records of this request's runs, by key */
  records = new Map<string, RunRecord>();
  /** progress of runs in flight, by key */
  live = new Map<string, RunProgress>();
  result?: StudyResult;
  fraction = NaN;
  remaining = NaN;
  readonly store = new IdbStore();
  private handles = new Set<TaskHandle<RunRecord>>();
  private generation = 0;
  private started = 0;
  private lastRender = 0;

  /** onDone: after a run (not when a result comes from saved records) */
  constructor(private readonly host: ReactiveControllerHost, private readonly onDone?: (r: StudyResult) => void) {
    host.addController(this);
  }

  hostDisconnected() { this.cancel(); }

  get specs(): RunSpec[] { return this.planned.flatMap((p) => p.specs); }
  get running() { return this.status === "running"; }
  get total() { return new Set(this.specs.map(runKey)).size; }

  /** Plans a request and shows whatever is saved for it; throws a ValidationError for a bad request. */
  async show(req: StudyRequest): Promise<void> {
    const planned = planStudy(req);
    this.cancel();
    const gen = ++this.generation;
    this.request = req;
    this.planned = planned;
    this.records = new Map(); this.live = new Map(); this.result = undefined; this.error = "";
    this.status = "idle"; this.fraction = NaN; this.remaining = NaN;
    for (const s of this.specs) {
      const r = await this.store.get(runKey(s));
      if (gen !== this.generation) return;
      if (r) this.records.set(r.key, r);
    }
    if (this.records.size === this.total) this.finish();
    this.host.requestUpdate();
  }

  /** Runs whatever the current request still lacks. */
  async run(): Promise<void> {
    if (!this.request || this.running) return;
    const gen = ++this.generation;
    const todo = [...new Map(this.specs.map((s) => [runKey(s), s])).values()].filter((s) => !this.records.has(runKey(s)))
      .sort((a, b) => runCost(b) - runCost(a));
    if (!todo.length) { this.finish(); this.host.requestUpdate(); return; }
    this.status = "running"; this.error = ""; this.result = undefined; this.started = performance.now();
    const totalCost = todo.reduce((s, x) => s + runCost(x), 0);
    let doneCost = 0, next = 0;
    const update = () => {
      let running = 0;
      for (const s of todo) { const p = this.live.get(runKey(s)); if (p) running += runCost(s) * (p.step / Math.max(1, p.steps)); }
      this.fraction = (doneCost + running) / totalCost;
      this.remaining = estimateRemaining(this.fraction, performance.now() - this.started);
      const now = performance.now();
      if (now - this.lastRender > 120) { this.lastRender = now; this.host.requestUpdate(); }
    };
    const worker = async () => {
      while (next < todo.length && gen === this.generation) {
        const spec = todo[next++], key = runKey(spec);
        const h = runTask("lab-run", { spec }, { onProgress: (p) => { if (gen === this.generation) { this.live.set(key, p); update(); } } });
        this.handles.add(h);
        try {
          const record = await h.done;
          if (gen !== this.generation) return;
          this.records.set(key, record);
          this.live.delete(key);
          doneCost += runCost(spec);
          await this.store.put(record);
          update();
        } finally { this.handles.delete(h); }
      }
    };
    try {
      await Promise.all(Array.from({ length: Math.max(1, Math.min(poolStats().size, todo.length)) }, worker));
      if (gen === this.generation) { this.finish(); this.onDone?.(this.result!); }
    } catch (e) {
      if (gen !== this.generation) return;
      this.cancelHandles();
      this.status = (e as Error).name === "AbortError" ? "cancelled" : "error";
      this.error = (e as Error).message ?? String(e);
    }
    this.host.requestUpdate();
  }

  cancel() {
    if (!this.running) return;
    this.generation++;
    this.cancelHandles();
    this.live = new Map();
    this.status = "cancelled";
    this.host.requestUpdate();
  }

  private cancelHandles() { for (const h of this.handles) h.cancel(); this.handles.clear(); }

  private finish() {
    if (!this.request) return;
    this.result = assembleStudy(this.request, this.planned, this.records);
    this.status = "done"; this.fraction = 1; this.remaining = 0;
  }
}
