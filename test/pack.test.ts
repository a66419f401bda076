/**
 * `rnn-explorer pack --scorm`: the zip reads back with every CRC right, its manifest is a SCORM
 * 1.2 manifest whose items, resources and files agree with the zip, each launch page loads only
 * files inside the zip, and every bad flag is refused with one line and exit 2.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { relativeReferences } from "../cli/bundle-files.js";
import { writeZip } from "../cli/zip.js";
import { VIEW_NAMES } from "../lessons/views.js";
import { readZip } from "./zip-reader.js";

const cli = path.resolve(import.meta.dirname, "../dist/cli.js");
const run = (args: string[]) => spawnSync(process.execPath, [cli, ...args], { encoding: "utf8", timeout: 60_000 });
const dir = mkdtempSync(path.join(tmpdir(), "rnn-pack-"));

function expectRefusal(r: ReturnType<typeof run>, message: RegExp) {
  expect(r.error, "the command did not finish in time").toBeUndefined();
  expect(r.status, r.stderr).toBe(2);
  const lines = r.stderr.trim().split("\n");
  expect(lines, r.stderr).toHaveLength(1);
  expect(lines[0]).toMatch(message);
}

/** Attribute values of every `<tag …>` in the XML, in document order. */
const tags = (xml: string, tag: string) => [...xml.matchAll(new RegExp(`<${tag}\\b([^>]*)>`, "g"))]
  .map((m) => Object.fromEntries([...m[1].matchAll(/([\w:]+)="([^"]*)"/g)].map((a) => [a[1], a[2]])));

describe("the zip writer", () => {
  it("writes entries that read back byte for byte, deflated where that is smaller, with the right CRC-32", () => {
    const text = Buffer.from("the same line again\n".repeat(200));
    const noise = Buffer.from(Array.from({ length: 300 }, (_, k) => (k * 2654435761) >>> 24));
    const zip = writeZip([{ name: "a.txt", data: text }, { name: "sub/b.bin", data: noise }, { name: "empty", data: new Uint8Array(0) }], new Date(2024, 0, 2, 3, 4, 6));
    const back = readZip(zip);
    expect(back.map((e) => e.name)).toEqual(["a.txt", "sub/b.bin", "empty"]);
    expect(back[0].data.equals(text)).toBe(true);
    expect(back[0].method).toBe(8);
    expect(back[1].data.equals(noise)).toBe(true);
    expect(back[1].method).toBe(0);
    expect(back[2].data.length).toBe(0);
    // the CRC-32 check value of "123456789"
    expect(readZip(writeZip([{ name: "c", data: Buffer.from("123456789") }], new Date()))[0].crc).toBe(0xcbf43926);
  });

  it("refuses names that would escape the folder it is unpacked into, and repeated names", () => {
    expect(() => writeZip([{ name: "../x", data: new Uint8Array(1) }], new Date())).toThrow(/relative path/);
    expect(() => writeZip([{ name: "/etc/x", data: new Uint8Array(1) }], new Date())).toThrow(/relative path/);
    expect(() => writeZip([{ name: "a", data: new Uint8Array(1) }, { name: "a", data: new Uint8Array(1) }], new Date())).toThrow(/twice/);
  });

  it.skipIf(spawnSync("unzip", ["-v"]).status !== 0)("is accepted by Info-ZIP's unzip -t", () => {
    const f = path.join(dir, "t.zip");
    writeFileSync(f, writeZip([{ name: "a.txt", data: Buffer.from("hello\n".repeat(50)) }, { name: "b/c.txt", data: Buffer.from("x") }], new Date()));
    const r = spawnSync("unzip", ["-t", f], { encoding: "utf8" });
    expect(r.status, r.stdout + r.stderr).toBe(0);
    expect(r.stdout).toMatch(/No errors detected/);
  });
});

describe("rnn-explorer pack --scorm", () => {
  const out = path.join(dir, "lesson.zip");
  const r = run(["pack", "--scorm", "--view", "bptt", "--view", "lstm,gru", "--out", out, "--title", "RNNs & gates"]);

  it("writes a zip and says what is in it", () => {
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/3 SCORM 1\.2 activities \(bptt, lstm, gru\), 6 files/);
  });

  it("holds a SCORM 1.2 manifest at the root that lists every file, one SCO per view", () => {
    const entries = readZip(readFileSync(out));
    const names = entries.map((e) => e.name);
    expect(names[0]).toBe("imsmanifest.xml");
    expect(names.filter((n) => n === "rnn-explorer.js")).toHaveLength(1);
    const xml = entries[0].data.toString("utf8");
    expect(xml).toMatch(/<schema>ADL SCORM<\/schema>\s*<schemaversion>1\.2<\/schemaversion>/);
    expect(xml).toContain('xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_rootv1p2"');
    expect(xml).toContain("<title>RNNs &amp; gates</title>");

    const orgs = tags(xml, "organization"), items = tags(xml, "item"), resources = tags(xml, "resource"), files = tags(xml, "file");
    expect(orgs).toHaveLength(1);
    expect(tags(xml, "organizations")[0].default).toBe(orgs[0].identifier);
    const ids = [...orgs, ...items, ...resources].map((e) => e.identifier);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[A-Za-z_][\w.-]*$/); // xs:ID
    expect(items.map((i) => i.identifierref)).toEqual(["sco-bptt", "sco-lstm", "sco-gru"]);
    const scos = resources.filter((x) => x["adlcp:scormtype"] === "sco");
    expect(scos.map((x) => x.identifier)).toEqual(["sco-bptt", "sco-lstm", "sco-gru"]);
    for (const sco of scos) expect(names).toContain(sco.href);
    for (const d of tags(xml, "dependency")) expect(resources.map((x) => x.identifier)).toContain(d.identifierref);
    // every file in the zip is listed, and every listed file is in the zip
    expect(new Set(files.map((f) => f.href))).toEqual(new Set(names.filter((n) => n !== "imsmanifest.xml")));
  });

  it("has launch pages that show their view and load only scripts inside the zip", () => {
    const entries = readZip(readFileSync(out));
    const names = new Set(entries.map((e) => e.name));
    const page = entries.find((e) => e.name === "view-lstm.html")!.data.toString("utf8");
    expect(page).toContain('<rnn-explorer view="lstm" label="RNNs &amp; gates"');
    expect(page).toContain("<title>LSTM cell</title>");
    expect(page).toMatch(/Content-Security-Policy" content="default-src 'none'; script-src 'self'/);
    expect(page).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/); // no inline script
    expect(page).not.toMatch(/(?:src|href)="(?:https?:)?\/\//);
    const scripts = [...page.matchAll(/<script[^>]*src="([^"]+)"/g)].map((m) => m[1]);
    expect(scripts).toEqual(["scorm.js", "rnn-explorer.js"]);
    for (const s of scripts) {
      expect(names).toContain(s);
      for (const ref of relativeReferences(entries.find((e) => e.name === s)!.data.toString("utf8"))) expect(names).toContain(path.posix.normalize(ref));
    }
  });

  it("packs the files a split bundle refers to (chunks, workers) and refuses one that is missing", () => {
    const dist = path.join(dir, "split-dist");
    mkdirSync(path.join(dist, "chunks"), { recursive: true });
    writeFileSync(path.join(dist, "rnn-explorer.js"), `import{a}from"./chunks/a.js";const w=new URL("./worker.js",import.meta.url);import("./chunks/b.js");`);
    writeFileSync(path.join(dist, "chunks/a.js"), `export const a=1;import"../shared.js";`);
    writeFileSync(path.join(dist, "chunks/b.js"), `export default 2;`);
    writeFileSync(path.join(dist, "shared.js"), `export {};`);
    writeFileSync(path.join(dist, "worker.js"), `self.onmessage=()=>{};`);
    writeFileSync(path.join(dist, "scorm.js"), `export {};`);
    const zip = path.join(dir, "split.zip");
    const ok = run(["pack", "--scorm", "--view", "esn", "--out", zip, "--dist", dist]);
    expect(ok.status, ok.stderr).toBe(0);
    expect(readZip(readFileSync(zip)).map((e) => e.name).sort()).toEqual(
      ["chunks/a.js", "chunks/b.js", "imsmanifest.xml", "rnn-explorer.js", "scorm.js", "shared.js", "view-esn.html", "worker.js"]);
    writeFileSync(path.join(dist, "chunks/b.js"), `import"./gone.js";`);
    expectRefusal(run(["pack", "--scorm", "--view", "esn", "--out", zip, "--dist", dist]), /chunks\/gone\.js is missing: run `npm run build` first/);
  });

  it("packs every view", () => {
    const all = path.join(dir, "all.zip");
    const r2 = run(["pack", "--scorm", "--view", VIEW_NAMES.join(","), "--out", all]);
    expect(r2.status, r2.stderr).toBe(0);
    const names = readZip(readFileSync(all)).map((e) => e.name);
    for (const v of VIEW_NAMES) expect(names).toContain(`view-${v}.html`);
  });
});

describe("pack refuses bad flags with one line and exit 2", () => {
  const out = path.join(dir, "x.zip");
  it.each([
    ["an unknown view, listing the valid ones", ["--scorm", "--view", "cnn", "--out", out], /--view must be one of "shift-register", "feedback", .*"bench", got "cnn"/],
    ["no view", ["--scorm", "--out", out], /--view is required: give one or more of shift-register, feedback/],
    ["an empty view", ["--scorm", "--view", "bptt,", "--out", out], /--view needs a non-empty value/],
    ["no --scorm", ["--view", "bptt", "--out", out], /--scorm is required/],
    ["no --out", ["--scorm", "--view", "bptt"], /--out is required/],
    ["--out in a missing folder", ["--scorm", "--view", "bptt", "--out", "/nonexistent/dir/l.zip"], /--out \/nonexistent\/dir\/l\.zip: folder \/nonexistent\/dir does not exist/],
    ["a missing bundle folder", ["--scorm", "--view", "bptt", "--out", out, "--dist", path.join(dir, "no-dist")], /--dist .*no-dist does not exist: run `npm run build` first/],
    ["a bundle folder without the bundle", ["--scorm", "--view", "bptt", "--out", out, "--dist", dir], /scorm\.js is missing: run `npm run build` first/],
    ["an unknown option", ["--scorm", "--view", "bptt", "--out", out, "--format", "xapi"], /unknown option --format/],
  ])("%s", (_, args, message) => {
    expectRefusal(run(["pack", ...args]), message);
    expect(existsSync(out)).toBe(false);
  });
});
