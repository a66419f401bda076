/**
 * Lab records in IndexedDB, keyed by the run's configuration hash, so a study already
 * run in this browser shows at once and a changed setting re-runs only what changed.
 * Storage can be missing (private windows, blocked by policy): every call then
 * degrades to "nothing stored" and the view says so once.
 */
import type { RecordStore } from "../../lab/cache.js";
import type { RunRecord } from "../../lab/types.js";

const DB = "rnn-explorer-lab", STORE = "runs";

function open(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    if (typeof indexedDB === "undefined") { reject(new Error("this browser has no IndexedDB")); return; }
    const req = indexedDB.open(DB, 1);
    req.onupgradeneeded = () => { if (!req.result.objectStoreNames.contains(STORE)) req.result.createObjectStore(STORE, { keyPath: "key" }); };
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error("IndexedDB could not be opened"));
    req.onblocked = () => reject(new Error("IndexedDB is blocked by another tab"));
  });
}

export class IdbStore implements RecordStore {
  /** Set after the first failure; the view shows it. */
  problem = "";
  private db?: Promise<IDBDatabase>;

  private async tx<T>(mode: IDBTransactionMode, body: (s: IDBObjectStore) => IDBRequest<T>): Promise<T | undefined> {
    if (this.problem) return undefined;
    try {
      const db = await (this.db ??= open());
      return await new Promise<T>((resolve, reject) => {
        const t = db.transaction(STORE, mode), req = body(t.objectStore(STORE));
        t.oncomplete = () => resolve(req.result);
        t.onerror = t.onabort = () => reject(t.error ?? new Error("IndexedDB transaction failed"));
      });
    } catch (e) {
      this.problem = `Results cannot be saved in this browser (${(e as Error).message}); they are kept until the page closes.`;
      return undefined;
    }
  }

  /** This page's records, also the whole cache when IndexedDB is unavailable. */
  private readonly memory = new Map<string, RunRecord>();

  async get(key: string) {
    const hit = this.memory.get(key) ?? (await this.tx<RunRecord | undefined>("readonly", (s) => s.get(key)));
    if (hit) this.memory.set(key, hit);
    return hit;
  }
  async put(r: RunRecord) { this.memory.set(r.key, r); await this.tx("readwrite", (s) => s.put(r)); }
  /** Deletes every saved lab record. */
  async clear() { this.memory.clear(); await this.tx("readwrite", (s) => s.clear()); }
  async count() { return (await this.tx<number>("readonly", (s) => s.count())) ?? 0; }
}
