/** Argument checks for every public entry. Messages name the field and the allowed range. */

export class ValidationError extends Error {
  constructor(message: string) { super(message); this.name = "ValidationError"; }
}

const show = (v: unknown) => (typeof v === "string" ? JSON.stringify(v) : Array.isArray(v) ? `an array of ${v.length}` : String(v));

export function fail(message: string): never { throw new ValidationError(message); }

export function intInRange(field: string, v: unknown, lo: number, hi: number): number {
  if (typeof v !== "number" || !Number.isInteger(v) || v < lo || v > hi) fail(`${field} must be an integer in [${lo}, ${hi}], got ${show(v)}`);
  return v;
}

export function numInRange(field: string, v: unknown, lo: number, hi: number, open: { lo?: boolean; hi?: boolean } = {}): number {
  const ok = typeof v === "number" && Number.isFinite(v) && (open.lo ? v > lo : v >= lo) && (open.hi ? v < hi : v <= hi);
  if (!ok) fail(`${field} must be a number in ${open.lo ? "(" : "["}${bound(lo)}, ${bound(hi)}${open.hi ? ")" : "]"}, got ${show(v)}`);
  return v as number;
}

/** Range ends as people write them: the float32 limit as 3.4e38. */
function bound(x: number): string {
  return Math.abs(x) === FLOAT32_MAX ? `${x < 0 ? "-" : ""}3.4e38` : String(x);
}

export function oneOf<T extends string>(field: string, v: unknown, allowed: readonly T[]): T {
  if (typeof v !== "string" || !allowed.includes(v as T)) fail(`${field} must be one of ${allowed.map((a) => `"${a}"`).join(", ")}, got ${show(v)}`);
  return v as T;
}

/** Largest finite float32: both engines keep parameters, states and targets in float32. */
export const FLOAT32_MAX = 3.4028234663852886e38;

/** A number both engines can store: finite and within the float32 range. */
export function isFloat32(x: unknown): x is number {
  return typeof x === "number" && Number.isFinite(x) && Math.abs(x) <= FLOAT32_MAX;
}

/** A finite real vector of exactly `length` entries, each within the float32 range. */
export function finiteVector(field: string, v: unknown, length: number): ArrayLike<number> {
  if (!isArrayLike(v) || v.length !== length) fail(`${field} must be an array of ${length} numbers, got ${describeShape(v)}`);
  for (let k = 0; k < length; k++) {
    const x = (v as ArrayLike<unknown>)[k];
    if (!isFloat32(x)) fail(`${field}[${k}] must be a finite number in the float32 range [-3.4e38, 3.4e38], got ${show(x)}`);
  }
  return v as ArrayLike<number>;
}

/** A finite rows × cols matrix given as nested arrays. */
export function finiteMatrix(field: string, v: unknown, rows: number, cols: number): ArrayLike<ArrayLike<number>> {
  if (!isArrayLike(v) || v.length !== rows) fail(`${field} must be a ${rows} × ${cols} matrix (array of ${rows} rows), got ${describeShape(v)}`);
  for (let r = 0; r < rows; r++) finiteVector(`${field}[${r}]`, (v as ArrayLike<unknown>)[r], cols);
  return v as ArrayLike<ArrayLike<number>>;
}

export function isArrayLike(v: unknown): v is ArrayLike<unknown> {
  return Array.isArray(v) || ArrayBuffer.isView(v);
}

function describeShape(v: unknown): string {
  if (!isArrayLike(v)) return v === undefined ? "nothing" : show(v);
  const first = v[0];
  return isArrayLike(first) ? `${v.length} × ${first.length}` : `${v.length} entries`;
}
