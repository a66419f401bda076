/**
 * IndexedDB corruption: every stored record type is checked field by field on reading; a bad
 * record is reported, moved to the set-aside store and never crashes the page.
 */
import { beforeEach, describe, expect, test } from "vitest";
import { IdbRecords, SET_ASIDE, SET_ASIDE_KEEP, type SetAsideRecord } from "../../components/storage/idb.js";
import { storedLabProblem } from "../../components/storage/char-lab-save.js";
import { IdbStore } from "../../components/storage/lab-runs.js";
import { loadBundle, mount, until } from "./helpers.js";

const req = <T>(r: IDBRequest<T>) => new Promise<T>((resolve, reject) => { r.onsuccess = () => resolve(r.result); r.onerror = () => reject(r.error); });
const wipe = (db: string) => new Promise((r) => { const q = indexedDB.deleteDatabase(db); q.onsuccess = q.onerror = q.onblocked = r; });

/** Writes a record the way an older page (version 1, no set-aside store) or a hand edit would. */
async function writeRaw(db: string, store: string, value: unknown, key?: IDBValidKey, keyPath?: string) {
  const open = indexedDB.open(db); // its current version, or a new version-1 database
  open.onupgradeneeded = () => open.result.createObjectStore(store, keyPath ? { keyPath } : undefined);
  const d = await req(open);
  const t = d.transaction(store, "readwrite");
  t.objectStore(store).put(value, key);
  await new Promise((r) => { t.oncomplete = r; });
  d.close();
}

async function setAside(db: string): Promise<SetAsideRecord[]> {
  const d = await req(indexedDB.open(db));
  const all = await req(d.transaction(SET_ASIDE, "readonly").objectStore(SET_ASIDE).getAll());
  d.close();
  return all;
}

const tokenizer = { type: "char-tokenizer", version: 1, chars: ["a", "b"], withUnknown: false };
const H = 8;
const settings = { cell: "rnn", hiddenSize: H, seqLen: 4, optimizer: "adam", lr: 0.01, clipMode: "norm", clipThreshold: 5, meanLoss: true, seed: 1 };
const zeros = (r: number, c: number) => Array.from({ length: r }, () => new Array(c).fill(0));
const goodSave = {
  model: { format: "rnn-explorer-model", version: 1, config: { cell: "rnn", inputSize: 2, outputSize: 2, hiddenSize: H, maxSeqLen: 4 },
    params: { W_x: zeros(H, 2), W_h: zeros(H, H), b: new Array(H).fill(0), W_y: zeros(2, H), b_y: [0, 0] } },
  tokenizer, settings, step: 3, position: 0,
};
const goodLab = { save: goodSave, corpus: "custom", text: "abab", curve: [{ step: 20, loss: 0.7 }], samples: [], savedAt: 1 };

describe("character-lab records", () => {
  test.each([
    ["text of the wrong type", { text: 12345 }, /text must be the custom corpus/],
    ["a curve that is not a list", { curve: "x" }, /curve must be a list/],
    ["a sample without fields", { samples: [{}] }, /samples\[0\]\.step/],
    ["a 30 MB text", { text: "a".repeat(30_000_000) }, /text must be the custom corpus, 1 to 2000000 characters/],
    ["a hostile 2048-unit model with no params", { save: { ...goodSave, model: { ...goodSave.model, config: { ...goodSave.model.config, hiddenSize: 2048, init: "orthogonal" }, params: {} } } }, /save: params\.W_x must be a 2048 × 2 matrix/],
    ["a model weight beyond float32", { save: { ...goodSave, model: { ...goodSave.model, params: { ...goodSave.model.params, b_y: [1e300, 0] } } } }, /params\.b_y\[0\] must be a finite number in the float32 range/],
    ["settings of the wrong type", { save: { ...goodSave, settings: { ...settings, cell: 7 } } }, /cell must be one of rnn, lstm, gru/],
  ])("%s is refused", (_name, change, message) => {
    expect(storedLabProblem(goodLab)).toBeNull();
    expect(storedLabProblem({ ...goodLab, ...change })).toMatch(message);
  });

  test("a bad stored record is set aside and reported by the view, which keeps working", async () => {
    await loadBundle();
    await wipe("rnn-explorer");
    await writeRaw("rnn-explorer", "char-lab", { ...goodLab, text: 12345, curve: "x", samples: [{}] }, "last");
    const errors: unknown[] = [];
    const onError = (e: ErrorEvent | PromiseRejectionEvent) => errors.push(e);
    addEventListener("error", onError); addEventListener("unhandledrejection", onError);
    const el = await mount(`<rnn-char-lab></rnn-char-lab>`);
    await until("the set-aside message", () => /could not be used and was set aside/.test(el.shadowRoot!.textContent ?? ""));
    removeEventListener("error", onError); removeEventListener("unhandledrejection", onError);
    expect(errors).toEqual([]);
    expect(el.shadowRoot!.textContent).toMatch(/text must be the custom corpus/);
    const aside = await setAside("rnn-explorer");
    expect(aside).toHaveLength(1);
    expect(aside[0]).toMatchObject({ store: "char-lab", key: "last", problem: expect.stringMatching(/text must be/) });
    // the bad record is gone from the live store: the next page load does not meet it again
    const store = new IdbRecords({ db: "rnn-explorer", store: "char-lab", label: "x", check: () => null });
    expect(await store.get("last")).toBeUndefined();
    el.remove();
  }, 60_000);
});

describe("lab run records", () => {
  beforeEach(() => wipe("rnn-explorer-lab"));

  test.each([
    ["a record whose spec does not hash to its key", (r: Record<string, any>) => ({ ...r, spec: { ...r.spec, config: { ...r.spec.config, lr: 0.5 } } }), /spec does not hash to the record's key/],
    ["a negative loss", (r: Record<string, unknown>) => ({ ...r, final_loss: -12345 }), /final_loss must be a loss ≥ 0/],
    ["a field of the wrong type", (r: Record<string, unknown>) => ({ ...r, loss_curve: "x" }), /loss_curve must be a list/],
    ["a key and nothing else", () => ({}), /spec must be an object/],
  ])("%s is set aside, not reported as a result", async (_name, corrupt, message) => {
    const lib = await loadBundle();
    void lib;
    // a real record: run the smallest lab run in this page, store it, then corrupt it raw
    const { executeRun } = await import("../../lab/execute.js");
    const { baselineConfig, checkSettings } = await import("../../lab/config.js");
    const { createEngine } = await import("../../bindings/engine.js");
    const settings = checkSettings({ steps: 10, seeds: 1, corpusSentences: 300 });
    const record = await executeRun(await createEngine("ts"), { study: "clipping", label: "", value: null, measure: {}, config: baselineConfig(settings) });
    const good = new IdbStore();
    await good.put(record);
    expect(await new IdbStore().get(record.key)).toMatchObject({ key: record.key, final_loss: record.final_loss });
    await writeRaw("rnn-explorer-lab", "runs", { ...(corrupt(record as unknown as Record<string, unknown>) as object), key: record.key }, undefined, "key");
    const store = new IdbStore();
    expect(await store.get(record.key)).toBeUndefined();
    expect(store.problem).toMatch(message);
    expect(await setAside("rnn-explorer-lab")).toHaveLength(1);
  }, 60_000);
});

describe("the set-aside store", () => {
  test(`keeps only the ${SET_ASIDE_KEEP} newest refused records`, async () => {
    await wipe("rnn-explorer-test");
    const store = new IdbRecords<{ n: number }>({ db: "rnn-explorer-test", store: "things", label: "test thing", check: (v) => `thing ${(v as { n: number }).n} is bad` });
    for (let n = 1; n <= SET_ASIDE_KEEP + 3; n++) {
      await store.put({ n }, "k");
      expect(await store.get("k")).toBeUndefined();
    }
    const aside = await setAside("rnn-explorer-test");
    expect(aside.map((r) => r.problem)).toEqual(Array.from({ length: SET_ASIDE_KEEP }, (_, i) => `thing ${i + 4} is bad`));
    // every refusal was reported to the page, including those no longer kept
    expect(store.setAside).toHaveLength(SET_ASIDE_KEEP + 3);
    await wipe("rnn-explorer-test");
  });
});
