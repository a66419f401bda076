// A tiny static server (`npm start`): / is the course page, /gallery/catalog.html the element catalogue, /dist/ the
// bundles, /custom-elements.json the manifest. Loopback only; PORT or 8080.
import { createServer } from "node:http";
import { existsSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const TYPES = { ".html": "text/html; charset=utf-8", ".js": "text/javascript; charset=utf-8", ".mjs": "text/javascript; charset=utf-8",
  ".json": "application/json; charset=utf-8", ".css": "text/css; charset=utf-8", ".svg": "image/svg+xml", ".png": "image/png",
  ".wasm": "application/wasm", ".md": "text/markdown; charset=utf-8" };

/** URL prefix → folder (relative to the repo, or absolute). */
const DEFAULT_ROUTES = { "/dist/": "dist", "/gallery/": "gallery", "/custom-elements.json": "custom-elements.json" };

/** A percent-decoded path, or null for a malformed escape (answered 400, never a crash). */
function decodePath(p) {
  try { return decodeURIComponent(p); } catch { return null; }
}

export function startServer({ port = Number(process.env.PORT ?? 8080), host = "127.0.0.1", routes = {} } = {}) {
  const table = { ...DEFAULT_ROUTES, ...routes };
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://x");
    let file = null;
    if (url.pathname === "/" || url.pathname === "/index.html") file = path.join(root, "gallery/index.html");
    else for (const [prefix, dir] of Object.entries(table)) {
      if (url.pathname === prefix || (prefix.endsWith("/") && url.pathname.startsWith(prefix))) {
        const base = path.resolve(root, dir), rel = decodePath(url.pathname.slice(prefix.length));
        if (rel === null) { res.writeHead(400, { "Content-Type": "text/plain" }); res.end("bad request: malformed URL escape\n"); return; }
        const full = path.resolve(base, rel);
        if (full === base || full.startsWith(base + path.sep)) file = full;
        break;
      }
    }
    if (file && existsSync(file) && statSync(file).isDirectory()) file = path.join(file, "index.html");
    // Module scripts loaded by sandboxed or opaque-origin pages (LMS iframes, srcdoc) need CORS.
    const headers = { "Access-Control-Allow-Origin": "*", "Cache-Control": "no-cache", "X-Content-Type-Options": "nosniff" };
    if (url.pathname === "/favicon.ico") { res.writeHead(204, headers); res.end(); return; }
    if (!file || !existsSync(file)) { res.writeHead(404, { ...headers, "Content-Type": "text/plain" }); res.end("not found\n"); return; }
    res.writeHead(200, { ...headers, "Content-Type": TYPES[path.extname(file)] ?? "application/octet-stream" });
    res.end(req.method === "HEAD" ? undefined : readFileSync(file));
  });
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      const a = server.address();
      resolve({ server, url: `http://${host}:${typeof a === "object" && a ? a.port : port}` });
    });
  });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { url } = await startServer();
  console.log(`rnn-explorer course: ${url}/  (element catalogue: ${url}/gallery/catalog.html, bundles under ${url}/dist/)`);
}
