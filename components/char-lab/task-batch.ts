/**
 * A batch of worker tasks of one kind, one per run, started at once (the pool queues
 * them), for the lab's hidden-size sweep and recall panels. Each run keeps its latest
 * progress, its result or its error; the host redraws at 5 Hz while any run is busy
 * (progress arrives up to 30 times a second per run), and leaving the page cancels them.
 */
import type { ReactiveController, ReactiveControllerHost } from "lit";
import { runTask, type TaskHandle } from "../../tasks/index.js";
import type { ParamsOf, ProgressOf, ResultOf } from "../../bindings/worker/types.js";

export interface BatchRun<K extends string> {
  handle?: TaskHandle<ResultOf<K>>;
  progress?: ProgressOf<K>;
  result?: ResultOf<K>;
  /** the task's error message, or "cancelled" */
  error?: string;
}

export class TaskBatch<K extends string, T extends object> implements ReactiveController {
  runs: (T & BatchRun<K>)[] = [];
  private timer?: ReturnType<typeof setInterval>;

  /**
   * `params` builds a run's task parameters; `keep` copies a progress payload (its arrays
   * are reused by the sender) before the run holds on to it.
   */
  constructor(private readonly host: ReactiveControllerHost, private readonly task: K,
    private readonly params: (run: T) => ParamsOf<K>, private readonly keep: (p: ProgressOf<K>) => ProgressOf<K>) {
    host.addController(this);
  }

  get busy() { return this.runs.some((r) => !r.result && !r.error); }

  /** Cancels what still runs and starts one task per entry of `runs`. */
  start(runs: T[]) {
    this.cancel();
    this.runs = runs as (T & BatchRun<K>)[];
    for (const run of this.runs) {
      const h = runTask(this.task, this.params(run), { onProgress: (p) => { run.progress = this.keep(p); } });
      run.handle = h;
      h.done.then((r) => { run.result = r; }, (e: Error) => { run.error = e.name === "AbortError" ? "cancelled" : e.message; })
        .finally(() => { this.host.requestUpdate(); if (!this.busy) clearInterval(this.timer); });
    }
    this.timer = setInterval(() => this.host.requestUpdate(), 200);
    this.host.requestUpdate();
  }

  cancel() {
    for (const r of this.runs) r.handle?.cancel();
    clearInterval(this.timer);
  }

  hostDisconnected() { this.cancel(); }
}
