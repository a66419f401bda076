/**
 * Task "char-sweep": one run of the hidden-size sweep. Trains a model of one hidden
 * size for a fixed number of steps and returns what the sweep table compares: final
 * training and held-out loss, a sample, and the wall-clock time per epoch.
 * The page starts one task per size; the worker pool runs them side by side.
 */
import { CharLabSession, DEFAULT_SETTINGS, type CharModelSettings } from "../lessons/char-lab-train.js";
import type { EngineKind } from "../bindings/types.js";
import type { Task } from "../bindings/worker/types.js";
import type { CurvePoint } from "./char-train.js";

export interface CharSweepParams {
  text: string;
  settings: CharModelSettings;
  steps: number;
  sampleLength: number;
  temperature: number;
  engine?: EngineKind;
}

export interface CharSweepProgress { hiddenSize: number; done: number; steps: number; curve: CurvePoint[] }

export interface CharSweepResult {
  hiddenSize: number;
  parameters: number;
  curve: CurvePoint[];
  /** mean per-character training loss over the last 5% of steps, nats */
  finalLoss: number;
  /** held-out loss per character at the end, nats */
  validation: number;
  sample: string;
  /** steps rolled back after a non-finite loss or gradient, and the trainer's unstable sentence */
  divergences: number;
  unstable: string | null;
  /** seconds per pass over the training split, measured */
  secondsPerEpoch: number;
  stepsPerEpoch: number;
  seconds: number;
}

declare module "../bindings/worker/types.js" {
  interface TaskMap { "char-sweep": { params: CharSweepParams; progress: CharSweepProgress; result: CharSweepResult } }
}

const POINTS = 100;

const charSweep: Task<CharSweepParams, CharSweepResult> = async (p, ctx) => {
  if (typeof p !== "object" || p === null || typeof p.text !== "string") throw new Error("char-sweep needs a text");
  if (!Number.isInteger(p.steps) || p.steps < 1 || p.steps > 1_000_000) throw new Error(`steps must be a whole number from 1 to 1000000, got ${String(p.steps)}`);
  const engine = await ctx.engine(p.engine ?? "wasm");
  const s = new CharLabSession(engine, p.text, { ...DEFAULT_SETTINGS, ...p.settings });
  try {
    const every = Math.max(1, Math.floor(p.steps / POINTS)), tailFrom = p.steps - Math.max(1, Math.floor(p.steps * 0.05));
    const curve: CurvePoint[] = [];
    let sum = 0, count = 0, tailSum = 0, tailCount = 0, trainMs = 0;
    for (let done = 1; done <= p.steps; done++) {
      const t = performance.now();
      const r = s.trainer.next();
      trainMs += performance.now() - t;
      if (!r.diverged) {
        sum += r.loss; count += r.count;
        if (done > tailFrom) { tailSum += r.loss; tailCount += r.count; }
      }
      if (done % every === 0 || done === p.steps) {
        curve.push({ step: done, loss: count ? sum / count : NaN });
        sum = 0; count = 0;
      }
      ctx.progress({ hiddenSize: s.settings.hiddenSize, done, steps: p.steps, curve } satisfies CharSweepProgress);
      await ctx.checkpoint();
    }
    const t0 = performance.now();
    const sample = s.sample(p.sampleLength, p.temperature, p.settings.seed).text;
    const validation = s.validationLoss();
    return {
      hiddenSize: s.settings.hiddenSize, parameters: s.model.parameterCount, curve,
      finalLoss: tailCount ? tailSum / tailCount : NaN, validation, sample, divergences: s.trainer.divergences, unstable: s.trainer.unstable,
      // time in training steps only, so sampling and waiting in the queue do not count
      secondsPerEpoch: (trainMs / 1000 / p.steps) * s.stepsPerEpoch, stepsPerEpoch: s.stepsPerEpoch,
      seconds: (trainMs + performance.now() - t0) / 1000,
    };
  } finally {
    s.dispose();
  }
};

export default charSweep;
