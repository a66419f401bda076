/**
 * Mulberry32: the one PRNG of the project. The same algorithm runs in
 * assembly/prng.ts, so a seed gives the same stream on both engines.
 * State is a single uint32; `next` returns a float in [0, 1).
 */
export class Rng {
  state: number;
  constructor(seed: number) { this.state = seed >>> 0; }

  nextU32(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  }

  next(): number { return this.nextU32() / 4294967296; }

  /** Standard normal by Box-Muller (float64; used for initialisation only). */
  gaussian(): number {
    const u = 1 - this.next();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * this.next());
  }

  /** Integer in [0, n). */
  int(n: number): number { return Math.floor(this.next() * n); }

  /** Index drawn from unnormalised non-negative weights. */
  categorical(p: ArrayLike<number>, total = sum(p)): number {
    let r = this.next() * total;
    for (let i = 0; i < p.length; i++) { r -= p[i]; if (r < 0) return i; }
    return p.length - 1;
  }
}

function sum(p: ArrayLike<number>): number { let s = 0; for (let i = 0; i < p.length; i++) s += p[i]; return s; }
