/**
 * The native C reference (../shared/perf/rnnbench.c), built with gcc -O3 -march=native into a
 * cache folder and run on the same workloads, so the bench can report wasm ÷ native measured
 * in the same run. The bench never needs it: without the source or gcc it is skipped with a note.
 * Node only.
 */
import { execFileSync, spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { accessSync, constants, existsSync, mkdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import type { Workload } from "./workloads.js";

export interface NativeResult {
  workload: string;
  steps_per_s: number;
  min: number;
  max: number;
  gflops: number;
  reps: number;
}

export interface NativeBinary { binary: string; source?: string; note: string }

/**
 * Where the reference may be: an explicit path (--native or RNNBENCH_NATIVE), else
 * ../shared/perf/rnnbench.c beside the working directory or beside the package root.
 */
export function nativeCandidates(explicit: string | undefined, roots: readonly string[]): string[] {
  const cwd = process.cwd();
  if (explicit) return [path.resolve(cwd, explicit)];
  const env = process.env.RNNBENCH_NATIVE;
  if (env) return [path.resolve(cwd, env)];
  return [...new Set([cwd, ...roots].map((r) => path.resolve(r, "../shared/perf/rnnbench.c")))];
}

function hasGcc(): boolean {
  try { execFileSync("gcc", ["--version"], { stdio: "ignore" }); return true; } catch { return false; }
}

/**
 * Finds (and if needed compiles) the reference binary. A `.c` path is compiled with
 * `gcc -O3 -march=native` into `cacheDir` (keyed by the source's hash, so edits rebuild);
 * any other existing path is taken as a ready binary. Returns { skipped: reason } when
 * nothing usable is there.
 */
export function prepareNative(explicit: string | undefined, roots: readonly string[], cacheDir: string,
  log: (s: string) => void = () => {}): NativeBinary | { skipped: string } {
  const candidates = nativeCandidates(explicit, roots);
  const found = candidates.find((p) => existsSync(p) && statSync(p).isFile());
  if (!found) return { skipped: `native reference not found (looked at ${candidates.join(", ")}; give --native path or RNNBENCH_NATIVE)` };
  if (!found.endsWith(".c")) {
    try { accessSync(found, constants.X_OK); } catch { return { skipped: `${found} is not executable` }; }
    return { binary: found, note: `native reference: ${found}` };
  }
  if (!hasGcc()) return { skipped: "gcc not found: native reference skipped" };
  const hash = createHash("sha256").update(readFileSync(found)).digest("hex").slice(0, 12);
  const binary = path.join(cacheDir, `rnnbench-${hash}`);
  if (!existsSync(binary)) {
    mkdirSync(cacheDir, { recursive: true });
    log(`compiling ${found} (gcc -O3 -march=native)\n`);
    try {
      execFileSync("gcc", ["-O3", "-march=native", "-o", binary, found, "-lm"], { stdio: ["ignore", "ignore", "pipe"] });
    } catch (e) {
      return { skipped: `gcc failed on ${found}: ${String((e as { stderr?: Buffer }).stderr ?? e).split("\n")[0]}` };
    }
  }
  return { binary, source: found, note: `native reference: ${found} built with gcc -O3 -march=native` };
}

/** The cell/size arguments of `rnnbench bench`. */
export function nativeArgs(w: Workload): string[] { return ["bench", w.cell, String(w.hiddenSize), String(w.vocab), String(w.seqLen)]; }

/** Runs `rnnbench bench <cell> H V T` (its own warm-up and 7 repetitions, about 12 s) and parses its JSON line. */
export function runNative(binary: string, w: Workload): Promise<NativeResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(binary, nativeArgs(w), { stdio: ["ignore", "pipe", "pipe"] });
    let out = "", err = "";
    child.stdout.on("data", (d) => { out += d; });
    child.stderr.on("data", (d) => { err += d; });
    child.on("error", reject);
    child.on("close", (code) => {
      const line = out.trim().split("\n").pop() ?? "";
      try {
        if (code !== 0) throw new Error(`exit ${code}: ${err.trim()}`);
        const j = JSON.parse(line) as { steps_per_s: number; min_steps_per_s: number; max_steps_per_s: number; gflops: number; reps: number };
        resolve({ workload: w.id, steps_per_s: j.steps_per_s, min: j.min_steps_per_s, max: j.max_steps_per_s, gflops: j.gflops, reps: j.reps });
      } catch (e) { reject(new Error(`native ${w.id}: ${(e as Error).message}`)); }
    });
  });
}
