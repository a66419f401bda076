/** The TS twin as a Backend: a plain typed-array arena and the kernels of kernels.ts. */
import { updateRanges, type Backend, type ChunkArgs } from "../backend.js";
import { ACTIVATION_CODE, CELL_CODE, LOSS_CODE, STAT, type Layout } from "../layout.js";
import { Rng } from "../prng.js";
import type { Activation, CellKind, LossKind } from "../types.js";
import * as K from "./kernels.js";

export type Precision = "f32" | "f64";

export class TwinBackend implements Backend {
  readonly kind = "ts" as const;
  private readonly A: K.TwinArena;

  constructor(readonly layout: Layout, cell: CellKind, activation: Activation, loss: LossKind, precision: Precision = "f32") {
    const f = precision === "f64" ? new Float64Array(layout.floatTotal) : new Float32Array(layout.floatTotal);
    this.A = { L: layout, f, i: new Int32Array(layout.intTotal), cell: CELL_CODE[cell],
      act: ACTIVATION_CODE[activation], loss: LOSS_CODE[loss], rng: new Rng(0) };
  }

  floats() { return this.A.f; }
  ints() { return this.A.i; }
  get rngState() { return this.A.rng.state; }
  set rngState(s: number) { this.A.rng.state = s >>> 0; }

  forward(T: number, inputMode: number, samplingProb: number) { return K.forward(this.A, T, inputMode, samplingProb); }
  backward(T: number, inputMode: number, gradScale: number, stepNorms = true) { K.backward(this.A, T, inputMode, gradScale, stepNorms); }
  clip(mode: number, threshold: number) { return K.clipGrads(this.A, mode, threshold); }
  update(opt: number, lr: number, b1: number, b2: number, eps: number, step: number, start: number, len: number) {
    K.update(this.A, opt, lr, b1, b2, eps, step, start, len);
  }

  trainChunk(a: ChunkArgs): void {
    const { f, L } = this.A, off = L.floatOffset, H = L.dims.hiddenSize;
    const loss = this.forward(a.T, a.inputMode, a.samplingProb);
    const count = f[off.stats + STAT.count];
    this.backward(a.T, a.inputMode, a.meanLoss ? 1 / Math.max(count, 1) : 1, a.stepGradNorms);
    const norm = this.clip(a.clipMode, a.clipThreshold);
    const finite = Number.isFinite(loss) && Number.isFinite(norm);
    f[off.stats + STAT.finite] = finite ? 1 : 0;
    if (!finite) return;
    for (const [start, len] of updateRanges(L, a.freezeMask)) this.update(a.optimizer, a.lr, a.beta1, a.beta2, a.eps, a.step, start, len);
    f.copyWithin(off.h, off.hs + a.T * H, off.hs + (a.T + 1) * H);
    if (this.A.cell === 1) f.copyWithin(off.c, off.cs + a.T * H, off.cs + (a.T + 1) * H);
  }

  dispose() { /* garbage collected */ }
}
