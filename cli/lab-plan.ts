/** What `rnn-explorer lab` plans and writes, shared by a whole run, a shard and a merge so all three agree. */
import { writeFileSync } from "node:fs";
import path from "node:path";
import { labCorpus } from "../bindings/data/corpora/grammar-split.js";
import { fail } from "../bindings/validate.js";
import { baselineConfig, checkSettings, describeConvention, seedList } from "../lab/config.js";
import { labReport } from "../lab/report.js";
import { assembleStudy, planStudy, studyDef, type PlannedVariant, type StudyRequest } from "../lab/run-study.js";
import { studyJSON } from "../lab/serialize.js";
import { parseValues, type Atom } from "../lab/study.js";
import type { LossConvention, RunRecord, StudyResult } from "../lab/types.js";
import { STUDY_IDS } from "../lab/types.js";

/** What a lab run was asked for, as a shard records it so a merge can plan the same studies. */
export interface LabArgs { study: string; steps: number; seeds: number; loss: string; sentences: number; values?: string; nonce?: string }

/** The studies, settings and planned runs of a request (the same for a whole run, a shard and a merge). */
export function planLab(a: LabArgs) {
  const ids = a.study === "all" ? [...STUDY_IDS] : a.study.split(",").map((s) => studyDef(s.trim()).id);
  const settings = checkSettings({
    steps: a.steps, seeds: a.seeds, lossConvention: a.loss as LossConvention, corpusSentences: a.sentences,
  });
  const requests: StudyRequest[] = ids.map((study) => ({ study, settings, values: valuesFor(study, a.values, ids.length), option: a.nonce }));
  return { ids, settings, requests, plans: requests.map((r) => planStudy(r)) };
}

/** Writes <out>/<study>.json and <out>/report.md from the records of every planned run. */
export function writeLabOutputs(outDir: string, settings: ReturnType<typeof checkSettings>, requests: readonly StudyRequest[],
  plans: readonly PlannedVariant[][], records: ReadonlyMap<string, RunRecord>,
  run: { machine: string; seconds: number; cpuSeconds: number; runs: number; cached: number; trainings?: number }): StudyResult[] {
  const results: StudyResult[] = requests.map((r, i) => assembleStudy(r, plans[i], records));
  for (const r of results) writeFileSync(path.join(outDir, `${r.study}.json`), studyJSON(r));
  const corpus = labCorpus(baselineConfig(settings).corpus);
  writeFileSync(path.join(outDir, "report.md"), labReport(results, {
    steps: settings.steps, seeds: seedList(settings), convention: describeConvention(settings.lossConvention),
    corpusSentences: settings.corpusSentences, floor: corpus.floor, unigram: corpus.unigram, ...run,
  }));
  return results;
}

/** --values: one list per variable, lists separated by ";" (only with a single study). */
function valuesFor(study: string, text: string | undefined, studies: number): Atom[][] | undefined {
  if (text === undefined) return undefined;
  if (studies > 1) fail("--values needs a single study");
  const def = studyDef(study), lists = text.split(";");
  if (lists.length !== def.variables.length) fail(`--values for ${study} needs ${def.variables.length} list(s) separated by ";", got ${lists.length}`);
  return def.variables.map((v, i) => parseValues(v, lists[i]));
}
