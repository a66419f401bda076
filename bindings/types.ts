/** Public types of the engine API. Field names follow docs/math.md where they overlap. */

export type CellKind = "rnn" | "lstm" | "gru";
export type Activation = "tanh" | "relu" | "sigmoid" | "linear";
export type LossKind = "softmax-ce" | "mse";
export type InitKind = "orthogonal" | "xavier" | "gaussian" | "uniform";
export type OptimizerKind = "sgd" | "momentum" | "adagrad" | "adam";
export type ClipMode = "none" | "norm" | "value";
export type ParamGroup = "W_x" | "W_h" | "b" | "W_y" | "b_y";
export type EngineKind = "wasm" | "ts";

export const CELLS: readonly CellKind[] = ["rnn", "lstm", "gru"];
/** The one name of each cell, in every view, chart, legend, table and generated sentence. */
export const CELL_NAME: Record<CellKind, string> = { rnn: "vanilla RNN", lstm: "LSTM", gru: "GRU" };
export const ACTIVATIONS: readonly Activation[] = ["tanh", "relu", "sigmoid", "linear"];
export const LOSSES: readonly LossKind[] = ["softmax-ce", "mse"];
export const INITS: readonly InitKind[] = ["orthogonal", "xavier", "gaussian", "uniform"];
export const OPTIMIZERS: readonly OptimizerKind[] = ["sgd", "momentum", "adagrad", "adam"];
export const CLIP_MODES: readonly ClipMode[] = ["none", "norm", "value"];
export const PARAM_GROUPS: readonly ParamGroup[] = ["W_x", "W_h", "b", "W_y", "b_y"];

/** Gate blocks stacked along the rows of W_x, W_h and b: lstm i,f,g,o; gru z,r,g. */
export const GATE_COUNT: Record<CellKind, number> = { rnn: 1, lstm: 4, gru: 3 };

export interface ModelConfig {
  cell: CellKind;
  /** rnn only */
  activation: Activation;
  loss: LossKind;
  inputSize: number;
  hiddenSize: number;
  outputSize: number;
  /** Longest chunk a single forward/backward can take (sizes the arena). */
  maxSeqLen: number;
  init: InitKind;
  /** Standard deviation for "gaussian", half-width for "uniform". */
  initScale: number;
  /** When set, W_h is rescaled so that its spectral radius equals this value. */
  spectralRadius?: number;
  /** Added to the LSTM forget-gate bias at init (1 is a common choice). */
  forgetBias: number;
  seed: number;
}

export interface OptimizerConfig {
  kind: OptimizerKind;
  lr: number;
  /** momentum coefficient, or Adam's beta1 */
  beta1: number;
  /** Adam's beta2 */
  beta2: number;
  eps: number;
}

export interface ClipConfig {
  mode: ClipMode;
  /** global-norm threshold ("norm") or element bound ("value") */
  threshold: number;
}

/** One training or evaluation sequence. Exactly one of tokens / inputs is given. */
export interface Sequence {
  tokens?: ArrayLike<number>;
  inputs?: ArrayLike<ArrayLike<number>>;
  /** softmax-ce: class index or null; mse: vector of outputSize or null */
  targets: ArrayLike<number | null | ArrayLike<number> | undefined>;
}

export interface TrainOptions {
  optimizer?: Partial<OptimizerConfig>;
  clip?: Partial<ClipConfig>;
  /** Gradients of the mean per-target loss instead of the summed loss. */
  meanLoss?: boolean;
  /** Scheduled sampling: probability of feeding the model's own sample instead of the true token. */
  samplingProb?: number;
  /** Parameter groups kept fixed (e.g. ["W_h"] for a reservoir). */
  freeze?: readonly ParamGroup[];
  /** Also record ‖∂L/∂h_t‖ per step for Model.stepGradNorms() (off: a training step skips it). */
  stepGradNorms?: boolean;
}

export interface StepResult {
  /** summed loss over the chunk's targets */
  loss: number;
  /** number of steps that had a target */
  count: number;
  /** global gradient norm before clipping (of the gradient actually used, i.e. after mean scaling) */
  gradNorm: number;
  clipped: boolean;
  /** true when the loss or the gradient was not finite; parameters were then left unchanged */
  diverged: boolean;
}

export interface ForwardResult {
  loss: number;
  count: number;
  /** T x H */
  hidden: number[][];
  /** T x O (logits for softmax-ce) */
  outputs: number[][];
  /** per-step loss (0 where no target) */
  stepLoss: number[];
}

export interface HiddenStats {
  mean: number;
  std: number;
  min: number;
  max: number;
  /** fraction of values where the activation's slope is below a tenth of its largest (bindings/saturation.ts) */
  saturated: number;
  /** fraction of units exactly 0 (dead ReLU) */
  dead: number;
}
