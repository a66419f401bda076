/**
 * `rnn-explorer lab <study|all>`: runs the experiments lab headless. Every run of every
 * requested study goes through one pool of worker threads (largest first, so cores stay
 * busy; runs that share a training configuration are trained once), records are cached by
 * configuration under <out>/cache, and each study is
 * written as <out>/<study>.json with a markdown report of all of them. With --shard i/n it
 * runs only its share of the runs; `lab merge` joins the shards' records into the same files.
 */
import { mkdirSync } from "node:fs";
import { availableParallelism } from "node:os";
import path from "node:path";
import { runKey } from "../lab/cache.js";
import { LOSS_CONVENTIONS, QUICK_STEPS } from "../lab/config.js";
import { FileStore } from "../lab/node/file-store.js";
import { NodeRunPool } from "../lab/node/pool.js";
import { groupCost, trainingGroups } from "../lab/run-study.js";
import { parseShard, shardOfKey } from "../lab/shard.js";
import { mergeShards, writeShardManifest } from "./lab-merge.js";
import { planLab, writeLabOutputs, type LabArgs } from "./lab-plan.js";
import type { RunRecord, RunSpec } from "../lab/types.js";
import { STUDY_IDS } from "../lab/types.js";
import { fail } from "../bindings/validate.js";
import { choice, flag, int, text } from "./args.js";
import { defineCommand } from "./command.js";
import { formatSeconds } from "./progress.js";
import { fmt, pct } from "../bindings/format.js";

/** More threads than cores only adds switching and memory: the count is capped here. */
const CORES = availableParallelism();

export const lab = defineCommand({
  name: "lab",
  summary: "run the experiments lab's studies headless; writes <out>/<study>.json and <out>/report.md",
  usage: `rnn-explorer lab <${STUDY_IDS.join("|")}|all> [--steps N] [--quick] [--out dir] [--seeds K] [--loss sum|mean]\n` +
    "    [--workers N] [--values list] [--nonce word] [--sentences N] [--no-cache] [--shard i/n]\n" +
    "  rnn-explorer lab merge <shard dir>... --out dir",
  options: {
    steps: int(1, 1_000_000), quick: flag(), out: text("lab-results"), seeds: int(1, 10, 3), loss: choice(LOSS_CONVENTIONS, "sum"),
    workers: int(1, CORES, CORES), values: text(), nonce: text(), "no-cache": flag(), sentences: int(50, 100_000, 4000), shard: text(),
  },
  rules: { positionals: ["study", "more shard dirs (merge only)"], morePositionals: true, exclusive: [["steps", "quick"]] },
  async run({ values: o, positionals, given }) {
    const which = positionals[0] ?? fail(`name a study (${STUDY_IDS.join(", ")}) or "all"`);
    if (which === "merge") {
      const only = [...given].filter((k) => k !== "out");
      if (only.length) fail(`lab merge takes only --out (and shard directories), got --${only[0]}`);
      return mergeShards(positionals.slice(1), o.out);
    }
    if (positionals.length > 1) fail(`unexpected argument ${JSON.stringify(positionals[1])}: lab takes one study list (or "merge" and shard directories)`);
    const shard = o.shard === undefined ? undefined : parseShard(o.shard);
    const args: LabArgs = { study: which, steps: o.steps ?? (o.quick ? QUICK_STEPS : 30_000), seeds: o.seeds, loss: o.loss,
      sentences: o.sentences, values: o.values, nonce: o.nonce };
    const { ids, settings, requests, plans } = planLab(args);
    const outDir = o.out;
    try { mkdirSync(outDir, { recursive: true }); } catch (e) { fail(`--out ${outDir} cannot be created: ${(e as Error).message}`); }
    // a shard's records are its output, so they are always written; --no-cache only skips reading them
    const store = o["no-cache"] && !shard ? undefined : new FileStore(path.join(outDir, "cache"));

    const specs = new Map<string, RunSpec>();
    for (const p of plans) for (const v of p) for (const s of v.specs) specs.set(runKey(s), s);
    if (shard) for (const key of [...specs.keys()]) if (shardOfKey(key, shard.count) !== shard.index) specs.delete(key);
    const records = new Map<string, RunRecord>();
    if (!o["no-cache"]) for (const [key] of specs) { const hit = await store?.get(key); if (hit) records.set(key, hit); }
    const todo = [...specs].filter(([k]) => !records.has(k)).map(([, s]) => s);
    // one training per configuration shared by several specs, largest first so the last ones finish together
    const groups = trainingGroups(todo);
    const workers = Math.max(1, Math.min(o.workers, groups.length || 1));
    const total = groups.reduce((s, g) => s + groupCost(g), 0);
    process.stderr.write(`lab: ${ids.length} stud${ids.length > 1 ? "ies" : "y"}, ${shard ? `shard ${shard.index}/${shard.count}: ` : ""}${specs.size} runs (${records.size} cached), ${settings.steps} steps each, ` +
      `${settings.seeds} seed${settings.seeds > 1 ? "s" : ""}, loss convention "${settings.lossConvention}", ${workers} worker${workers > 1 ? "s" : ""}; ` +
      `${groups.length} training${groups.length === 1 ? "" : "s"} for the ${todo.length} uncached (runs with the same configuration train once)\n`);

    const t0 = performance.now(), cpu0 = process.cpuUsage();
    if (todo.length) {
      const pool = new NodeRunPool(workers);
      const progress = labProgress(total, todo.length);
      let done = 0, finished = 0;
      try {
        let next = 0;
        await Promise.all(Array.from({ length: pool.size }, async () => {
          while (next < groups.length) {
            const group = groups[next++], spec = group[0];
            const rs = await pool.executeGroup(group);
            for (const r of rs) { records.set(r.key, r); await store?.put(r); }
            done += groupCost(group); finished += group.length;
            const shared = group.length > 1 ? ` (one training for ${group.length} runs: ${[...new Set(group.map((g) => g.study))].join(", ")})` : "";
            progress(done, finished, `${spec.study} ${spec.label} seed ${spec.config.seed}: loss ${fmt(rs[0].final_loss, { decimals: 3 })}${shared}`);
          }
        }));
      } finally {
        await pool.close();
      }
    }
    const seconds = (performance.now() - t0) / 1000;
    const used = process.cpuUsage(cpu0), cpuSeconds = (used.user + used.system) / 1e6; // includes the worker threads
    const machine = `${CORES} cores, ${workers} worker thread${workers > 1 ? "s" : ""}`;
    if (shard) {
      writeShardManifest(outDir, { shard, args, keys: [...specs.keys()], seconds, cpuSeconds, machine, cached: specs.size - todo.length });
      process.stdout.write(`shard ${shard.index}/${shard.count}: ${specs.size} runs recorded in ${path.join(outDir, "cache")} in ${formatSeconds(seconds)}; ` +
        `join the shards with: rnn-explorer lab merge <dirs> --out <dir>\n`);
      return;
    }
    const results = writeLabOutputs(outDir, settings, requests, plans, records,
      { machine, seconds, cpuSeconds, runs: specs.size, cached: specs.size - todo.length, trainings: groups.length });
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
    const line = `lab ${pct(frac).padStart(4)} ${finished}/${runs} runs, ${formatSeconds(secs)} elapsed, eta ${eta} · ${info}`;
    process.stderr.write(process.stderr.isTTY ? `\r${line}\x1b[K${finished === runs ? "\n" : ""}` : line + "\n");
  };
}
