/** Instantiates the inlined core.wasm (no imports, no fetch) and types its exports. */
import loadCoreBytes from "../../build/core.wasm";

/** The core's bytes (typed here, so published declarations do not point at the .wasm file). */
export function wasmBytes(): Promise<Uint8Array> {
  return loadCoreBytes();
}

export interface CoreExports {
  memory: WebAssembly.Memory;
  heapBase(): number;
  forward(hdr: number, T: number, inputMode: number, samplingProb: number): number;
  backward(hdr: number, T: number, inputMode: number, gradScale: number, stepNorms: number): void;
  clip(hdr: number, mode: number, threshold: number): number;
  update(hdr: number, opt: number, lr: number, b1: number, b2: number, eps: number, step: number, start: number, len: number): void;
  trainChunk(hdr: number, T: number, inputMode: number, samplingProb: number, meanLoss: number, clipMode: number, threshold: number,
    opt: number, lr: number, b1: number, b2: number, eps: number, step: number, freezeMask: number, stepNorms: number): void;
  matVecAcc(w: number, x: number, rows: number, cols: number, out: number): void;
  matTVecAcc(w: number, d: number, rows: number, cols: number, out: number): void;
  outerAcc(g: number, rows: number, cols: number, d: number, a: number): void;
  outerSum(g: number, rows: number, cols: number, D: number, ldd: number, A: number, lda: number, T: number): void;
  /** out[t,r] = src[r] + Σ_c W[r,c]·X[t,c] for t < T (row strides ldx, ldo) */
  matMatT(w: number, rows: number, cols: number, X: number, ldx: number, T: number, src: number, out: number, ldo: number): void;
  /** out[t,c] = Σ_r D[t,r]·W[r,c] for t < T (row strides ldd, ldo) */
  matTMat(w: number, rows: number, cols: number, D: number, ldd: number, T: number, out: number, ldo: number): void;
  tanhArray(x: number, out: number, n: number): void;
  sigmoidArray(x: number, out: number, n: number): void;
  /** advances the uint32 PRNG state stored at `slot`; returns a float in [0, 1) */
  nextUniform(slot: number): number;
}

let compiled: Promise<WebAssembly.Module> | undefined;

/** The compiled module, shared by every instance (and postable to workers). */
export function coreModule(): Promise<WebAssembly.Module> {
  return (compiled ??= wasmBytes().then((b) => WebAssembly.compile(b as BufferSource)));
}

export async function instantiateCore(module?: WebAssembly.Module): Promise<CoreExports> {
  const instance = await WebAssembly.instantiate(module ?? (await coreModule()), {});
  return instance.exports as unknown as CoreExports;
}

