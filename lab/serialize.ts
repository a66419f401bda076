/**
 * Records as JSON text for the file cache. JSON has no NaN or Infinity, and a record
 * uses them (no spread with one seed, a diverged loss), so they are spelled as strings
 * and restored on reading.
 */
import { contentHash } from "./cache.js";
import { recordProblem } from "./check-record.js";
import type { RunRecord } from "./types.js";

const SPECIAL: Record<string, number> = { NaN: NaN, Infinity: Infinity, "-Infinity": -Infinity };

/** The record with a hash of its whole content, so an edited or damaged file is never trusted. */
export function serializeRecord(r: RunRecord): string {
  return JSON.stringify({ hash: contentHash(r), record: r }, (_k, v) => (typeof v === "number" && !Number.isFinite(v) ? String(v) : v));
}

/** Parses a cached record; throws when the text is not an intact, valid record for `key`. */
export function parseRecord(text: string, key: string): RunRecord {
  const env = JSON.parse(text, (_k, v) => (typeof v === "string" && v in SPECIAL ? SPECIAL[v] : v)) as { hash?: unknown; record?: unknown } | null;
  if (!env || typeof env !== "object" || typeof env.hash !== "string") throw new Error(`not a lab record for ${key}`);
  if (contentHash(env.record) !== env.hash) throw new Error(`lab record ${key} does not match its content hash (edited or damaged)`);
  const problem = recordProblem(env.record, key);
  if (problem) throw new Error(`not a lab record for ${key}: ${problem}`);
  return env.record as RunRecord;
}

/** Study JSON for readers outside: standard JSON, where a non-finite number is null. */
export function studyJSON(result: unknown): string {
  return JSON.stringify(result, null, 1) + "\n";
}
