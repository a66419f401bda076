import { LitElement, css, html, nothing } from "lit";
import { property, state } from "lit/decorators.js";
import { define } from "../define.js";
import { emit } from "../events.js";
import { styles } from "../theme/tokens.js";
import { BUILTIN_CORPORA, builtinCorpus, type BuiltinCorpusId } from "../../bindings/data/corpora/index.js";
import { checkUserFile, checkUserText, fileSizeProblem, MAX_FILE_BYTES, MAX_VOCAB, vocabulary } from "../../lessons/char-lab-text.js";
import "../ui/button/button.js";
import "../ui/message/message.js";

export interface CorpusChoice { id: BuiltinCorpusId | "custom"; text: string; title: string }

const TITLES: Record<BuiltinCorpusId, string> = {
  shakespeare: "Shakespeare (Coriolanus, Act I)", grammar: "Template grammar sentences", brackets: "Nested brackets", copy: "Copy lines (abc|abc)",
};

/**
 * Chooses the corpus: a built-in one, or text the reader pastes, drops or picks as a
 * file. Text that is too large, binary or uses too many characters is refused with a
 * message, and the previous corpus stays. Shows the vocabulary of the current text.
 *
 * @fires rnn-corpus-change - when a corpus is chosen and accepted; detail `CorpusChoice`
 * @csspart vocab - the vocabulary list
 */
export class RnnCharCorpus extends LitElement {
  static override styles = [styles, css`
    :host { display: block; }
    .row { display: flex; flex-wrap: wrap; gap: 8px; align-items: end; }
    label { display: block; font-size: 0.9em; margin-bottom: 2px; }
    select, textarea { font: inherit; color: var(--_fg); background: var(--_bg); border: 1px solid var(--_border); border-radius: calc(var(--_radius) / 2); }
    select { padding: 5px 6px; max-width: 100%; }
    textarea { width: 100%; min-height: 7em; font-family: var(--_mono); font-size: 0.85em; padding: 6px; resize: vertical; }
    .drop { border: 2px dashed var(--_border); border-radius: var(--_radius); padding: 8px; margin-top: 8px; }
    .drop.over { border-color: var(--_accent); }
    .hint { color: var(--_muted); font-size: 0.85em; }
    details { margin-top: 8px; }
    summary { cursor: pointer; font-size: 0.9em; min-height: 24px; line-height: 24px; }
    .vocab { display: flex; flex-wrap: wrap; gap: 3px; margin-top: 6px; max-height: 9em; overflow: auto; padding: 0; list-style: none; }
    .vocab li { font-family: var(--_mono); font-size: 0.8em; border: 1px solid var(--_border); border-radius: 4px; padding: 0 4px; white-space: pre; }
    .vocab li { font-size: max(11px, 0.8em); }
    .vocab small { color: var(--_muted); font-size: 11px; }
    input[type="file"] { font-size: 0.85em; max-width: 100%; }
  `];

  /** The corpus in use: a built-in id or "custom". */
  @property() corpus: BuiltinCorpusId | "custom" = "shakespeare";
  /** The text in use (for the vocabulary list). */
  @property({ attribute: false }) text = "";
  @property({ type: Boolean }) disabled = false;
  @state() private error = "";
  @state() private draft = "";
  @state() private over = false;

  override render() {
    const vocab = this.text ? vocabulary(this.text) : [];
    return html`
      <div class="row">
        <div>
          <label for="corpus">Corpus</label>
          <select id="corpus" .value=${this.corpus} ?disabled=${this.disabled} @change=${this.onSelect}>
            ${BUILTIN_CORPORA.map((id) => html`<option value=${id} ?selected=${id === this.corpus}>${TITLES[id]}</option>`)}
            <option value="custom" ?selected=${this.corpus === "custom"}>Your own text…</option>
          </select>
        </div>
      </div>
      ${this.corpus === "custom" ? html`
        <div class="drop ${this.over ? "over" : ""}" @dragover=${this.onDragOver} @dragleave=${() => { this.over = false; }} @drop=${this.onDrop}>
          <label for="paste">Paste text (or drop a plain-text file here)</label>
          <textarea id="paste" .value=${this.draft} ?disabled=${this.disabled} @input=${(e: Event) => { this.draft = (e.target as HTMLTextAreaElement).value; }}
            aria-describedby="limits"></textarea>
          <div class="row">
            <rnn-button variant="primary" ?disabled=${this.disabled || !this.draft} @click=${() => this.accept(checkUserText(this.draft), "pasted text")}>Use this text</rnn-button>
            <div><label for="file">…or choose a file</label><input id="file" type="file" accept=".txt,.md,text/plain" ?disabled=${this.disabled} @change=${this.onFile} /></div>
          </div>
          <p class="hint" id="limits">UTF-8 text from 100 characters to ${MAX_FILE_BYTES / 1e6} MB, with at most ${MAX_VOCAB} distinct characters. The last 10% is held out to measure generalisation.</p>
        </div>` : nothing}
      ${this.error ? html`<rnn-message heading="That text was not used">${this.error}</rnn-message>` : nothing}
      ${vocab.length ? html`<details>
        <summary>Vocabulary: ${vocab.length} characters, ${this.text.length.toLocaleString("en")} in all</summary>
        <ul class="vocab" part="vocab" aria-label="Characters of the corpus with their counts">
          ${vocab.map((v) => html`<li title="${v.count} times">${v.label} <small>${v.count}</small></li>`)}
        </ul></details>` : nothing}`;
  }

  private onSelect(e: Event) {
    const id = (e.target as HTMLSelectElement).value as BuiltinCorpusId | "custom";
    this.error = "";
    if (id === "custom") { this.corpus = "custom"; return; }
    const c = builtinCorpus(id);
    this.corpus = id;
    emit<CorpusChoice>(this, "rnn-corpus-change", { id, text: c.text, title: c.title });
  }

  private accept(r: ReturnType<typeof checkUserText>, title: string) {
    if (!r.ok) { this.error = r.error; return; }
    this.error = "";
    emit<CorpusChoice>(this, "rnn-corpus-change", { id: "custom", text: r.text, title });
  }

  private async readFile(file: File) {
    // size first: an oversized file is never read into memory
    const tooLarge = fileSizeProblem(file.size, file.name);
    if (tooLarge) { this.error = tooLarge; return; }
    const r = checkUserFile(new Uint8Array(await file.arrayBuffer()), file.name);
    if (r.ok) this.draft = r.text;
    this.accept(r, file.name);
  }

  private onFile(e: Event) {
    const input = e.target as HTMLInputElement, file = input.files?.[0];
    if (file) void this.readFile(file);
    input.value = "";
  }

  private onDragOver(e: DragEvent) { e.preventDefault(); this.over = true; }

  private onDrop(e: DragEvent) {
    e.preventDefault();
    this.over = false;
    const file = e.dataTransfer?.files?.[0];
    if (file) void this.readFile(file);
    else if (e.dataTransfer?.getData("text/plain")) this.draft = e.dataTransfer.getData("text/plain");
  }
}

define("rnn-char-corpus", RnnCharCorpus);
declare global {
  interface HTMLElementTagNameMap { "rnn-char-corpus": RnnCharCorpus }
  interface HTMLElementEventMap { "rnn-corpus-change": CustomEvent<CorpusChoice> }
}
