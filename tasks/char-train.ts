/**
 * Task "char-train": trains a character-level language model for the character lab,
 * reporting the loss, held-out loss, samples and the current parameters as it goes,
 * so the page can draw curves, keep a sample log and generate text at any moment.
 *
 * Progress messages are throttled and only the latest one is guaranteed to arrive, so
 * each carries the recent tail of the curve and of the sample log, indexed so the page
 * can merge them without gaps.
 */
import { CharLabSession, DEFAULT_SETTINGS, type CharLabSave, type CharModelSettings, type CharSample } from "../lessons/char-lab-train.js";
import type { EngineKind } from "../bindings/types.js";
import type { Task } from "../bindings/worker/types.js";

export interface CharTrainParams {
  text: string;
  settings: CharModelSettings;
  /** steps to take in this run */
  steps: number;
  /** draw a sample every this many steps (0: never) */
  sampleEvery: number;
  sampleLength: number;
  temperature: number;
  /** continue from a saved session instead of a fresh model */
  resume?: CharLabSave;
  /** end the run with the parameters of the evaluation with the lowest held-out loss (early stopping) */
  keepBest?: boolean;
  engine?: EngineKind;
}

/** One point of the loss curve: mean per-character loss over the steps since the previous point. */
export interface CurvePoint { step: number; loss: number }

export interface CharTrainProgress {
  /** steps done in this run, and the run's budget */
  done: number;
  steps: number;
  /** total training steps of the model, earlier runs included */
  step: number;
  /** mean per-character loss of the last chunk, nats */
  loss: number;
  /** exponential moving average of the per-character loss (0.99), nats */
  smoothLoss: number;
  gradNorm: number;
  /** fraction of steps in this run whose gradient was clipped */
  clippedFraction: number;
  divergences: number;
  /** the trainer's sentence when a finite loss grew absurdly large (CorpusTrainer.unstable) */
  unstable: string | null;
  stepsPerSec: number;
  /** points curveFrom, curveFrom + 1, ... of the run's curve */
  curveFrom: number;
  curve: CurvePoint[];
  /** samples sampleFrom, sampleFrom + 1, ... of the run's sample log */
  sampleFrom: number;
  samples: CharSample[];
  /** the model as it is now (parameters and state), for generating on the page */
  snapshot?: CharLabSave;
  /** this run's evaluation with the lowest held-out loss so far, with its parameters (sent with each snapshot) */
  best?: BestCheckpoint;
}

export interface BestCheckpoint { step: number; validation: number; save: CharLabSave }

export interface CharTrainResult {
  /** the model at the end of the run, or the best checkpoint when keepBest asked for it */
  save: CharLabSave;
  best?: BestCheckpoint;
  /** true when `save` is the best checkpoint rather than the last step */
  restoredBest: boolean;
  curve: CurvePoint[];
  samples: CharSample[];
  seconds: number;
}

export interface CharTrainInfo {
  vocabSize: number;
  trainChars: number;
  validationChars: number;
  stepsPerEpoch: number;
  unigram: number;
}

declare module "../bindings/worker/types.js" {
  interface TaskMap { "char-train": { params: CharTrainParams; progress: CharTrainProgress | { info: CharTrainInfo }; result: CharTrainResult } }
}

/** Curve resolution: a point every this many steps. */
export const CURVE_EVERY = 20;
/** How often the page gets fresh parameters to generate with. */
const SNAPSHOT_MS = 500;
const TAIL = 64;

const charTrain: Task<CharTrainParams, CharTrainResult> = async (p, ctx) => {
  if (typeof p !== "object" || p === null || typeof p.text !== "string") throw new Error("char-train needs a text");
  const steps = p.steps;
  if (!Number.isInteger(steps) || steps < 1 || steps > 10_000_000) throw new Error(`steps must be a whole number from 1 to 10000000, got ${String(steps)}`);
  const engine = await ctx.engine(p.engine ?? "wasm");
  const s = new CharLabSession(engine, p.text, { ...DEFAULT_SETTINGS, ...p.settings }, p.resume);
  try {
    ctx.progress({ info: { vocabSize: s.tokenizer.size, trainChars: s.train.length, validationChars: s.validation.length,
      stepsPerEpoch: s.stepsPerEpoch, unigram: s.unigram } });
    const curve: CurvePoint[] = [], samples: CharSample[] = [];
    const t0 = performance.now();
    let done = 0, sum = 0, count = 0, clipped = 0, lastSnap = -Infinity, last = { perChar: NaN, gradNorm: NaN };
    let best: BestCheckpoint | undefined;
    const report = (final = false) => {
      const now = performance.now();
      const snap = final || now - lastSnap >= SNAPSHOT_MS;
      if (snap) lastSnap = now;
      const curveFrom = Math.max(0, curve.length - TAIL), sampleFrom = Math.max(0, samples.length - 4);
      ctx.progress({
        done, steps, step: s.trainer.step, loss: last.perChar, smoothLoss: s.trainer.smoothLoss, gradNorm: last.gradNorm,
        clippedFraction: clipped / Math.max(1, done), divergences: s.trainer.divergences, unstable: s.trainer.unstable,
        stepsPerSec: done / Math.max(1e-3, (now - t0) / 1000),
        curveFrom, curve: curve.slice(curveFrom), sampleFrom, samples: samples.slice(sampleFrom),
        snapshot: snap ? s.save() : undefined, best: snap ? best : undefined,
      } satisfies CharTrainProgress);
    };
    while (done < steps) {
      const r = s.trainer.next();
      done++;
      if (r.clipped) clipped++;
      if (!r.diverged) { sum += r.perChar * r.count; count += r.count; last = r; }
      const step = s.trainer.step;
      if (done % CURVE_EVERY === 0 || done === steps) {
        curve.push({ step, loss: count ? sum / count : NaN });
        sum = 0; count = 0;
      }
      if (p.sampleEvery > 0 && (done % p.sampleEvery === 0 || done === steps)) {
        const { generation: _g, ...sample } = s.sample(p.sampleLength, p.temperature, step);
        const validation = s.validationLoss();
        samples.push({ ...sample, validation });
        if (Number.isFinite(validation) && !(best && best.validation <= validation)) best = { step, validation, save: s.save() };
      }
      report();
      await ctx.checkpoint();
    }
    report(true);
    const finalHeldOut = samples[samples.length - 1]?.validation;
    const restoredBest = !!(p.keepBest && best && finalHeldOut !== undefined && best.validation < finalHeldOut);
    return { save: restoredBest ? best!.save : s.save(), best, restoredBest, curve, samples, seconds: (performance.now() - t0) / 1000 };
  } finally {
    s.dispose();
  }
};

export default charTrain;
