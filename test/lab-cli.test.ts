/** `rnn-explorer lab` from the built CLI (dist/cli.js and dist/lab-worker.js, made by `npm run build`). */
import { describe, expect, it } from "vitest";
import { existsSync, mkdtempSync, readFileSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { expectRefusal, runCli } from "./cli-run.js";

const run = (args: string[]) => runCli(["lab", ...args]);
const tiny = ["--steps", "40", "--seeds", "2", "--sentences", "300"];

describe("rnn-explorer lab", () => {
  const out = mkdtempSync(path.join(tmpdir(), "rnn-lab-"));

  it("writes <study>.json per study and report.md, using worker threads", () => {
    const r = run(["tbptt,reservoir", ...tiny, "--out", out]);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/2 studies, 12 runs \(0 cached\), 40 steps each, 2 seeds, loss convention "sum", \d+ workers?/);
    // seq=25 of tbptt is the reservoir study's fully trained baseline: 2 seeds trained once for both
    expect(r.stderr).toMatch(/; 10 trainings for the 12 uncached \(runs with the same configuration train once\)/);
    for (const f of ["tbptt.json", "reservoir.json", "report.md"]) expect(existsSync(path.join(out, f)), f).toBe(true);
    const j = JSON.parse(readFileSync(path.join(out, "tbptt.json"), "utf8"));
    expect(j.study).toBe("tbptt");
    expect(j.steps).toBe(40);
    expect(j.runs.map((x: { label: string }) => x.label)).toEqual(["seq=5", "seq=10", "seq=25", "seq=50"]);
    expect(j.runs[0]).toMatchObject({ value: 5, config: { seqLen: 5, seeds: [42, 43] }, diverged: expect.any(Boolean) });
    expect(typeof j.runs[0].final_loss).toBe("number");
    expect(j.runs[0].metrics.memory_horizon).toEqual(expect.any(Number));
    expect(j.observations.length).toBeGreaterThan(3);
    const report = readFileSync(path.join(out, "report.md"), "utf8");
    expect(report).toMatch(/## Truncated BPTT chunk length \(`tbptt`\)/);
    expect(report).toMatch(/12 training runs \(0 taken from the cache; the other 12 came from 10 trainings, since runs with the same configuration share one\)/);
    expect(report).toMatch(/Loss convention: gradients of the loss summed over each chunk/);
    expect(report).toMatch(/\*\*memory horizon\*\*/);
    // each study says what its own runs cost, from the records: 8 tbptt runs of 40 steps
    expect(j.timing).toMatchObject({ runs: 8, train_seconds: expect.any(Number) });
    expect(j.timing.train_seconds).toBeGreaterThan(0);
    expect(j.timing.steps_per_s).toBeCloseTo((8 * 40) / j.timing.train_seconds, 6);
    expect(report).toMatch(/\*\*Time\.\*\* 8 runs, .* of training summed over them \([\d,]+ steps\/s per run on average\)/);
    expect(readdirSync(path.join(out, "cache")).filter((f) => f.endsWith(".json"))).toHaveLength(12);
  });

  it("takes every run from the cache the second time", () => {
    const r = run(["tbptt", ...tiny, "--out", out]);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/8 runs \(8 cached\)/);
    expect(JSON.parse(readFileSync(path.join(out, "tbptt.json"), "utf8")).runs).toHaveLength(4);
  });

  it("takes value lists for one study", () => {
    const r = run(["learning-rate", "--steps", "40", "--seeds", "1", "--sentences", "300", "--values", "0.01,0.05", "--out", out]);
    expect(r.status, r.stderr).toBe(0);
    expect(JSON.parse(readFileSync(path.join(out, "learning-rate.json"), "utf8")).runs.map((x: { value: number }) => x.value)).toEqual([0.01, 0.05]);
  });

  it.each([
    [["bogus"], /unknown study "bogus"/],
    [[], /name a study/],
    [["clipping", "--values", "1,x"], /"x" is not a number/],
    [["grid", "--values", "16,32"], /needs 3 list\(s\)/],
    [["all", "--values", "1"], /--values needs a single study/],
    [["init", "--steps", "0"], /steps must be an integer/],
    [["init", "--loss", "median"], /--loss must be one of/],
    [["similarity", "--nonce", "zog"], /"z" never occurs/],
    [["init", "--shard", "3/2"], /--shard must be i\/n with 1 ≤ i ≤ n ≤ 10000/],
    [["init", "--shard", "half"], /--shard must be i\/n/],
    [["init", "extra"], /unexpected argument "extra"/],
    [["merge"], /lab merge needs the shard directories/],
    [["merge", "/nonexistent-shard"], /has no shard.json/],
  ])("%j exits 2 with one line naming the problem", (args, msg) => {
    expectRefusal(run([...args, "--out", out]), msg);
  });
});

describe("rnn-explorer lab --shard and lab merge", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "rnn-lab-shards-"));
  const at = (...p: string[]) => path.join(dir, ...p);
  const keys = (d: string) => readdirSync(at(d, "cache")).filter((f) => f.endsWith(".json")).sort();
  // wall-clock measures differ from run to run; every other number must be the same
  const numbers = (file: string) => JSON.parse(readFileSync(file, "utf8"), (k, v) => (/seconds|steps_per_s/.test(k) ? undefined : v));
  const withoutTiming = (file: string) => readFileSync(file, "utf8").split("\n").filter((l) => !/^Every number below was measured|^\*\*Time\.\*\*/.test(l));

  it("shards split the runs without overlap, and merging them writes what a whole run writes", () => {
    for (const i of [1, 2, 3]) {
      const r = run(["tbptt", ...tiny, "--shard", `${i}/3`, "--out", at(`s${i}`)]);
      expect(r.status, r.stderr).toBe(0);
      expect(existsSync(at(`s${i}`, "tbptt.json"))).toBe(false);
    }
    const parts = [1, 2, 3].map((i) => keys(`s${i}`));
    const union = new Set(parts.flat());
    expect(union.size).toBe(parts.flat().length);
    expect(union.size).toBe(8);

    const m = run(["merge", at("s1"), at("s2"), at("s3"), "--out", at("merged")]);
    expect(m.status, m.stderr).toBe(0);
    const whole = run(["tbptt", ...tiny, "--no-cache", "--out", at("whole")]);
    expect(whole.status, whole.stderr).toBe(0);
    expect(numbers(at("merged", "tbptt.json"))).toEqual(numbers(at("whole", "tbptt.json")));
    expect(withoutTiming(at("merged", "report.md"))).toEqual(withoutTiming(at("whole", "report.md")));
    expect(readFileSync(at("merged", "report.md"), "utf8")).toMatch(/on 3 shards \(/);
  });

  it("a configuration lands in the same shard whatever else is requested", () => {
    const r = run(["tbptt,reservoir", ...tiny, "--shard", "2/3", "--out", at("both2")]);
    expect(r.status, r.stderr).toBe(0);
    expect(keys("both2")).toEqual(expect.arrayContaining(keys("s2")));
  });

  it("merge refuses incomplete or mismatched shards, naming what is wrong", () => {
    const missing = run(["merge", at("s1"), at("s3"), "--out", at("bad")]);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toMatch(/shard 2\/3 missing/);
    const other = run(["merge", at("s1"), at("s2"), at("both2"), "--out", at("bad")]);
    expect(other.status).toBe(2);
    expect(other.stderr).toMatch(/ran a different request/);
  });
});
