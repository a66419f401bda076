import { describe, it } from "vitest";
import { readFileSync, readdirSync } from "node:fs";
import { createEngine } from "../bindings/engine.js";
import { parseCase, runCase } from "../bindings/conformance.js";
import { expectClose } from "./helpers.js";

const dir = new URL("./golden/", import.meta.url);
const goldens = readdirSync(dir).filter((f) => f.endsWith(".json")).map((f) => ({ f, g: JSON.parse(readFileSync(new URL(f, dir), "utf8")) }));

describe.each(["wasm", "ts"] as const)("golden worked examples on %s", (kind) => {
  it.each(goldens)("$f", async ({ g }) => {
    const r = runCase(await createEngine(kind), parseCase(g.case));
    const e = g.expected;
    expectClose(r.loss, e.loss, "loss");
    expectClose(r.hidden, e.hidden, "hidden");
    expectClose(r.outputs, e.outputs, "outputs");
    for (const k of Object.keys(e.grads)) expectClose((r.grads as unknown as Record<string, unknown>)[k], e.grads[k], `grads.${k}`);
  });
});
