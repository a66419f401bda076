/**
 * Reading the character lab's held-out loss: the step where it was lowest, how many passes
 * over the training text (epochs) a step is, and whether the model has started to overfit,
 * i.e. held-out loss rising while training loss still falls.
 */

export interface HeldOutSample { step: number; validation?: number }
export interface TrainPoint { step: number; loss: number }

/**
 * A rise of held-out loss smaller than this (nats per character) is not called overfitting:
 * it is the size of the wobble between neighbouring evaluations of a model still improving.
 */
export const OVERFIT_MIN_RISE = 0.02;
/** Evaluations after the best one that must all stay above it before the flag is raised. */
export const OVERFIT_MIN_EVALS = 2;
/** Training-loss curve points averaged for the training loss "at" a step (smooths chunk-to-chunk noise). */
const TRAIN_WINDOW = 5;

export interface Overfitting {
  /** step of the lowest held-out loss, and the latest evaluation */
  fromStep: number;
  toStep: number;
  /** held-out loss at those steps (nats) */
  heldOutFrom: number;
  heldOutTo: number;
  /** training loss (curve mean near each step, nats) */
  trainFrom: number;
  trainTo: number;
}

export interface HeldOutReport {
  best?: { step: number; loss: number };
  latest?: { step: number; loss: number };
  overfitting?: Overfitting;
}

/** Mean training loss over the TRAIN_WINDOW curve points ending at `step` (NaN when none). */
export function trainLossAt(curve: readonly TrainPoint[], step: number): number {
  const upTo = curve.filter((c) => c.step <= step && Number.isFinite(c.loss)).slice(-TRAIN_WINDOW);
  return upTo.length ? upTo.reduce((a, c) => a + c.loss, 0) / upTo.length : NaN;
}

export function heldOutReport(samples: readonly HeldOutSample[], curve: readonly TrainPoint[]): HeldOutReport {
  const evals = samples.filter((s): s is { step: number; validation: number } => Number.isFinite(s.validation));
  if (!evals.length) return {};
  let bestAt = 0;
  evals.forEach((e, k) => { if (e.validation < evals[bestAt].validation) bestAt = k; });
  const best = evals[bestAt], latest = evals[evals.length - 1];
  const report: HeldOutReport = { best: { step: best.step, loss: best.validation }, latest: { step: latest.step, loss: latest.validation } };
  const after = evals.slice(bestAt + 1);
  const trainFrom = trainLossAt(curve, best.step), trainTo = trainLossAt(curve, latest.step);
  if (after.length >= OVERFIT_MIN_EVALS && latest.validation - best.validation >= OVERFIT_MIN_RISE && trainTo < trainFrom)
    report.overfitting = { fromStep: best.step, toStep: latest.step, heldOutFrom: best.validation, heldOutTo: latest.validation, trainFrom, trainTo };
  return report;
}

/** Passes over the training text after `step` steps of `stepsPerEpoch` each. */
export const epochOf = (step: number, stepsPerEpoch: number) => step / Math.max(1, stepsPerEpoch);
