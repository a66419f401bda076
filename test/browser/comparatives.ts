/**
 * Checks the sentences a view writes about its runs against the accuracy table beside them:
 * "clearly above" needs seed ranges that do not overlap, "level"/"no cell is clearly ahead"
 * needs ranges that do, and "at chance" needs every seed within 10 points of chance.
 */
import { expect } from "vitest";
import { all } from "./helpers.js";

/** Accuracy table cells "53% (24–82)" as { mean, min, max } in percent, by row label and column n. */
export function accuracyCells(root: ShadowRoot, testid: string) {
  const ns = all(root, `[data-testid=${testid}] thead th`).slice(1).map((t) => Number(t.textContent!.replace(/\D+/g, "")));
  const out = new Map<string, { mean: number; min: number; max: number }>();
  for (const tr of all(root, `[data-testid=${testid}] tbody tr`)) {
    const [label, ...cells] = [...tr.querySelectorAll("th, td")].map((c) => c.textContent!.trim());
    cells.forEach((t, k) => {
      const m = /^(\d+)%(?: \((\d+)–(\d+)\))?$/.exec(t)!;
      const mean = Number(m[1]);
      out.set(`${label}@${ns[k]}`, { mean, min: m[2] ? Number(m[2]) : mean, max: m[3] ? Number(m[3]) : mean });
    });
  }
  return out;
}

/** Every "At n = …" sentence checked against `table` (from accuracyCells). */
export function checkComparatives(atN: string[], table: Map<string, { mean: number; min: number; max: number }>) {
  const names = ["vanilla RNN", "LSTM", "GRU"];
  for (const line of atN) {
  const n = Number(/^At n = (\d+)/.exec(line)![1]);
  const best = /the (vanilla RNN|LSTM|GRU) recalls (\d+)%/.exec(line);
  if (best) {
    const b = table.get(`${best[1]}@${n}`)!;
    expect(Number(best[2]), line).toBe(b.mean);
    const above = line.split("clearly above the ")[1].split("; it is level")[0];
    for (const other of names.filter((x) => x !== best[1] && above.includes(x))) {
      const o = table.get(`${other}@${n}`)!;
      expect(b.min, `${line} vs ${other}`).toBeGreaterThan(o.max);
    }
    for (const other of names.filter((x) => x !== best[1] && !above.includes(x))) {
      const o = table.get(`${other}@${n}`)!;
      expect(b.min <= o.max, `${line}: ${other} is level`).toBe(true);
    }
  } else if (/no cell is clearly ahead/.test(line)) {
    const rows = names.map((x) => table.get(`${x}@${n}`)!);
    const top = rows.reduce((a, r) => (r.mean > a.mean ? r : a));
    expect(rows.every((r) => r === top || top.min <= r.max), line).toBe(true);
  }
  const chance = /At chance \(([\d.]+)%\): ([^.]+)\./.exec(line) ?? /all three cells stay near chance \(([\d.]+)%\)/.exec(line);
  if (chance) {
    const listed = chance[2] ? names.filter((x) => chance[2].includes(x)) : names;
    for (const x of listed) expect(table.get(`${x}@${n}`)!.max, `${x} near chance`).toBeLessThanOrEqual(Number(chance[1]) + 10);
  }
  }
}
