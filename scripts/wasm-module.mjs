// `import loadCore from "x.wasm"` gives `() => Promise<Uint8Array>`: the module's bytes, deflated
// in the bundle and inflated once, on the first call (bindings/wasm/inflate.ts). Used by esbuild
// (wasmDeflated) and by vitest (vitest.config.ts), so tests load the core the way the bundles do.
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { deflateRawSync } from "node:zlib";

const inflate = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../bindings/wasm/inflate.ts");

export function wasmModuleSource(file) {
  const b64 = deflateRawSync(readFileSync(file), { level: 9 }).toString("base64");
  return `import { inflateBase64 } from ${JSON.stringify(inflate)};
let bytes;
export default () => (bytes ??= inflateBase64(${JSON.stringify(b64)}));
`;
}

export const wasmDeflated = {
  name: "wasm-deflated",
  setup(build) {
    build.onLoad({ filter: /\.wasm$/ }, (a) => ({ contents: wasmModuleSource(a.path), loader: "js", resolveDir: path.dirname(a.path), watchFiles: [a.path] }));
  },
};
