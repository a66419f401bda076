/**
 * Task "esn": an echo state network (ridge readout) against an RNN of the same size
 * trained by BPTT on one task, plus the reservoir's memory-capacity curve against ρ
 * (see lessons/esn-lab.ts).
 */
import { runEsnLab, type EsnLabConfig, type EsnLabProgress, type EsnLabResult } from "../lessons/esn-lab.js";
import type { Task } from "../bindings/worker/types.js";

declare module "../bindings/worker/types.js" {
  interface TaskMap { esn: { params: Partial<EsnLabConfig>; progress: EsnLabProgress; result: EsnLabResult } }
}

const esn: Task<Partial<EsnLabConfig>, EsnLabResult> = async (params, ctx) =>
  runEsnLab(await ctx.engine("wasm"), params ?? {}, { progress: (p) => ctx.progress(p), checkpoint: () => ctx.checkpoint() });

export default esn;
