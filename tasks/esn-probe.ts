/**
 * Task "esn-probe": the ESN lesson's light first result and the timings from which the
 * view estimates the full run (see lessons/esn-probe.ts). Under a second at N ≤ 150.
 */
import { probeEsnLab, type EsnProbe } from "../lessons/esn-probe.js";
import type { EsnLabConfig } from "../lessons/esn-lab.js";
import type { Task } from "../bindings/worker/types.js";

declare module "../bindings/worker/types.js" {
  interface TaskMap { "esn-probe": { params: Partial<EsnLabConfig>; progress: never; result: EsnProbe } }
}

const esnProbe: Task<Partial<EsnLabConfig>, EsnProbe> = async (params, ctx) =>
  probeEsnLab(await ctx.engine("wasm"), params ?? {}, { checkpoint: () => ctx.checkpoint() });

export default esnProbe;
