/**
 * The bundles carry the wasm core deflated and base64-encoded (scripts/wasm-module.mjs): about 3 KB
 * less after gzip than base64 of the raw bytes, because base64 hides the bytes' structure from gzip
 * while deflated bytes have none left to find. DecompressionStream inflates it (browsers and Node ≥ 18).
 */
export async function inflateBase64(b64: string): Promise<Uint8Array> {
  const packed = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
  const stream = new Blob([packed]).stream().pipeThrough(new DecompressionStream("deflate-raw"));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}
