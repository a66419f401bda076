declare module "*.wasm" {
  const bytes: Uint8Array;
  export default bytes;
}
declare module "inline-worker:*" {
  const source: string;
  export default source;
}
