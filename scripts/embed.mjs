// Writes dist/embed.html: one self-contained page (bundle inlined, no request) that
// reads <rnn-explorer> settings from its URL query, writes the reader's changes back and
// posts its height to the parent (components/embed/). Its CSP allows exactly its own script.
import * as esbuild from "esbuild";
import { createHash } from "node:crypto";
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

export const EMBED_CSP = (hash) =>
  `default-src 'none'; script-src '${hash}' 'wasm-unsafe-eval'; style-src 'unsafe-inline'; worker-src blob:`;

export async function buildEmbed({ common }) {
  const r = await esbuild.build({ ...common, format: "iife", entryPoints: ["components/embed/embed.ts"], write: false,
    define: { "import.meta.url": "undefined" } });
  const js = r.outputFiles[0].text;
  // these sequences would end or confuse an inline <script> element
  for (const bad of [/<\/script/i, /<!--/]) {
    if (bad.test(js)) throw new Error(`embed.html: the bundle contains ${bad} and cannot be inlined safely`);
  }
  const hash = "sha256-" + createHash("sha256").update(js).digest("base64");
  const html = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="${EMBED_CSP(hash)}">
<meta name="referrer" content="no-referrer">
<title>RNN explorer</title>
<style>html{color-scheme:light dark;height:100%}body{margin:0;height:100%;background:Canvas;color:CanvasText;font-family:system-ui,sans-serif}rnn-explorer{border-radius:0}</style>
</head>
<body>
<noscript>This interactive lesson needs JavaScript.</noscript>
<script>${js}</script>
</body>
</html>
`;
  mkdirSync(path.join(root, "dist"), { recursive: true });
  writeFileSync(path.join(root, "dist/embed.html"), html);
  return "dist/embed.html";
}
