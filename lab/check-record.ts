/**
 * Field-by-field check of a stored lab record before it is trusted: its key must be the
 * hash of its own spec, and every number must be one a run can produce (a loss is ≥ 0,
 * a count is a whole number no larger than the steps). Used by the file and browser stores.
 */
import { runKey } from "./cache.js";
import type { Curve, RunRecord } from "./types.js";

/** The first problem with a record, or null when it can be used for `key`. */
export function recordProblem(v: unknown, key: string): string | null {
  if (typeof v !== "object" || v === null || Array.isArray(v)) return "record must be an object";
  const r = v as Partial<Record<keyof RunRecord, unknown>>;
  if (r.key !== key) return `key must be ${key}, got ${JSON.stringify(r.key)}`;
  const spec = r.spec as RunRecord["spec"] | undefined;
  if (typeof spec !== "object" || spec === null || typeof spec.config !== "object" || spec.config === null) return "spec must be an object with a config";
  let specKey: string;
  try { specKey = runKey(spec); } catch { return "spec cannot be hashed"; }
  if (specKey !== key) return "spec does not hash to the record's key (edited or from another run)";
  const steps = spec.config.steps;
  if (r.steps !== steps) return `steps must be ${steps} (the spec's), got ${String(r.steps)}`;
  const loss = (name: string, x: unknown) => (typeof x === "number" && (Number.isNaN(x) || (x >= 0 && x < Infinity)) ? null : `${name} must be a loss ≥ 0 (or NaN), got ${String(x)}`);
  const count = (name: string, x: unknown, hi: number) => (Number.isInteger(x) && (x as number) >= 0 && (x as number) <= hi ? null : `${name} must be a whole number in [0, ${hi}], got ${String(x)}`);
  const nonNegative = (name: string, x: unknown) => (typeof x === "number" && (Number.isNaN(x) || x >= 0) ? null : `${name} must be a number ≥ 0, got ${String(x)}`);
  const curve = (name: string, x: unknown) => (Array.isArray(x) && x.every((p) => Array.isArray(p) && p.length === 2 && p.every((n) => typeof n === "number"))
    ? null : `${name} must be a list of [step, value] pairs`);
  const lossCurve = (name: string, x: unknown) => curve(name, x) ?? ((x as Curve).every(([, y]) => Number.isNaN(y) || y >= 0) ? null : `${name} has a negative loss`);
  return loss("final_loss", r.final_loss) ?? loss("final_val_loss", r.final_val_loss)
    ?? count("divergences", r.divergences, steps as number) ?? count("params", r.params, Number.MAX_SAFE_INTEGER)
    ?? (typeof r.diverged === "boolean" ? null : "diverged must be true or false")
    ?? (["stable", "unstable", "diverged"].includes(r.verdict as string) ? null : `verdict must be stable, unstable or diverged, got ${String(r.verdict)}`)
    ?? (typeof r.verdict_reason === "string" ? null : "verdict_reason must be text")
    ?? lossCurve("loss_curve", r.loss_curve) ?? lossCurve("val_curve", r.val_curve) ?? curve("grad_norm_curve", r.grad_norm_curve) ?? curve("clip_curve", r.clip_curve)
    ?? (typeof r.clip_fraction === "number" && r.clip_fraction >= 0 && r.clip_fraction <= 1 ? null : `clip_fraction must be in [0, 1], got ${String(r.clip_fraction)}`)
    ?? nonNegative("seconds", r.seconds) ?? nonNegative("steps_per_s", r.steps_per_s)
    ?? (typeof r.metrics === "object" && r.metrics !== null ? null : "metrics must be an object");
}
