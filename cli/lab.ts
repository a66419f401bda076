/**
 * `rnn-explorer lab <study|all>`: runs the experiments lab headless. Every run of every
 * requested study goes through one pool of worker threads (largest first, so cores stay
 * busy), records are cached by configuration under <out>/cache, and each study is
 * written as <out>/<study>.json with a markdown report of all of them.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { availableParallelism } from "node:os";
import path from "node:path";
import { runKey } from "../lab/cache.js";
import { LOSS_CONVENTIONS, QUICK_STEPS, checkSettings, describeConvention, seedList, baselineConfig } from "../lab/config.js";
import { labCorpus } from "../bindings/data/corpora/grammar-split.js";
import { FileStore } from "../lab/node/file-store.js";
import { NodeRunPool } from "../lab/node/pool.js";
import { labReport } from "../lab/report.js";
import { assembleStudy, planStudy, runCost, studyDef, type StudyRequest } from "../lab/run-study.js";
import { studyJSON } from "../lab/serialize.js";
import { parseValues, type Atom } from "../lab/study.js";
import type { RunRecord, RunSpec, StudyResult } from "../lab/types.js";
import { STUDY_IDS } from "../lab/types.js";
import { fail } from "../bindings/validate.js";
import { choice, flag, int, text } from "./args.js";
import { defineCommand } from "./command.js";
import { formatSeconds } from "./progress.js";

const cost = runCost;

/** More threads than cores only adds switching and memory: the count is capped here. */
const CORES = availableParallelism();

export const lab = defineCommand({
  name: "lab",
  summary: "run the experiments lab's studies headless; writes <out>/<study>.json and <out>/report.md",
  usage: `rnn-explorer lab <${STUDY_IDS.join("|")}|all> [--steps N] [--quick] [--out dir] [--seeds K] [--loss sum|mean]\n` +
    "    [--workers N] [--values list] [--nonce word] [--sentences N] [--no-cache]",
  options: {
    steps: int(1, 1_000_000), quick: flag(), out: text("lab-results"), seeds: int(1, 10, 3), loss: choice(LOSS_CONVENTIONS, "sum"),
    workers: int(1, CORES, CORES), values: text(), nonce: text(), "no-cache": flag(), sentences: int(50, 100_000, 4000),
  },
  rules: { positionals: ["study"], exclusive: [["steps", "quick"]] },
  async run({ values: o, positionals }) {
    const which = positionals[0] ?? fail(`name a study (${STUDY_IDS.join(", ")}) or "all"`);
    const ids = which === "all" ? [...STUDY_IDS] : which.split(",").map((s) => studyDef(s.trim()).id);
    const settings = checkSettings({
      steps: o.steps ?? (o.quick ? QUICK_STEPS : 30_000), seeds: o.seeds, lossConvention: o.loss, corpusSentences: o.sentences,
    });
    const requests: StudyRequest[] = ids.map((study) => ({ study, settings, values: valuesFor(study, o.values, ids.length), option: o.nonce }));
    const plans = requests.map((r) => planStudy(r));
    const outDir = o.out;
    try { mkdirSync(outDir, { recursive: true }); } catch (e) { fail(`--out ${outDir} cannot be created: ${(e as Error).message}`); }
    const store = o["no-cache"] ? undefined : new FileStore(path.join(outDir, "cache"));

    const specs = new Map<string, RunSpec>();
    for (const p of plans) for (const v of p) for (const s of v.specs) specs.set(runKey(s), s);
    const records = new Map<string, RunRecord>();
    for (const [key] of specs) { const hit = await store?.get(key); if (hit) records.set(key, hit); }
    const todo = [...specs].filter(([k]) => !records.has(k)).map(([, s]) => s).sort((a, b) => cost(b) - cost(a));
    const workers = Math.max(1, Math.min(o.workers, todo.length || 1));
    const total = todo.reduce((s, x) => s + cost(x), 0);
    process.stderr.write(`lab: ${ids.length} stud${ids.length > 1 ? "ies" : "y"}, ${specs.size} runs (${records.size} cached), ${settings.steps} steps each, ` +
      `${settings.seeds} seed${settings.seeds > 1 ? "s" : ""}, loss convention "${settings.lossConvention}", ${workers} worker${workers > 1 ? "s" : ""}\n`);

    const t0 = performance.now(), cpu0 = process.cpuUsage();
    if (todo.length) {
      const pool = new NodeRunPool(workers);
      const progress = labProgress(total, todo.length);
      let done = 0, finished = 0;
      try {
        let next = 0;
        await Promise.all(Array.from({ length: pool.size }, async () => {
          while (next < todo.length) {
            const spec = todo[next++];
            const r = await pool.execute(spec);
            records.set(r.key, r);
            await store?.put(r);
            done += cost(spec); finished++;
            progress(done, finished, `${spec.study} ${spec.label} seed ${spec.config.seed}: loss ${r.final_loss.toFixed(3)}`);
          }
        }));
      } finally {
        await pool.close();
      }
    }
    const seconds = (performance.now() - t0) / 1000;
    const used = process.cpuUsage(cpu0), cpuSeconds = (used.user + used.system) / 1e6; // includes the worker threads
    const results: StudyResult[] = requests.map((r, i) => assembleStudy(r, plans[i], records));
    for (const r of results) writeFileSync(path.join(outDir, `${r.study}.json`), studyJSON(r));
    const corpus = labCorpus(baselineConfig(settings).corpus);
    writeFileSync(path.join(outDir, "report.md"), labReport(results, {
      steps: settings.steps, seeds: seedList(settings), convention: describeConvention(settings.lossConvention),
      corpusSentences: settings.corpusSentences, floor: corpus.floor, unigram: corpus.unigram,
      machine: `${CORES} cores, ${workers} worker thread${workers > 1 ? "s" : ""}`, seconds,
      runs: specs.size, cached: specs.size - todo.length, cpuSeconds,
    }));
    process.stdout.write(`${results.map((r) => `${r.study}: ${r.hypothesis_verdict}`).join("\n")}\n` +
      `wrote ${results.length} study file${results.length > 1 ? "s" : ""} and report.md to ${outDir} in ${formatSeconds(seconds)} (${formatSeconds(cpuSeconds)} of CPU time)\n`);
  },
});

/** Progress on stderr, weighted by run cost: redrawn on a terminal, one line per run otherwise. */
function labProgress(total: number, runs: number) {
  const t0 = performance.now();
  return (done: number, finished: number, info: string) => {
    const frac = total > 0 ? done / total : 1, secs = (performance.now() - t0) / 1000;
    const eta = frac > 0 ? formatSeconds((secs * (1 - frac)) / frac) : "?";
    const line = `lab ${(frac * 100).toFixed(0).padStart(3)}% ${finished}/${runs} runs, ${formatSeconds(secs)} elapsed, eta ${eta} · ${info}`;
    process.stderr.write(process.stderr.isTTY ? `\r${line}\x1b[K${finished === runs ? "\n" : ""}` : line + "\n");
  };
}

/** --values: one list per variable, lists separated by ";" (only with a single study). */
function valuesFor(study: string, text: string | undefined, studies: number): Atom[][] | undefined {
  if (text === undefined) return undefined;
  if (studies > 1) fail("--values needs a single study");
  const def = studyDef(study), lists = text.split(";");
  if (lists.length !== def.variables.length) fail(`--values for ${study} needs ${def.variables.length} list(s) separated by ";", got ${lists.length}`);
  return def.variables.map((v, i) => parseValues(v, lists[i]));
}
