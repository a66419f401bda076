/**
 * A study from request to result: plan every (variant, seed) run, take cached records,
 * execute the rest through the caller's executor (worker threads, Web Workers, or
 * in-process), then aggregate and write the observations.
 */
import { fail } from "../bindings/validate.js";
import { summarizeVariant } from "./aggregate.js";
import { contentHash, runKey, type RecordStore } from "./cache.js";
import { baselineConfig, checkSettings, describeConvention, seedList, type LabSettings } from "./config.js";
import { labCorpus } from "../bindings/data/corpora/grammar-split.js";
import { DEFINITIONS } from "./definitions.js";
import { checkSubstitution } from "./metrics/similarity.js";
import { parseValues, variants, type Atom, type StudyDef } from "./study.js";
import { getStudy } from "./studies/index.js";
import type { RunRecord, RunSpec, StudyId, StudyResult, VariantValue } from "./types.js";

export interface StudyRequest {
  study: StudyId;
  settings?: Partial<LabSettings>;
  /** one list per variable; defaults to the study's own lists */
  values?: Atom[][];
  /** the study's free-text option (the made-up word of "similarity") */
  option?: string;
}

export interface PlannedVariant { label: string; value: VariantValue; specs: RunSpec[] }

/**
 * Relative cost of a run, for ordering work and estimating time left: steps × chunk ×
 * (H² + 2HV) for training, plus a constant for the held-out passes and probes (about
 * half a second of work).
 */
export function runCost(s: RunSpec): number {
  return s.config.steps * s.config.seqLen * s.config.hiddenSize * (s.config.hiddenSize + 60) + MEASURE_COST;
}
const MEASURE_COST = 2e9;

/**
 * Specs grouped by training configuration, largest group cost first: a group is trained once
 * and measured for each of its specs (lab/execute.ts executeRuns). Across the lab's studies a
 * fifth of the runs repeat the training of another study's (the baseline is in most of them).
 */
export function trainingGroups(specs: Iterable<RunSpec>): RunSpec[][] {
  const groups = new Map<string, RunSpec[]>();
  for (const s of specs) {
    const k = contentHash(s.config), g = groups.get(k);
    if (g) g.push(s); else groups.set(k, [s]);
  }
  return [...groups.values()].sort((a, b) => groupCost(b) - groupCost(a));
}

/** One training and every spec's measures. */
export function groupCost(g: readonly RunSpec[]): number {
  return runCost(g[0]) + MEASURE_COST * (g.length - 1);
}

export function studyDef(id: string): StudyDef {
  return getStudy(id) ?? fail(`unknown study "${id}"`);
}

/** Every run a study needs, grouped by variant; validates lists and option first. */
export function planStudy(req: StudyRequest): PlannedVariant[] {
  const def = studyDef(req.study), settings = checkSettings(req.settings);
  const values = req.values ?? def.variables.map((v) => [...v.defaults]);
  if (values.length !== def.variables.length) fail(`${def.id} takes ${def.variables.length} value list(s), got ${values.length}`);
  // re-parse the lists as text so values from any caller pass the same checks
  def.variables.forEach((v, i) => parseValues(v, values[i].map((x) => (x === null ? "none" : String(x))).join(",")));
  const option = req.option ?? def.option?.default ?? "";
  if (def.id === "similarity") {
    const corpus = labCorpus(baselineConfig(settings).corpus);
    for (const w of values[0]) checkSubstitution(String(w), option, corpus.tokenizer);
  }
  return variants(def, values).map(({ label, value }) => {
    const single = def.variables.length === 1 ? value[def.variables[0].key] : value;
    const measure = def.measure({ value, values, option });
    const specs = seedList(settings).map((seed) => ({ study: def.id, label, value: single, config: def.apply(baselineConfig(settings, seed), value, option), measure }));
    return { label, value: single, specs };
  });
}

export interface RunStudyOptions {
  /** Runs one spec; called at most `concurrency` times at once. */
  execute(spec: RunSpec): Promise<RunRecord>;
  store?: RecordStore;
  concurrency?: number;
  /** after each record arrives (from the store or a run) */
  onRecord?(spec: RunSpec, record: RunRecord, cached: boolean): void;
  signal?: AbortSignal;
}

export async function runStudy(req: StudyRequest, o: RunStudyOptions): Promise<StudyResult> {
  const planned = planStudy(req);
  const specs = planned.flatMap((p) => p.specs);
  const records = new Map<string, RunRecord>();
  const todo: RunSpec[] = [];
  for (const spec of specs) {
    const key = runKey(spec);
    if (records.has(key)) continue;
    const hit = await o.store?.get(key);
    if (hit) { records.set(key, hit); o.onRecord?.(spec, hit, true); } else if (!todo.some((t) => runKey(t) === key)) todo.push(spec);
  }
  let next = 0;
  const worker = async () => {
    while (next < todo.length) {
      if (o.signal?.aborted) throw new DOMException("the study was cancelled", "AbortError");
      const spec = todo[next++];
      const record = await o.execute(spec);
      records.set(record.key, record);
      await o.store?.put(record);
      o.onRecord?.(spec, record, false);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(o.concurrency ?? 1, todo.length)) }, worker));
  return assembleStudy(req, planned, records);
}

/** Builds the study's JSON from its planned variants and the records that answer them. */
export function assembleStudy(req: StudyRequest, planned: readonly PlannedVariant[], records: ReadonlyMap<string, RunRecord>): StudyResult {
  const def = studyDef(req.study), settings = checkSettings(req.settings);
  const corpus = labCorpus(baselineConfig(settings).corpus);
  const runs = planned.filter((p) => p.specs.every((s) => records.has(runKey(s))))
    .map((p) => summarizeVariant(p.specs.map((spec) => ({ spec, record: records.get(runKey(spec))! }))));
  const ctx = { floor: corpus.floor, unigram: corpus.unigram, seeds: settings.seeds, convention: settings.lossConvention, steps: settings.steps };
  const { observations, verdict } = def.observe(runs, ctx);
  const used = planned.flatMap((p) => p.specs).map((s) => records.get(runKey(s))).filter((r): r is RunRecord => r !== undefined);
  const trainSeconds = used.reduce((t, r) => t + r.seconds, 0), steps = used.reduce((n, r) => n + r.steps, 0);
  return {
    study: def.id, title: def.title, hypothesis: def.hypothesis, steps: settings.steps, seeds: seedList(settings),
    loss_convention: describeConvention(settings.lossConvention),
    floor_nats_per_char: corpus.floor, unigram_nats_per_char: corpus.unigram,
    definitions: def.definitions.map((d) => DEFINITIONS[d]).filter(Boolean).map((d) => ({ name: d.name, formula: d.formula, text: d.text })),
    runs, observations, hypothesis_verdict: verdict,
    timing: { runs: used.length, train_seconds: trainSeconds, steps_per_s: trainSeconds > 0 ? steps / trainSeconds : 0 },
  };
}
