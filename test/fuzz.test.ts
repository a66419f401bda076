/**
 * Seeded random mutations of valid conformance cases and model files, fed to what `grad` and
 * `sample` run: each must succeed or be refused with a ValidationError of one line, never
 * another exception, a hang or a stack trace. Most run in-process; a few through the built CLI.
 */
import { describe, expect, it } from "vitest";
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { parseCase, runCase } from "../bindings/conformance.js";
import { createEngine } from "../bindings/engine.js";
import { Rng } from "../bindings/prng.js";
import { ValidationError } from "../bindings/validate.js";

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

  it("a few dozen through the built CLI: exit 0, or exit 2 with one stderr line", () => {
    const cli = path.resolve(import.meta.dirname, "../dist/cli.js");
    const rng = new Rng(11);
    for (let n = 0; n < 24; n++) {
      const r = spawnSync(process.execPath, [cli, "grad"], { input: JSON.stringify(mutate(golden, rng)), encoding: "utf8", timeout: 20_000 });
      expect(r.error).toBeUndefined();
      expect([0, 2]).toContain(r.status);
      if (r.status === 2) expect(r.stderr.trim().split("\n"), r.stderr).toHaveLength(1);
      expect(r.stderr).not.toMatch(/\n\s+at /);
    }
  });
});
