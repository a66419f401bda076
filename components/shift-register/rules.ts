/** Attribute rules the signal lessons need beyond the platform's int/num/oneOf: number lists and flags. */
import type { Rule } from "../attributes.js";

/** A list of numbers parsed by `parse` (which throws a message for the reader). */
export const numberList = (parse: (text: string) => number[], dflt: readonly number[]): Rule<number[]> => ({
  default: [...dflt],
  parse(raw) {
    try { return { value: parse(raw) }; } catch (e) { return { error: (e as Error).message }; }
  },
});

/** A boolean attribute: present (or "true", "on", "1") is on; "false", "off", "0" are off. */
export const flag = (dflt = false): Rule<boolean> => ({
  default: dflt,
  parse(raw) {
    const v = raw.trim().toLowerCase();
    if (v === "" || v === "true" || v === "on" || v === "1") return { value: true };
    if (v === "false" || v === "off" || v === "0") return { value: false };
    return { error: "must be present (on) or \"false\" (off)" };
  },
});

/** Exactly `n` finite numbers, each within [min, max], comma or space separated. */
export const fixedNumbers = (n: number, min: number, max: number, dflt: readonly number[]): Rule<number[]> =>
  numberList((text) => {
    const parts = text.split(/[\s,]+/).filter(Boolean);
    if (parts.length !== n) throw new Error(`needs exactly ${n} numbers, got ${parts.length}`);
    return parts.map((p, i) => {
      const v = Number(p);
      if (!Number.isFinite(v)) throw new Error(`entry ${i + 1} "${p}" is not a number`);
      if (v < min || v > max) throw new Error(`entry ${i + 1} (${v}) is outside [${min}, ${max}]`);
      return v;
    });
  }, dflt);
