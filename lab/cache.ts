/**
 * Results are cached by the full configuration of a run: the key hashes every setting
 * of the RunSpec (and the lab's version, bumped whenever measurement code changes), so
 * a change anywhere recomputes and nothing else does.
 */
import type { RunRecord, RunSpec } from "./types.js";

/** Bump when a change to the executor or a measure makes old records wrong. */
export const LAB_VERSION = 2;

/** JSON with sorted keys; non-finite numbers spelled out so they hash distinctly. */
export function stableStringify(v: unknown): string {
  if (typeof v === "number") return Number.isFinite(v) ? JSON.stringify(v) : `"${String(v)}"`;
  if (Array.isArray(v)) return `[${v.map(stableStringify).join(",")}]`;
  if (v && typeof v === "object") {
    const o = v as Record<string, unknown>;
    return `{${Object.keys(o).filter((k) => o[k] !== undefined).sort().map((k) => `${JSON.stringify(k)}:${stableStringify(o[k])}`).join(",")}}`;
  }
  return JSON.stringify(v ?? null);
}

/** cyrb53: a fast 53-bit string hash; two seeds give 106 bits, plenty for a cache key. */
function cyrb53(s: string, seed: number): string {
  let h1 = 0xdeadbeef ^ seed, h2 = 0x41c6ce57 ^ seed;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(16).padStart(14, "0");
}

/** 106-bit hash of any JSON-like value (key order does not matter). */
export function contentHash(v: unknown): string {
  const text = stableStringify(v);
  return cyrb53(text, 1) + cyrb53(text, 2);
}

export function runKey(spec: RunSpec): string {
  return contentHash({ version: LAB_VERSION, config: spec.config, measure: spec.measure });
}

/** Where records are kept: files (CLI), IndexedDB (browser) or memory (tests). */
export interface RecordStore {
  get(key: string): Promise<RunRecord | undefined>;
  put(record: RunRecord): Promise<void>;
}

export class MemoryStore implements RecordStore {
  private readonly map = new Map<string, RunRecord>();
  async get(key: string) { return this.map.get(key); }
  async put(r: RunRecord) { this.map.set(r.key, r); }
  get size() { return this.map.size; }
}
