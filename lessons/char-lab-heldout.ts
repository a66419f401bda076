/**
 * Reading the character lab's held-out loss: the step where it was lowest, how many passes
 * over the training text (epochs) a step is, and whether the model has started to overfit,
 * i.e. held-out loss rising while training loss still falls.
 */

export interface HeldOutSample { step: number; validation?: number }
export interface TrainPoint { step: number; loss: number }

/**
 * A rise of held-out loss smaller than this (nats per character) is not called overfitting.
 * It is compared on the smoothed curve (below), where the wobble of a model still improving
 * stays under it.
 */
export const OVERFIT_MIN_RISE = 0.02;
/** Evaluations after the lowest point of the smoothed curve that must follow before the flag is raised. */
export const OVERFIT_MIN_EVALS = 2;
/**
 * Held-out evaluations averaged for the flag. On Shakespeare (default model, an evaluation every
 * 250 steps) neighbouring evaluations differ by up to 0.1 nats while the model still improves
 * (Adam's last steps pull it towards the latest chunk), so one low evaluation followed by two
 * ordinary ones must not read as a rise; the mean of three does not.
 */
export const OVERFIT_WINDOW = 3;
/** Training-loss curve points averaged for the training loss "at" a step (smooths chunk-to-chunk noise). */
const TRAIN_WINDOW = 5;

export interface Overfitting {
  /** step of the lowest held-out loss, and the latest evaluation */
  fromStep: number;
  toStep: number;
  /** held-out loss at those steps (nats), each the mean of the OVERFIT_WINDOW evaluations ending there */
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
  // the flag reads the smoothed curve: the mean of each run of OVERFIT_WINDOW evaluations
  const smooth = evals.map((_, k) => k + 1 < OVERFIT_WINDOW ? NaN : evals.slice(k + 1 - OVERFIT_WINDOW, k + 1).reduce((a, e) => a + e.validation, 0) / OVERFIT_WINDOW);
  let low = -1;
  smooth.forEach((m, k) => { if (Number.isFinite(m) && (low < 0 || m < smooth[low])) low = k; });
  if (low < 0) return report;
  const end = evals.length - 1, from = evals[low].step;
  const trainFrom = trainLossAt(curve, from), trainTo = trainLossAt(curve, latest.step);
  if (end - low >= OVERFIT_MIN_EVALS && smooth[end] - smooth[low] >= OVERFIT_MIN_RISE && trainTo < trainFrom)
    report.overfitting = { fromStep: from, toStep: latest.step, heldOutFrom: smooth[low], heldOutTo: smooth[end], trainFrom, trainTo };
  return report;
}

/** Passes over the training text after `step` steps of `stepsPerEpoch` each. */
export const epochOf = (step: number, stepsPerEpoch: number) => step / Math.max(1, stepsPerEpoch);
