/**
 * Runs one RunSpec: trains a character RNN on the lab corpus by truncated BPTT
 * (CorpusTrainer, state carried between chunks, divergent steps rolled back), records
 * bucketed curves, evaluates held-out loss at checkpoints, then takes the measures the
 * spec asks for. The same code runs in a Web Worker, a Node worker thread and tests.
 */
import type { Engine } from "../bindings/engine.js";
import type { Model } from "../bindings/model.js";
import { CorpusTrainer, type CorpusTrainerOptions } from "../bindings/trainer.js";
import { contentHash, runKey } from "./cache.js";
import { labCorpus, type LabCorpus } from "../bindings/data/corpora/grammar-split.js";
import { cascade } from "./metrics/cascade.js";
import { gradientDecay } from "./metrics/decay.js";
import { hiddenStatistics } from "../bindings/saturation.js";
import { memoryProbe } from "./metrics/probe.js";
import { similarity } from "./metrics/similarity.js";
import { categorySeparation } from "./metrics/separation.js";
import { meanLoss, statePass } from "./metrics/states.js";
import { stabilityVerdict } from "./metrics/verdict.js";
import type { Curve, RunMetrics, RunRecord, RunSpec } from "./types.js";

/** Points per curve; each is the mean over one bucket of steps. */
export const CURVE_POINTS = 100;
/** Held-out evaluations during training (plus one before the first step). */
export const CHECKPOINTS = 20;
/** Held-out characters scored at checkpoints (the final held-out loss uses the whole split). */
export const CHECKPOINT_CHARS = 2000;
/** Held-out characters the probes read. */
export const PROBE_CHARS = 6000;
/** Longest stretch a probe runs as one forward pass; models are sized for it. */
export const PROBE_WINDOW = 50;

/** The run so far; curves are whole (a reader of throttled progress may miss reports). */
export interface RunProgress {
  key: string;
  step: number;
  steps: number;
  loss: Curve;
  val: Curve;
}

export interface ExecuteHooks {
  /** Called after every completed curve bucket. */
  onProgress?(p: RunProgress): void;
  /** Awaited every few steps: a place to yield, pause or throw to cancel. */
  checkpoint?(): Promise<void>;
}

export async function executeRun(engine: Engine, spec: RunSpec, hooks: ExecuteHooks = {}): Promise<RunRecord> {
  return (await executeRuns(engine, [spec], hooks))[0];
}

/**
 * Runs specs that share one training configuration (the same RunConfig, different measures:
 * the lab's baseline is a variant of most studies) with one training: the loop records what
 * any of them needs, then each spec's measures are taken from the trained model, starting from
 * the same state, so every record equals the one its spec would get alone (its `seconds` is
 * the shared training's time).
 */
export async function executeRuns(engine: Engine, specs: readonly RunSpec[], hooks: ExecuteHooks = {}): Promise<RunRecord[]> {
  if (specs.length === 0) return [];
  const spec = specs[0], c = spec.config, key = runKey(spec);
  const sameConfig = contentHash(c);
  if (specs.some((s) => contentHash(s.config) !== sameConfig)) throw new Error("executeRuns: the specs must share one training configuration");
  const any = <K extends keyof RunSpec["measure"]>(k: K) => specs.some((s) => s.measure[k]);
  const corpus = labCorpus(c.corpus), V = corpus.tokenizer.size;
  const model = engine.createModel({
    cell: c.cell, activation: c.activation, hiddenSize: c.hiddenSize, inputSize: V, outputSize: V,
    maxSeqLen: Math.max(c.seqLen, PROBE_WINDOW, ...specs.map((s) => s.measure.decay?.window ?? 0)), init: c.init, initScale: c.initScale, seed: c.seed,
  });
  try {
    const opts: CorpusTrainerOptions = {
      seqLen: c.seqLen, optimizer: { kind: c.optimizer, lr: c.lr },
      clip: { mode: "norm", threshold: c.clip ?? Infinity }, meanLoss: c.lossConvention === "mean",
      samplingProb: 0, freeze: c.freeze,
      // a run has a fixed length and its divergences are a measured result, so it never gives up
      maxRollbacks: Infinity,
    };
    const trainer = new CorpusTrainer(model, corpus.train, opts);
    const probeText = corpus.val.slice(0, PROBE_CHARS), checkText = corpus.val.slice(0, CHECKPOINT_CHARS);
    const steps = c.steps, buckets = Math.min(CURVE_POINTS, steps);
    const bucketEnd = (b: number) => Math.round(((b + 1) * steps) / buckets);
    // short runs get fewer held-out evaluations: one per 50 steps at most
    const evals = Math.max(1, Math.min(CHECKPOINTS, Math.floor(steps / 50)));
    const checkpointAt = new Set(Array.from({ length: evals }, (_, k) => Math.round(((k + 1) * steps) / evals)));
    const curves = { loss: [] as Curve, val: [] as Curve, grad: [] as Curve, clip: [] as Curve, spectral: [] as Curve };
    const spectral = any("spectral");
    const evaluate = (step: number) => {
      curves.val.push([step, meanLoss(statePass(model, checkText))]);
      if (spectral) curves.spectral.push([step, model.recurrentSpectralRadius()]);
    };
    evaluate(0);
    // gradient flow at initialisation, before the first update changes W_hh (once per window asked for)
    const decayStart = new Map<number, ReturnType<typeof gradientDecay>>();
    for (const s of specs) {
      const d = s.measure.decay;
      if (d?.atStart && !decayStart.has(d.window)) decayStart.set(d.window, gradientDecay(model, statePass(model, probeText), probeText, d.window));
    }
    hooks.onProgress?.({ key, step: 0, steps, loss: [], val: curves.val });

    const tail = Math.max(1, Math.ceil(steps * 0.05));
    let b = 0, lossSum = 0, lossN = 0, gradSum = 0, gradN = 0, clipped = 0, inBucket = 0, divergences = 0, clippedAll = 0;
    let tailSum = 0, tailN = 0, trainMs = 0, t0 = performance.now();
    for (let step = 1; step <= steps; step++) {
      if (c.samplingProb > 0) opts.samplingProb = (c.samplingProb * (step - 1)) / Math.max(1, steps - 1);
      const r = trainer.next();
      inBucket++;
      if (r.diverged) divergences++;
      else {
        lossSum += r.perChar; lossN++;
        if (step > steps - tail) { tailSum += r.perChar; tailN++; }
      }
      if (Number.isFinite(r.gradNorm)) { gradSum += r.gradNorm; gradN++; }
      if (r.clipped) { clipped++; clippedAll++; }
      if (step === bucketEnd(b)) {
        curves.loss.push([step, lossN ? lossSum / lossN : NaN]);
        curves.grad.push([step, gradN ? gradSum / gradN : NaN]);
        curves.clip.push([step, clipped / inBucket]);
        lossSum = lossN = gradSum = gradN = clipped = inBucket = 0;
        b++;
      }
      if (checkpointAt.has(step)) { trainMs += performance.now() - t0; evaluate(step); t0 = performance.now(); }
      if (step === bucketEnd(b - 1)) hooks.onProgress?.({ key, step, steps, loss: curves.loss, val: curves.val });
      if ((step & 63) === 0) await hooks.checkpoint?.();
    }
    trainMs += performance.now() - t0;
    const final_loss = tailN ? tailSum / tailN : NaN;
    // with scheduled sampling the training loss is measured on partly self-fed inputs and rises by design
    const { verdict, reason } = c.samplingProb > 0 ? stabilityVerdict(curves.val, divergences, final_loss, "held-out loss")
      : stabilityVerdict(curves.loss, divergences, final_loss);
    const final_val_loss = meanLoss(statePass(model, corpus.val));
    const trained = model.getState();
    const records: RunRecord[] = [];
    for (const s of specs) {
      model.setState(trained); // every spec's measures start from the state training left
      const metrics = await measure(model, s, corpus, probeText, curves.spectral, hooks);
      const d = s.measure.decay?.atStart ? decayStart.get(s.measure.decay.window) : undefined;
      if (d) metrics.decay_start = { positions: d.positions, ratio: d.ratio, reach: d.reach, window: d.window };
      records.push({
        key: runKey(s), spec: s, steps, final_loss, final_val_loss,
        diverged: verdict === "diverged", divergences, verdict, verdict_reason: reason,
        loss_curve: curves.loss, val_curve: curves.val, grad_norm_curve: curves.grad, clip_curve: curves.clip,
        clip_fraction: clippedAll / steps, params: model.parameterCount,
        seconds: trainMs / 1000, steps_per_s: steps / Math.max(1e-9, trainMs / 1000), metrics,
      });
    }
    return records;
  } finally {
    model.dispose();
  }
}

async function measure(model: Model, spec: RunSpec, corpus: LabCorpus, probeText: number[], spectral: Curve, hooks: ExecuteHooks): Promise<RunMetrics> {
  const m = spec.measure, out: RunMetrics = {}, V = corpus.tokenizer.size;
  const pass = statePass(model, probeText);
  const newline = Math.max(0, corpus.tokenizer.idOf("\n"));
  if (m.spectral) out.spectral_curve = spectral;
  if (m.sample) out.sample = corpus.tokenizer.decode(model.sample({ prime: [newline], length: 240, temperature: 0.8, seed: spec.config.seed }).tokens);
  if (m.hidden) out.hidden = hiddenStatistics(pass.states, spec.config.activation);
  await hooks.checkpoint?.();
  if (m.probe) {
    const p = memoryProbe(pass, probeText, V, { maxLag: m.probe.maxLag });
    out.probe = { lags: p.lags, accuracy: p.accuracy, chance: p.chance, baseline: p.baseline, horizon: p.horizon, margin: p.margin };
    await hooks.checkpoint?.();
  }
  if (m.decay) out.decay = gradientDecay(model, pass, probeText, m.decay.window);
  if (m.cascade) { out.cascade = cascade(model, pass, probeText, corpus.tokenizer, { seed: spec.config.seed }); await hooks.checkpoint?.(); }
  if (m.similarity) out.similarity = similarity(model, corpus.text, corpus.tokenizer, m.similarity.replace, m.similarity.nonce);
  if (m.categories) out.categories = categorySeparation(model, corpus.text, corpus.tokenizer);
  return out;
}
