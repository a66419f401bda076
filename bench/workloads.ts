/**
 * The bench's workloads, shared by the CLI (Node) and the <rnn-bench> element (a Web Worker).
 * No Node or DOM imports here: only the engine API and performance.now().
 *
 * One training step = Model.trainChunk on a chunk of T = 25 one-hot tokens (V = 32):
 * forward over the chunk with softmax cross-entropy at every step (loss summed), full BPTT
 * over the chunk, global-norm clipping at 5, then the optimizer (SGD with lr 0.01 unless
 * another is asked for); float32, batch 1. The hidden state is carried from chunk to chunk,
 * as in truncated BPTT on a corpus. W1–W4 are the workloads of ../shared/perf/rnnbench.c,
 * so the ratio to it is meaningful; CL is what the character lab trains by default.
 */
import type { Engine } from "../bindings/engine.js";
import type { Model } from "../bindings/model.js";
import { Rng } from "../bindings/prng.js";
import { GATE_COUNT, type CellKind, type OptimizerKind, type StepResult, type TrainOptions } from "../bindings/types.js";

export type WorkloadId = "W1" | "W2" | "W3" | "W4" | "CL";

export interface Workload {
  id: WorkloadId;
  cell: CellKind;
  hiddenSize: number;
  /** one-hot input size = softmax output size */
  vocab: number;
  /** chunk length (steps of BPTT per training step) */
  seqLen: number;
  /** what a reader sees in a table */
  label: string;
  /** fixed training options (the workload's optimizer is part of it); otherwise benchTrainOptions(optimizer) */
  train?: TrainOptions;
  /** rnnbench.c runs the same step (SGD, summed loss), so a native ratio means something */
  native: boolean;
}

export const WORKLOADS: readonly Workload[] = [
  { id: "W1", cell: "rnn", hiddenSize: 64, vocab: 32, seqLen: 25, label: "RNN tanh H64", native: true },
  { id: "W2", cell: "rnn", hiddenSize: 256, vocab: 32, seqLen: 25, label: "RNN tanh H256", native: true },
  { id: "W3", cell: "lstm", hiddenSize: 128, vocab: 32, seqLen: 25, label: "LSTM H128", native: true },
  { id: "W4", cell: "gru", hiddenSize: 128, vocab: 32, seqLen: 25, label: "GRU H128", native: true },
  // the character lab's default model on its default corpus (58 distinct characters of the
  // Shakespeare text); test/bench.test.ts keeps this in step with lessons/char-lab-train.ts
  { id: "CL", cell: "lstm", hiddenSize: 128, vocab: 58, seqLen: 25, label: "character lab: LSTM H128, V 58, Adam", native: false,
    train: { clip: { mode: "norm", threshold: 5 }, optimizer: { kind: "adam", lr: 0.005 }, meanLoss: true } },
];

export const WORKLOAD_IDS: readonly WorkloadId[] = WORKLOADS.map((w) => w.id);

/** The options of every bench training step. */
export const BENCH_TRAIN_OPTIONS: TrainOptions = { clip: { mode: "norm", threshold: 5 }, optimizer: { kind: "sgd", lr: 0.01 } };

/** A learning rate each optimizer trains the Markov stream with (the loss falls, nothing diverges). */
const BENCH_LR: Record<OptimizerKind, number> = { sgd: 0.01, momentum: 0.01, adagrad: 0.05, adam: 0.002 };

/** The bench step's options with the given optimizer: clipping at norm 5 as always. */
export function benchTrainOptions(optimizer: OptimizerKind = "sgd"): TrainOptions {
  return { ...BENCH_TRAIN_OPTIONS, optimizer: { kind: optimizer, lr: BENCH_LR[optimizer] } };
}

/** The optimizer a workload actually trains with when the bench asks for `requested`. */
export function workloadOptimizer(w: Workload, requested: OptimizerKind): OptimizerKind {
  return w.train?.optimizer?.kind ?? requested;
}

/** Seeds of the model initialisation and of the token stream (fixed: every run trains the same thing). */
export const BENCH_MODEL_SEED = 1;
export const BENCH_STREAM_SEED = 2024;

export function workload(id: string): Workload {
  const w = WORKLOADS.find((x) => x.id === id);
  if (!w) throw new Error(`unknown workload "${id}" (known: ${WORKLOAD_IDS.join(", ")})`);
  return w;
}

/** Parameter count of the workload's model: W_x | W_h | b | W_y | b_y. */
export function parameterCount(w: Workload): number {
  const GH = GATE_COUNT[w.cell] * w.hiddenSize;
  return GH * w.vocab + GH * w.hiddenSize + GH + w.vocab * w.hiddenSize + w.vocab;
}

/**
 * Nominal floating-point operations of one training step, by the formula of rnnbench.c:
 * T·(6·G·H² + 6·V·H) + 4·P — a multiply-add counts 2, for the recurrent and output matrices
 * in the forward product, the transposed product and the weight gradient; 4 per parameter
 * for the norm, clip and update. The one-hot input is a column gather and counts nothing.
 */
export function flopsPerStep(w: Workload): number {
  const G = GATE_COUNT[w.cell], H = w.hiddenSize, V = w.vocab;
  return w.seqLen * (6 * G * H * H + 6 * V * H) + 4 * parameterCount(w);
}

/**
 * A fixed pseudo-random token stream: a random first-order Markov chain in which every token
 * has three likely successors (taken 90% of the time), so that the loss actually falls and
 * the trajectory check compares learning, not noise.
 */
export function tokenStream(length: number, vocab: number, seed = BENCH_STREAM_SEED): Int32Array {
  const rng = new Rng(seed);
  const successors = Array.from({ length: vocab }, () => [rng.int(vocab), rng.int(vocab), rng.int(vocab)]);
  const out = new Int32Array(length);
  let tok = rng.int(vocab);
  for (let k = 0; k < length; k++) {
    out[k] = tok;
    tok = rng.next() < 0.9 ? successors[tok][rng.int(3)] : rng.int(vocab);
  }
  return out;
}

/** Chunks in the stream before it wraps around (and the state is reset, as rnnbench.c does). */
export const STREAM_CHUNKS = 160;

/** Trains one workload's model on the fixed stream, one chunk per step. */
export class WorkloadRunner {
  readonly model: Model;
  readonly flops: number;
  private readonly chunks: Array<{ tokens: Int32Array; targets: Int32Array }> = [];
  private next = 0;
  readonly options: TrainOptions;

  constructor(readonly engine: Engine, readonly workload: Workload, optimizer: OptimizerKind = "sgd") {
    this.options = workload.train ?? benchTrainOptions(optimizer);
    const { cell, hiddenSize, vocab, seqLen } = workload;
    this.model = engine.createModel({ cell, hiddenSize, inputSize: vocab, outputSize: vocab, maxSeqLen: seqLen, seed: BENCH_MODEL_SEED });
    const stream = tokenStream(STREAM_CHUNKS * seqLen + 1, vocab);
    for (let c = 0; c < STREAM_CHUNKS; c++) {
      const p = c * seqLen;
      this.chunks.push({ tokens: stream.subarray(p, p + seqLen), targets: stream.subarray(p + 1, p + seqLen + 1) });
    }
    this.flops = flopsPerStep(workload);
  }

  /** One training step on the next chunk. */
  step(): StepResult {
    if (this.next === this.chunks.length) { this.next = 0; this.model.resetState(); }
    return this.model.trainChunk(this.chunks[this.next++], this.options);
  }

  /** The summed loss of each of n steps (for the engines' trajectory check). */
  losses(n: number): number[] {
    const out: number[] = [];
    for (let k = 0; k < n; k++) out.push(this.step().loss);
    return out;
  }

  dispose(): void { this.model.dispose(); }
}

export interface MeasureOptions {
  /** timed duration in seconds (ignored when steps is given) */
  seconds?: number;
  /** exact number of timed steps */
  steps?: number;
  /** warm-up before timing, in seconds (at least 3 steps are always run) */
  warmupSeconds?: number;
}

export interface Measurement {
  steps: number;
  seconds: number;
  stepsPerSec: number;
  gflops: number;
  /** loss of the last step (a sanity check: a finite number near log V · T at the start) */
  lastLoss: number;
}

const now = () => performance.now();

/**
 * Times training steps: a warm-up (so the JIT has compiled the hot code), then either a fixed
 * number of steps or as many as fit in `seconds`, checking the clock every few steps.
 */
export function measure(runner: WorkloadRunner, opts: MeasureOptions = {}): Measurement {
  const warm = (opts.warmupSeconds ?? 0.3) * 1000;
  let last: StepResult = runner.step();
  let t0 = now();
  for (let k = 1; k < 3 || now() - t0 < warm; k++) last = runner.step();
  let steps = 0;
  t0 = now();
  let elapsed = 0;
  if (opts.steps !== undefined) {
    for (; steps < opts.steps; steps++) last = runner.step();
    elapsed = now() - t0;
  } else {
    const budget = (opts.seconds ?? 1) * 1000;
    // check the clock every `batch` steps; batches grow so the check costs nothing at speed
    let batch = 1;
    while (elapsed < budget) {
      for (let k = 0; k < batch; k++) last = runner.step();
      steps += batch;
      elapsed = now() - t0;
      if (elapsed < budget / 50) batch *= 2;
    }
  }
  const seconds = Math.max(elapsed, 1e-6) / 1000;
  const stepsPerSec = steps / seconds;
  return { steps, seconds, stepsPerSec, gflops: (stepsPerSec * runner.flops) / 1e9, lastLoss: last.loss };
}

/**
 * The same measurement for a worker that must stay responsive: steps run in slices of about
 * `sliceMs`, `between()` is awaited after each slice (to let pause and cancel through), and
 * only the time inside the slices counts.
 */
export async function measureSliced(runner: WorkloadRunner, opts: MeasureOptions & { sliceMs?: number }, between: () => Promise<void>): Promise<Measurement> {
  const sliceMs = opts.sliceMs ?? 50;
  let last: StepResult = runner.step();
  let batch = 1;
  /** runs `n` steps and returns their time in ms */
  const slice = (n: number) => { const t0 = now(); for (let k = 0; k < n; k++) last = runner.step(); return now() - t0; };
  /** grows or shrinks the batch towards sliceMs of work */
  const adapt = (ms: number) => { batch = Math.max(1, Math.min(batch * 4, Math.round((batch * sliceMs) / Math.max(ms, 0.05)))); };
  for (let warm = 0, k = 0; k < 2 || warm < (opts.warmupSeconds ?? 0.3) * 1000; k++) {
    const ms = slice(batch);
    warm += ms; adapt(ms);
    await between();
  }
  let steps = 0, elapsed = 0;
  if (opts.steps !== undefined) {
    while (steps < opts.steps) {
      const n = Math.min(batch, opts.steps - steps);
      elapsed += slice(n); steps += n;
      await between();
    }
  } else {
    const budget = (opts.seconds ?? 1) * 1000;
    while (elapsed < budget) {
      const ms = slice(batch);
      elapsed += ms; steps += batch; adapt(ms);
      await between();
    }
  }
  const seconds = Math.max(elapsed, 1e-6) / 1000;
  const stepsPerSec = steps / seconds;
  return { steps, seconds, stepsPerSec, gflops: (stepsPerSec * runner.flops) / 1e9, lastLoss: last.loss };
}

/** Median of a list of numbers (the mean of the two middle ones for an even count). */
export function median(xs: readonly number[]): number {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b), m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}
