/** The dev server answers a malformed URL with 400 and keeps serving. */
import { afterAll, expect, it } from "vitest";
// @ts-expect-error plain .mjs script without types
import { startServer } from "../scripts/serve.mjs";

const started: Promise<{ server: import("node:http").Server; url: string }> = startServer({ port: 0 });
afterAll(async () => (await started).server.close());

it("a malformed percent escape gets 400, and the next request is served", async () => {
  const { url } = await started;
  const bad = await fetch(`${url}/dist/%E0%A4%A`);
  expect(bad.status).toBe(400);
  const ok = await fetch(`${url}/dist/no-such-file.js`);
  expect(ok.status).toBe(404);
});
