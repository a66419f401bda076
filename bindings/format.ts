/**
 * The one number formatter. Lessons write sentences with it, the CLI prints with it and
 * every component renders with it, so a value reads the same everywhere: a few
 * significant digits, a true minus sign, and powers of ten for tiny and huge values, so a
 * nonzero number never reads as "0.00000" (ridge λ = 1e-6 shows as 1×10⁻⁶).
 */

export interface NumberFormat {
  /** Significant digits (default 3). Integer digits are never dropped: 12345.6 → "12346". */
  digits?: number;
  /**
   * Fixed decimals instead of significant digits, for columns that line up
   * (trailing zeros kept). A nonzero value that would round to zero switches to a power of ten.
   */
  decimals?: number;
  /** Appended after a space ("12 ms"); "%" and "°" attach directly. */
  unit?: string;
  /** Write "+" before positive values (changes, differences). */
  sign?: boolean;
  /** Plain ASCII a parser reads back ("-0.5", "1e-6"): for text fields, CSV and JSON-like output. */
  ascii?: boolean;
}

/** Values at or above this, or nonzero below TINY, are written with a power of ten. */
const HUGE = 1e6, TINY = 1e-3;
const SUPERSCRIPT: Record<string, string> = { "-": "⁻", "0": "⁰", "1": "¹", "2": "²", "3": "³", "4": "⁴", "5": "⁵", "6": "⁶", "7": "⁷", "8": "⁸", "9": "⁹" };

/** Drops trailing zeros of a decimal fraction: "0.500" → "0.5", "2.00" → "2". */
const trim = (s: string) => (s.includes(".") ? s.replace(/\.?0+$/, "") : s);

/** "1.5e-6" → "1.5×10⁻⁶" (or kept as ASCII). */
function scientific(v: number, digits: number, ascii: boolean): string {
  const [m, e] = v.toExponential(Math.max(0, digits - 1)).split("e");
  const exp = String(Number(e));
  return ascii ? `${trim(m)}e${exp}` : `${trim(m)}×10${[...exp].map((c) => SUPERSCRIPT[c]).join("")}`;
}

/**
 * Formats a number for people. `fmt(v)` gives 3 significant digits; `fmt(v, 4)` four;
 * `fmt(v, { decimals: 4 })` fixed decimals; `unit`, `sign` and `ascii` as in {@link NumberFormat}.
 * NaN, ∞ and −∞ are written as such.
 */
export function fmt(v: number, options: NumberFormat | number = {}): string {
  const o: NumberFormat = typeof options === "number" ? { digits: options } : options;
  const ascii = o.ascii ?? false;
  let s: string;
  if (Number.isNaN(v)) s = "NaN";
  else if (!Number.isFinite(v)) s = v > 0 ? (ascii ? "Infinity" : "∞") : ascii ? "-Infinity" : "−∞";
  else {
    const a = Math.abs(v), digits = Math.max(1, Math.min(17, Math.round(o.digits ?? 3)));
    if (o.decimals !== undefined) {
      const d = Math.max(0, Math.min(20, Math.round(o.decimals)));
      const fixed = a.toFixed(d);
      s = a >= HUGE || (a !== 0 && Number(fixed) === 0) ? scientific(a, digits, ascii) : fixed;
    } else if (a === 0) s = "0";
    else if (a >= HUGE || a < TINY) s = scientific(a, digits, ascii);
    else s = trim(a.toFixed(Math.max(0, digits - 1 - Math.floor(Math.log10(a)))));
    // the sign goes on after rounding, so −0.00001 at two decimals is not "−0.00"
    const zero = /^[0.]+$/.test(s);
    if (v < 0 && !zero) s = (ascii ? "-" : "−") + s;
    else if (v > 0 && o.sign && !zero) s = "+" + s;
  }
  if (!o.unit) return s;
  return /^[%°′]/.test(o.unit) ? s + o.unit : `${s} ${o.unit}`;
}

/** A fraction as a percentage: pct(0.256) → "26%" (digits = decimals, default 0). */
export function pct(fraction: number, decimals = 0): string {
  return fmt(100 * fraction, { decimals, unit: "%" });
}

const FROM_SUPERSCRIPT = Object.fromEntries(Object.entries(SUPERSCRIPT).map(([k, v]) => [v, k]));

/**
 * Reads back what `fmt` writes (and plain JS numbers): "−1.5×10⁻⁶", "1e-6", "12.3 ms" → 12.3.
 * A unit after the number is ignored; anything else that is not a number gives NaN.
 */
export function parseNumber(text: string): number {
  const t = text.trim().replace(/[\u2212\u2012\u2013]/g, "-").replace(/\s*[a-zA-Zµ%°]+$/, "")
    .replace(/\s*[×x·]\s*10([⁻⁰¹²³⁴⁵⁶⁷⁸⁹]+)$/, (_, e: string) => `e${[...e].map((c) => FROM_SUPERSCRIPT[c]).join("")}`);
  if (!/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(t)) return t === "∞" ? Infinity : t === "-∞" ? -Infinity : NaN;
  return Number(t);
}
