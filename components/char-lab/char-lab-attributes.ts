/** The character lab's attributes: its public API and the state a share link reproduces. */
import { int, num, oneOf, text, type Rule } from "../attributes.js";
import { BUILTIN_CORPORA } from "../../bindings/data/corpora/index.js";
import { DEFAULT_RUN, DEFAULT_SETTINGS } from "../../lessons/char-lab-train.js";
import { RECALL_DEFAULTS } from "../../lessons/char-lab-recall.js";
import { CELLS, CLIP_MODES, OPTIMIZERS } from "../../bindings/types.js";

/** Whole numbers in [min, max], comma separated, at most `count` of them. */
export const intList = (min: number, max: number, count: number, dflt: readonly number[]): Rule<number[]> => ({
  default: [...dflt],
  parse(raw) {
    const parts = raw.split(/[\s,]+/).filter(Boolean);
    if (parts.length < 1 || parts.length > count) return { error: `must list 1 to ${count} whole numbers from ${min} to ${max}` };
    const values = parts.map(Number);
    const bad = parts.find((p, i) => !Number.isInteger(values[i]) || values[i] < min || values[i] > max);
    return bad !== undefined ? { error: `has "${bad}"; each entry must be a whole number from ${min} to ${max}` } : { value: values };
  },
});

export const CHAR_LAB_ATTRIBUTES = {
  /** which part of the lab is open */
  section: oneOf(["train", "sweep", "recall"] as const, "train"),
  corpus: oneOf([...BUILTIN_CORPORA, "custom"] as const, "shakespeare"),
  cell: oneOf(CELLS, DEFAULT_SETTINGS.cell),
  hiddenSize: int(8, 512, DEFAULT_SETTINGS.hiddenSize),
  seqLen: int(1, 200, DEFAULT_SETTINGS.seqLen),
  optimizer: oneOf(OPTIMIZERS, DEFAULT_SETTINGS.optimizer),
  lr: num(1e-5, 1, DEFAULT_SETTINGS.lr),
  clipMode: oneOf(CLIP_MODES, DEFAULT_SETTINGS.clipMode),
  clip: num(0.01, 1000, DEFAULT_SETTINGS.clipThreshold),
  /** "mean": gradients of the mean loss per character; "sum": of the loss summed over the chunk */
  lossMode: oneOf(["mean", "sum"] as const, "mean"),
  seed: int(0, 0xffffffff, DEFAULT_SETTINGS.seed),
  steps: int(100, 1_000_000, DEFAULT_RUN.steps),
  sampleEvery: int(20, 100_000, DEFAULT_RUN.sampleEvery),
  sampleLength: int(20, 1000, 200),
  temperature: num(0, 2, 0.8),
  prime: text("", 200),
  units: oneOf(["bits", "nats"] as const, "bits"),
  /** "on": a run ends with the parameters of its lowest held-out loss (early stopping) */
  keepBest: oneOf(["on", "off"] as const, "off"),
  sweepSizes: intList(8, 512, 6, [8, 64, 256]),
  sweepSteps: int(100, 100_000, 2000),
  recallLengths: intList(2, 400, 4, [5, 100]),
  recallSteps: int(100, 100_000, RECALL_DEFAULTS.steps),
  recallSeeds: int(1, 5, 3),
  engine: oneOf(["wasm", "ts"] as const, "wasm"),
};
