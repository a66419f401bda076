// Serves the built bundle from a second origin (scripts/serve.mjs, as `npm start` does),
// so tests load dist/rnn-explorer.js exactly as a page elsewhere would.
import type { TestProject } from "vitest/node";
// @ts-expect-error plain ESM script without types
import { startServer } from "../../scripts/serve.mjs";

export default async function setup(project: TestProject) {
  const { server, url } = await startServer({ port: 0, routes: { "/fixtures/": "test/browser/fixtures" } });
  project.provide("bundleOrigin", url);
  return () => new Promise<void>((r) => server.close(() => r()));
}

declare module "vitest" {
  interface ProvidedContext { bundleOrigin: string }
}
