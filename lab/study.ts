/**
 * What a study is: the question, the hypothesis it tests, the settings it varies (with
 * their default lists), the measures it takes, and how it reads its own results.
 */
import { fail } from "../bindings/validate.js";
import type { LossConvention, MeasureRequest, RunConfig, RunSummary, StudyId } from "./types.js";

export type Atom = number | string | null;

export interface VariableDef {
  /** key in a variant's value object */
  key: string;
  label: string;
  kind: "number" | "choice";
  /** allowed values of a "choice" */
  choices?: readonly string[];
  min?: number;
  max?: number;
  integer?: boolean;
  /** "none" / "inf" / "∞" are accepted and mean null (e.g. no clipping) */
  allowNone?: boolean;
  defaults: readonly Atom[];
  /** short label of one value, e.g. "clip=5" */
  format(v: Atom): string;
}

/** A free-text option of a study (e.g. the nonce word), validated against the corpus. */
export interface OptionDef {
  key: string;
  label: string;
  default: string;
}

export interface ObserveContext {
  floor: number;
  unigram: number;
  seeds: number;
  convention: LossConvention;
  steps: number;
}

export type HypothesisVerdict = "supported" | "contradicted" | "unclear";
export interface Observed { observations: string[]; verdict: HypothesisVerdict }

export interface StudyDef {
  id: StudyId;
  title: string;
  description: string;
  hypothesis: string;
  variables: readonly VariableDef[];
  option?: OptionDef;
  /** names of DEFINITIONS shown with this study */
  definitions: readonly string[];
  /** the measures one variant's runs take; `values` are the lists of every variable */
  measure(q: { value: Record<string, Atom>; values: readonly Atom[][]; option: string }): MeasureRequest;
  apply(config: RunConfig, value: Record<string, Atom>, option: string): RunConfig;
  observe(runs: readonly RunSummary[], ctx: ObserveContext): Observed;
}

const NONE = new Set(["none", "inf", "infinity", "∞", "off"]);

/** Parses a comma-separated list for a variable; throws a ValidationError naming the bad item. */
export function parseValues(v: VariableDef, text: string): Atom[] {
  const items = text.split(",").map((s) => s.trim()).filter(Boolean);
  if (items.length === 0) fail(`${v.label}: give at least one value`);
  if (items.length > 12) fail(`${v.label}: at most 12 values, got ${items.length}`);
  const out: Atom[] = items.map((raw) => {
    if (v.kind === "choice") {
      if (!v.choices!.includes(raw)) fail(`${v.label}: "${raw}" is not one of ${v.choices!.join(", ")}`);
      return raw;
    }
    if (v.allowNone && NONE.has(raw.toLowerCase())) return null;
    const x = Number(raw);
    if (!Number.isFinite(x)) fail(`${v.label}: "${raw}" is not a number`);
    if (v.integer && !Number.isInteger(x)) fail(`${v.label}: "${raw}" must be a whole number`);
    if ((v.min !== undefined && x < v.min) || (v.max !== undefined && x > v.max)) fail(`${v.label}: ${raw} must be from ${v.min} to ${v.max}`);
    return x;
  });
  const seen = new Set(out.map(String));
  if (seen.size !== out.length) fail(`${v.label}: each value may appear once`);
  return out;
}

export function formatValues(v: VariableDef, values: readonly Atom[]): string {
  return values.map((x) => (x === null ? "none" : String(x))).join(", ");
}

/** Every combination of the variables' values, first variable slowest. */
export function variants(def: StudyDef, values: readonly Atom[][]): Array<{ label: string; value: Record<string, Atom> }> {
  let out: Array<Record<string, Atom>> = [{}];
  def.variables.forEach((v, i) => { out = out.flatMap((o) => values[i].map((x) => ({ ...o, [v.key]: x }))); });
  return out.map((value) => ({ label: def.variables.map((v) => v.format(value[v.key])).join(" "), value }));
}
