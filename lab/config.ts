/** The lab's baseline run and settings; every study changes one setting of the baseline. */
import { fail, intInRange, oneOf } from "../bindings/validate.js";
import type { LossConvention, RunConfig } from "./types.js";

export const FULL_STEPS = 30_000;
export const QUICK_STEPS = 3_000;
export const BASE_SEED = 42;
export const LOSS_CONVENTIONS: readonly LossConvention[] = ["sum", "mean"];

/** Settings shared by every run of a lab session. */
export interface LabSettings {
  /** training steps per run */
  steps: number;
  /** seeds per variant: 42, 43, … */
  seeds: number;
  lossConvention: LossConvention;
  /** size of the template-grammar corpus, in sentences */
  corpusSentences: number;
  engine: "wasm" | "ts";
}

export const DEFAULT_SETTINGS: LabSettings = { steps: FULL_STEPS, seeds: 3, lossConvention: "sum", corpusSentences: 4000, engine: "wasm" };

/** Validates settings, filling defaults; throws a ValidationError naming the bad field. */
export function checkSettings(input: Partial<LabSettings> = {}): LabSettings {
  if (typeof input !== "object" || input === null) fail("lab settings must be an object");
  const s = { ...DEFAULT_SETTINGS, ...input };
  return {
    steps: intInRange("steps", s.steps, 1, 1_000_000),
    seeds: intInRange("seeds", s.seeds, 1, 10),
    lossConvention: oneOf("lossConvention", s.lossConvention, LOSS_CONVENTIONS),
    corpusSentences: intInRange("corpusSentences", s.corpusSentences, 50, 100_000),
    engine: oneOf("engine", s.engine, ["wasm", "ts"] as const),
  };
}

export function seedList(s: LabSettings): number[] {
  return Array.from({ length: s.seeds }, (_, k) => BASE_SEED + k);
}

/** Vanilla RNN, H = 64, chunks of 25, SGD lr 0.01, global-norm clip 5, orthogonal W_hh, tanh. */
export function baselineConfig(s: LabSettings, seed = BASE_SEED): RunConfig {
  return {
    cell: "rnn", activation: "tanh", hiddenSize: 64, seqLen: 25, init: "orthogonal", initScale: 0.2,
    optimizer: "sgd", lr: 0.01, clip: 5, lossConvention: s.lossConvention, samplingProb: 0, freeze: [],
    seed, steps: s.steps, corpus: { sentences: s.corpusSentences, seed: BASE_SEED, valFraction: 0.1 }, engine: s.engine,
  };
}

/** One sentence naming the loss convention, for every report and view. */
export function describeConvention(c: LossConvention): string {
  return c === "sum"
    ? "gradients of the loss summed over each chunk (min-char-rnn's convention), so the learning rate and the clipping threshold act on that sum; every loss shown is the mean per character, in nats"
    : "gradients of the mean loss per character of each chunk, so the learning rate and the clipping threshold act on that mean; every loss shown is the mean per character, in nats";
}
