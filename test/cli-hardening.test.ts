/**
 * Every hostile flag and file the hardening probe found, one row each: the built CLI
 * must refuse it with exit 2 and one stderr line naming the field, before doing work.
 */
import { describe, expect, it } from "vitest";
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { expectRefusal, runCli } from "./cli-run.js";

const run = (args: string[], input?: string) => runCli(args, { input });
const dir = mkdtempSync(path.join(tmpdir(), "rnn-hard-"));
const file = (name: string, content: string | Buffer) => { const f = path.join(dir, name); writeFileSync(f, content); return f; };
const goldenCase = () => JSON.parse(readFileSync(path.resolve(import.meta.dirname, "golden/worked-example-h2.json"), "utf8")).case;
const tokenizer = { type: "char-tokenizer", version: 1, chars: ["a", "b"], withUnknown: false };
const hostileModel = (config: Record<string, unknown>) => file(`hostile-${Object.values(config).join("-")}.json`, JSON.stringify({
  format: "rnn-explorer-model", version: 1, params: {}, meta: { tokenizer },
  config: { inputSize: 2, outputSize: 2, hiddenSize: 2048, init: "orthogonal", ...config },
}));

describe("hostile model files are refused before any allocation", () => {
  it.each([
    [{ cell: "rnn" }],
    [{ cell: "lstm", spectralRadius: 0.9 }],
    [{ cell: "gru" }],
  ])("a 2048-unit %o with empty params", (config) => {
    const f = hostileModel(config);
    expect(readFileSync(f).length).toBeLessThan(400);
    expectRefusal(run(["sample", "--model", f]), /params\.W_x must be a 8192 × 2 matrix|params\.W_x must be a 2048 × 2 matrix|params\.W_x must be a 6144 × 2 matrix/);
  });
});

describe("every bad flag is refused before work starts", () => {
  const rows: Array<[string, string[], RegExp]> = [
    ["steps 0", ["train", "--steps", "0"], /--steps must be an integer in \[1, /],
    ["negative steps", ["train", "--steps", "-5"], /--steps must be an integer in \[1, .*got -5/],
    ["fractional steps", ["train", "--steps", "1.5"], /--steps must be an integer/],
    ["hex learning rate", ["train", "--lr", "0x10"], /--lr must be a number in \(0, 1000\], got "0x10"/],
    ["negative clip", ["train", "--clip", "-1"], /--clip must be a number in \[0, 3.4e38\]/],
    ["corpus with data", ["train", "--corpus", "x.txt", "--data", "copy"], /--corpus and --data cannot be used together/],
    ["value after a switch", ["train", "--mean-loss", "yes"], /unexpected argument "yes" \(--mean-loss takes no value\)/],
    ["negative temperature", ["train", "--temperature", "-1"], /--temperature must be a number in \[0, 100\], got -1/],
    ["negative sample length", ["train", "--sample-len", "-1"], /--sample-len must be an integer in \[0, 100000\]/],
    ["save into a missing folder", ["train", "--save", "/nonexistent/dir/m.json"], /--save .*folder \/nonexistent\/dir does not exist/],
    ["missing value", ["train", "--steps"], /--steps needs a value/],
    ["option instead of a value", ["train", "--steps", "--lr", "1"], /--steps needs a value/],
    ["repeated option", ["train", "--seed", "1", "--seed", "2"], /--seed is given more than once/],
    ["unknown option", ["train", "--stepz", "1"], /unknown option --stepz/],
    ["unknown cell", ["train", "--cell", "cnn"], /--cell must be one of "rnn", "lstm", "gru"/],
    ["too many workers", ["lab", "init", "--workers", "1000"], /--workers must be an integer in \[1, \d+\], got 1000/],
    ["too many positionals", ["grad", "a.json", "b.json"], /unexpected argument "b.json"/],
    ["infinite temperature", ["sample", "--model", "m.json", "--temperature", "Infinity"], /--temperature must be a number in \[0, 100\], got "Infinity"/],
    ["kernels and no-kernels", ["bench", "--kernels", "--no-kernels"], /--kernels and --no-kernels cannot be used together/],
  ];
  it.each(rows)("%s", (_name, args, message) => expectRefusal(run(args), message));
});

describe("hostile inputs to grad, train and sample", () => {
  it("grad reads /dev/zero only up to the size limit", () => {
    expectRefusal(run(["grad", "/dev/zero"]), /case \/dev\/zero is larger than the limit of \d+ MiB/);
  });

  it.each([
    ["a weight", (c: Record<string, any>) => { c.params.W_h[0][0] = 1e300; }, /params\.W_h\[0\]\[0\] must be a finite number in the float32 range/],
    ["h0", (c: Record<string, any>) => { c.h0 = [1e300, 0]; }, /h0\[0\] must be a finite number in the float32 range/],
    ["an mse target", (c: Record<string, any>) => { c.loss = "mse"; c.targets = [[1e300, 0, 0, 0], [0, 0, 0, 0]]; }, /targets\[0\]\[0\] must be a finite number in the float32 range/],
  ])("grad refuses %s beyond float32", (_name, mutate, message) => {
    const c = goldenCase();
    mutate(c);
    expectRefusal(run(["grad"], JSON.stringify(c)), message);
  });

  it("train refuses a binary file and invalid UTF-8 instead of training on it", () => {
    expectRefusal(run(["train", "--corpus", file("nul.txt", Buffer.from("abc\0def")), "--steps", "1"]), /NUL character at position 3/);
    expectRefusal(run(["train", "--corpus", file("latin1.txt", Buffer.from([0x61, 0xe9, 0x62, 0xff, 0x63])), "--steps", "1"]), /is not valid UTF-8 text/);
  });

  it("a corpus that starts with an emoji trains, saves and samples whole characters", () => {
    const corpus = file("emoji.txt", "😀 a happy corpus 😀 with emoji 🎉 in it. ".repeat(40));
    const model = path.join(dir, "emoji-model.json");
    const t = run(["train", "--corpus", corpus, "--steps", "30", "--hidden", "8", "--save", model, "--sample-len", "20"]);
    expect(t.status, t.stderr).toBe(0);
    expect(t.stdout).toMatch(/sample:\n😀/);
    const s = run(["sample", "--model", model, "--prime", "🎉", "--len", "30"]);
    expect(s.status, s.stderr).toBe(0);
    expect(s.stdout).not.toMatch(/[\ud800-\udbff](?![\udc00-\udfff])/); // no lone high surrogate
  });

  it("a run that keeps diverging stops with a message and keeps its last good model", () => {
    const model = path.join(dir, "diverged.json");
    const r = run(["train", "--activation", "relu", "--lr", "1000", "--clip", "0", "--hidden", "16", "--steps", "100000", "--save", model, "--data", "copy"]);
    expect(r.error, "the run did not stop").toBeUndefined();
    expect(r.status).toBe(2);
    expect(r.stderr.trim().split("\n").at(-1)).toMatch(/training diverged: 5 steps since step \d+ .*rolled back/);
    expect(r.stderr).toMatch(/saved .*diverged\.json/);
    expect(existsSync(model)).toBe(true);
    const saved = JSON.parse(readFileSync(model, "utf8"));
    expect(saved.params.W_y.flat().every(Number.isFinite)).toBe(true);
  });
});
