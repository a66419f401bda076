/**
 * Task "gradient-flow-speed": times a few training steps of each cell of the gradient-flow
 * study on this machine and predicts how long the whole study takes, so the view can say
 * so before the reader starts it (see measureFlowSpeed in lessons/gradient-flow.ts).
 */
import { measureFlowSpeed, type FlowConfig, type FlowSpeed } from "../lessons/gradient-flow.js";
import type { Task } from "../bindings/worker/types.js";

declare module "../bindings/worker/types.js" {
  interface TaskMap { "gradient-flow-speed": { params: Partial<FlowConfig>; progress: never; result: FlowSpeed } }
}

const gradientFlowSpeed: Task<Partial<FlowConfig>, FlowSpeed> = async (params, ctx) => measureFlowSpeed(await ctx.engine("wasm"), params ?? {});

export default gradientFlowSpeed;
