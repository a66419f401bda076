/** Every study of the experiments lab, end to end in quick mode with a tiny budget: well-formed results, cached by configuration. */
import { describe, expect, it } from "vitest";
import { createEngine } from "../bindings/engine.js";
import { MemoryStore, runKey } from "../lab/cache.js";
import { executeRun, executeRuns } from "../lab/execute.js";
import { planLab } from "../cli/lab-plan.js";
import { groupCost as groupCostOf, planStudy, runStudy, trainingGroups, type StudyRequest } from "../lab/run-study.js";
import { studyJSON } from "../lab/serialize.js";
import { STUDIES } from "../lab/studies/index.js";
import { STUDY_IDS, type RunRecord, type RunSpec, type StudyResult } from "../lab/types.js";

const engine = await createEngine("wasm");
const settings = { steps: 40, seeds: 1, corpusSentences: 300 };
const execute = (spec: RunSpec) => executeRun(engine, spec);

/** Study-specific measures each study's runs must carry. */
const EXPECTED: Record<string, string[]> = {
  init: ["rho_start", "rho_end", "spectral_radius_curve", "samples", "gradient_reach", "gradient_reach_init", "gradient_decay_init"],
  "hidden-size": ["params", "seconds", "steps_per_s"],
  tbptt: ["memory_horizon", "probe_accuracy", "probe_baseline", "gradient_reach", "gradient_decay"],
  activation: ["hidden_mean", "hidden_std", "hidden_min", "hidden_max", "hidden_saturated", "grad_norm_curve", "verdict"],
  clipping: ["clip_fraction", "clip_curve"],
  "teacher-forcing": ["cascade_extra_loss", "cascade_length", "word_error_rate", "grammatical_rate", "error_after_error"],
  reservoir: ["rho_end", "memory_horizon", "category_separation", "category_nearest"],
  similarity: ["neighbours", "cosine_to_replaced", "same_category_share", "pca"],
  "learning-rate": ["verdict", "divergences"],
  grid: ["memory_horizon", "params", "verdict"],
};

function checkWellFormed(r: StudyResult, variants: number) {
  expect(STUDY_IDS).toContain(r.study);
  expect(r.hypothesis.length).toBeGreaterThan(20);
  expect(r.steps).toBe(settings.steps);
  expect(r.runs).toHaveLength(variants);
  expect(r.observations.length).toBeGreaterThan(0);
  for (const o of r.observations) expect(typeof o === "string" && o.length > 10).toBe(true);
  expect(["supported", "contradicted", "unclear"]).toContain(r.hypothesis_verdict);
  expect(r.loss_convention).toMatch(/summed over each chunk/);
  expect(r.floor_nats_per_char).toBeGreaterThan(0.3);
  for (const run of r.runs) {
    expect(typeof run.label).toBe("string");
    expect(run).toHaveProperty("value");
    for (const k of ["cell", "activation", "hiddenSize", "seqLen", "init", "optimizer", "lr", "clip", "lossConvention", "seed", "seeds", "steps", "corpus"])
      expect(run.config, k).toHaveProperty(k);
    expect(Number.isFinite(run.final_loss)).toBe(true);
    expect(typeof run.diverged).toBe("boolean");
    expect(run.loss_curve.length).toBeGreaterThan(0);
    expect(run.loss_curve.at(-1)![0]).toBe(settings.steps);
    for (let i = 1; i < run.loss_curve.length; i++) expect(run.loss_curve[i][0]).toBeGreaterThan(run.loss_curve[i - 1][0]);
    for (const k of EXPECTED[r.study]) expect(run.metrics, `${r.study}: ${k}`).toHaveProperty(k);
  }
  // the outside contract: plain JSON with the field names of docs/math.md
  const back = JSON.parse(studyJSON(r));
  for (const k of ["study", "hypothesis", "steps", "runs", "observations"]) expect(back).toHaveProperty(k);
  for (const k of ["label", "value", "config", "final_loss", "diverged", "loss_curve", "metrics"]) expect(back.runs[0]).toHaveProperty(k);
}

describe("each study runs end to end in quick mode", () => {
  for (const def of STUDIES) {
    it(def.id, async () => {
      const req: StudyRequest = { study: def.id, settings };
      const r = await runStudy(req, { execute, store: new MemoryStore() });
      checkWellFormed(r, planStudy(req).length);
    });
  }

  it("study-specific numbers are in range", async () => {
    const clip = await runStudy({ study: "clipping", settings }, { execute });
    for (const run of clip.runs) expect(run.metrics.clip_fraction as number).toBeGreaterThanOrEqual(0);
    const tb = await runStudy({ study: "tbptt", settings, values: [[5, 25]] }, { execute });
    for (const run of tb.runs) {
      const acc = run.metrics.probe_accuracy as number[];
      expect(acc).toHaveLength(30); // at least 30 lags, more only for chunks longer than 30
      for (const a of acc) expect(a >= 0 && a <= 1).toBe(true);
      expect((run.metrics.gradient_decay as number[])[0]).toBeCloseTo(1, 6);
    }
  });
});

describe("results are cached by their full configuration", () => {
  it("a second run of the same study executes nothing, a changed setting re-runs only what changed", async () => {
    const store = new MemoryStore();
    let calls = 0;
    const counting = (spec: RunSpec) => { calls++; return execute(spec); };
    const req: StudyRequest = { study: "learning-rate", settings: { ...settings, seeds: 2 }, values: [[0.01, 0.03]] };
    const first = await runStudy(req, { execute: counting, store });
    expect(calls).toBe(4);
    const again = await runStudy(req, { execute: counting, store });
    expect(calls).toBe(4);
    expect(again.runs.map((r) => r.final_loss)).toEqual(first.runs.map((r) => r.final_loss));
    await runStudy({ ...req, values: [[0.01, 0.1]] }, { execute: counting, store });
    expect(calls).toBe(6);
  });

  it("the key covers every setting and ignores key order", () => {
    const [a] = planStudy({ study: "clipping", settings, values: [[5]] })[0].specs;
    const same = JSON.parse(JSON.stringify(a));
    expect(runKey(same)).toBe(runKey(a));
    const reordered = { ...a, config: Object.fromEntries(Object.entries(a.config).reverse()) } as RunSpec;
    expect(runKey(reordered)).toBe(runKey(a));
    for (const change of [{ seed: 43 }, { lr: 0.02 }, { clip: null }, { steps: 41 }, { lossConvention: "mean" }, { corpus: { ...a.config.corpus, seed: 1 } }])
      expect(runKey({ ...a, config: { ...a.config, ...change } } as RunSpec)).not.toBe(runKey(a));
  });
});

describe("runs that share a training configuration train once", () => {
  it("the grouped records equal the ones each spec gets alone, apart from the time", async () => {
    // the baseline's seed 42 as the tbptt, similarity and init studies measure it: probe and decay; a
    // made-up word; spectral curve, samples and gradient decay at the start (init last, so what only
    // it asks for must not depend on the group's first spec)
    const specs = (["tbptt", "similarity", "init"] as const).map((study) => planStudy({ study, settings }).flatMap((v) => v.specs)
      .find((s) => s.config.seqLen === 25 && s.config.init === "orthogonal" && s.config.seed === 42)!);
    const groups = trainingGroups(specs);
    expect(groups).toHaveLength(1);
    const together = await executeRuns(engine, groups[0]);
    const untimed = (r: RunRecord) => JSON.stringify({ ...r, seconds: 0, steps_per_s: 0 });
    for (const [k, spec] of groups[0].entries()) {
      const alone = await executeRun(engine, spec);
      expect(together[k].key).toBe(runKey(spec));
      expect(untimed(together[k]), spec.study).toBe(untimed(alone));
    }
    await expect(executeRuns(engine, [specs[0], { ...specs[1], config: { ...specs[1].config, lr: 0.02 } }])).rejects.toThrow(/share one training configuration/);
  });

  it("across the whole lab a fifth of the runs need no training of their own", () => {
    const { plans } = planLab({ study: "all", steps: 30_000, seeds: 3, loss: "sum", sentences: 4000 });
    const specs = new Map(plans.flat().flatMap((v) => v.specs).map((s) => [runKey(s), s]));
    const groups = trainingGroups(specs.values());
    expect(groups.flat()).toHaveLength(specs.size);
    expect(groups.length).toBeLessThan(0.85 * specs.size);
    // largest first, and the baseline's three seeds are each one group across the studies that use it
    for (let i = 1; i < groups.length; i++) expect(groupCostOf(groups[i])).toBeLessThanOrEqual(groupCostOf(groups[i - 1]));
    expect(groups.filter((g) => new Set(g.map((s) => s.study)).size >= 6)).toHaveLength(3);
  });
});

describe("bad requests", () => {
  it.each([
    [{ study: "nope" }, /unknown study "nope"/],
    [{ study: "clipping", values: [[5, 5]] }, /each value may appear once/],
    [{ study: "clipping", values: [[-1]] }, /must be from 0/],
    [{ study: "activation", values: [["softplus"]] }, /"softplus" is not one of/],
    [{ study: "grid", values: [[16]] }, /takes 3 value list/],
    [{ study: "similarity", option: "cat" }, /never uses/],
    [{ study: "similarity", option: "zog" }, /"z" never occurs/],
    [{ study: "init", settings: { steps: 0 } }, /steps must be an integer/],
    [{ study: "init", settings: { lossConvention: "median" } }, /lossConvention must be one of/],
  ])("%o is refused", (req, msg) => {
    expect(() => planStudy({ settings, ...req } as StudyRequest)).toThrow(msg);
  });
});
