declare module "*.wasm" {
  /** The module's bytes, inflated on the first call (the bundles carry them deflated: scripts/wasm-module.mjs). */
  const load: () => Promise<Uint8Array>;
  export default load;
}
declare module "inline-worker:*" {
  const source: string;
  export default source;
  /** Another source to try when workers from `source` cannot start (the per-element build's inlined worker). */
  export const fallbackSource: (() => Promise<string>) | undefined;
}
