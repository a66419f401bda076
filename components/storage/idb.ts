/**
 * The package's one IndexedDB store. Every record read back is checked field by field by
 * its kind; a record that fails is moved to a "set-aside" store (so it is never read again,
 * and can still be inspected) and reported, never thrown at the page. Storage can be missing
 * (private windows, blocked by policy): every call then degrades to "nothing stored" and
 * `problem` says so once.
 */

export interface StoreKind {
  /** database and object store names */
  db: string;
  store: string;
  /** in-line key field, or none for out-of-line keys */
  keyPath?: string;
  /** what a record is, for messages ("saved lab run") */
  label: string;
  /** the first problem with a stored value, or null when it can be used */
  check(value: unknown, key: IDBValidKey): string | null;
}

/** Where refused records go, in the same database. */
export const SET_ASIDE = "set-aside";
/**
 * How many refused records a database keeps for inspection: the newest ones. A refused record
 * is never read again, so older ones are only weight (one can be a 30 MB text).
 */
export const SET_ASIDE_KEEP = 5;
// version 2 adds the set-aside store to the databases version 1 made
const VERSION = 2;

export interface SetAsideRecord { store: string; key: IDBValidKey; problem: string; at: number; value: unknown }

function open(kind: StoreKind): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    if (typeof indexedDB === "undefined") { reject(new Error("this browser has no IndexedDB")); return; }
    const req = indexedDB.open(kind.db, VERSION);
    req.onupgradeneeded = () => {
      const db = req.result;
      if (!db.objectStoreNames.contains(kind.store)) db.createObjectStore(kind.store, kind.keyPath ? { keyPath: kind.keyPath } : undefined);
      if (!db.objectStoreNames.contains(SET_ASIDE)) db.createObjectStore(SET_ASIDE, { autoIncrement: true });
    };
    req.onsuccess = () => {
      const db = req.result;
      // another tab upgrading must not be blocked by this page
      db.onversionchange = () => db.close();
      resolve(db);
    };
    req.onerror = () => reject(req.error ?? new Error("IndexedDB could not be opened"));
    req.onblocked = () => reject(new Error("IndexedDB is blocked by another tab"));
  });
}

export class IdbRecords<T> {
  /** Set after the first storage failure; the view shows it. */
  problem = "";
  /** One sentence per record refused and set aside by this page, for the view to show. */
  readonly setAside: string[] = [];
  private db?: Promise<IDBDatabase>;

  constructor(readonly kind: StoreKind) {}

  private async tx<R>(mode: IDBTransactionMode, body: (t: IDBTransaction) => IDBRequest<R> | void): Promise<R | undefined> {
    if (this.problem) return undefined;
    try {
      const db = await (this.db ??= open(this.kind));
      return await new Promise<R | undefined>((resolve, reject) => {
        const t = db.transaction([this.kind.store, SET_ASIDE], mode), req = body(t);
        t.oncomplete = () => resolve(req ? req.result : undefined);
        t.onerror = t.onabort = () => reject(t.error ?? new Error("IndexedDB transaction failed"));
      });
    } catch (e) {
      this.db = undefined;
      this.problem = `Results cannot be saved in this browser (${(e as Error).message}); they are kept until the page closes.`;
      return undefined;
    }
  }

  /** The stored record, or undefined when there is none or it failed its check (then it is set aside). */
  async get(key: IDBValidKey): Promise<T | undefined> {
    const value = await this.tx<unknown>("readonly", (t) => t.objectStore(this.kind.store).get(key));
    if (value === undefined) return undefined;
    let problem: string | null;
    try { problem = this.kind.check(value, key); } catch (e) { problem = (e as Error)?.message ?? String(e); }
    if (problem === null) return value as T;
    await this.putAside(key, value, problem);
    return undefined;
  }

  private async putAside(key: IDBValidKey, value: unknown, problem: string) {
    this.setAside.push(`A ${this.kind.label} kept in this browser could not be used and was set aside: ${problem}.`);
    await this.tx("readwrite", (t) => {
      t.objectStore(this.kind.store).delete(key);
      const aside = t.objectStore(SET_ASIDE);
      aside.add({ store: this.kind.store, key, problem, at: Date.now(), value } satisfies SetAsideRecord);
      // keys count up, so the oldest come first; this request runs after the add
      const keys = aside.getAllKeys();
      keys.onsuccess = () => {
        const extra = keys.result.length - SET_ASIDE_KEEP;
        if (extra > 0) aside.delete(IDBKeyRange.upperBound(keys.result[extra - 1]));
      };
    });
  }

  /** Stores a record (the key comes from keyPath when the kind has one). */
  async put(value: T, key?: IDBValidKey): Promise<void> {
    await this.tx("readwrite", (t) => t.objectStore(this.kind.store).put(value, this.kind.keyPath ? undefined : key));
  }
  async delete(key: IDBValidKey): Promise<void> { await this.tx("readwrite", (t) => t.objectStore(this.kind.store).delete(key)); }
  async clear(): Promise<void> { await this.tx("readwrite", (t) => t.objectStore(this.kind.store).clear()); }
  async count(): Promise<number> { return (await this.tx<number>("readonly", (t) => t.objectStore(this.kind.store).count())) ?? 0; }
}
