/** A progress bar on stderr: redrawn in place on a terminal, a line per 10% otherwise. */
import { fmt, pct } from "../bindings/format.js";
export class ProgressBar {
  private readonly t0 = performance.now();
  private lastDecile = -1;
  constructor(private readonly total: number, private readonly label = "") {}

  update(done: number, info = ""): void {
    const frac = Math.min(1, done / this.total);
    const secs = (performance.now() - this.t0) / 1000;
    const eta = frac > 0 ? secs * (1 - frac) / frac : NaN;
    const text = `${this.label}${pct(frac).padStart(4)} ${done}/${this.total} ${info} ${Number.isFinite(eta) ? `eta ${formatSeconds(eta)}` : ""}`;
    if (process.stderr.isTTY) {
      const width = 24, filled = Math.round(frac * width);
      process.stderr.write(`\r[${"#".repeat(filled)}${"-".repeat(width - filled)}] ${text}\x1b[K`);
      if (done >= this.total) process.stderr.write("\n");
    } else {
      const decile = Math.floor(frac * 10);
      if (decile !== this.lastDecile) { this.lastDecile = decile; process.stderr.write(text.trim() + "\n"); }
    }
  }
}

export function formatSeconds(s: number): string {
  if (s < 60) return `${fmt(s, { decimals: 1 })}s`;
  const m = Math.floor(s / 60);
  return `${m}m${Math.round(s - 60 * m).toString().padStart(2, "0")}s`;
}
