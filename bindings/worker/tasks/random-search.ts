/**
 * Task "random-search": the sequence lab's gradient-free baseline. Proposes weights
 * for a fixed number of loss evaluations (one forward pass each), keeps the best,
 * and returns the best-so-far curve and the best weights.
 */
import type { Params } from "../../model.js";
import type { EngineKind } from "../../types.js";
import { labModel, type LabSettings, type Problem, type RunProgress, type RunSummary } from "../../lessons/sequence-lab.js";
import { searchRandom, type SearchSettings } from "../../lessons/random-search.js";
import type { Task } from "../types.js";

export interface RandomSearchParams {
  settings: LabSettings;
  /** the starting weights (the first incumbent) */
  params: Params;
  problem: Problem;
  search: SearchSettings;
  budget: number;
  engine?: EngineKind;
}

declare module "../types.js" {
  interface TaskMap { "random-search": { params: RandomSearchParams; progress: RunProgress; result: RunSummary } }
}

const randomSearch: Task<RandomSearchParams, RunSummary> = async (p, ctx) => {
  const engine = await ctx.engine(p.engine ?? "wasm");
  const model = labModel(engine, p.settings, p.problem, p.params);
  try {
    return await searchRandom(model, p.problem, p.search, p.budget, { checkpoint: () => ctx.checkpoint(), report: (r) => ctx.progress(r) });
  } finally {
    model.dispose();
  }
};

export default randomSearch;
