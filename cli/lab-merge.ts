/**
 * `rnn-explorer lab merge DIR… --out DIR`: joins the outputs of `lab … --shard i/n` runs
 * (each a directory with shard.json and the shard's records in cache/) into the study files
 * and report a whole run writes, from the same records, so the numbers are identical.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fail } from "../bindings/validate.js";
import { runKey } from "../lab/cache.js";
import { FileStore } from "../lab/node/file-store.js";
import { shardOfKey, type Shard } from "../lab/shard.js";
import type { RunRecord } from "../lab/types.js";
import { planLab, writeLabOutputs, type LabArgs } from "./lab-plan.js";
import { formatSeconds } from "./progress.js";

const FORMAT = "rnn-explorer-lab-shard";

export interface ShardManifest {
  shard: Shard;
  args: LabArgs;
  /** run keys of this shard */
  keys: string[];
  seconds: number;
  cpuSeconds: number;
  machine: string;
  cached: number;
}

export function writeShardManifest(dir: string, m: ShardManifest): void {
  writeFileSync(path.join(dir, "shard.json"), JSON.stringify({ format: FORMAT, version: 1, ...m }, null, 1) + "\n");
}

function readShardManifest(dir: string): ShardManifest {
  const file = path.join(dir, "shard.json");
  if (!existsSync(file)) fail(`${dir} is not a shard's output: it has no shard.json (write one with lab … --shard i/n --out ${dir})`);
  let m: (ShardManifest & { format?: string }) | undefined;
  try { m = JSON.parse(readFileSync(file, "utf8")); } catch (e) { fail(`${file} is not valid JSON: ${(e as Error).message}`); }
  if (m?.format !== FORMAT || !m.shard || !m.args || !Array.isArray(m.keys)) fail(`${file} is not a lab shard manifest`);
  return m;
}

const sameArgs = (a: LabArgs, b: LabArgs) => JSON.stringify(a, Object.keys(a).sort()) === JSON.stringify(b, Object.keys(b).sort());

export async function mergeShards(dirs: string[], outDir: string): Promise<void> {
  if (!dirs.length) fail("lab merge needs the shard directories to join, e.g. lab merge shard-1 shard-2 --out results");
  const shards = dirs.map((dir) => ({ dir, m: readShardManifest(dir) }));
  const first = shards[0].m, count = first.shard.count;
  for (const { dir, m } of shards) {
    if (!sameArgs(m.args, first.args)) fail(`${dir} ran a different request (${JSON.stringify(m.args)}) from ${shards[0].dir} (${JSON.stringify(first.args)})`);
    if (m.shard.count !== count) fail(`${dir} is shard ${m.shard.index}/${m.shard.count}, but ${shards[0].dir} is one of ${count}`);
  }
  const have = new Set(shards.map((s) => s.m.shard.index));
  const missing = Array.from({ length: count }, (_, i) => i + 1).filter((i) => !have.has(i));
  if (missing.length) fail(`shard${missing.length > 1 ? "s" : ""} ${missing.map((i) => `${i}/${count}`).join(", ")} missing: give every shard's directory`);

  const { settings, requests, plans } = planLab(first.args);
  const stores = new Map(shards.map(({ dir, m }) => [m.shard.index, new FileStore(path.join(dir, "cache"))]));
  const records = new Map<string, RunRecord>();
  for (const p of plans) for (const v of p) for (const spec of v.specs) {
    const key = runKey(spec);
    if (records.has(key)) continue;
    const index = shardOfKey(key, count), r = await stores.get(index)!.get(key);
    if (!r) fail(`the record of ${spec.study} ${spec.label} seed ${spec.config.seed} (${key}) is missing from shard ${index}/${count}; rerun that shard`);
    records.set(key, r);
  }
  try { mkdirSync(outDir, { recursive: true }); } catch (e) { fail(`--out ${outDir} cannot be created: ${(e as Error).message}`); }
  // the shards ran side by side: the wall time is the slowest one's, the CPU time their sum
  const seconds = Math.max(...shards.map((s) => s.m.seconds)), cpuSeconds = shards.reduce((t, s) => t + s.m.cpuSeconds, 0);
  const machines = [...new Set(shards.map((s) => s.m.machine))].join("; ");
  const results = writeLabOutputs(outDir, settings, requests, plans, records, {
    machine: `${count} shard${count > 1 ? "s" : ""} (${machines})`, seconds, cpuSeconds, runs: records.size,
    cached: shards.reduce((t, s) => t + s.m.cached, 0),
  });
  process.stdout.write(`${results.map((r) => `${r.study}: ${r.hypothesis_verdict}`).join("\n")}\n` +
    `merged ${count} shard${count > 1 ? "s" : ""} (${records.size} runs) into ${results.length} study file${results.length > 1 ? "s" : ""} and report.md in ${outDir}; ` +
    `slowest shard ${formatSeconds(seconds)}, ${formatSeconds(cpuSeconds)} of CPU time in all\n`);
}
