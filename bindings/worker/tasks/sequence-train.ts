/**
 * Task "sequence-train": the sequence lab's Train (BPTT) button. Trains a small
 * real-valued RNN on one number sequence for a fixed number of loss evaluations
 * (one BPTT step each) and returns the loss curve and the trained weights.
 */
import type { Params } from "../../model.js";
import type { EngineKind } from "../../types.js";
import { labModel, trainBptt, type BpttSettings, type LabSettings, type Problem, type RunProgress, type RunSummary } from "../../lessons/sequence-lab.js";
import type { Task } from "../types.js";

export interface SequenceTrainParams {
  settings: LabSettings;
  /** the starting weights */
  params: Params;
  problem: Problem;
  bptt: BpttSettings;
  budget: number;
  engine?: EngineKind;
}

declare module "../types.js" {
  interface TaskMap { "sequence-train": { params: SequenceTrainParams; progress: RunProgress; result: RunSummary } }
}

const sequenceTrain: Task<SequenceTrainParams, RunSummary> = async (p, ctx) => {
  const engine = await ctx.engine(p.engine ?? "wasm");
  const model = labModel(engine, p.settings, p.problem, p.params);
  try {
    return await trainBptt(model, p.problem, p.bptt, p.budget, { checkpoint: () => ctx.checkpoint(), report: (r) => ctx.progress(r) });
  } finally {
    model.dispose();
  }
};

export default sequenceTrain;
