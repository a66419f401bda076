// The model header: dims, then one byte pointer per arena buffer, in the order of
// bindings/layout.ts (HEADER_DIMS, FLOAT_BUFFERS, INT_BUFFERS). `bind` copies it into
// globals at every entry point, so the kernels read plain locals and globals.

export let hdr: usize = 0;
export let cell: i32 = 0;       // 0 rnn, 1 lstm, 2 gru
export let act: i32 = 0;        // 0 tanh, 1 relu, 2 sigmoid, 3 linear
export let lossKind: i32 = 0;   // 0 softmax-ce, 1 mse
export let I: i32 = 0;
export let H: i32 = 0;
export let O: i32 = 0;
export let GH: i32 = 0;
export let P: i32 = 0;
export let rngSlot: usize = 0;

export let params: usize = 0, grads: usize = 0, m1: usize = 0, m2: usize = 0;
export let hState: usize = 0, cState: usize = 0, dh0: usize = 0, dc0: usize = 0;
export let xs: usize = 0, ys: usize = 0, hs: usize = 0, cs: usize = 0, gates: usize = 0, aux: usize = 0;
export let outs: usize = 0, probs: usize = 0, dz: usize = 0, dhy: usize = 0, dh: usize = 0, dhn: usize = 0, dcn: usize = 0, tmp: usize = 0;
export let stepGradNorm: usize = 0, stepLoss: usize = 0, stats: usize = 0;
export let tokens: usize = 0, targets: usize = 0, fed: usize = 0;
// parameter blocks inside params (W_x | W_h | b | W_y | b_y) and the same inside grads
export let Wx: usize = 0, Wh: usize = 0, bias: usize = 0, Wy: usize = 0, by: usize = 0;
export let gWx: usize = 0, gWh: usize = 0, gBias: usize = 0, gWy: usize = 0, gBy: usize = 0;

const DIMS = 8;
// @ts-ignore: decorator
@inline function ptr(k: i32): usize { return <usize>load<i32>(hdr + (<usize>(DIMS + k) << 2)); }

export function bind(h: usize): void {
  hdr = h;
  cell = load<i32>(h); act = load<i32>(h, 4); lossKind = load<i32>(h, 8);
  I = load<i32>(h, 12); H = load<i32>(h, 16); O = load<i32>(h, 20);
  rngSlot = h + 24;
  P = load<i32>(h, 28);
  GH = (cell == 0 ? 1 : cell == 1 ? 4 : 3) * H;
  params = ptr(0); grads = ptr(1); m1 = ptr(2); m2 = ptr(3);
  hState = ptr(4); cState = ptr(5); dh0 = ptr(6); dc0 = ptr(7);
  xs = ptr(8); ys = ptr(9); hs = ptr(10); cs = ptr(11); gates = ptr(12); aux = ptr(13);
  outs = ptr(14); probs = ptr(15); dz = ptr(16); dhy = ptr(17); dh = ptr(18); dhn = ptr(19); dcn = ptr(20); tmp = ptr(21);
  stepGradNorm = ptr(22); stepLoss = ptr(23); stats = ptr(24);
  tokens = ptr(25); targets = ptr(26); fed = ptr(27);
  Wx = params; Wh = Wx + (<usize>(GH * I) << 2); bias = Wh + (<usize>(GH * H) << 2);
  Wy = bias + (<usize>GH << 2); by = Wy + (<usize>(O * H) << 2);
  const d = grads - params;
  gWx = Wx + d; gWh = Wh + d; gBias = bias + d; gWy = Wy + d; gBy = by + d;
}

export { f32at, setf32 } from "./kernels";
// @ts-ignore: decorator
@inline export function i32at(p: usize, i: i32): i32 { return load<i32>(p + (<usize>i << 2)); }
// @ts-ignore: decorator
@inline export function row(p: usize, t: i32, width: i32): usize { return p + (<usize>(t * width) << 2); }

export const STAT_LOSS = 0, STAT_COUNT = 1, STAT_NORM = 2, STAT_CLIPPED = 3, STAT_FINITE = 4;
