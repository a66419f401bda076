/**
 * Task "gradient-flow": trains a vanilla RNN, an LSTM and a GRU of equal parameter budget
 * on recall-the-first-symbol for each n and seed, and measures accuracy and the gradient
 * profile ‖∂L/∂h_t‖ against distance (see lessons/gradient-flow.ts).
 */
import { runFlowStudy, type FlowConfig, type FlowProgress, type FlowResult } from "../lessons/gradient-flow.js";
import type { Task } from "../bindings/worker/types.js";

declare module "../bindings/worker/types.js" {
  interface TaskMap { "gradient-flow": { params: Partial<FlowConfig>; progress: FlowProgress; result: FlowResult } }
}

const gradientFlow: Task<Partial<FlowConfig>, FlowResult> = async (params, ctx) =>
  runFlowStudy(await ctx.engine("wasm"), params ?? {}, { progress: (p) => ctx.progress(p), checkpoint: () => ctx.checkpoint() });

export default gradientFlow;
