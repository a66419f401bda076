/**
 * Keeps the reader's last character model in IndexedDB, only after they switch it on: the
 * record itself is the consent, so forgetting deletes both. The record is checked field by
 * field on reading (the model file in full, before any model is built from it).
 */
import { MAX_TEXT_CHARS } from "../../lessons/char-lab-text.js";
import { parseCharLabSave, type CharLabSave, type CharSample } from "../../lessons/char-lab-train.js";
import type { CurvePoint } from "../../tasks/char-train.js";
import { BUILTIN_CORPORA } from "../../bindings/data/corpora/index.js";
import { IdbRecords } from "./idb.js";

export interface StoredLab {
  save: CharLabSave;
  /** built-in corpus id, or "custom" with its text */
  corpus: string;
  text?: string;
  curve: CurvePoint[];
  samples: CharSample[];
  savedAt: number;
}

const KEY = "last";
/** More points or samples than a run can make: the record was not written by this page. */
const MAX_POINTS = 1_000_000, MAX_SAMPLES = 10_000;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);
const isCount = (v: unknown) => Number.isInteger(v) && (v as number) >= 0;

function sampleProblem(s: unknown, k: number): string | null {
  if (!isObject(s)) return `samples[${k}] must be an object`;
  if (!isCount(s.step)) return `samples[${k}].step must be a whole number ≥ 0`;
  if (typeof s.text !== "string" || s.text.length > 100_000) return `samples[${k}].text must be text of at most 100000 characters`;
  if (typeof s.temperature !== "number" || !(s.temperature >= 0 && s.temperature <= 100)) return `samples[${k}].temperature must be a number in [0, 100]`;
  if (s.validation !== undefined && typeof s.validation !== "number") return `samples[${k}].validation must be a number`;
  const w = s.words;
  if (!isObject(w) || !isCount(w.words) || !isCount(w.real) || !Array.isArray(w.distinctReal) || !w.distinctReal.every((x) => typeof x === "string"))
    return `samples[${k}].words must have whole-number words and real counts and a list of distinctReal words`;
  return null;
}

/** The first problem with a stored character-lab record, or null. */
export function storedLabProblem(v: unknown): string | null {
  if (!isObject(v)) return "the record must be an object";
  if (typeof v.savedAt !== "number" || !Number.isFinite(v.savedAt)) return "savedAt must be a time";
  if (v.corpus !== "custom" && !(BUILTIN_CORPORA as readonly unknown[]).includes(v.corpus)) return `corpus must be "custom" or one of ${BUILTIN_CORPORA.join(", ")}`;
  if (v.corpus === "custom" && (typeof v.text !== "string" || v.text.length === 0 || v.text.length > MAX_TEXT_CHARS))
    return `text must be the custom corpus, 1 to ${MAX_TEXT_CHARS} characters`;
  if (!Array.isArray(v.curve) || v.curve.length > MAX_POINTS) return `curve must be a list of at most ${MAX_POINTS} points`;
  const bad = v.curve.findIndex((p) => !isObject(p) || !isCount(p.step) || typeof p.loss !== "number");
  if (bad >= 0) return `curve[${bad}] must be { step, loss } with a whole-number step`;
  if (!Array.isArray(v.samples) || v.samples.length > MAX_SAMPLES) return `samples must be a list of at most ${MAX_SAMPLES} samples`;
  for (let k = 0; k < v.samples.length; k++) { const p = sampleProblem(v.samples[k], k); if (p) return p; }
  try { parseCharLabSave(v.save); } catch (e) { return `save: ${(e as Error).message}`; }
  return null;
}

const store = new IdbRecords<StoredLab>({ db: "rnn-explorer", store: "char-lab", label: "saved character model", check: storedLabProblem });

/** Storage failures and records set aside ("" when all is well). */
export const labStoreProblem = () => [store.problem, ...store.setAside].filter(Boolean).join(" ");
export const storeLab = (v: StoredLab) => store.put(v, KEY);
export const loadLab = () => store.get(KEY);
export const forgetLab = () => store.delete(KEY);
