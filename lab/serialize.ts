/**
 * Records as JSON text for the file cache. JSON has no NaN or Infinity, and a record
 * uses them (no spread with one seed, a diverged loss), so they are spelled as strings
 * and restored on reading.
 */
import type { RunRecord } from "./types.js";

const SPECIAL: Record<string, number> = { NaN: NaN, Infinity: Infinity, "-Infinity": -Infinity };

export function serializeRecord(r: RunRecord): string {
  return JSON.stringify(r, (_k, v) => (typeof v === "number" && !Number.isFinite(v) ? String(v) : v));
}

/** Parses a cached record; throws when the text is not a record for `key`. */
export function parseRecord(text: string, key: string): RunRecord {
  const r = JSON.parse(text, (_k, v) => (typeof v === "string" && v in SPECIAL ? SPECIAL[v] : v)) as RunRecord;
  if (!r || r.key !== key || !Array.isArray(r.loss_curve)) throw new Error(`not a lab record for ${key}`);
  return r;
}

/** Study JSON for readers outside: standard JSON, where a non-finite number is null. */
export function studyJSON(result: unknown): string {
  return JSON.stringify(result, null, 1) + "\n";
}
