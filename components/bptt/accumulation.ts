/**
 * The running gradient accumulation: one row per step the backward pass has reached,
 * then the totals beside the engine's gradients and a float64 finite difference.
 */
import { html, nothing } from "lit";
import { fmt } from "../../bindings/format.js";
import { finiteDifference, type BpttPass, type ScalarNet } from "../../lessons/bptt.js";

export function accumulationTable(p: BpttPass, revealed: number, net: ScalarNet) {
  // node T−j is reached at backward step j+1; row k needs node k+1 (its e[k+1])
  const rows = p.contributions.filter((c) => p.T - (c.k + 1) < revealed);
  let sr = 0, sx = 0;
  const done = revealed >= p.T + 1;
  const fd = done ? { wr: finiteDifference(net, "wr"), wx: finiteDifference(net, "wx"), wy: finiteDifference(net, "wy") } : undefined;
  return html`<p class="eq-note" id="acc-caption">From the last step backwards: ∂L/∂w<sub>r</sub> = Σ e[k+1]·h[k], ∂L/∂w<sub>x</sub> = Σ e[k+1]·x[k].</p>
  <div class="table-scroll" tabindex="0" role="region" aria-labelledby="acc-caption">
    <table class="accumulation" aria-labelledby="acc-caption">
      <thead><tr>
        <th scope="col">k</th><th scope="col">x[k]</th><th scope="col">h[k]</th><th scope="col">∂L/∂h[k+1]</th><th scope="col">e[k+1]</th>
        <th scope="col">e[k+1]·h[k]</th><th scope="col">e[k+1]·x[k]</th><th scope="col">Σ so far (w<sub>r</sub>)</th><th scope="col">Σ so far (w<sub>x</sub>)</th>
      </tr></thead>
      <tbody>
        ${rows.length ? rows.map((c) => {
          sr += c.wr; sx += c.wx;
          return html`<tr>
            <th scope="row">${c.k}</th><td>${fmt(p.x[c.k])}</td><td>${fmt(p.h[c.k])}</td><td>${fmt(p.dh[c.k + 1])}</td><td>${fmt(p.e[c.k + 1])}</td>
            <td>${fmt(c.wr)}</td><td>${fmt(c.wx)}</td><td>${fmt(sr)}</td><td>${fmt(sx)}</td></tr>`;
        }) : html`<tr><td colspan="9" class="empty"><span>The backward pass has not started: press <em>Step backward</em> or <em>Full pass</em>.</span></td></tr>`}
      </tbody>
    </table>
  </div>
  <div class="totals-scroll" tabindex="0" role="region" aria-label="Gradient totals"><table class="totals">
    <caption>Totals${done ? "" : " (after the full pass)"}</caption>
    <thead><tr><th scope="col">gradient</th><th scope="col">chain rule (sum above)</th><th scope="col">engine</th><th scope="col">finite difference</th></tr></thead>
    <tbody>
      <tr><th scope="row">∂L/∂w<sub>r</sub></th><td>${done ? fmt(sr, 5) : "·"}</td><td>${done ? fmt(p.engine.wr, 5) : "·"}</td><td>${fd ? fmt(fd.wr, 5) : "·"}</td></tr>
      <tr><th scope="row">∂L/∂w<sub>x</sub></th><td>${done ? fmt(sx, 5) : "·"}</td><td>${done ? fmt(p.engine.wx, 5) : "·"}</td><td>${fd ? fmt(fd.wx, 5) : "·"}</td></tr>
      <tr><th scope="row">∂L/∂w<sub>y</sub> = (y − y*)·h[T]</th><td>${done ? fmt((p.y - p.target) * p.h[p.T], 5) : "·"}</td><td>${done ? fmt(p.engine.wy, 5) : "·"}</td><td>${fd ? fmt(fd.wy, 5) : "·"}</td></tr>
    </tbody>
  </table></div>
  ${done ? html`<p class="eq-note">The chain rule here uses the engine's forward values; the engine's own backward pass (float32) and a central finite
    difference of a separate float64 forward pass (ε = 10⁻⁶) agree with it${p.check.sums < 1e-3 ? "" : " only roughly"}: largest relative difference
    ${fmt(p.check.sums, 2)} for the sums and ${fmt(p.check.dh, 2)} for |∂L/∂h[k]|.</p>` : nothing}`;
}
