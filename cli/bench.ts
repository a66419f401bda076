/**
 * `rnn-explorer bench`: training steps per second of the wasm core and the TS twin on the
 * four bench workloads (docs/math.md, "Outputs other programs read"). With --json it prints one JSON
 * object on stdout; without, a markdown table, and the JSON goes to bench/results/<date>.json.
 * Progress goes to stderr.
 */
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { measureOnce, runNodeBench } from "../bench/node.js";
import { markdownReport, type BenchEngine } from "../bench/report.js";
import { workload, WORKLOAD_IDS, type Workload } from "../bench/workloads.js";
import { OPTIMIZERS, type OptimizerKind } from "../bindings/types.js";
import { fail, oneOf } from "../bindings/validate.js";
import { choice, flag, int, num, optionalText, text } from "./args.js";
import { defineCommand } from "./command.js";
import { packageRoot } from "./files.js";

function parseOptimizers(list: string | undefined): OptimizerKind[] {
  if (list === undefined) return ["sgd"];
  const names = list.split(",").map((s) => s.trim().toLowerCase()).filter(Boolean);
  if (names.length === 0) fail(`--optimizer needs one or more of ${OPTIMIZERS.join(", ")}, comma-separated`);
  return [...new Set(names.map((n) => oneOf("--optimizer", n, OPTIMIZERS)))];
}

function parseWorkloads(list: string | undefined): Workload[] {
  if (list === undefined) return WORKLOAD_IDS.map(workload);
  const ids = list.split(",").map((s) => s.trim().toUpperCase()).filter(Boolean);
  if (ids.length === 0) fail(`--workload needs a list such as W1,W3 (known: ${WORKLOAD_IDS.join(", ")})`);
  return ids.map((id) => workload(oneOf("--workload", id, WORKLOAD_IDS)));
}

export const bench = defineCommand({
  name: "bench",
  summary: "training steps/s of the wasm core and the TS twin on workloads W1-W4 and CL (and the native C reference when built)",
  usage: "rnn-explorer bench [--json] [--engine wasm|ts|all] [--workload W1,W2,W3,W4,CL] [--optimizer sgd|momentum|adagrad|adam[,...]]\n" +
    "    [--reps 5] [--seconds 1]\n" +
    "    [--native [rnnbench.c|binary] | --no-native] [--kernels | --no-kernels] [--in-process] [--out bench/results]",
  options: {
    json: flag(), kernels: flag(), "no-kernels": flag(), "no-native": flag(), "in-process": flag(),
    engine: choice(["wasm", "ts", "all"] as const, "all"), workload: text(), optimizer: text(), reps: int(1, 1000, 5), seconds: num(0.01, 600, 1),
    steps: int(1, 10_000_000), native: optionalText(), out: text(),
    child: text(), // hidden: one repetition in this process, for the parent's child processes
  },
  rules: { exclusive: [["kernels", "no-kernels"], ["native", "no-native"]] },
  async run({ values: o }) {
    const { seconds, steps, child } = o;
    if (child !== undefined) {
      const [id, engine, opt = "sgd"] = child.split(":");
      const m = await measureOnce(workload(oneOf("--child workload", id, WORKLOAD_IDS)), oneOf("--child engine", engine, ["wasm", "ts"] as const),
        oneOf("--child optimizer", opt, OPTIMIZERS), seconds, steps);
      process.stdout.write(JSON.stringify(m) + "\n");
      return;
    }

    const json = o.json;
    const engines: BenchEngine[] = o.engine === "all" ? ["wasm", "ts"] : [o.engine];
    const workloads = parseWorkloads(o.workload);
    const optimizers = parseOptimizers(o.optimizer);
    const reps = o.reps;
    // the native run takes ~12 s per workload: on by default for the table, opt-in for --json
    const native: boolean | string = o["no-native"] ? false
      : o.native !== undefined ? o.native
      : json ? process.env.RNNBENCH_NATIVE !== undefined : true;
    const kernels = o.kernels || (!json && !o["no-kernels"]);
    const root = packageRoot();
    const cacheDir = existsSync(path.join(root, "node_modules")) ? path.join(root, "node_modules/.cache/rnn-explorer") : path.join(os.tmpdir(), "rnn-explorer-cache");
    const script = process.argv[1];

    const report = await runNodeBench({
      engines, workloads, optimizers, reps, seconds, steps, inProcess: o["in-process"] || !script,
      native, kernels, roots: [root], cacheDir, script, log: (s) => process.stderr.write(s),
    });

    if (json) {
      process.stdout.write(JSON.stringify(report) + "\n");
    } else {
      process.stdout.write(markdownReport(report));
    }
    const out = o.out ?? (json ? undefined : "bench/results");
    if (out !== undefined) {
      mkdirSync(out, { recursive: true });
      const file = path.join(out, `${(report.machine.date as string).replace(/[:]/g, "-").replace(/\.\d+Z$/, "Z")}.json`);
      writeFileSync(file, JSON.stringify(report, null, 2) + "\n");
      process.stderr.write(`wrote ${file}\n`);
    }
  },
});
