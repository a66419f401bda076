/**
 * A recurrent network with its parameters, state and training step. The same class
 * serves both engines: it validates, initialises, reads and writes the arena, and
 * calls the backend's compute entry points.
 */
import { updateRanges, type Backend, type FloatArray } from "./backend.js";
import { CLIP_CODE, GROUP_BIT, OPTIMIZER_CODE, STAT, type Layout } from "./layout.js";
import { orthogonal, rescaleToSpectralRadius, spectralRadius } from "./linalg.js";
import { hiddenStatistics } from "./saturation.js";
import { Rng } from "./prng.js";
import {
  CLIP_MODES, OPTIMIZERS, PARAM_GROUPS,
  type ForwardResult, type HiddenStats, type ModelConfig, type OptimizerConfig, type ParamGroup, type Sequence,
  type StepResult, type TrainOptions,
} from "./types.js";
import { fail, finiteMatrix, finiteVector, intInRange, isArrayLike, numInRange, oneOf } from "./validate.js";
import { checkModelJSON, MODEL_FORMAT, MODEL_FORMAT_VERSION, type ModelJSON } from "./model-file.js";

export { checkModelJSON, MODEL_FORMAT, MODEL_FORMAT_VERSION, type ModelJSON } from "./model-file.js";

/** Parameters in docs/math.md's names and shapes. */
export interface Params { W_x: number[][]; W_h: number[][]; b: number[]; W_y: number[][]; b_y: number[] }
export interface Gradients extends Params { h0: number[]; c0?: number[] }

/** One step of gate activations (see Model.gates). */
export type GateTrace = Record<string, number[]>;

export const DEFAULT_OPTIMIZER: OptimizerConfig = { kind: "sgd", lr: 0.01, beta1: 0.9, beta2: 0.999, eps: 1e-8 };

/** Bounds of sample(): the longest text and the hottest temperature. */
export const SAMPLE_LIMITS = { length: 100_000, temperature: 100 } as const;

export interface SampleOptions {
  /** tokens fed before generation starts (at least one); the last one is the first input */
  prime: ArrayLike<number>;
  length: number;
  /** 0 = greedy (argmax) */
  temperature?: number;
  seed?: number;
  /** keep the current hidden state instead of starting from zeros */
  keepState?: boolean;
  /** also return the hidden state after every generated token */
  collectHidden?: boolean;
}

export interface SampleResult {
  tokens: number[];
  /** probability the model gave each generated token (at temperature 1) */
  probs: number[];
  hidden?: number[][];
}

export class Model {
  readonly config: ModelConfig;
  /** optimizer steps taken by trainChunk (Adam's bias correction counts from here) */
  steps = 0;
  private lastT = 0;
  private lastMode = 0;
  /** length of the last chunk run (forward, backward or training) */
  private lastChunk = 0;
  /** whether the last backward recorded ‖∂L/∂h_t‖ (trainChunk does only when asked) */
  private stepNormsRecorded = false;
  private disposed = false;

  /** init false: parameters start at zero, for a caller that sets them all (a loaded file, a case). */
  constructor(private readonly be: Backend, config: ModelConfig, init = true) {
    this.config = config;
    if (init) this.initialize();
    else { this.f().fill(0); this.be.rngState = config.seed; }
  }

  get engine() { return this.be.kind; }
  get layout(): Layout { return this.be.layout; }
  get parameterCount() { return this.be.layout.P; }

  private f() { this.alive(); return this.be.floats(); }
  private alive() { if (this.disposed) fail("model was disposed"); }
  /** A live view of one float buffer of the arena (valid until memory grows). */
  private view(name: keyof Layout["floatOffset"], length = this.layout.floatSize[name]) {
    const o = this.layout.floatOffset[name];
    return this.f().subarray(o, o + length);
  }
  private paramView(group: ParamGroup, buffer: "params" | "grads" = "params") {
    const b = this.layout.blocks[group];
    const o = this.layout.floatOffset[buffer] + b.offset;
    return this.f().subarray(o, o + b.size);
  }

  // ---------------------------------------------------------------- init

  /** Draws fresh parameters from the config's init and seed, and zeros state and optimizer moments. */
  initialize(): void {
    const { cell, init, initScale, seed, spectralRadius: rho, forgetBias, hiddenSize: H } = this.config;
    const L = this.layout, f = this.f();
    f.fill(0);
    const rng = new Rng(seed);
    const fill = (group: ParamGroup, fanIn: number, fanOut: number) => {
      const v = this.paramView(group);
      const xavier = Math.sqrt(6 / (fanIn + fanOut));
      for (let k = 0; k < v.length; k++) {
        if (init === "gaussian") v[k] = rng.gaussian() * initScale;
        else if (init === "uniform") v[k] = (rng.next() * 2 - 1) * initScale;
        else v[k] = (rng.next() * 2 - 1) * xavier;
      }
    };
    fill("W_x", this.config.inputSize, H);
    fill("W_h", H, H);
    const Wh = this.paramView("W_h");
    // each gate's H × H block of W_h is initialised (and rescaled) on its own
    for (let g = 0; g < L.gates; g++) {
      const block = Wh.subarray(g * H * H, (g + 1) * H * H);
      if (init === "orthogonal") block.set(orthogonal(H, rng));
      if (rho !== undefined) block.set(rescaleToSpectralRadius(Float64Array.from(block), H, rho));
    }
    fill("W_y", H, this.config.outputSize);
    if (cell === "lstm" && forgetBias) this.paramView("b").fill(forgetBias, H, 2 * H);
    this.be.rngState = seed;
    this.steps = 0;
  }

  // ------------------------------------------------------- params & state

  getParams(): Params {
    const L = this.layout;
    const mat = (g: ParamGroup) => toRows(this.paramView(g), L.blocks[g].rows, L.blocks[g].cols);
    return { W_x: mat("W_x"), W_h: mat("W_h"), b: Array.from(this.paramView("b")), W_y: mat("W_y"), b_y: Array.from(this.paramView("b_y")) };
  }

  /** Replaces the parameters; validates every shape and value before writing any. */
  setParams(params: unknown, field = "params"): void {
    if (typeof params !== "object" || params === null) fail(`${field} must be an object with W_x, W_h, b, W_y, b_y`);
    const p = params as Record<string, unknown>, L = this.layout;
    for (const g of PARAM_GROUPS) {
      const b = L.blocks[g];
      if (g === "b" || g === "b_y") finiteVector(`${field}.${g}`, p[g], b.rows);
      else finiteMatrix(`${field}.${g}`, p[g], b.rows, b.cols);
    }
    for (const g of PARAM_GROUPS) {
      const v = this.paramView(g), src = p[g] as ArrayLike<number> | ArrayLike<ArrayLike<number>>;
      if (g === "b" || g === "b_y") v.set(src as ArrayLike<number>);
      else { const cols = L.blocks[g].cols; for (let r = 0; r < L.blocks[g].rows; r++) v.set((src as ArrayLike<ArrayLike<number>>)[r], r * cols); }
    }
  }

  /** Copy of the flat parameter vector (W_x | W_h | b | W_y | b_y). */
  getFlatParams(): Float64Array { return Float64Array.from(this.view("params")); }
  setFlatParams(p: ArrayLike<number>): void { finiteVector("params", p, this.layout.P); this.view("params").set(p); }

  /** Live copy of one parameter group as a flat row-major array. */
  getGroup(group: ParamGroup): Float64Array { return Float64Array.from(this.paramView(oneOf("group", group, PARAM_GROUPS))); }
  setGroup(group: ParamGroup, values: ArrayLike<number>): void {
    const v = this.paramView(oneOf("group", group, PARAM_GROUPS));
    v.set(finiteVector(group, values, v.length));
  }

  getState(): { h: number[]; c?: number[] } {
    const h = Array.from(this.view("h"));
    return this.config.cell === "lstm" ? { h, c: Array.from(this.view("c")) } : { h };
  }

  setState(state: { h?: ArrayLike<number>; c?: ArrayLike<number> }): void {
    const H = this.config.hiddenSize;
    if (state.h !== undefined) this.view("h").set(finiteVector("h0", state.h, H));
    if (state.c !== undefined) {
      if (this.config.cell !== "lstm") fail(`c0 is only for lstm cells, this model is ${this.config.cell}`);
      this.view("c").set(finiteVector("c0", state.c, H));
    }
  }

  resetState(): void { this.view("h").fill(0); this.view("c").fill(0); }

  /** Spectral radius of W_h (for gated cells, of the candidate block). */
  recurrentSpectralRadius(): number {
    const H = this.config.hiddenSize, block = this.config.cell === "rnn" ? 0 : 2; // lstm i,f,g,o and gru z,r,g: g is block 2
    return spectralRadius(this.paramView("W_h").subarray(block * H * H, (block + 1) * H * H), H);
  }

  // ------------------------------------------------------------ sequences

  /** Validates a sequence and writes it into the arena; returns its length and input mode. */
  private writeSequence(seq: Sequence): { T: number; mode: number } {
    const { inputSize: I, outputSize: O, maxSeqLen, loss } = this.config;
    if (typeof seq !== "object" || seq === null) fail("sequence must be an object with tokens or inputs, and targets");
    const hasTokens = seq.tokens !== undefined, hasInputs = seq.inputs !== undefined;
    if (hasTokens === hasInputs) fail("sequence must have exactly one of tokens or inputs");
    const src = (hasTokens ? seq.tokens : seq.inputs) as ArrayLike<unknown>;
    const name = hasTokens ? "tokens" : "inputs";
    if (!isArrayLike(src)) fail(`${name} must be an array`);
    const T = src.length;
    if (T < 1 || T > maxSeqLen) fail(`${name} must have between 1 and ${maxSeqLen} (maxSeqLen) steps, got ${T}`);
    if (!isArrayLike(seq.targets) || seq.targets.length !== T) fail(`targets must be an array of ${T} entries (one per step), got ${isArrayLike(seq.targets) ? seq.targets.length : String(seq.targets)}`);
    const ints = this.be.ints(), f = this.f(), L = this.layout;
    const tokOff = L.intOffset.tokens, tgtOff = L.intOffset.targets, xsOff = L.floatOffset.xs, ysOff = L.floatOffset.ys;
    // validate everything first so a bad entry leaves the arena untouched
    for (let t = 0; t < T; t++) {
      if (hasTokens) intInRange(`tokens[${t}]`, src[t], 0, I - 1);
      else finiteVector(`inputs[${t}]`, src[t], I);
      const y = seq.targets[t];
      if (y === null || y === undefined) continue;
      if (loss === "softmax-ce") intInRange(`targets[${t}]`, y, 0, O - 1);
      else finiteVector(`targets[${t}]`, y, O);
    }
    for (let t = 0; t < T; t++) {
      if (hasTokens) ints[tokOff + t] = src[t] as number;
      else f.set(src[t] as ArrayLike<number>, xsOff + t * I);
      const y = seq.targets[t];
      if (y === null || y === undefined) { ints[tgtOff + t] = -1; continue; }
      ints[tgtOff + t] = loss === "softmax-ce" ? (y as number) : 0;
      if (loss === "mse") f.set(y as ArrayLike<number>, ysOff + t * O);
    }
    return { T, mode: hasTokens ? 0 : 1 };
  }

  /**
   * Runs the sequence from the current state. With keepState the state after the
   * last step becomes the model's state; otherwise the state is left as it was.
   */
  forward(seq: Sequence, opts: { keepState?: boolean } = {}): ForwardResult {
    const r = this.evaluate(seq, opts);
    const { hiddenSize: H, outputSize: O } = this.config, T = r.stepLoss.length;
    const o = this.layout.floatOffset.outs;
    return {
      loss: r.loss, count: r.count,
      hidden: toRows(r.hidden, T, H),
      outputs: toRows(this.f().subarray(o, o + T * O), T, O),
      stepLoss: Array.from(r.stepLoss),
    };
  }

  /**
   * forward without copies, for long evaluation passes: the loss, and live views of the
   * hidden states (T × H, row-major) and per-step losses, valid until the next call.
   */
  evaluate(seq: Sequence, opts: { keepState?: boolean } = {}): { loss: number; count: number; hidden: FloatArray; stepLoss: FloatArray } {
    const { T, mode } = this.writeSequence(seq);
    const loss = this.be.forward(T, mode, 0);
    this.lastT = T; this.lastMode = mode; this.lastChunk = T; this.stepNormsRecorded = false;
    if (opts.keepState) this.carryState(T);
    const H = this.config.hiddenSize, f = this.f(), off = this.layout.floatOffset;
    return { loss, count: f[off.stats + STAT.count], hidden: f.subarray(off.hs + H, off.hs + (T + 1) * H), stepLoss: f.subarray(off.stepLoss, off.stepLoss + T) };
  }

  /** Gradients of the last forward's loss (summed, or mean per target), by full BPTT over it. */
  backward(opts: { meanLoss?: boolean } = {}): Gradients {
    if (this.lastT === 0) fail("backward needs a forward first");
    const f = this.f(), count = f[this.layout.floatOffset.stats + STAT.count];
    this.be.backward(this.lastT, this.lastMode, opts.meanLoss ? 1 / Math.max(1, count) : 1);
    this.lastT = 0; // the softmax buffer now holds dL/dy
    this.stepNormsRecorded = true;
    return this.gradients();
  }

  private gradients(): Gradients {
    const L = this.layout;
    const mat = (g: ParamGroup) => toRows(this.paramView(g, "grads"), L.blocks[g].rows, L.blocks[g].cols);
    const g: Gradients = { W_x: mat("W_x"), W_h: mat("W_h"), b: Array.from(this.paramView("b", "grads")),
      W_y: mat("W_y"), b_y: Array.from(this.paramView("b_y", "grads")), h0: Array.from(this.view("dh0")) };
    if (this.config.cell === "lstm") g.c0 = Array.from(this.view("dc0"));
    return g;
  }

  /**
   * Gate activations of the last forward, step by step. lstm: i, f, g, o and the cell
   * state c_t; gru: z, r, g and r ⊙ h_{t−1}. Empty for rnn cells (their only "gate" is h_t).
   */
  gates(): GateTrace[] {
    const { cell, hiddenSize: H } = this.config, T = this.lastChunk;
    if (cell === "rnn") return [];
    const f = this.f(), off = this.layout.floatOffset, GH = this.layout.gates * H;
    const rows = (o: number) => Array.from(f.subarray(o, o + H));
    const out: GateTrace[] = [];
    for (let t = 0; t < T; t++) {
      const g = off.gates + t * GH;
      out.push(cell === "lstm"
        ? { i: rows(g), f: rows(g + H), g: rows(g + 2 * H), o: rows(g + 3 * H), c: rows(off.cs + (t + 1) * H) }
        : { z: rows(g), r: rows(g + H), g: rows(g + 2 * H), rh: rows(off.aux + t * H) });
    }
    return out;
  }

  /** ‖∂L/∂h_t‖ for every step of the last backward: the gradient-decay curve. */
  stepGradNorms(): Float64Array {
    if (!this.stepNormsRecorded) fail("stepGradNorms needs a backward() or a trainChunk with { stepGradNorms: true } just before it");
    return Float64Array.from(this.view("stepGradNorm").subarray(0, this.lastChunk));
  }

  /** Statistics of the hidden states of the last forward or training chunk. */
  hiddenStats(): HiddenStats {
    const H = this.config.hiddenSize, T = this.lastChunk || 1, o = this.layout.floatOffset.hs;
    return hiddenStatistics(this.f().subarray(o + H, o + (T + 1) * H), this.config.cell === "rnn" ? this.config.activation : "tanh");
  }

  /** One fused training step on a chunk; the state after the chunk is carried to the next. */
  trainChunk(seq: Sequence, opts: TrainOptions = {}): StepResult {
    const { T, mode } = this.writeSequence(seq);
    const opt = { ...DEFAULT_OPTIMIZER, ...opts.optimizer };
    oneOf("optimizer.kind", opt.kind, OPTIMIZERS);
    numInRange("optimizer.lr", opt.lr, 0, 1e3);
    numInRange("optimizer.beta1", opt.beta1, 0, 1, { hi: true });
    numInRange("optimizer.beta2", opt.beta2, 0, 1, { hi: true });
    numInRange("optimizer.eps", opt.eps, 0, 1, { lo: true });
    const clipMode = oneOf("clip.mode", opts.clip?.mode ?? "none", CLIP_MODES);
    const threshold = clipMode === "none" ? 0 : opts.clip?.threshold ?? 5;
    if (clipMode !== "none" && !(typeof threshold === "number" && threshold >= 0 && !Number.isNaN(threshold))) fail(`clip.threshold must be a number ≥ 0 (Infinity allowed), got ${String(threshold)}`);
    const samplingProb = numInRange("samplingProb", opts.samplingProb ?? 0, 0, 1);
    if (samplingProb > 0 && (mode !== 0 || this.config.inputSize !== this.config.outputSize)) fail("samplingProb needs token inputs and inputSize equal to outputSize");
    let freezeMask = 0;
    for (const g of opts.freeze ?? []) freezeMask |= GROUP_BIT[oneOf("freeze[]", g, PARAM_GROUPS)];
    this.be.trainChunk({
      T, inputMode: mode, samplingProb, meanLoss: !!opts.meanLoss, clipMode: CLIP_CODE[clipMode], clipThreshold: threshold,
      optimizer: OPTIMIZER_CODE[opt.kind], lr: opt.lr, beta1: opt.beta1, beta2: opt.beta2, eps: opt.eps,
      step: this.steps + 1, freezeMask, stepGradNorms: !!opts.stepGradNorms,
    });
    this.lastChunk = T;
    this.stepNormsRecorded = !!opts.stepGradNorms;
    this.lastT = 0;
    const f = this.f(), s = this.layout.floatOffset.stats;
    const diverged = f[s + STAT.finite] !== 1;
    if (!diverged) this.steps++;
    return { loss: f[s + STAT.loss], count: f[s + STAT.count], gradNorm: f[s + STAT.gradNorm], clipped: f[s + STAT.clipped] === 1, diverged };
  }

  /** Parameter ranges trainChunk would update under a freeze list (for tests and diagnostics). */
  updateRanges(freeze: readonly ParamGroup[] = []): Array<[number, number]> {
    let mask = 0; for (const g of freeze) mask |= GROUP_BIT[g];
    return updateRanges(this.layout, mask);
  }

  private carryState(T: number) {
    const f = this.f(), off = this.layout.floatOffset, H = this.config.hiddenSize;
    f.copyWithin(off.h, off.hs + T * H, off.hs + (T + 1) * H);
    if (this.config.cell === "lstm") f.copyWithin(off.c, off.cs + T * H, off.cs + (T + 1) * H);
  }

  // ------------------------------------------------------------ inference

  /**
   * Feeds one input (a token, or a real vector) and advances the state.
   * Returns a copy of the output row: logits for softmax-ce, the prediction for mse.
   */
  step(input: number | ArrayLike<number>): Float64Array {
    const seq: Sequence = typeof input === "number" ? { tokens: [input], targets: [null] } : { inputs: [input], targets: [null] };
    const { T, mode } = this.writeSequence(seq);
    this.be.forward(T, mode, 0);
    this.carryState(1);
    this.lastChunk = 1;
    this.stepNormsRecorded = false;
    const o = this.layout.floatOffset.outs;
    return Float64Array.from(this.f().subarray(o, o + this.config.outputSize));
  }

  /** Generates tokens one at a time, feeding each back as the next input. */
  sample(opts: SampleOptions): SampleResult {
    if (this.config.loss !== "softmax-ce" || this.config.inputSize !== this.config.outputSize)
      fail("sample needs a softmax-ce model whose inputSize equals outputSize");
    const length = intInRange("length", opts.length, 0, SAMPLE_LIMITS.length);
    const temperature = numInRange("temperature", opts.temperature ?? 1, 0, SAMPLE_LIMITS.temperature);
    const prime = opts.prime;
    if (!isArrayLike(prime) || prime.length < 1) fail("prime must have at least one token");
    for (let k = 0; k < prime.length; k++) intInRange(`prime[${k}]`, prime[k], 0, this.config.inputSize - 1);
    const rng = new Rng(opts.seed ?? this.config.seed);
    if (!opts.keepState) this.resetState();
    for (let k = 0; k < prime.length - 1; k++) this.step(prime[k]);
    let input = prime[prime.length - 1];
    const out: SampleResult = { tokens: [], probs: [] };
    if (opts.collectHidden) out.hidden = [];
    for (let n = 0; n < length; n++) {
      const logits = this.step(input);
      const p1 = softmax(logits, 1);
      const next = temperature === 0 ? argmax(logits) : rng.categorical(softmax(logits, temperature), 1);
      out.tokens.push(next);
      out.probs.push(p1[next]);
      if (out.hidden) out.hidden.push(this.getState().h);
      input = next;
    }
    return out;
  }

  // ----------------------------------------------------------- import/export

  exportJSON(opts: { withState?: boolean; meta?: Record<string, unknown> } = {}): ModelJSON {
    const json: ModelJSON = { format: MODEL_FORMAT, version: MODEL_FORMAT_VERSION, config: { ...this.config }, params: this.getParams() };
    if (opts.withState) json.state = this.getState();
    if (opts.meta) json.meta = opts.meta;
    return json;
  }

  /** Loads parameters (and state) saved by exportJSON; the config must describe the same shapes. */
  importJSON(json: unknown): void {
    const j = checkModelJSON(json);
    const c = j.config as Partial<ModelConfig>;
    for (const k of ["cell", "inputSize", "hiddenSize", "outputSize"] as const)
      if (c[k] !== this.config[k]) fail(`model file has config.${k} = ${String(c[k])}, this model has ${String(this.config[k])}`);
    this.setParams(j.params);
    if (j.state) this.setState(j.state);
  }

  /** A copy of everything training changes, to roll back to after a divergence. */
  snapshot(): Float64Array {
    const L = this.layout, f = this.f(), o = L.floatOffset;
    const snap = new Float64Array(3 * L.P + 2 * L.dims.hiddenSize + 1);
    snap.set(f.subarray(o.params, o.params + L.P), 0);
    snap.set(f.subarray(o.m1, o.m1 + L.P), L.P);
    snap.set(f.subarray(o.m2, o.m2 + L.P), 2 * L.P);
    snap.set(f.subarray(o.h, o.h + L.dims.hiddenSize), 3 * L.P);
    snap.set(f.subarray(o.c, o.c + L.dims.hiddenSize), 3 * L.P + L.dims.hiddenSize);
    snap[snap.length - 1] = this.steps;
    return snap;
  }

  restore(snap: Float64Array): void {
    const L = this.layout, o = L.floatOffset, H = L.dims.hiddenSize;
    if (snap.length !== 3 * L.P + 2 * H + 1) fail("snapshot belongs to a model of another shape");
    const f = this.f();
    f.set(snap.subarray(0, L.P), o.params);
    f.set(snap.subarray(L.P, 2 * L.P), o.m1);
    f.set(snap.subarray(2 * L.P, 3 * L.P), o.m2);
    f.set(snap.subarray(3 * L.P, 3 * L.P + H), o.h);
    f.set(snap.subarray(3 * L.P + H, 3 * L.P + 2 * H), o.c);
    this.steps = snap[snap.length - 1];
  }

  /** Frees the model's memory for reuse; the model cannot be used afterwards. */
  dispose(): void {
    if (this.disposed) return;
    this.be.dispose();
    this.disposed = true;
  }
}

export function toRows(flat: ArrayLike<number>, rows: number, cols: number): number[][] {
  const out: number[][] = [];
  for (let r = 0; r < rows; r++) out.push(Array.from({ length: cols }, (_, c) => flat[r * cols + c]));
  return out;
}

export function softmax(logits: ArrayLike<number>, temperature: number): Float64Array {
  const p = new Float64Array(logits.length);
  let m = -Infinity;
  for (let k = 0; k < logits.length; k++) m = Math.max(m, logits[k]);
  let s = 0;
  for (let k = 0; k < logits.length; k++) { p[k] = Math.exp((logits[k] - m) / temperature); s += p[k]; }
  for (let k = 0; k < p.length; k++) p[k] /= s;
  return p;
}

export function argmax(v: ArrayLike<number>): number {
  let best = 0;
  for (let k = 1; k < v.length; k++) if (v[k] > v[best]) best = k;
  return best;
}

