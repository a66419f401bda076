// The package as a consumer gets it: packed to a tarball, installed into an empty project (its
// dependencies from the registry or the local npm cache), typechecked strictly, run from Node and
// bundled into a Vite page. Skipped, with the reason, only when the registry cannot be reached.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";

const root = path.resolve(import.meta.dirname, "..");
const bin = (name: string) => path.join(root, "node_modules/.bin", name);
const run = (cmd: string, args: string[], cwd: string) =>
  execFileSync(cmd, args, { cwd, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"], timeout: 120_000 });

function registryReachable(): string | undefined {
  try { run("npm", ["view", "lit@3.3.3", "version", "--prefer-offline"], root); return undefined; }
  catch (e) { return (e as Error).message.split("\n")[0]; }
}
const unreachable = registryReachable();
if (unreachable) console.warn(`package-install test skipped: the npm registry is unreachable (${unreachable})`);

describe.skipIf(!!unreachable)("the packed package in an empty project", () => {
  let dir = "";
  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), "rnn-explorer-consumer-"));
    // dist/ is built by `npm test`'s pretest; the declarations are what prepack adds
    run(bin("tsc"), ["-p", "tsconfig.types.json"], root);
    run("npm", ["pack", "--ignore-scripts", "--pack-destination", dir], root);
    const tarball = readdirSync(dir).find((f) => f.endsWith(".tgz"))!;
    writeFileSync(path.join(dir, "package.json"), JSON.stringify({ name: "consumer", private: true, type: "module" }));
    run("npm", ["install", "--prefer-offline", "--no-audit", "--no-fund", `./${tarball}`], dir);
  }, 180_000);
  afterAll(() => { if (dir) rmSync(dir, { recursive: true, force: true }); });

  test("installs only what it needs at run time: lit (its types)", () => {
    const installed = readdirSync(path.join(dir, "node_modules"));
    expect(installed).toContain("lit");
    expect(installed.filter((n) => !n.startsWith(".") && !/^(@lit|@lit-labs|@types|lit|lit-element|lit-html|rnn-explorer)$/.test(n))).toEqual([]);
  });

  test("typechecks with strict TypeScript and skipLibCheck off", () => {
    writeFileSync(path.join(dir, "main.ts"), `import "rnn-explorer";
import { createEngine } from "rnn-explorer/engine";
import { runTask } from "rnn-explorer/worker";
const el: HTMLElementTagNameMap["rnn-explorer"] = document.createElement("rnn-explorer");
el.view = "bptt";
export const engine: Promise<unknown> = createEngine("wasm");
export const start: typeof runTask = runTask;
`);
    writeFileSync(path.join(dir, "tsconfig.json"), JSON.stringify({ compilerOptions: {
      target: "ES2022", module: "ESNext", moduleResolution: "Bundler", lib: ["ES2022", "DOM", "DOM.Iterable"],
      strict: true, skipLibCheck: false, noEmit: true, types: [] }, files: ["main.ts"] }));
    expect(() => run(bin("tsc"), ["-p", "."], dir)).not.toThrow();
  });

  test("its engine trains from Node and the worker entry loads without the elements", () => {
    writeFileSync(path.join(dir, "train.mjs"), `import { createEngine } from "rnn-explorer/engine";
const engine = await createEngine("wasm");
const m = engine.createModel({ cell: "rnn", inputSize: 3, hiddenSize: 8, outputSize: 3, maxSeqLen: 6, seed: 1 });
const seq = { tokens: [0, 1, 2, 0, 1, 2], targets: [1, 2, 0, 1, 2, 0] };
const first = m.trainChunk(seq, { optimizer: { kind: "adam", lr: 0.05 } }).loss;
let last = first;
for (let i = 0; i < 200; i++) last = m.trainChunk(seq, { optimizer: { kind: "adam", lr: 0.05 } }).loss;
const worker = await import("rnn-explorer/worker");
const { readFileSync } = await import("node:fs");
const workerFile = readFileSync(new URL(import.meta.resolve("rnn-explorer/worker")), "utf8");
console.log(JSON.stringify({ first, last, runTask: typeof worker.runTask, elements: workerFile.includes("rnn-tabs") }));
`);
    const r = JSON.parse(run("node", ["train.mjs"], dir));
    expect(r.last).toBeLessThan(r.first / 4);
    expect(r.runTask).toBe("function");
    expect(r.elements).toBe(false);
  });

  test("npx rnn-explorer runs the installed command on a golden case", () => {
    expect(run("npx", ["--no-install", "rnn-explorer", "--help"], dir)).toMatch(/^usage: rnn-explorer <command>/);
    const golden = JSON.parse(readFileSync(path.join(root, "test/golden/worked-example-h1.json"), "utf8"));
    writeFileSync(path.join(dir, "case.json"), JSON.stringify(golden.case));
    const out = JSON.parse(run("npx", ["--no-install", "rnn-explorer", "grad", "case.json"], dir));
    expect(out.loss).toBeCloseTo(golden.expected.loss, 6);
  });

  test("the elements load in a Vite page", () => {
    writeFileSync(path.join(dir, "index.html"), `<!doctype html><script type="module" src="./page.js"></script><rnn-explorer view="bptt"></rnn-explorer>`);
    writeFileSync(path.join(dir, "page.js"), `import "rnn-explorer";\nconsole.log(customElements.get("rnn-explorer") ? "defined" : "missing");\n`);
    run(bin("vite"), ["build", "--logLevel", "error", "--outDir", "out"], dir);
    const js = readdirSync(path.join(dir, "out/assets")).filter((f) => f.endsWith(".js"));
    expect(js.length).toBeGreaterThan(0);
  });
});
