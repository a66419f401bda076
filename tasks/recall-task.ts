/**
 * Task "recall-task": trains one cell on "recall the first symbol" at one sequence
 * length and reports held-out accuracy as it learns, and how much gradient reaches
 * each distance back from the loss before and after training.
 */
import { RecallExperiment, RECALL_DEFAULTS, type RecallSettings } from "../lessons/char-lab-recall.js";
import type { EngineKind } from "../bindings/types.js";
import type { Task } from "../bindings/worker/types.js";

export interface RecallParams {
  settings: RecallSettings;
  /** evaluate held-out accuracy every this many steps */
  evalEvery?: number;
  engine?: EngineKind;
}

export interface RecallPoint { step: number; accuracy: number; loss: number }

export interface RecallProgress {
  step: number;
  steps: number;
  /** all evaluations so far (a few dozen at most) */
  points: RecallPoint[];
}

export interface RecallResult {
  settings: RecallSettings;
  points: RecallPoint[];
  accuracy: number;
  /** mean ‖∂L/∂h‖ at distance d from the loss (index d), at initialisation and after training */
  gradientBefore: number[];
  gradientAfter: number[];
  /** training steps with a non-finite loss or gradient (they changed nothing) */
  divergences: number;
  seconds: number;
}

declare module "../bindings/worker/types.js" {
  interface TaskMap { "recall-task": { params: RecallParams; progress: RecallProgress; result: RecallResult } }
}

const recallTask: Task<RecallParams, RecallResult> = async (p, ctx) => {
  if (typeof p !== "object" || p === null || typeof p.settings !== "object") throw new Error("recall-task needs settings");
  const settings = { ...RECALL_DEFAULTS, ...p.settings };
  const engine = await ctx.engine(p.engine ?? "wasm");
  const x = new RecallExperiment(engine, settings);
  try {
    const t0 = performance.now();
    const every = Math.max(1, Math.floor(p.evalEvery ?? settings.steps / 20));
    const gradientBefore = x.gradientByDistance();
    const points: RecallPoint[] = [{ step: 0, ...x.accuracy() }];
    for (let s = 1; s <= settings.steps; s++) {
      x.trainStep();
      if (s % every === 0 || s === settings.steps) points.push({ step: s, ...x.accuracy() });
      ctx.progress({ step: s, steps: settings.steps, points } satisfies RecallProgress);
      await ctx.checkpoint();
    }
    const final = points[points.length - 1];
    return { settings, points, accuracy: final.accuracy, gradientBefore, gradientAfter: x.gradientByDistance(),
      divergences: x.divergences, seconds: (performance.now() - t0) / 1000 };
  } finally {
    x.dispose();
  }
};

export default recallTask;
