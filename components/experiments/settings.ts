/** The view's public attributes and the text forms of a study's value lists. */
import { int, oneOf, text } from "../attributes.js";
import { FULL_STEPS, QUICK_STEPS } from "../../lab/config.js";
import { formatValues, parseValues, type Atom, type StudyDef } from "../../lab/study.js";
import { STUDY_IDS } from "../../lab/types.js";

export const EXPERIMENTS_ATTRIBUTES = {
  /** which study is open */
  study: oneOf(STUDY_IDS, "init"),
  /** training steps per run (quick 3,000, full 30,000) */
  steps: int(20, 100_000, QUICK_STEPS),
  /** seeds per variant */
  seeds: int(1, 5, 3),
  /** loss convention: gradients of the summed or the mean loss per chunk */
  loss: oneOf(["sum", "mean"] as const, "sum"),
  /** the study's value lists, comma-separated, one list per variable joined by ";" (empty: the study's own) */
  values: text("", 400),
  /** the made-up word of the similarity study */
  nonce: text("wug", 40),
  engine: oneOf(["wasm", "ts"] as const, "wasm"),
};

export { FULL_STEPS, QUICK_STEPS };

/** "0.5, 1, 5" per variable, joined by "; ". */
export function valuesText(def: StudyDef, values: readonly Atom[][]): string {
  return def.variables.map((v, i) => formatValues(v, values[i])).join("; ");
}

/** Parses the `values` attribute for a study; empty means its defaults. Throws a ValidationError. */
export function parseValuesText(def: StudyDef, textValue: string): Atom[][] {
  if (!textValue.trim()) return def.variables.map((v) => [...v.defaults]);
  const lists = textValue.split(";");
  if (lists.length !== def.variables.length) throw new Error(`values for ${def.title} need ${def.variables.length} list${def.variables.length > 1 ? "s separated by \";\"" : ""}, got ${lists.length}`);
  return def.variables.map((v, i) => parseValues(v, lists[i]));
}
