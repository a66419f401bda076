/**
 * What the LSTM and GRU views share: two small sequence tasks whose solutions need a
 * gate to open, hold or flip; a trainer for a tiny model on them; and a step-by-step
 * trace of a sequence through the trained model that reads the gate values from the
 * engine (Model.gates) and splits each gate's pre-activation into its input,
 * recurrent and bias terms, so the view can show the update equations with numbers.
 */
import type { Engine } from "../bindings/engine.js";
import { softmax, type Model, type Params } from "../bindings/model.js";
import { Rng } from "../bindings/prng.js";
import type { Sequence } from "../bindings/types.js";

export type GatedCellKind = "lstm" | "gru";
export type GatedTaskKind = "latch" | "parity";
export const GATED_TASKS: readonly GatedTaskKind[] = ["latch", "parity"];

/** Longest sequence the views step through (and the model's maxSeqLen). */
export const MAX_STEPS = 32;
/** Training sequences have a random length in this range, so the model does not learn one length. */
const TRAIN_LENGTH = [8, 30] as const;

export interface GatedTask {
  kind: GatedTaskKind;
  title: string;
  /** What the network must output at each step, in one sentence. */
  rule: string;
  inputSize: number;
  outputSize: number;
  /** Characters a reader types, one per input token id. */
  inputChars: string;
  /** Label of each output class. */
  outputLabels: string[];
  /** A sequence that shows the task off. */
  example: string;
}

const LATCH_SYMBOLS = "abcd";

export const TASKS: Record<GatedTaskKind, GatedTask> = {
  latch: {
    kind: "latch", title: "latch: last capital",
    rule: "Output the most recent capital letter seen so far (nothing to say before the first one).",
    inputSize: 8, outputSize: 4, inputChars: LATCH_SYMBOLS + LATCH_SYMBOLS.toUpperCase(),
    outputLabels: LATCH_SYMBOLS.toUpperCase().split(""), example: "bCadaBcdbaadDcab",
  },
  parity: {
    kind: "parity", title: "running parity",
    rule: "Output whether the number of 1s so far is even or odd.",
    inputSize: 2, outputSize: 2, inputChars: "01", outputLabels: ["even", "odd"], example: "1101001110010110",
  },
};

/** Targets of a token sequence under the task's rule (null where there is nothing to say yet). */
export function targetsOf(kind: GatedTaskKind, tokens: readonly number[]): (number | null)[] {
  if (kind === "parity") { let p = 0; return tokens.map((b) => (p ^= b)); }
  let held: number | null = null;
  return tokens.map((tok) => { if (tok >= 4) held = tok - 4; return held; });
}

/** A random training sequence. Latch: a capital at the start half the time and then at each step with p = 0.07 (long holds). */
export function randomSequence(kind: GatedTaskKind, length: number, rng: Rng): { tokens: number[]; targets: (number | null)[] } {
  const tokens: number[] = [];
  for (let t = 0; t < length; t++) {
    if (kind === "parity") { tokens.push(rng.int(2)); continue; }
    const marked = rng.next() < (t === 0 ? 0.5 : 0.07);
    tokens.push(rng.int(4) + (marked ? 4 : 0));
  }
  return { tokens, targets: targetsOf(kind, tokens) };
}

/** Reads a sequence the reader typed (spaces and commas ignored); throws a message naming the first bad character. */
export function parseSequence(kind: GatedTaskKind, text: string): number[] {
  const task = TASKS[kind];
  if (typeof text !== "string") throw new Error("the sequence must be text");
  const chars = text.replace(/[\s,]+/g, "");
  if (chars.length === 0) throw new Error(`the sequence is empty; type 1 to ${MAX_STEPS} of ${describeChars(task)}`);
  if (chars.length > MAX_STEPS) throw new Error(`the sequence has ${chars.length} symbols; the most is ${MAX_STEPS}`);
  return Array.from(chars, (ch, k) => {
    const id = task.inputChars.indexOf(ch);
    if (id < 0) throw new Error(`symbol ${k + 1} is “${ch}”, but this task reads only ${describeChars(task)}`);
    return id;
  });
}

const describeChars = (t: GatedTask) => (t.kind === "parity" ? "0 and 1" : "a–d (ignore) and A–D (remember)");

export function formatSequence(kind: GatedTaskKind, tokens: readonly number[]): string {
  return tokens.map((k) => TASKS[kind].inputChars[k]).join("");
}

export interface GatedModelOptions {
  cell: GatedCellKind;
  task: GatedTaskKind;
  hiddenSize: number;
  seed: number;
}

/** A fresh model for the task. LSTM forget gates start with bias 1 (the usual choice). */
export function createGatedModel(engine: Engine, o: GatedModelOptions): Model {
  const t = TASKS[o.task];
  return engine.createModel({
    cell: o.cell, inputSize: t.inputSize, outputSize: t.outputSize, hiddenSize: o.hiddenSize,
    maxSeqLen: MAX_STEPS, init: "xavier", forgetBias: o.cell === "lstm" ? 1 : 0, seed: o.seed,
  });
}

/** What the LSTM and GRU views start with; their claim is tested on exactly these, on seeds 1–3. */
export const GATED_DEFAULTS = { task: "latch" as GatedTaskKind, hiddenSize: 4, trainSteps: 600, seed: 1 };

/** Training settings shown in the view beside the results. */
export const TRAINING = { optimizer: { kind: "adam", lr: 0.03 }, clip: { mode: "norm", threshold: 5 }, meanLoss: true } as const;

/**
 * Trains on independent random sequences, one per step, each from a zero state.
 * Call `run(n)` repeatedly (the view yields to the page between calls).
 */
export class GatedTrainer {
  step = 0;
  /** mean loss per target of each step (NaN for a step that diverged) */
  readonly losses: number[] = [];
  /** steps with a non-finite loss or gradient; the engine left the weights as they were */
  divergences = 0;
  private readonly rng: Rng;

  constructor(readonly model: Model, readonly task: GatedTaskKind, seed: number) { this.rng = new Rng(seed ^ 0x5eed); }

  run(steps: number): void {
    for (let k = 0; k < steps; k++) {
      const len = TRAIN_LENGTH[0] + this.rng.int(TRAIN_LENGTH[1] - TRAIN_LENGTH[0] + 1);
      const seq = randomSequence(this.task, len, this.rng);
      this.model.resetState();
      const r = this.model.trainChunk(seq, TRAINING);
      this.losses.push(r.diverged ? NaN : r.loss / Math.max(1, r.count));
      if (r.diverged) this.divergences++;
      this.step++;
    }
  }
}

/**
 * Fraction of targets the model gets right (argmax) on `count` fresh sequences of length `length`,
 * counted a few sequences per `run(n)` so a view on the page can yield between them.
 */
export class AccuracyCount {
  private readonly rng: Rng;
  private readonly count: number;
  private readonly length: number;
  private seen = 0;
  private right = 0;
  private total = 0;

  constructor(readonly model: Model, readonly task: GatedTaskKind, opts: { count?: number; length?: number; seed?: number } = {}) {
    this.rng = new Rng(opts.seed ?? 991); this.count = opts.count ?? 200; this.length = opts.length ?? 24;
  }

  get done(): boolean { return this.seen >= this.count; }
  get value(): number { return this.total ? this.right / this.total : NaN; }

  run(sequences: number): void {
    for (; sequences > 0 && !this.done; sequences--, this.seen++) {
      const seq = randomSequence(this.task, this.length, this.rng);
      this.model.resetState();
      const out = this.model.forward(seq).outputs;
      seq.targets.forEach((y, t) => { if (y === null) return; this.total++; if (argmaxOf(out[t]) === y) this.right++; });
    }
  }
}

/** AccuracyCount run to the end in one go. */
export function accuracy(model: Model, task: GatedTaskKind, opts: { count?: number; length?: number; seed?: number } = {}): number {
  const a = new AccuracyCount(model, task, opts);
  a.run(Infinity);
  return a.value;
}

const argmaxOf = (v: ArrayLike<number>) => { let b = 0; for (let k = 1; k < v.length; k++) if (v[k] > v[b]) b = k; return b; };

/** One gate's pre-activation for one unit, split into the three sums that make it. */
export interface PreActivation { input: number; recurrent: number; bias: number; total: number }

/** One gate of one unit at one step: its pre-activation, split into terms, and the engine's value after the nonlinearity. */
export interface GateTerm { pre: PreActivation; value: number }

/**
 * a = W_x[row]·x + W_h[row]·hIn + b[row] for row = block·H + unit (float64, from the
 * engine's parameters). hIn is h_{t−1}, or r ⊙ h_{t−1} for the GRU candidate.
 */
export function preActivation(p: Params, H: number, block: number, unit: number, x: ArrayLike<number>, hIn: ArrayLike<number>): PreActivation {
  const row = block * H + unit;
  let input = 0, recurrent = 0;
  for (let i = 0; i < x.length; i++) input += p.W_x[row][i] * x[i];
  for (let k = 0; k < H; k++) recurrent += p.W_h[row][k] * hIn[k];
  const bias = p.b[row];
  return { input, recurrent, bias, total: input + recurrent + bias };
}

export interface TraceStep {
  token: number;
  /** one-hot input x_t */
  x: number[];
  target: number | null;
  /** engine's gate activations at this step (lstm i,f,g,o,c; gru z,r,g,rh) */
  gates: Record<string, number[]>;
  hPrev: number[];
  h: number[];
  /** lstm only */
  cPrev?: number[];
  c?: number[];
  /** softmax of the engine's output row */
  probs: number[];
  prediction: number;
}

export interface Trace {
  cell: GatedCellKind;
  task: GatedTaskKind;
  hiddenSize: number;
  params: Params;
  steps: TraceStep[];
  /** mean loss per target of this sequence (engine's forward) */
  loss: number;
}

/** Runs the tokens through the model from a zero state and collects everything the view shows, step by step. */
export function traceSequence(model: Model, task: GatedTaskKind, tokens: readonly number[]): Trace {
  const cell = model.config.cell;
  if (cell !== "lstm" && cell !== "gru") throw new Error(`traceSequence needs an lstm or gru model, got ${cell}`);
  const H = model.config.hiddenSize, I = model.config.inputSize;
  const targets = targetsOf(task, tokens);
  const seq: Sequence = { tokens, targets };
  model.resetState();
  const fw = model.forward(seq);
  const gates = model.gates();
  const zeros = new Array<number>(H).fill(0);
  const steps = tokens.map((token, t): TraceStep => {
    const probs = Array.from(softmax(fw.outputs[t], 1));
    const s: TraceStep = {
      token, x: Array.from({ length: I }, (_, i) => (i === token ? 1 : 0)), target: targets[t],
      gates: gates[t], hPrev: t ? fw.hidden[t - 1] : zeros, h: fw.hidden[t], probs, prediction: argmaxOf(probs),
    };
    if (cell === "lstm") { s.c = gates[t].c; s.cPrev = t ? gates[t - 1].c : zeros; }
    return s;
  });
  return { cell, task, hiddenSize: H, params: model.getParams(), steps, loss: fw.count ? fw.loss / fw.count : NaN };
}

/**
 * The factor by which the additive path scales a signal from step `from` to step `to`
 * (from < to) for one unit: Π f_s (lstm cell state) or Π (1 − z_s) (gru hidden state)
 * over s = from+1 … to. It is the direct "highway" term of ∂c_to/∂c_from (lstm) or
 * ∂h_to/∂h_from (gru); the other paths run through the gates and W_h.
 */
export function highwayGain(trace: Trace, from: number, to: number, unit: number): number {
  let g = 1;
  for (let s = from + 1; s <= to; s++) g *= directFactor(trace, s, unit);
  return g;
}

/** f_t (lstm) or 1 − z_t (gru): how much of the previous state passes straight through at step t. */
export function directFactor(trace: Trace, t: number, unit: number): number {
  const g = trace.steps[t].gates;
  return trace.cell === "lstm" ? g.f[unit] : 1 - g.z[unit];
}
