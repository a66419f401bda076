/** Run records cached as JSON files named by their configuration key. */
import { mkdirSync, readFileSync, writeFileSync, renameSync } from "node:fs";
import path from "node:path";
import type { RecordStore } from "../cache.js";
import type { RunRecord } from "../types.js";
import { parseRecord, serializeRecord } from "../serialize.js";

export class FileStore implements RecordStore {
  constructor(readonly dir: string) { mkdirSync(dir, { recursive: true }); }

  private file(key: string) { return path.join(this.dir, `${key}.json`); }

  async get(key: string): Promise<RunRecord | undefined> {
    try { return parseRecord(readFileSync(this.file(key), "utf8"), key); } catch { return undefined; }
  }

  async put(r: RunRecord): Promise<void> {
    const tmp = this.file(r.key) + `.${process.pid}.tmp`;
    writeFileSync(tmp, serializeRecord(r));
    renameSync(tmp, this.file(r.key)); // atomic: a crash never leaves half a record behind
  }
}
