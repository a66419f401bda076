/**
 * One character-level language model in training: the corpus split into a
 * training and a held-out part, truncated BPTT over the training part (state
 * carried from chunk to chunk), held-out loss, and samples. The char-train and
 * char-sweep worker tasks are thin loops around it.
 */
import type { Engine } from "../bindings/engine.js";
import type { Model, ModelJSON } from "../bindings/model.js";
import { checkModelJSON } from "../bindings/model-file.js";
import { CorpusTrainer } from "../bindings/trainer.js";
import { CharTokenizer, type CharTokenizerJSON } from "../bindings/data/tokenizer.js";
import { unigramEntropy } from "../bindings/data/entropy.js";
import { CELLS, CLIP_MODES, OPTIMIZERS, type CellKind, type ClipMode, type OptimizerKind } from "../bindings/types.js";
import { checkUserText, corpusWords, wordStats, type WordStats } from "./char-lab-text.js";
import { generate, type Generation } from "./char-lab-generate.js";

export interface CharModelSettings {
  cell: CellKind;
  hiddenSize: number;
  seqLen: number;
  optimizer: OptimizerKind;
  lr: number;
  clipMode: ClipMode;
  clipThreshold: number;
  /** true: gradients of the mean loss per character; false: of the loss summed over the chunk */
  meanLoss: boolean;
  seed: number;
}

/** Defaults chosen so a reader sees real words within seconds (measured in the README). */
export const DEFAULT_SETTINGS: CharModelSettings = {
  cell: "lstm", hiddenSize: 128, seqLen: 25, optimizer: "adam", lr: 0.005,
  clipMode: "norm", clipThreshold: 5, meanLoss: true, seed: 1,
};

/**
 * The default run: its length and how often it is sampled and scored on held-out text.
 * Chosen by measurement on Shakespeare (seeds 1–3, test/lessons-claim-char-lab.test.ts): held-out
 * loss falls steeply for about 2 passes over the training text, flattens by about 3, and turns
 * up after about 4 while training loss keeps falling. 3,000 steps (2.6 passes) ends on the
 * flat part, before the model starts memorising; a longer run (the guide's "Try this") shows
 * the turn.
 */
export const DEFAULT_RUN = { steps: 3000, sampleEvery: 250 } as const;
/** Steps of the guide's "Try this" run that goes past the held-out best. */
export const OVERFIT_RUN_STEPS = 12_000;

/** Settings a reader may choose; anything else is refused with this message. */
export const SETTING_LIMITS = {
  hiddenSize: [8, 512], seqLen: [1, 200], lr: [1e-5, 1], clipThreshold: [0.01, 1000], seed: [0, 0xffffffff],
} as const;

export function checkSettings(s: CharModelSettings): string[] {
  const problems: string[] = [];
  if (typeof s !== "object" || s === null) return ["settings must be an object"];
  const choices: Array<[string, unknown, readonly unknown[]]> = [["cell", s.cell, CELLS], ["optimizer", s.optimizer, OPTIMIZERS], ["clipMode", s.clipMode, CLIP_MODES], ["meanLoss", s.meanLoss, [true, false]]];
  for (const [k, v, allowed] of choices) if (!allowed.includes(v)) problems.push(`${k} must be one of ${allowed.join(", ")}, got ${String(v)}`);
  for (const [k, [lo, hi]] of Object.entries(SETTING_LIMITS)) {
    const v = s[k as keyof typeof SETTING_LIMITS];
    const integer = k !== "lr" && k !== "clipThreshold";
    if (typeof v !== "number" || !Number.isFinite(v) || v < lo || v > hi || (integer && !Number.isInteger(v)))
      problems.push(`${k} must be ${integer ? "a whole number" : "a number"} from ${lo} to ${hi}, got ${String(v)}`);
  }
  return problems;
}

/** Fraction of the corpus held out to measure how well the model generalises. */
export const VALIDATION_FRACTION = 0.1;
/** Held-out characters scored at each evaluation (the whole split when smaller). */
export const VALIDATION_CHARS = 4000;

export interface CharSample {
  /** training step the sample was drawn at */
  step: number;
  text: string;
  temperature: number;
  words: WordStats;
  /** held-out loss per character at that step, nats */
  validation?: number;
}

/** A saved lab model: the engine's model file with the tokenizer and training position in meta. */
export interface CharLabSave {
  model: ModelJSON;
  tokenizer: CharTokenizerJSON;
  settings: CharModelSettings;
  step: number;
  position: number;
}

export class CharLabSession {
  readonly tokenizer: CharTokenizer;
  readonly train: number[];
  readonly validation: number[];
  readonly model: Model;
  readonly trainer: CorpusTrainer;
  readonly words: Set<string>;
  /** unigram entropy of the training split, nats per character: the loss of a model that ignores context */
  readonly unigram: number;

  constructor(engine: Engine, text: string, readonly settings: CharModelSettings, resume?: CharLabSave) {
    const check = checkUserText(text);
    if (!check.ok) throw new Error(check.error);
    const problems = checkSettings(settings);
    if (problems.length) throw new Error(problems.join("; "));
    this.tokenizer = resume ? CharTokenizer.fromJSON(resume.tokenizer) : CharTokenizer.fromText(check.text);
    const unknown = resume ? [...new Set(check.text)].filter((c) => this.tokenizer.idOf(c) < 0) : [];
    if (unknown.length)
      throw new Error(`This corpus has ${unknown.length} character${unknown.length > 1 ? "s" : ""} the model has never seen (${unknown.slice(0, 5).map((c) => JSON.stringify(c)).join(", ")}${unknown.length > 5 ? ", …" : ""}); continue on the text it was trained on, or train a new model.`);
    const tokens = this.tokenizer.encode(check.text, "error");
    const cut = Math.max(settings.seqLen + 1, Math.floor(tokens.length * (1 - VALIDATION_FRACTION)));
    this.train = tokens.slice(0, cut);
    this.validation = tokens.slice(cut);
    this.words = corpusWords(check.text);
    this.unigram = unigramEntropy(this.tokenizer.decode(this.train)).nats;
    const V = this.tokenizer.size;
    const model = resume ? engine.loadModel(resume.model) : engine.createModel({
      cell: settings.cell, hiddenSize: settings.hiddenSize, inputSize: V, outputSize: V, maxSeqLen: settings.seqLen,
      init: "xavier", forgetBias: settings.cell === "lstm" ? 1 : 0, seed: settings.seed,
    });
    if (model.config.maxSeqLen < settings.seqLen) {
      model.dispose();
      throw new Error(`the saved model takes chunks of at most ${model.config.maxSeqLen} characters; set the sequence length to ${model.config.maxSeqLen} or less`);
    }
    this.model = model;
    this.trainer = new CorpusTrainer(model, this.train, {
      seqLen: settings.seqLen, optimizer: { kind: settings.optimizer, lr: settings.lr },
      clip: { mode: settings.clipMode, threshold: settings.clipThreshold }, meanLoss: settings.meanLoss,
    });
    if (resume) { this.trainer.step = resume.step; this.trainer.position = resume.position % Math.max(1, this.train.length - 1); }
  }

  /** Training steps in one pass over the training split. */
  get stepsPerEpoch(): number { return Math.max(1, Math.floor((this.train.length - 1) / this.settings.seqLen)); }

  /** Mean loss per character on (a prefix of) the held-out split, from a zero state; the training state is kept. */
  validationLoss(maxChars = VALIDATION_CHARS): number {
    const v = this.validation;
    const n = Math.min(v.length - 1, maxChars);
    if (n < 1) return NaN;
    const saved = this.model.getState(), T = this.model.config.maxSeqLen;
    this.model.resetState();
    let loss = 0, count = 0;
    for (let at = 0; at < n; at += T) {
      const len = Math.min(T, n - at);
      const r = this.model.forward({ tokens: v.slice(at, at + len), targets: v.slice(at + 1, at + len + 1) }, { keepState: true });
      loss += r.loss; count += r.count;
    }
    this.model.setState(saved);
    return loss / count;
  }

  sample(length: number, temperature: number, seed: number, prime = "\n"): CharSample & { generation: Generation } {
    const usable = this.tokenizer.idOf(prime[0] ?? "") >= 0 ? prime : this.tokenizer.chars[this.train[0]];
    const generation = generate(this.model, this.tokenizer, { prime: usable, length, temperature, seed });
    return { step: this.trainer.step, text: generation.text, temperature, words: wordStats(generation.text, this.words), generation };
  }

  save(): CharLabSave {
    return { model: this.model.exportJSON({ withState: true }), tokenizer: this.tokenizer.toJSON(), settings: this.settings,
      step: this.trainer.step, position: this.trainer.position };
  }

  dispose(): void { this.model.dispose(); }
}

/** Loads a session file written by save(); throws a reader-facing message when it is not one. */
export function parseCharLabSave(json: unknown): CharLabSave {
  const j = json as Partial<CharLabSave> | null;
  if (typeof j !== "object" || j === null || typeof j.model !== "object" || typeof j.tokenizer !== "object" || typeof j.settings !== "object")
    throw new Error("This file is not a character-lab model: it needs model, tokenizer and settings.");
  // the whole model file (sizes, shapes, every number) is checked before anything is built from it
  const cfg = checkModelJSON(j.model).config;
  const tok = CharTokenizer.fromJSON(j.tokenizer);
  if (!cfg || cfg.inputSize !== tok.size || cfg.outputSize !== tok.size)
    throw new Error(`This file's model has ${cfg?.inputSize} inputs but its vocabulary has ${tok.size} characters.`);
  const problems = checkSettings(j.settings as CharModelSettings);
  if (problems.length) throw new Error(`This file's settings are invalid: ${problems.join("; ")}`);
  return { model: j.model as ModelJSON, tokenizer: j.tokenizer as CharTokenizerJSON, settings: j.settings as CharModelSettings,
    step: Number.isInteger(j.step) && j.step! >= 0 ? j.step! : 0, position: Number.isInteger(j.position) && j.position! >= 0 ? j.position! : 0 };
}
