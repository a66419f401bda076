/** The built CLI (dist/cli.js, made by `npm run build`, which `npm test` runs first). */
import { describe, expect, it } from "vitest";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { expectRefusal, runCli } from "./cli-run.js";
import { expectClose } from "./helpers.js";

const run = (args: string[], input?: string) => runCli(args, { input });
const golden = (f: string) => JSON.parse(readFileSync(path.resolve(import.meta.dirname, "golden", f), "utf8"));

describe("rnn-explorer grad", () => {
  for (const engine of ["wasm", "ts"]) {
    it.each(["worked-example-h1.json", "worked-example-h2.json"])(`%s on ${engine} (stdin)`, (f) => {
      const g = golden(f);
      const r = run(["grad", "--engine", engine], JSON.stringify(g.case));
      expect(r.status, r.stderr).toBe(0);
      const out = JSON.parse(r.stdout);
      expect(Object.keys(out)).toEqual(["loss", "hidden", "outputs", "grads"]);
      expectClose(out.loss, g.expected.loss, "loss");
      for (const k of Object.keys(g.expected.grads)) expectClose(out.grads[k], g.expected.grads[k], k);
    });
  }

  it("reads a case file", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "rnn-"));
    const file = path.join(dir, "case.json");
    writeFileSync(file, JSON.stringify(golden("worked-example-h2.json").case));
    const r = run(["grad", file]);
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout).hidden).toHaveLength(2);
  });

  it.each([
    ["{ not json", /case is not valid JSON/],
    [JSON.stringify({ cell: "rnn" }), /inputSize is missing/],
    [JSON.stringify({ ...golden("worked-example-h2.json").case, tokens: [0, 9] }), /tokens\[1\] must be an integer in \[0, 3\]/],
    [JSON.stringify({ ...golden("worked-example-h2.json").case, cell: "cnn" }), /cell must be one of/],
  ])("malformed case %# exits 2 with one line on stderr", (input, msg) => {
    const r = run(["grad"], input);
    expectRefusal(r, msg);
    expect(r.stdout).toBe("");
  });
});

describe("rnn-explorer train / sample", () => {
  it("trains, saves, and samples the same text from the saved model", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "rnn-"));
    const model = path.join(dir, "m.json");
    const t = run(["train", "--cell", "gru", "--hidden", "32", "--steps", "300", "--save", model, "--sample-len", "20"]);
    expect(t.status, t.stderr).toBe(0);
    expect(t.stdout).toMatch(/loss \d+\.\d+ nats\/char/);
    expect(t.stdout).toMatch(/steps\/s/);
    const a = run(["sample", "--model", model, "--len", "50", "--seed", "3", "--prime", "the "]);
    const b = run(["sample", "--model", model, "--len", "50", "--seed", "3", "--prime", "the ", "--engine", "ts"]);
    expect(a.status, a.stderr).toBe(0);
    expect(a.stdout.startsWith("the ")).toBe(true);
    expect(a.stdout.length).toBeGreaterThan(50);
    expect(b.status).toBe(0);
  });

  it("bad options give a clear error", () => {
    expect(run(["train", "--hidden", "0", "--steps", "1"]).stderr).toMatch(/--hidden must be an integer in \[1, 2048\]/);
    expect(run(["train", "--stepz", "1"]).stderr).toMatch(/unknown option --stepz/);
    expect(run(["sample"]).stderr).toMatch(/--model is required/);
    expect(run(["frobnicate"]).status).toBe(2);
  });
});
