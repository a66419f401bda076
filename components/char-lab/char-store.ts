/**
 * Keeps the reader's last character model in IndexedDB, only after they switch it
 * on: the record itself is the consent, so forgetting deletes both. Everything
 * degrades to "not available" (private windows, blocked storage) without throwing.
 */
import type { CharLabSave, CharSample } from "../../lessons/char-lab-train.js";
import type { CurvePoint } from "../../tasks/char-train.js";

export interface StoredLab {
  save: CharLabSave;
  /** built-in corpus id, or "custom" with its text */
  corpus: string;
  text?: string;
  curve: CurvePoint[];
  samples: CharSample[];
  savedAt: number;
}

const DB = "rnn-explorer", STORE = "char-lab", KEY = "last";

function open(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    if (typeof indexedDB === "undefined") { reject(new Error("this browser has no IndexedDB")); return; }
    const req = indexedDB.open(DB, 1);
    req.onupgradeneeded = () => { if (!req.result.objectStoreNames.contains(STORE)) req.result.createObjectStore(STORE); };
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error("IndexedDB could not be opened"));
    req.onblocked = () => reject(new Error("IndexedDB is blocked by another tab"));
  });
}

async function run<T>(mode: IDBTransactionMode, body: (s: IDBObjectStore) => IDBRequest<T>): Promise<T> {
  const db = await open();
  try {
    return await new Promise<T>((resolve, reject) => {
      const tx = db.transaction(STORE, mode), req = body(tx.objectStore(STORE));
      tx.oncomplete = () => resolve(req.result);
      tx.onerror = tx.onabort = () => reject(tx.error ?? new Error("IndexedDB transaction failed"));
    });
  } finally { db.close(); }
}

export const storeLab = (v: StoredLab) => run("readwrite", (s) => s.put(v, KEY)).then(() => undefined);
export const loadLab = () => run<StoredLab | undefined>("readonly", (s) => s.get(KEY));
export const forgetLab = () => run("readwrite", (s) => s.delete(KEY)).then(() => undefined);
