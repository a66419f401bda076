/**
 * Spreading a lab run over machines: a run belongs to shard hash(config) mod n, so the same
 * configuration always lands in the same shard whatever else is requested, and the shards
 * together hold every run exactly once.
 */
import { fail } from "../bindings/validate.js";

export interface Shard { /** 1-based, as written on the command line */ index: number; count: number }

/** Reads "i/n" (1 ≤ i ≤ n ≤ 10000); a bad value names the option and the allowed form. */
export function parseShard(text: string, option = "--shard"): Shard {
  const m = /^(\d{1,5})\/(\d{1,5})$/.exec(text.trim());
  const index = m ? Number(m[1]) : NaN, count = m ? Number(m[2]) : NaN;
  if (!m || count < 1 || count > 10_000 || index < 1 || index > count) {
    fail(`${option} must be i/n with 1 ≤ i ≤ n ≤ 10000 (e.g. 2/8), got ${JSON.stringify(text)}`);
  }
  return { index, count };
}

/** The shard (1-based) a run key belongs to; keys are hex content hashes of the run's configuration. */
export function shardOfKey(key: string, count: number): number {
  return (parseInt(key.slice(0, 12), 16) % count) + 1;
}
