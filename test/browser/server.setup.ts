// Serves the built bundle from a second origin (scripts/serve.mjs, as `npm start` does),
// so tests load dist/rnn-explorer.js exactly as a page elsewhere would. It also serves a
// SCORM package of every view, unpacked as an LMS does, with scorm-again as the LMS side.
import type { TestProject } from "vitest/node";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
// @ts-expect-error plain ESM script without types
import { startServer } from "../../scripts/serve.mjs";
import { scormEntries } from "../../cli/pack.js";
import { writeZip } from "../../cli/zip.js";
import { VIEW_NAMES } from "../../lessons/views.js";
import { readZip } from "../zip-reader.js";

const root = path.resolve(import.meta.dirname, "../..");

/** Packs every view as `rnn-explorer pack --scorm` does and unpacks the zip into a fresh folder. */
function unpackedScorm(): string {
  const dir = mkdtempSync(path.join(tmpdir(), "rnn-scorm-"));
  const zip = writeZip(scormEntries({ views: [...VIEW_NAMES], distDir: path.join(root, "dist"), title: "RNN explorer" }), new Date());
  for (const e of readZip(zip)) {
    mkdirSync(path.dirname(path.join(dir, e.name)), { recursive: true });
    writeFileSync(path.join(dir, e.name), e.data);
  }
  return dir;
}

export default async function setup(project: TestProject) {
  const scorm = unpackedScorm();
  const { server, url } = await startServer({ port: 0, routes: {
    "/fixtures/": "test/browser/fixtures", "/scorm/": scorm, "/scorm-again/": "node_modules/scorm-again/dist",
  } });
  project.provide("bundleOrigin", url);
  return () => new Promise<void>((r) => server.close(() => { rmSync(scorm, { recursive: true, force: true }); r(); }));
}

declare module "vitest" {
  interface ProvidedContext { bundleOrigin: string }
}
