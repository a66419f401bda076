/**
 * Lab records in IndexedDB, keyed by the run's configuration hash, so a study already
 * run in this browser shows at once and a changed setting re-runs only what changed.
 * A stored record is trusted only when its spec hashes to its key and its numbers are
 * ones a run can produce (lab/check-record.ts).
 */
import type { RecordStore } from "../../lab/cache.js";
import { recordProblem } from "../../lab/check-record.js";
import type { RunRecord } from "../../lab/types.js";
import { IdbRecords } from "./idb.js";

export class IdbStore implements RecordStore {
  private readonly idb = new IdbRecords<RunRecord>({
    db: "rnn-explorer-lab", store: "runs", keyPath: "key", label: "saved lab run",
    check: (v, key) => recordProblem(v, String(key)),
  });
  /** This page's records, also the whole cache when IndexedDB is unavailable. */
  private readonly memory = new Map<string, RunRecord>();

  /** Storage failures and records set aside, in one sentence for the view ("" when all is well). */
  get problem(): string { return [this.idb.problem, ...new Set(this.idb.setAside)].filter(Boolean).join(" "); }

  async get(key: string) {
    const hit = this.memory.get(key) ?? (await this.idb.get(key));
    if (hit) this.memory.set(key, hit);
    return hit;
  }
  async put(r: RunRecord) { this.memory.set(r.key, r); await this.idb.put(r); }
  /** Deletes every saved lab record. */
  async clear() { this.memory.clear(); await this.idb.clear(); }
  async count() { return this.idb.count(); }
}
