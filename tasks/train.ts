/**
 * Task "train": builds a model, trains it by truncated BPTT on one token stream
 * (targets are the inputs shifted by one, state carried from chunk to chunk) and
 * returns the trained model and its loss curve.
 */
import type { ModelOptions } from "../bindings/engine.js";
import type { ModelJSON } from "../bindings/model.js";
import { CharTokenizer, type CharTokenizerJSON } from "../bindings/data/tokenizer.js";
import type { ClipConfig, EngineKind, OptimizerConfig } from "../bindings/types.js";
import { CorpusTrainer } from "../bindings/trainer.js";
import { fail, intInRange } from "../bindings/validate.js";
import type { Task } from "../bindings/worker/types.js";

export interface TrainParams {
  /** Model settings; inputSize/outputSize default to the vocabulary size when `text` is given. */
  model: Partial<ModelOptions>;
  /** A corpus, tokenized by characters ... */
  text?: string;
  /** ... or token ids (then model.inputSize and outputSize are required). */
  tokens?: ArrayLike<number>;
  /** Optimizer steps to take. */
  steps: number;
  /** Chunk length; default model.maxSeqLen. */
  seqLen?: number;
  optimizer?: Partial<OptimizerConfig>;
  clip?: Partial<ClipConfig>;
  /** Train on the mean per-target loss (default) instead of the sum over the chunk. */
  meanLoss?: boolean;
  engine?: EngineKind;
  /** Continue from a saved model instead of a fresh one. */
  initial?: ModelJSON;
}

export interface TrainProgress {
  step: number;
  steps: number;
  /** mean loss per target (per character) of the last chunk */
  loss: number;
  gradNorm: number;
  clipped: boolean;
  stepsPerSec: number;
}

export interface TrainResult {
  model: ModelJSON;
  /** mean per-target loss of every step (NaN where the step diverged and was skipped) */
  losses: number[];
  gradNorms: number[];
  steps: number;
  divergences: number;
  lossConvention: "mean per target";
  tokenizer?: CharTokenizerJSON;
}

declare module "../bindings/worker/types.js" {
  interface TaskMap { train: { params: TrainParams; progress: TrainProgress; result: TrainResult } }
}

const train: Task<TrainParams, TrainResult> = async (p, ctx) => {
  if (typeof p !== "object" || p === null) fail("train params must be an object");
  const steps = intInRange("steps", p.steps, 1, 10_000_000);
  let tokens: ArrayLike<number>, tokenizer: CharTokenizer | undefined;
  if (typeof p.text === "string") { tokenizer = CharTokenizer.fromText(p.text); tokens = tokenizer.encode(p.text); }
  else if (p.tokens && typeof p.tokens.length === "number") tokens = p.tokens;
  else fail("train needs `text` or `tokens`");
  const vocab = tokenizer?.size;
  const engine = await ctx.engine(p.engine ?? "wasm");
  const model = p.initial ? engine.loadModel(p.initial)
    : engine.createModel({ ...p.model, inputSize: p.model?.inputSize ?? vocab!, outputSize: p.model?.outputSize ?? vocab! } as ModelOptions);
  try {
    const seqLen = intInRange("seqLen", p.seqLen ?? model.config.maxSeqLen, 1, model.config.maxSeqLen);
    const trainer = new CorpusTrainer(model, tokens, { seqLen, optimizer: p.optimizer, clip: p.clip, meanLoss: p.meanLoss ?? true });
    const losses: number[] = [], gradNorms: number[] = [];
    const t0 = performance.now();
    for (let step = 1; step <= steps; step++) {
      const r = trainer.next();
      losses.push(r.perChar); gradNorms.push(r.gradNorm);
      ctx.progress({ step, steps, loss: r.perChar, gradNorm: r.gradNorm, clipped: r.clipped,
        stepsPerSec: step / Math.max(1e-3, (performance.now() - t0) / 1000) } satisfies TrainProgress);
      await ctx.checkpoint();
    }
    return { model: model.exportJSON({ meta: tokenizer ? { tokenizer: tokenizer.toJSON() } : undefined }), losses, gradNorms,
      steps, divergences: trainer.divergences, lossConvention: "mean per target", tokenizer: tokenizer?.toJSON() };
  } finally {
    model.dispose();
  }
};

export default train;
