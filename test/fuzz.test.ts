/**
 * Seeded random mutations of valid conformance cases and model files, fed to what `grad` and
 * `sample` run: each must succeed or be refused with a ValidationError of one line, never
 * another exception, a hang or a stack trace. Most run in-process; a few through the built CLI.
 */
import { describe, expect, it } from "vitest";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { parseCase, runCase } from "../bindings/conformance.js";
import { createEngine } from "../bindings/engine.js";
import { Rng } from "../bindings/prng.js";
import { ValidationError } from "../bindings/validate.js";
import { expectRefusal, runCli } from "./cli-run.js";

const golden = JSON.parse(readFileSync(path.resolve(import.meta.dirname, "golden/worked-example-h2.json"), "utf8")).case;
const HOSTILE: unknown[] = [null, -1, 0, 1.5, 1e300, -1e300, "", "x", [], {}, true, 2048, 100_000, [[]], [null], NaN];

/** Replaces one random leaf or field (or deletes it) somewhere in a copy of v. */
function mutate(v: unknown, rng: Rng): unknown {
  const copy = structuredClone(v) as Record<string, unknown>;
  let node: any = copy;
  for (let depth = 0; depth < 4; depth++) {
    const keys = Object.keys(node);
    if (!keys.length) break;
    const k = keys[Math.floor(rng.next() * keys.length)];
    const child = node[k];
    if (typeof child === "object" && child !== null && rng.next() < 0.6) { node = child; continue; }
    if (rng.next() < 0.15) delete node[k];
    else node[k] = HOSTILE[Math.floor(rng.next() * HOSTILE.length)];
    break;
  }
  return copy;
}

function expectRefusedCleanly(fn: () => void) {
  try { fn(); } catch (e) {
    expect(e, String(e)).toBeInstanceOf(ValidationError);
    expect((e as Error).message.split("\n")).toHaveLength(1);
  }
}

describe("fuzz", async () => {
  const engine = await createEngine("wasm");
  const model = engine.createModel({ cell: "lstm", inputSize: 3, hiddenSize: 4, outputSize: 3, maxSeqLen: 5, seed: 3 });
  const saved = model.exportJSON({ withState: true });
  model.dispose();

  it("200 mutated conformance cases: a result or a one-line ValidationError", () => {
    const rng = new Rng(2026);
    for (let n = 0; n < 200; n++) expectRefusedCleanly(() => runCase(engine, parseCase(mutate(golden, rng))));
  });

  it("200 mutated model files: a model or a one-line ValidationError, and no memory kept", () => {
    const rng = new Rng(7);
    const heap = (engine as unknown as { heap: { used: number } }).heap, before = heap.used;
    for (let n = 0; n < 200; n++) expectRefusedCleanly(() => engine.loadModel(mutate(saved, rng)).dispose());
    expect(heap.used).toBe(before);
  });

  /** The built CLI: exit 0, or a refusal (exit 2, one stderr line); never a hang or a stack trace. */
  function expectCliClean(args: string[], input?: string) {
    const r = runCli(args, { input });
    if (r.status !== 0) expectRefusal(r, /./);
    return r;
  }

  it("two dozen mutated cases through the built CLI's grad", () => {
    const rng = new Rng(11);
    for (let n = 0; n < 24; n++) expectCliClean(["grad"], JSON.stringify(mutate(golden, rng)));
  });

  it("a dozen mutated model files through the built CLI's sample", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "rnn-fuzz-"));
    try {
      // what `train --save` writes: the model and, in meta, the tokenizer of its three characters
      const file = { ...saved, meta: { tokenizer: { type: "char-tokenizer", version: 1, chars: ["a", "b", "c"], withUnknown: false } } };
      const write = (v: unknown, n: number) => { const f = path.join(dir, `m${n}.json`); writeFileSync(f, JSON.stringify(v)); return f; };
      // the file as saved samples: the mutations below start from a file the command accepts
      expect(expectCliClean(["sample", "--model", write(file, 0), "--len", "20"]).stdout).toMatch(/^[abc]{21}\n$/);
      const rng = new Rng(13);
      const statuses = Array.from({ length: 12 }, (_, n) => expectCliClean(["sample", "--model", write(mutate(file, rng), n + 1), "--len", "20"]).status);
      // most mutations break the file: the refusals, not only the successes, were exercised
      expect(statuses.filter((s) => s === 2).length).toBeGreaterThanOrEqual(6);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
