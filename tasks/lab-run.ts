/**
 * Task "lab-run": one run of the experiments lab (one variant of a study, one seed).
 * Progress carries the whole curve so far, so the page can draw it live.
 */
import { executeRun, type RunProgress } from "../lab/execute.js";
import type { RunRecord, RunSpec } from "../lab/types.js";
import { fail } from "../bindings/validate.js";
import type { Task } from "../bindings/worker/types.js";

export interface LabRunParams { spec: RunSpec }

declare module "../bindings/worker/types.js" {
  interface TaskMap { "lab-run": { params: LabRunParams; progress: RunProgress; result: RunRecord } }
}

const labRun: Task<LabRunParams, RunRecord> = async (p, ctx) => {
  if (typeof p !== "object" || p === null || typeof p.spec !== "object" || p.spec === null || typeof p.spec.config !== "object")
    fail("lab-run needs { spec } with a config, as planStudy makes");
  const engine = await ctx.engine(p.spec.config.engine);
  return executeRun(engine, p.spec, { onProgress: (r) => ctx.progress(r), checkpoint: () => ctx.checkpoint() });
};

export default labRun;
