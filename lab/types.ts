/**
 * Types of the experiments lab. A study varies one setting of a baseline run; each
 * variant is trained with several seeds; every seed's run is one RunSpec (the full
 * configuration, which is also the cache key) and gives one RunRecord. The study's
 * JSON (docs/math.md, "Outputs other programs read") aggregates records per variant.
 */
import type { Activation, HiddenStats, InitKind, OptimizerKind, ParamGroup } from "../bindings/types.js";

export const STUDY_IDS = ["init", "hidden-size", "tbptt", "activation", "clipping", "teacher-forcing", "reservoir",
  "similarity", "learning-rate", "grid"] as const;
export type StudyId = (typeof STUDY_IDS)[number];

/** "sum": gradients of the loss summed over a chunk (min-char-rnn); "mean": of the mean per character. */
export type LossConvention = "sum" | "mean";

/** Every setting of one training run. */
export interface RunConfig {
  cell: "rnn";
  activation: Activation;
  hiddenSize: number;
  /** truncated-BPTT chunk length */
  seqLen: number;
  init: InitKind;
  /** σ of "gaussian" init (W_x, W_h and W_y) */
  initScale: number;
  optimizer: OptimizerKind;
  lr: number;
  /** global-norm clipping threshold; null (or Infinity) = never clip */
  clip: number | null;
  lossConvention: LossConvention;
  /** scheduled sampling: the chance of feeding the model's own sample rises linearly from 0 to this */
  samplingProb: number;
  /** parameter groups kept at their initial values */
  freeze: ParamGroup[];
  seed: number;
  steps: number;
  corpus: CorpusConfig;
  engine: "wasm" | "ts";
}

export type { CorpusConfig } from "../bindings/data/corpora/grammar-split.js";
import type { CorpusConfig } from "../bindings/data/corpora/grammar-split.js";

/** Measurements beyond loss curves, with their parameters (part of the cache key). */
export interface MeasureRequest {
  /** spectral radius of W_hh at checkpoints */
  spectral?: boolean;
  /** a text sample at the end */
  sample?: boolean;
  /** memory probe up to maxLag */
  probe?: { maxLag: number };
  /** ‖∂ℓ_t/∂h_{t−k}‖ for k < window, after training (and, with atStart, also before the first step) */
  decay?: { window: number; atStart?: boolean };
  hidden?: boolean;
  cascade?: boolean;
  similarity?: { replace: string; nonce: string };
  /** how far apart the grammar's word categories lie in state space */
  categories?: boolean;
}

export interface RunSpec {
  study: StudyId;
  label: string;
  value: VariantValue;
  config: RunConfig;
  measure: MeasureRequest;
}

export type VariantValue = number | string | null | { [k: string]: number | string | null };

export type Curve = Array<[number, number]>;

export type Verdict = "stable" | "unstable" | "diverged";

/** The result of one seed's run. */
export interface RunRecord {
  key: string;
  spec: RunSpec;
  /** steps attempted (a diverged step is attempted but updates nothing) */
  steps: number;
  /** mean per-character training loss over the last 5% of steps */
  final_loss: number;
  /** mean per-character loss on the held-out split after training */
  final_val_loss: number;
  diverged: boolean;
  /** steps whose loss or gradient was not finite (rolled back) */
  divergences: number;
  verdict: Verdict;
  verdict_reason: string;
  /** [step, mean per-character training loss over the bucket ending at step] */
  loss_curve: Curve;
  /** [step, held-out loss on the validation probe text] */
  val_curve: Curve;
  /** [step, mean gradient norm before clipping over the bucket] */
  grad_norm_curve: Curve;
  /** [step, fraction of the bucket's steps where clipping fired] */
  clip_curve: Curve;
  clip_fraction: number;
  params: number;
  seconds: number;
  steps_per_s: number;
  metrics: RunMetrics;
}

export interface RunMetrics {
  /** [step, ρ(W_hh)] */
  spectral_curve?: Curve;
  sample?: string;
  probe?: { lags: number[]; accuracy: number[]; chance: number[]; baseline: number[]; horizon: number; margin: number };
  decay?: { positions: number[]; ratio: number[]; reach: number; window: number };
  /** the same, measured at initialisation (before any training step) */
  decay_start?: { positions: number[]; ratio: number[]; reach: number; window: number };
  hidden?: HiddenSummary;
  cascade?: CascadeSummary;
  similarity?: SimilaritySummary;
  categories?: SeparationSummary;
}

/** The engine's hidden-state statistics (bindings/saturation.ts defines saturated and dead). */
export type HiddenSummary = HiddenStats;

export interface CascadeSummary {
  /** extra loss (nats) k steps after one wrong character, k = 0..K−1 */
  extra_loss: number[];
  /** steps until the extra loss stays below the recovery threshold */
  cascade_length: number;
  threshold: number;
  /** free-running samples: words not in the grammar's lexicon / all words */
  word_error_rate: number;
  /** free-running samples: complete sentences the grammar accepts / complete sentences */
  grammatical_rate: number;
  /** P(word i+k is a non-word | word i is a non-word), k = 1..5 */
  error_after_error: number[];
  sentences: number;
  words: number;
}

/** Category separation of the word states (lab/metrics/separation.ts). */
export interface SeparationSummary {
  /** mean distance between category centroids / RMS distance of a word from its category's centroid */
  ratio: number;
  between: number;
  within: number;
  /** share of words whose nearest category centroid (without the word) is their own category */
  nearest_share: number;
  words: number;
  categories: number;
}

export interface SimilaritySummary {
  replace: string;
  nonce: string;
  /** occurrences of the nonce word in the substituted text */
  occurrences: number;
  /** every known word (seen at least 3 times) by cosine similarity of centred mean states, nearest first */
  neighbours: Array<{ word: string; category: string; cosine: number }>;
  /** cosine of the nonce word to the word it replaced (measured on the original text) */
  cosine_to_replaced: number;
  /** share of the 5 nearest neighbours in the replaced word's category */
  same_category_share: number;
  category: string;
  /** 2-D PCA of every word's mean state; the nonce word included */
  pca: { words: string[]; categories: string[]; x: number[]; y: number[]; explained: [number, number] };
}

/** One variant in a study's JSON: the mean over its seeds, with the spread. */
export interface RunSummary {
  label: string;
  value: VariantValue;
  config: RunConfig & { seeds: number[] };
  final_loss: number;
  diverged: boolean;
  loss_curve: Curve;
  metrics: Record<string, unknown>;
}

export interface StudyResult {
  study: StudyId;
  title: string;
  hypothesis: string;
  steps: number;
  seeds: number[];
  loss_convention: string;
  /** the corpus's entropy rate: no model's expected loss can go below it */
  floor_nats_per_char: number;
  unigram_nats_per_char: number;
  definitions: Array<{ name: string; formula: string; text: string }>;
  runs: RunSummary[];
  observations: string[];
  hypothesis_verdict: "supported" | "contradicted" | "unclear";
  /** what the study's runs cost when they were trained (a cached run keeps the time of its first run) */
  timing?: StudyTiming;
}

export interface StudyTiming {
  runs: number;
  /** training time summed over the runs (wall clock of the thread that trained each) */
  train_seconds: number;
  /** training steps of all runs ÷ train_seconds */
  steps_per_s: number;
}
