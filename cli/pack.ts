/**
 * `rnn-explorer pack --scorm --view NAME [--view …] --out lesson.zip`: a SCORM 1.2 package of
 * lesson views for an LMS (Moodle, Canvas, Blackboard, …). Each view is one SCO; the zip holds
 * imsmanifest.xml, one launch page per view, the bundle and the SCORM run-time, and nothing the
 * pages would fetch from elsewhere.
 */
import { readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fail, oneOf } from "../bindings/validate.js";
import { VIEW_NAMES, type ViewName } from "../lessons/views.js";
import { flag, list, text } from "./args.js";
import { bundleFiles } from "./bundle-files.js";
import { defineCommand } from "./command.js";
import { checkWritableFile, packageRoot } from "./files.js";
import { MANIFEST, pageName, scoPage, scormManifest } from "./scorm-package.js";
import { writeZip, type ZipEntry } from "./zip.js";

/** The modules each launch page loads, in order: the run-time first (it restores saved settings before the elements upgrade), then the elements. */
export const PAGE_SCRIPTS = ["scorm.js", "rnn-explorer.js"] as const;

export interface PackOptions { views: ViewName[]; out: string; distDir: string; title: string }

/** Builds the package's files (manifest first) from a built dist/ folder. */
export function scormEntries({ views, distDir, title }: Omit<PackOptions, "out">): ZipEntry[] {
  const shared = bundleFiles(distDir, PAGE_SCRIPTS);
  const identifier = `rnn-explorer-${views.join("-")}`;
  const text = (s: string) => new TextEncoder().encode(s);
  return [
    { name: MANIFEST, data: text(scormManifest({ identifier, title, views, shared })) },
    ...views.map((v) => ({ name: pageName(v), data: text(scoPage(v, PAGE_SCRIPTS, title)) })),
    ...shared.map((f) => ({ name: f, data: readFileSync(path.join(distDir, f)) })),
  ];
}

/** Writes the zip and returns what went in; entries are stamped with the bundle's build time. */
export function packScorm(o: PackOptions): { entries: ZipEntry[]; bytes: number } {
  const entries = scormEntries(o);
  const zip = writeZip(entries, statSync(path.join(o.distDir, "rnn-explorer.js")).mtime);
  writeFileSync(o.out, zip);
  return { entries, bytes: zip.length };
}

export const pack = defineCommand({
  name: "pack",
  summary: "a SCORM 1.2 package of lesson views, to upload to an LMS as tracked activities",
  usage: `rnn-explorer pack --scorm --view NAME [--view NAME ...] --out lesson.zip [--title "Course title"] [--dist dist]\n    views: ${VIEW_NAMES.join(", ")}`,
  options: { scorm: flag(), view: list(), out: text(), title: text("RNN explorer"), dist: text() },
  async run({ values: o }) {
    if (!o.scorm) fail("--scorm is required: a SCORM 1.2 package is the format pack writes");
    if (o.view.length === 0) fail(`--view is required: give one or more of ${VIEW_NAMES.join(", ")}`);
    const views = [...new Set(o.view.map((v) => oneOf("--view", v, VIEW_NAMES)))];
    if (o.out === undefined) fail("--out is required: the zip file to write, e.g. --out lesson.zip");
    const out = checkWritableFile("--out", o.out);
    const distDir = path.resolve(o.dist ?? path.join(packageRoot(), "dist"));
    try { if (!statSync(distDir).isDirectory()) fail(`--dist ${distDir} is not a folder`); } catch (e) {
      if (e instanceof Error && e.name === "ValidationError") throw e;
      fail(`--dist ${distDir} does not exist: run \`npm run build\` first`);
    }
    const { entries, bytes } = packScorm({ views, out, distDir, title: o.title });
    process.stdout.write(`wrote ${o.out}: ${views.length} SCORM 1.2 ${views.length === 1 ? "activity" : "activities"} (${views.join(", ")}), ` +
      `${entries.length} files, ${(bytes / 1024).toFixed(0)} KiB\n`);
  },
});
