/**
 * One sentence for the reader when a training run went wrong but kept going: steps whose
 * loss or gradient was not finite (skipped, or rolled back to the last snapshot by
 * CorpusTrainer) and a finite loss so large the trainer calls the run unstable. Every view
 * that trains shows it, so a run that blew up never looks like one that merely learned little.
 */
import { fmt } from "../bindings/format.js";

export interface TrainingHealth {
  /** steps with a non-finite loss or gradient */
  divergences: number;
  /** steps taken in all */
  steps?: number;
  /** true: each such step restored the last snapshot (CorpusTrainer); false: it changed nothing */
  rolledBack?: boolean;
  /** CorpusTrainer.unstable: the sentence the trainer wrote when a finite loss passed its limit */
  unstable?: string | null;
}

/** The warning to show, or "" when the run was healthy. */
export function trainingHealthMessage(h: TrainingHealth): string {
  const out: string[] = [];
  if (h.divergences > 0) {
    const n = h.steps ? `${fmt(h.divergences)} of ${fmt(h.steps)} training steps` : `${fmt(h.divergences)} training step${h.divergences === 1 ? "" : "s"}`;
    out.push(h.rolledBack
      ? `${n} diverged (a loss or gradient that is not a finite number); each time the model was rolled back to its last good parameters and training went on.`
      : `${n} diverged (a loss or gradient that is not a finite number) and changed nothing; the results come from the other steps.`);
  }
  if (h.unstable) out.push(`Training was ${h.unstable}.`);
  if (out.length && !h.unstable) out.push("A smaller learning rate or tighter gradient clipping usually prevents it.");
  return out.join(" ");
}
