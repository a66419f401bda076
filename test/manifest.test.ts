// What course authors read about the views (custom-elements.json, docs/elements.md, both generated from
// the elements' JSDoc by scripts/manifest.mjs) names the events an LMS wrapper listens for.
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, test } from "vitest";
import { VIEW_NAMES } from "../lessons/views.js";

const root = path.resolve(import.meta.dirname, "..");
type Declaration = { tagName?: string; events?: { name: string }[] };
const manifest = JSON.parse(readFileSync(path.join(root, "custom-elements.json"), "utf8")) as { modules: { declarations?: Declaration[] }[] };
const byTag = new Map(manifest.modules.flatMap((m) => m.declarations ?? []).filter((d) => d.tagName).map((d) => [d.tagName!, d]));

describe("the element manifest", () => {
  test.each(VIEW_NAMES.map((v) => `rnn-${v}`))("%s documents rnn-main-action", (tag) => {
    expect(byTag.get(tag)?.events?.map((e) => e.name), tag).toContain("rnn-main-action");
  });

  test("the experiments view documents rnn-score, which the SCORM run-time turns into the lesson's score", () => {
    expect(byTag.get("rnn-experiments")?.events?.map((e) => e.name)).toContain("rnn-score");
    expect(readFileSync(path.join(root, "docs/elements.md"), "utf8")).toMatch(/rnn-main-action/);
  });
});
