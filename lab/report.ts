/** The markdown report of a lab run: settings, definitions, then each study's table and observations. */
import { columnsFor } from "./columns.js";
import type { StudyResult } from "./types.js";

export interface ReportMeta {
  steps: number;
  seeds: number[];
  convention: string;
  corpusSentences: number;
  floor: number;
  unigram: number;
  /** e.g. "2 worker threads" */
  machine: string;
  seconds: number;
  /** CPU time of all threads; on a busy machine it is the fairer measure of the work */
  cpuSeconds: number;
  runs: number;
  cached: number;
  /** trainings that produced the uncached runs (runs with the same configuration share one) */
  trainings?: number;
}

const esc = (s: string) => s.replace(/\|/g, "\\|").replace(/\n/g, " ");

export function labReport(results: readonly StudyResult[], meta: ReportMeta): string {
  const out: string[] = [];
  out.push("# RNN experiments lab", "");
  const fresh = meta.runs - meta.cached;
  const shared = meta.trainings !== undefined && meta.trainings < fresh ? `; the other ${fresh} came from ${meta.trainings} trainings, since runs with the same configuration share one` : "";
  out.push(`Every number below was measured by this run: ${meta.runs} training runs (${meta.cached} taken from the cache${shared}), ` +
    `${meta.steps.toLocaleString("en-US")} steps each, seeds ${meta.seeds.join(", ")}, on ${meta.machine}, in ${formatDuration(meta.seconds)} ` +
    `(${formatDuration(meta.cpuSeconds)} of CPU time).`, "");
  out.push("## Setting", "");
  out.push(`- Baseline: vanilla RNN, H = 64, chunks of 25 characters (truncated BPTT, state carried between chunks), SGD with learning rate 0.01, global-norm clipping at 5, orthogonal W_hh, tanh; one setting changes per study.`);
  out.push(`- Corpus: ${meta.corpusSentences.toLocaleString("en-US")} sentences of a seeded template grammar; the last 10% is held out.`);
  out.push(`- Loss convention: ${meta.convention}.`);
  out.push(`- Entropy-rate floor of the grammar: ${meta.floor.toFixed(4)} nats/char; unigram entropy of the corpus: ${meta.unigram.toFixed(4)} nats/char.`);
  out.push(`- Seeds: each variant is trained with ${meta.seeds.length} seed${meta.seeds.length > 1 ? "s" : ""}; tables show mean ± sample sd.`, "");
  const defs = new Map<string, { formula: string; text: string }>();
  for (const r of results) for (const d of r.definitions) defs.set(d.name, d);
  if (defs.size) {
    out.push("## Definitions", "");
    for (const [name, d] of defs) out.push(`- **${name}**: ${d.text}. \`${d.formula}\``);
    out.push("");
  }
  for (const r of results) {
    out.push(`## ${r.title} (\`${r.study}\`)`, "");
    out.push(`**Hypothesis.** ${r.hypothesis}`, "");
    out.push(`**Verdict:** ${r.hypothesis_verdict}.`, "");
    if (r.timing) out.push(`**Time.** ${r.timing.runs} runs, ${formatDuration(r.timing.train_seconds)} of training summed over them ` +
      `(${Math.round(r.timing.steps_per_s).toLocaleString("en-US")} steps/s per run on average).`, "");
    const cols = columnsFor(r);
    out.push(`| ${cols.map((c) => esc(c.label)).join(" | ")} |`, `|${cols.map(() => "---").join("|")}|`);
    for (const run of r.runs) out.push(`| ${cols.map((c) => esc(c.text(run))).join(" | ")} |`);
    out.push("", "**Observations**", "");
    for (const o of r.observations) out.push(`- ${o}`);
    const samples = r.runs.filter((x) => Array.isArray(x.metrics.samples));
    if (samples.length) {
      out.push("", "**Samples** (seed " + r.seeds[0] + ", temperature 0.8)", "");
      for (const x of samples) out.push(`- ${x.label}: \`${esc(String((x.metrics.samples as string[])[0]).slice(0, 160))}\``);
    }
    out.push("");
  }
  return out.join("\n");
}

export function formatDuration(s: number): string {
  if (s < 60) return `${s.toFixed(1)} s`;
  const m = Math.floor(s / 60);
  return `${m} min ${Math.round(s - 60 * m)} s`;
}
