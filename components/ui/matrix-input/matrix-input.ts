import { LitElement, html, nothing } from "lit";
import { property, state } from "lit/decorators.js";
import { styleMap } from "lit/directives/style-map.js";
import { define } from "../../define.js";
import { emit } from "../../events.js";
import { styles } from "../../theme/tokens.js";
import { matrixInputStyles } from "./matrix-input.styles.js";
import { fmt } from "../../../bindings/format.js";

let uid = 0;

/** Detail of rnn-change: the whole matrix after the edit, and the cell that changed. */
export interface MatrixChange { value: number[][]; row: number; col: number }

/**
 * An editable matrix of weights (a vector is a one-column matrix). One cell is the tab
 * stop; the arrow keys move between cells (Left/Right once the caret reaches the edge of
 * the text). A typed value is committed on Enter or on leaving the cell; one that is not
 * a finite number within [min, max] is refused with a message and the matrix keeps its
 * previous value. With `heat`, each cell is tinted by its sign and size.
 *
 * @fires rnn-change - after a valid edit; detail `{ value: number[][], row, col }`
 * @csspart table - the grid of cells
 * @csspart message - the validation message
 * @cssproperty --rnn-heat-pos - tint of the largest positive weight
 * @cssproperty --rnn-heat-neg - tint of the most negative weight
 */
export class RnnMatrixInput extends LitElement {
  static override styles = [styles, matrixInputStyles];

  @property() label = "";
  @property({ attribute: false }) values: number[][] = [];
  @property({ attribute: false }) rowLabels?: string[];
  @property({ attribute: false }) colLabels?: string[];
  @property({ type: Number }) min = -1e6;
  @property({ type: Number }) max = 1e6;
  @property({ type: Boolean, reflect: true }) heat = false;
  @property({ type: Boolean }) disabled = false;
  @state() private error = "";
  @state() private bad: [number, number] | null = null;
  @state() private active: [number, number] = [0, 0];
  private readonly ref = `mi${++uid}`;

  override render() {
    const rows = this.values.length, cols = this.values[0]?.length ?? 0;
    const [ar, ac] = [Math.min(this.active[0], rows - 1), Math.min(this.active[1], cols - 1)];
    const scale = Math.max(1e-9, ...this.values.flat().map(Math.abs));
    // every field as wide as the longest value shown, so trained weights are not cut off
    const width = `${Math.max(5, ...this.values.flat().map((v) => show(v).length)) + 0.5}ch`;
    return html`
      <span class="label" id="${this.ref}-l">${this.label}</span>
      <div class="scroll"><table part="table" role="grid" aria-labelledby="${this.ref}-l" aria-describedby="${this.ref}-m" @keydown=${this.onKey}>
        ${this.colLabels ? html`<thead><tr>${this.rowLabels ? html`<td></td>` : nothing}${this.colLabels.map((c) => html`<th scope="col">${c}</th>`)}</tr></thead>` : nothing}
        <tbody>${this.values.map((row, r) => html`<tr>
          ${this.rowLabels ? html`<th scope="row">${this.rowLabels[r]}</th>` : nothing}
          ${row.map((v, c) => html`<td><input type="text" inputmode="decimal" spellcheck="false" autocomplete="off"
            .value=${show(v)} title=${String(v)} data-r=${r} data-c=${c} tabindex=${r === ar && c === ac ? 0 : -1}
            ?disabled=${this.disabled} aria-label=${this.cellName(r, c)}
            aria-invalid=${this.bad?.[0] === r && this.bad?.[1] === c ? "true" : "false"}
            style=${styleMap({ width, ...(this.heat ? { "--cell-bg": tint(v / scale) } : {}) })}
            @focus=${(e: FocusEvent) => { this.active = [r, c]; (e.target as HTMLInputElement).select(); }}
            @change=${(e: Event) => this.commit(r, c, e.target as HTMLInputElement)} /></td>`)}
        </tr>`)}</tbody>
      </table></div>
      <div part="message" class="message" id="${this.ref}-m" role="alert" ?hidden=${!this.error}>${this.error}</div>`;
  }

  private cellName(r: number, c: number) {
    const row = this.rowLabels?.[r] ?? `row ${r + 1}`, col = this.colLabels?.[c] ?? `column ${c + 1}`;
    return (this.values[0]?.length ?? 0) === 1 ? `${this.label}, ${row}` : `${this.label}, ${row}, ${col}`;
  }

  private commit(r: number, c: number, input: HTMLInputElement) {
    const raw = input.value.trim().replace("−", "-"), v = Number(raw);
    if (raw === "" || !Number.isFinite(v) || v < this.min || v > this.max) {
      this.error = `${this.cellName(r, c)}: "${input.value.slice(0, 20)}" is not a number from ${this.min} to ${this.max}; keeping ${show(this.values[r][c])}.`;
      this.bad = [r, c];
      return;
    }
    this.error = ""; this.bad = null;
    const value = this.values.map((row) => [...row]);
    value[r][c] = v;
    emit<MatrixChange>(this, "rnn-change", { value, row: r, col: c });
  }

  private onKey(e: KeyboardEvent) {
    const input = e.target as HTMLInputElement;
    if (input.tagName !== "INPUT") return;
    const r = Number(input.dataset.r), c = Number(input.dataset.c), len = input.value.length;
    const all = input.selectionStart === 0 && input.selectionEnd === len;
    const atStart = all || (input.selectionStart === 0 && input.selectionEnd === 0);
    const atEnd = all || (input.selectionStart === len && input.selectionEnd === len);
    const move: Record<string, [number, number] | null> = {
      ArrowUp: [r - 1, c], ArrowDown: [r + 1, c],
      ArrowLeft: atStart ? [r, c - 1] : null, ArrowRight: atEnd ? [r, c + 1] : null,
    };
    const to = move[e.key];
    if (!to) return;
    const rows = this.values.length, cols = this.values[0]?.length ?? 0;
    if (to[0] < 0 || to[0] >= rows || to[1] < 0 || to[1] >= cols) return;
    e.preventDefault();
    if (input.value !== show(this.values[r][c])) this.commit(r, c, input);
    this.active = to;
    this.updateComplete.then(() => this.renderRoot.querySelector<HTMLInputElement>(`input[data-r="${to[0]}"][data-c="${to[1]}"]`)?.focus());
  }
}

/** The value as the reader would type it: 4 significant digits, "1e-6" for tiny ones. */
const show = (v: number) => fmt(v, { digits: 4, ascii: true });

/** Diverging tint: heat-pos for positive, heat-neg for negative, stronger with size. */
const tint = (t: number) => `color-mix(in srgb, var(--_heat-${t >= 0 ? "pos" : "neg"}) ${Math.round(Math.min(1, Math.abs(t)) * 45)}%, var(--_bg))`;

define("rnn-matrix-input", RnnMatrixInput);
declare global { interface HTMLElementTagNameMap { "rnn-matrix-input": RnnMatrixInput } }
