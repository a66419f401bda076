/**
 * Task "sequence-train": the sequence lab's Train (BPTT) button. Trains a small
 * real-valued RNN on one number sequence for a fixed number of loss evaluations
 * (one BPTT step each) and returns the loss curve and the trained weights.
 */
import { onLabModel, trainBptt, type BpttSettings, type LabRun, type RunProgress, type RunSummary } from "../lessons/sequence-lab.js";
import type { Task } from "../bindings/worker/types.js";

export interface SequenceTrainParams extends LabRun {
  bptt: BpttSettings;
}

declare module "../bindings/worker/types.js" {
  interface TaskMap { "sequence-train": { params: SequenceTrainParams; progress: RunProgress; result: RunSummary } }
}

const sequenceTrain: Task<SequenceTrainParams, RunSummary> = async (p, ctx) =>
  onLabModel(await ctx.engine(p.engine ?? "wasm"), p, (model) =>
    trainBptt(model, p.problem, p.bptt, p.budget, { checkpoint: () => ctx.checkpoint(), report: (r) => ctx.progress(r) }));

export default sequenceTrain;
