/**
 * Task "random-search": the sequence lab's gradient-free baseline. Proposes weights
 * for a fixed number of loss evaluations (one forward pass each), keeps the best,
 * and returns the best-so-far curve and the best weights. The starting weights are
 * the first incumbent.
 */
import { onLabModel, type LabRun, type RunProgress, type RunSummary } from "../lessons/sequence-lab.js";
import { searchRandom, type SearchSettings } from "../lessons/random-search.js";
import type { Task } from "../bindings/worker/types.js";

export interface RandomSearchParams extends LabRun {
  search: SearchSettings;
}

declare module "../bindings/worker/types.js" {
  interface TaskMap { "random-search": { params: RandomSearchParams; progress: RunProgress; result: RunSummary } }
}

const randomSearch: Task<RandomSearchParams, RunSummary> = async (p, ctx) =>
  onLabModel(await ctx.engine(p.engine ?? "wasm"), p, (model) =>
    searchRandom(model, p.problem, p.search, p.budget, { checkpoint: () => ctx.checkpoint(), report: (r) => ctx.progress(r) }));

export default randomSearch;
