import { LitElement, css, html, nothing } from "lit";
import { property, state } from "lit/decorators.js";
import { define } from "../define.js";
import { emit, SCORE, type ScoreDetail } from "../events.js";
import { styles } from "../theme/tokens.js";
import type { Atom } from "../../lab/study.js";
import type { RunSummary, StudyResult } from "../../lab/types.js";
import { gridTable, type GridPair } from "./grid-table.js";
import "../charts/heat-map/heat-map.js";
import "../ui/button/button.js";
import "../ui/select/select.js";
import { fmt } from "../../bindings/format.js";
import { predictionScore } from "../../lab/prediction-score.js";

type Cell = { hiddenSize: number; activation: string; seqLen: number };
const cellOf = (r: RunSummary) => r.value as unknown as Cell;
const same = (a: Cell, b: Cell) => a.hiddenSize === b.hiddenSize && a.activation === b.activation && a.seqLen === b.seqLen;
const name = (c: Cell) => `H=${c.hiddenSize} ${c.activation} seq=${c.seqLen}`;

/**
 * The design grid's prediction exercise and heat maps: the reader locks in the cell they
 * expect to win, then reveals the measured grid (one heat map of final loss per
 * activation, hidden size down, chunk length across) and sees where their pick ranked.
 *
 * @fires rnn-lab-reveal - when the reader reveals the results; detail `{ prediction: string | null }`
 * @fires rnn-score - when a locked-in prediction is revealed; detail `{ view: "experiments", raw, min: 0, max: 100 }` (raw from its rank)
 * @csspart heat-maps - the row of heat maps
 */
export class RnnLabGrid extends LitElement {
  static override styles = [styles, css`
    :host { display: block; }
    h3 { font-size: 0.98em; margin: 0 0 6px; }
    p { margin: 0 0 8px; }
    .predict { display: grid; gap: 8px 12px; grid-template-columns: repeat(auto-fill, minmax(min(100%, 140px), 1fr)); align-items: end; }
    .buttons { display: flex; flex-wrap: wrap; gap: 8px; margin-top: 8px; align-items: center; }
    .maps { display: grid; gap: 12px; grid-template-columns: repeat(auto-fill, minmax(min(100%, 220px), 1fr)); margin-top: 8px; }
    .axes { color: var(--_muted); font-size: 0.82em; }
    .verdict { border-left: 3px solid var(--_accent); padding: 4px 10px; margin: 8px 0; }
    .readout { font-family: var(--_mono); font-size: 0.85em; min-height: 1.4em; }
    .pair-table { margin-top: 12px; }
    .scroll-x { overflow-x: auto; }
    table.results { border-collapse: collapse; font-size: 0.88em; margin: 6px 0; }
    table.results th, table.results td { white-space: nowrap; padding: 3px 10px; text-align: right; border-bottom: 1px solid var(--_border, rgba(127,127,127,0.3)); }
    table.results th[scope="row"] { text-align: left; }
    tr.best { font-weight: 600; background: color-mix(in srgb, var(--_accent) 12%, transparent); }
  `];

  /** The three value lists: hidden sizes, activations, chunk lengths. */
  @property({ attribute: false }) lists: Atom[][] = [[], [], []];
  @property({ attribute: false }) result?: StudyResult;
  @state() private guess?: Cell;
  @state() private locked = false;
  @state() private revealed = false;
  @state() private readout = "";
  /** the (hidden size, activation) pair the table shows; the best cell's pair until the reader picks */
  @state() private pair?: GridPair;

  /** Called by the view when the grid's lists change: a new grid is a new exercise. */
  reset() { this.locked = false; this.revealed = false; this.guess = undefined; this.pair = undefined; }

  private current(): Cell {
    const [H, A, S] = this.lists;
    const g = this.guess;
    return {
      hiddenSize: g && H.includes(g.hiddenSize) ? g.hiddenSize : Number(H[Math.min(2, H.length - 1)] ?? 64),
      activation: g && A.includes(g.activation) ? g.activation : String(A[0] ?? "tanh"),
      seqLen: g && S.includes(g.seqLen) ? g.seqLen : Number(S[Math.min(2, S.length - 1)] ?? 25),
    };
  }

  override render() {
    const g = this.current(), [H, A, S] = this.lists;
    const pick = (key: keyof Cell, label: string, list: Atom[]) => html`<rnn-select .label=${label} .value=${String(g[key])} ?disabled=${this.locked}
      .options=${list.map(String)} @rnn-change=${(e: CustomEvent<{ value: string }>) => { e.stopPropagation(); this.guess = { ...g, [key]: key === "activation" ? e.detail.value : Number(e.detail.value) }; }}></rnn-select>`;
    return html`
      <h3>Predict before you look</h3>
      <p class="axes">From the other studies, which cell should end with the lowest loss? Lock in a guess; the grid stays hidden until you reveal it.</p>
      <div class="predict">${pick("hiddenSize", "Hidden size", H)}${pick("activation", "Activation", A)}${pick("seqLen", "Chunk length", S)}</div>
      <div class="buttons">
        <rnn-button ?disabled=${this.locked} @click=${() => { this.guess = g; this.locked = true; }}>${this.locked ? `Locked: ${name(g)}` : "Lock in my prediction"}</rnn-button>
        <rnn-button variant="primary" ?disabled=${!this.result || this.revealed} @click=${this.reveal}>${this.locked ? "Reveal the grid" : "Reveal without predicting"}</rnn-button>
        ${this.result ? nothing : html`<span class="axes">Run the grid to reveal it.</span>`}
      </div>
      ${this.revealed && this.result ? this.renderRevealed(g) : nothing}`;
  }

  private reveal() {
    this.revealed = true;
    emit(this, "rnn-lab-reveal", { prediction: this.locked ? name(this.current()) : null });
    const { order, rank } = this.ranking(this.current());
    if (this.locked && rank > 0) emit<ScoreDetail>(this, SCORE, { view: "experiments", raw: predictionScore(rank, order.length), min: 0, max: 100 });
  }

  /** The grid's finite runs, best first, and where cell g ranks among them (0: not in the grid). */
  private ranking(g: Cell) {
    const runs = (this.result?.runs ?? []).filter((r) => Number.isFinite(r.final_loss));
    const order = [...runs].sort((a, b) => a.final_loss - b.final_loss);
    const mine = runs.find((r) => same(cellOf(r), g));
    return { runs, order, mine, rank: mine ? order.indexOf(mine) + 1 : 0 };
  }

  private renderRevealed(g: Cell) {
    const { runs, order, mine, rank } = this.ranking(g);
    const best = order[0];
    const losses = runs.map((r) => r.final_loss), range: [number, number] = [Math.min(...losses), Math.max(...losses)];
    const [H, A, S] = this.lists;
    return html`
      ${this.locked && best ? html`<p class="verdict">${mine
        ? `Your pick, ${name(g)}, ranks ${rank} of ${order.length} at ${fmt(mine.final_loss, { decimals: 3 })} nats/char; the best cell is ${best.label} at ${fmt(best.final_loss, { decimals: 3 })}${rank === 1 ? ": you called it." : `, ${fmt(mine.final_loss - best.final_loss, { decimals: 3 })} lower.`}`
        : `Your pick was not in the grid that ran.`}</p>` : nothing}
      <p class="axes">Final training loss (nats/char, mean over seeds); rows: hidden size ${H.join(", ")} (top to bottom); columns: chunk length ${S.join(", ")} (left to right). Redder is higher; the same color scale in every map. Focus a map and use the arrow keys to read its cells.</p>
      <div class="maps" part="heat-maps">${A.map((a) => {
        const values = H.flatMap((h) => S.map((s) => runs.find((r) => same(cellOf(r), { hiddenSize: Number(h), activation: String(a), seqLen: Number(s) }))?.final_loss ?? NaN));
        return html`<rnn-heat-map .label=${`${a}: final loss`} .rows=${H.length} .cols=${S.length} .values=${values} .range=${range} scale="sequential"
          row-label="hidden size row" col-label="chunk column"
          @rnn-cell=${(e: CustomEvent<{ row: number; col: number; value: number }>) => { this.readout = `${a}, H=${H[e.detail.row]}, seq=${S[e.detail.col]}: ${fmt(e.detail.value, { decimals: 3 })} nats/char`; }}></rnn-heat-map>`;
      })}</div>
      <div class="readout" aria-live="polite">${this.readout || "\u00a0"}</div>
      ${best ? gridTable(runs, this.lists, this.pair ?? { hiddenSize: cellOf(best).hiddenSize, activation: cellOf(best).activation }, (p) => { this.pair = p; }) : nothing}`;
  }
}

define("rnn-lab-grid", RnnLabGrid);
declare global {
  interface HTMLElementTagNameMap { "rnn-lab-grid": RnnLabGrid }
  interface HTMLElementEventMap { "rnn-lab-reveal": CustomEvent<{ prediction: string | null }> }
}
