/** The wasm core as a Backend: the model's arena is a block of the core's memory. */
import type { Backend, ChunkArgs } from "../backend.js";
import { ACTIVATION_CODE, CELL_CODE, FLOAT_BUFFERS, HEADER_DIMS, HEADER_SIZE, INT_BUFFERS, LOSS_CODE, type Layout } from "../layout.js";
import type { Activation, CellKind, LossKind } from "../types.js";
import type { Allocator } from "./allocator.js";
import type { CoreExports } from "./core.js";

export class WasmBackend implements Backend {
  readonly kind = "wasm" as const;
  private readonly block: number;
  private readonly hdr: number;
  private readonly floatBase: number;
  private readonly intBase: number;
  private f32!: Float32Array;
  private i32!: Int32Array;
  private headerView!: Int32Array;
  private released = false;

  constructor(private readonly core: CoreExports, private readonly heap: Allocator, readonly layout: Layout,
    cell: CellKind, activation: Activation, loss: LossKind) {
    const headerBytes = Math.ceil((HEADER_SIZE * 4) / 64) * 64; // parameters start on a cache line
    this.block = heap.alloc(headerBytes + 4 * (layout.floatTotal + layout.intTotal));
    this.hdr = this.block;
    this.floatBase = this.block + headerBytes;
    this.intBase = this.floatBase + 4 * layout.floatTotal;
    this.refresh();
    const h = this.headerView, d = layout.dims;
    const dims: Record<(typeof HEADER_DIMS)[number], number> = {
      cell: CELL_CODE[cell], activation: ACTIVATION_CODE[activation], loss: LOSS_CODE[loss],
      I: d.inputSize, H: d.hiddenSize, O: d.outputSize, rng: 0, P: layout.P,
    };
    HEADER_DIMS.forEach((k, i) => { h[i] = dims[k]; });
    FLOAT_BUFFERS.forEach((b, i) => { h[HEADER_DIMS.length + i] = this.floatBase + 4 * layout.floatOffset[b]; });
    INT_BUFFERS.forEach((b, i) => { h[HEADER_DIMS.length + FLOAT_BUFFERS.length + i] = this.intBase + 4 * layout.intOffset[b]; });
  }

  /** Rebuilds the typed views after memory.grow detached the old buffer. */
  private refresh() {
    const buf = this.core.memory.buffer;
    this.f32 = new Float32Array(buf, this.floatBase, this.layout.floatTotal);
    this.i32 = new Int32Array(buf, this.intBase, this.layout.intTotal);
    this.headerView = new Int32Array(buf, this.hdr, HEADER_SIZE);
  }
  private check() {
    if (this.released) throw new Error("model was disposed");
    if (this.f32.buffer !== this.core.memory.buffer) this.refresh();
  }

  floats() { this.check(); return this.f32; }
  ints() { this.check(); return this.i32; }
  get rngState() { this.check(); return this.headerView[HEADER_DIMS.indexOf("rng")] >>> 0; }
  set rngState(s: number) { this.check(); this.headerView[HEADER_DIMS.indexOf("rng")] = s | 0; }

  forward(T: number, inputMode: number, samplingProb: number) { this.check(); return this.core.forward(this.hdr, T, inputMode, samplingProb); }
  backward(T: number, inputMode: number, gradScale: number, stepNorms = true) { this.check(); this.core.backward(this.hdr, T, inputMode, gradScale, stepNorms ? 1 : 0); }
  clip(mode: number, threshold: number) { this.check(); return this.core.clip(this.hdr, mode, threshold); }
  update(opt: number, lr: number, b1: number, b2: number, eps: number, step: number, start: number, len: number) {
    this.check(); this.core.update(this.hdr, opt, lr, b1, b2, eps, step, start, len);
  }
  trainChunk(a: ChunkArgs) {
    this.check();
    this.core.trainChunk(this.hdr, a.T, a.inputMode, a.samplingProb, a.meanLoss ? 1 : 0, a.clipMode, a.clipThreshold,
      a.optimizer, a.lr, a.beta1, a.beta2, a.eps, a.step, a.freezeMask, a.stepGradNorms ? 1 : 0);
  }

  dispose() {
    if (this.released) return;
    this.released = true;
    this.heap.release(this.block);
  }
}
