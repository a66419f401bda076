import { defineConfig, type Plugin } from "vitest/config";
import { playwright } from "@vitest/browser-playwright";
import path from "node:path";
// @ts-expect-error plain ESM build script without types
import { workerSource } from "./scripts/build.mjs";
// @ts-expect-error plain ESM build script without types
import { wasmModuleSource } from "./scripts/wasm-module.mjs";
import { inFrame, readCapture, startCapture, startTaskTrace, stopTaskTrace } from "./test/browser/commands.js";

/** Same module as the bundles': `import load from "x.wasm"` gives `() => Promise<Uint8Array>`. */
const wasmBinary = (): Plugin => ({
  name: "wasm-binary", enforce: "pre",
  load(id) {
    return id.endsWith(".wasm") ? wasmModuleSource(id) : null;
  },
});

/** `import src from "inline-worker:./w.ts"` gives the worker bundled as a classic-script string. */
const inlineWorker = (): Plugin => ({
  name: "inline-worker", enforce: "pre",
  resolveId(s, importer) {
    if (s.startsWith("inline-worker:") && importer)
      return "\0inline-worker:" + path.resolve(path.dirname(importer), s.slice("inline-worker:".length));
  },
  async load(id) {
    if (id.startsWith("\0inline-worker:")) return `export default ${JSON.stringify(await workerSource(id.slice(15)))};\nexport const fallbackSource = undefined;`;
  },
});

const chromiumArgs = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
  "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic",
  // let the memory test call gc() and read an exact heap size
  "--js-flags=--expose-gc", "--enable-precise-memory-info"];

export default defineConfig({
  plugins: [wasmBinary(), inlineWorker()],
  test: {
    projects: [
      { extends: true, test: { name: "node", environment: "node", include: ["test/**/*.test.ts"],
          exclude: ["test/browser/**"], testTimeout: 60_000 } },
      { extends: true, test: { name: "browser", include: ["test/browser/**/*.test.ts"], testTimeout: 60_000,
          globalSetup: ["test/browser/server.setup.ts"],
          browser: { commands: { startCapture, readCapture, inFrame, startTaskTrace, stopTaskTrace }, enabled: true, headless: true, instances: [{ browser: "chromium" }],
            provider: playwright({ launchOptions: { executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium", args: chromiumArgs } }) } } },
    ],
  },
});
