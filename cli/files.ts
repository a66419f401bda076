/**
 * Input files read with a size limit (so `grad /dev/zero` stops at the limit instead of
 * reading for ever), text decoded as strict UTF-8, and output paths checked before the
 * work that will fill them starts.
 */
import { accessSync, constants, createReadStream, existsSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { fail } from "../bindings/validate.js";

const MiB = 2 ** 20;
/** Largest JSON file (model, case) the CLI reads: a 2048-unit LSTM on a large vocabulary fits. */
export const MAX_JSON_BYTES = 512 * MiB;
/** Largest corpus the CLI trains on. */
export const MAX_CORPUS_BYTES = 64 * MiB;

/** Reads a file ("-" or undefined: stdin) and refuses it once it passes maxBytes. */
export async function readLimited(file: string | undefined, maxBytes: number, what: string): Promise<Buffer> {
  const name = file === undefined || file === "-" ? "stdin" : file;
  if (name !== "stdin") {
    let st;
    try { st = statSync(file!); } catch { fail(`${what} ${file} does not exist or cannot be read`); }
    if (st.isDirectory()) fail(`${what} ${file} is a directory, not a file`);
  }
  const stream = name === "stdin" ? process.stdin : createReadStream(file!);
  const parts: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      size += chunk.length;
      if (size > maxBytes) fail(`${what} ${name} is larger than the limit of ${maxBytes / MiB} MiB`);
      parts.push(chunk);
    }
  } catch (e) {
    if (e instanceof Error && e.name === "ValidationError") throw e;
    fail(`${what} ${name} cannot be read: ${(e as Error).message}`);
  } finally {
    if (name !== "stdin") (stream as ReturnType<typeof createReadStream>).destroy();
  }
  return Buffer.concat(parts, size);
}

/** Strict UTF-8 text: invalid bytes or a NUL (a binary file) are refused, not trained on. */
export function decodeText(bytes: Uint8Array, what: string): string {
  let text: string;
  try { text = new TextDecoder("utf-8", { fatal: true }).decode(bytes); } catch { fail(`${what} is not valid UTF-8 text`); }
  const nul = text.indexOf("\0");
  if (nul >= 0) fail(`${what} contains a NUL character at position ${nul}: it looks like a binary file, not text`);
  return text;
}

export async function readJSON(file: string | undefined, what: string): Promise<unknown> {
  const text = decodeText(await readLimited(file, MAX_JSON_BYTES, what), `${what} ${file ?? "stdin"}`);
  try { return JSON.parse(text); } catch (e) { fail(`${what} is not valid JSON: ${(e as Error).message.split("\n")[0]}`); }
}

/** A file the command will write at the end: its folder must exist and be writable now. */
export function checkWritableFile(flag: string, file: string): string {
  const dir = path.dirname(path.resolve(file));
  let st;
  try { st = statSync(dir); } catch { fail(`${flag} ${file}: folder ${dir} does not exist`); }
  if (!st.isDirectory()) fail(`${flag} ${file}: ${dir} is not a folder`);
  try { accessSync(dir, constants.W_OK); } catch { fail(`${flag} ${file}: folder ${dir} is not writable`); }
  try { if (statSync(file).isDirectory()) fail(`${flag} ${file} is a folder; give a file name`); } catch (e) {
    if (e instanceof Error && e.name === "ValidationError") throw e;
  }
  return file;
}

/** The package root: the nearest folder above this file (cli/ in the repository, dist/ when bundled) with a package.json. */
export function packageRoot(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (let k = 0; k < 6; k++) {
    if (existsSync(path.join(dir, "package.json"))) return dir;
    dir = path.dirname(dir);
  }
  return process.cwd();
}
