/** Observations are written from the numbers: different data, different sentences and verdicts. */
import { describe, expect, it } from "vitest";
import { baselineConfig, checkSettings } from "../lab/config.js";
import { getStudy } from "../lab/studies/index.js";
import type { ObserveContext } from "../lab/study.js";
import type { RunSummary, VariantValue } from "../lab/types.js";

const ctx: ObserveContext = { floor: 0.423, unigram: 2.918, seeds: 3, convention: "sum", steps: 30000 };

/** A synthetic variant: final losses per seed and any metrics. */
function run(label: string, value: VariantValue, seeds: number[], metrics: Record<string, unknown> = {}): RunSummary {
  const mean = seeds.reduce((a, b) => a + b, 0) / seeds.length;
  const sd = seeds.length > 1 ? Math.sqrt(seeds.reduce((a, b) => a + (b - mean) ** 2, 0) / (seeds.length - 1)) : NaN;
  return {
    label, value, config: { ...baselineConfig(checkSettings()), seeds: seeds.map((_, k) => 42 + k) }, final_loss: mean, diverged: false,
    loss_curve: [[100, 3], [30000, mean]],
    metrics: { final_loss_sd: sd, final_val_loss: mean + 0.01, final_val_loss_sd: sd, verdict: "stable", verdicts: seeds.map(() => "stable"),
      verdict_reasons: seeds.map(() => "fine"), clip_fraction: 0.5, clip_curve: [[100, 1], [30000, 0.2]], grad_norm_curve: [[100, 10], [30000, 5]], ...metrics },
  };
}
const observe = (id: string, runs: RunSummary[]) => getStudy(id)!.observe(runs, ctx);
const clipRuns = (losses: Record<number, number[]>) => Object.entries(losses).map(([t, l]) => run(`clip=${t}`, Number(t), l));

describe("clipping observations follow the data", () => {
  const middleWins = clipRuns({ 0.5: [1.3, 1.31, 1.29], 1: [0.9, 0.91, 0.89], 5: [0.53, 0.531, 0.529], 10: [0.56, 0.561, 0.559], 50: [0.7, 0.71, 0.69] });
  const smallestWins = clipRuns({ 0.5: [0.5, 0.501, 0.499], 1: [0.6, 0.61, 0.59], 5: [0.7, 0.71, 0.69], 10: [0.8, 0.81, 0.79], 50: [0.9, 0.91, 0.89] });
  const noisy = clipRuns({ 0.5: [0.55, 0.6, 0.5], 1: [0.54, 0.6, 0.49], 5: [0.53, 0.6, 0.47], 10: [0.55, 0.61, 0.5], 50: [0.56, 0.61, 0.5] });

  it("a U-shape with a clear minimum supports the hypothesis and names the winner", () => {
    const o = observe("clipping", middleWins);
    expect(o.verdict).toBe("supported");
    expect(o.observations[0]).toMatch(/^Lowest final training loss: clip=5 at 0\.530 ± 0\.001/);
    expect(o.observations.join(" ")).toMatch(/clip=5 ends below the runner-up clip=10 by 0\.030 nats\/char, more than the seed spread/);
  });

  it("a minimum at the edge contradicts it and says so", () => {
    const o = observe("clipping", smallestWins);
    expect(o.verdict).toBe("contradicted");
    expect(o.observations[0]).toMatch(/^Lowest final training loss: clip=0.5/);
    expect(o.observations.at(-1)).toMatch(/contradicts the hypothesis: the lowest loss is at the smallest threshold tried \(clip=0.5\)/);
  });

  it("differences inside the seed spread are not called real", () => {
    const o = observe("clipping", noisy);
    expect(o.verdict).toBe("unclear");
    expect(o.observations.join(" ")).toMatch(/within the seed spread .*: seeds alone could explain it/);
  });

  it("the texts differ between the data sets", () => {
    const a = observe("clipping", middleWins).observations, b = observe("clipping", smallestWins).observations;
    expect(a).not.toEqual(b);
  });

  it("one seed is never enough to call a difference real", () => {
    const one = clipRuns({ 0.5: [1.3], 1: [0.9], 5: [0.53], 10: [0.56], 50: [0.7] });
    const o = observe("clipping", one);
    expect(o.verdict).toBe("unclear");
    expect(o.observations.join(" ")).toMatch(/with one seed there is no spread/);
  });
});

describe("other studies read their own measures", () => {
  it("learning rate: the minimum at 0.01 with an unstable largest rate holds; a lower loss at 0.03 contradicts", () => {
    const make = (l: Record<number, number[]>, wild: string) => Object.entries(l).map(([lr, s]) =>
      run(`lr=${lr}`, Number(lr), s, Number(lr) === 0.1 ? { verdict: wild, verdicts: [wild, "stable", "stable"], verdict_reasons: ["the loss rose 30% above its best so far at step 9000", "", ""] } : {}));
    const held = observe("learning-rate", make({ 0.001: [1.5, 1.51, 1.49], 0.01: [0.53, 0.531, 0.529], 0.1: [0.9, 0.91, 0.89] }, "unstable"));
    expect(held.verdict).toBe("supported");
    expect(held.observations.join(" ")).toMatch(/lr=0.1 was unstable: the loss rose 30%/);
    const broken = observe("learning-rate", make({ 0.001: [1.5, 1.51, 1.49], 0.01: [0.53, 0.531, 0.529], 0.03: [0.49, 0.491, 0.489], 0.1: [0.6, 0.61, 0.59] }, "stable"));
    expect(broken.verdict).toBe("contradicted");
    expect(broken.observations.at(-1)).toMatch(/lr=0.03 ends below lr=0.01 by 0.040/);
  });

  it("teacher forcing: a shorter cascade under scheduled sampling supports, a longer one contradicts", () => {
    const pair = (tf: number, ss: number) => [
      run("teacher forcing", 0, [0.53, 0.531, 0.529], { extra_loss_total: tf, extra_loss_total_sd: 0.05, cascade_length: 8, cascade_extra_loss: [1, 0.5], word_error_rate: 0.05, word_error_rate_sd: 0.005, grammatical_rate: 0.8, error_after_error: [0.2] }),
      run("scheduled sampling to p=0.25", 0.25, [0.54, 0.541, 0.539], { extra_loss_total: ss, extra_loss_total_sd: 0.05, cascade_length: 5, cascade_extra_loss: [1, 0.3], word_error_rate: 0.03, word_error_rate_sd: 0.005, grammatical_rate: 0.85, error_after_error: [0.1] }),
    ];
    expect(observe("teacher-forcing", pair(3, 2)).verdict).toBe("supported");
    const o = observe("teacher-forcing", pair(2, 3));
    expect(o.verdict).toBe("contradicted");
    expect(o.observations.at(-1)).toMatch(/suffers more total extra loss/);
  });

  it("similarity: category-mates among the neighbours support, strangers contradict", () => {
    const sim = (share: number) => [run("man→nonce", "man", [0.53, 0.53, 0.53], { replace: "man", nonce: "wug", category: "noun: people", occurrences: 400,
      neighbours: [{ word: "boy", category: "noun: people", cosine: 0.8 }], same_category_share: share, cosine_to_replaced: 0.7 })];
    expect(observe("similarity", sim(0.8)).verdict).toBe("supported");
    const o = observe("similarity", sim(0.2));
    expect(o.verdict).toBe("contradicted");
    expect(o.observations.join(" ")).toMatch(/1\.0 of the 5 nearest share its category/);
  });

  it("grid: names the best cell from the numbers", () => {
    const cell = (H: number, a: string, s: number, l: number) => run(`H=${H} ${a} seq=${s}`, { hiddenSize: H, activation: a, seqLen: s }, [l, l + 0.001, l - 0.001], { memory_horizon: H / 8 });
    const a = observe("grid", [cell(64, "tanh", 25, 0.55), cell(128, "tanh", 25, 0.53), cell(64, "relu", 25, 0.6)]);
    expect(a.observations[0]).toMatch(/^Best cell: H=128 tanh seq=25/);
    expect(a.verdict).toBe("supported");
    const b = observe("grid", [cell(64, "tanh", 25, 0.7), cell(128, "tanh", 25, 0.6), cell(64, "relu", 25, 0.5)]);
    expect(b.observations[0]).toMatch(/^Best cell: H=64 relu seq=25/);
    expect(b.verdict).toBe("contradicted");
  });
});

describe("a two-part hypothesis", () => {
  it("is contradicted when one part fails by more than the spread", () => {
    const tf = run("teacher forcing", 0, [0.53, 0.531, 0.529], { extra_loss_total: 10, extra_loss_total_sd: 0.2, cascade_length: 19, cascade_extra_loss: [1], word_error_rate: 0.24, word_error_rate_sd: 0.01, grammatical_rate: 0.2, error_after_error: [0.4] });
    const ss = run("scheduled sampling to p=0.25", 0.25, [1.1, 1.12, 1.13], { extra_loss_total: 4, extra_loss_total_sd: 0.2, cascade_length: 6, cascade_extra_loss: [1], word_error_rate: 0.5, word_error_rate_sd: 0.02, grammatical_rate: 0.02, error_after_error: [0.5] });
    const o = observe("teacher-forcing", [tf, ss]);
    expect(o.verdict).toBe("contradicted");
    expect(o.observations.at(-1)).toMatch(/recovers with less total extra loss .*; its free-running samples have more non-words \(50\.0% vs 24\.0%, more than the seed spread/);
  });
});
