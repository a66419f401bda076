/**
 * A tiny probabilistic context-free grammar over words. Kept non-recursive
 * (checked at construction) so entropy and expected lengths are exact sums
 * over the rules, with no series to truncate.
 */
import type { Rng } from "../prng.js";

/** A terminal word, or a reference to a nonterminal. */
export type GrammarSymbol = string | { nt: string };
export interface Rule { weight: number; rhs: readonly GrammarSymbol[] }

interface NormRule { p: number; rhs: readonly GrammarSymbol[] }

export class Pcfg {
  private readonly rules = new Map<string, NormRule[]>();
  private readonly memo = new Map<string, Map<string, number>>();

  constructor(readonly start: string, rules: Record<string, readonly Rule[]>) {
    for (const [name, alts] of Object.entries(rules)) {
      const total = alts.reduce((s, r) => s + r.weight, 0);
      if (alts.length === 0 || alts.some(r => !(r.weight > 0)) || !Number.isFinite(total))
        throw new Error(`grammar rule ${name} must have alternatives with positive finite weights`);
      this.rules.set(name, alts.map(r => ({ p: r.weight / total, rhs: r.rhs })));
    }
    this.checkAcyclic(start, new Set());
  }

  private alts(name: string): NormRule[] {
    const a = this.rules.get(name);
    if (!a) throw new Error(`grammar has no rule for nonterminal ${name}`);
    return a;
  }

  private checkAcyclic(name: string, path: Set<string>): void {
    if (path.has(name)) throw new Error(`grammar is recursive through ${name}`);
    path.add(name);
    for (const r of this.alts(name)) for (const s of r.rhs) if (typeof s !== "string") this.checkAcyclic(s.nt, path);
    path.delete(name);
  }

  /** Draw words from `name`, with the log-probability (nats) of the derivation drawn. */
  sample(rng: Rng, name = this.start): { words: string[]; logProb: number } {
    const words: string[] = [];
    let logProb = 0;
    const expand = (nt: string): void => {
      const alts = this.alts(nt);
      const r = alts[rng.categorical(alts.map(a => a.p), 1)];
      logProb += Math.log(r.p);
      for (const s of r.rhs) typeof s === "string" ? words.push(s) : expand(s.nt);
    };
    expand(name);
    return { words, logProb };
  }

  /**
   * Expectation of an additive quantity over derivations of `name`:
   * E[X] = sum_r p_r (own(r) + sum over terminals t in r of value(t) + sum over nonterminals Y in r of E[Y]).
   * Entropy is the case own(r) = -log p_r, value = 0.
   */
  private expect(key: string, name: string, own: (p: number) => number, value: (word: string) => number): number {
    let table = this.memo.get(key);
    if (!table) this.memo.set(key, (table = new Map()));
    const hit = table.get(name);
    if (hit !== undefined) return hit;
    let total = 0;
    for (const r of this.alts(name)) {
      let inner = own(r.p);
      for (const s of r.rhs) inner += typeof s === "string" ? value(s) : this.expect(key, s.nt, own, value);
      total += r.p * inner;
    }
    table.set(name, total);
    return total;
  }

  /** Entropy of the derivation distribution, in nats (= string entropy when the grammar is unambiguous). */
  entropy(name = this.start): number { return this.expect("entropy", name, p => -Math.log(p), () => 0); }
  /** Expected number of words. */
  expectedWords(name = this.start): number { return this.expect("words", name, () => 0, () => 1); }
  /** Expected total length of the words, in UTF-16 units (code points for ASCII word lists). */
  expectedWordChars(name = this.start): number { return this.expect("chars", name, () => 0, w => w.length); }

  /**
   * Log-probability (nats) that `name` yields exactly `words`, summed over every
   * derivation (inside algorithm), so ambiguity would show up as a mismatch
   * with the sampled derivation's logProb. -Infinity when not derivable.
   */
  logProb(words: readonly string[], name = this.start): number {
    const inside = new Map<string, number>();
    const spanProb = (nt: string, i: number, j: number): number => {
      const key = `${nt}\u0000${i}\u0000${j}`;
      const hit = inside.get(key);
      if (hit !== undefined) return hit;
      let total = 0;
      for (const r of this.alts(nt)) total += r.p * seqProb(r.rhs, 0, i, j);
      inside.set(key, total);
      return total;
    };
    // Probability that rhs[k..] yields words[i..j).
    const seqProb = (rhs: readonly GrammarSymbol[], k: number, i: number, j: number): number => {
      if (k === rhs.length) return i === j ? 1 : 0;
      const s = rhs[k];
      if (typeof s === "string") return i < j && words[i] === s ? seqProb(rhs, k + 1, i + 1, j) : 0;
      let total = 0;
      for (let m = i; m <= j; m++) {
        const head = spanProb(s.nt, i, m);
        if (head > 0) total += head * seqProb(rhs, k + 1, m, j);
      }
      return total;
    };
    return Math.log(spanProb(name, 0, words.length));
  }
}
