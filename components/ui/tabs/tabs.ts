import { LitElement, html, nothing, type PropertyValues } from "lit";
import { property } from "lit/decorators.js";
import { define } from "../../define.js";
import { emit } from "../../events.js";
import { styles } from "../../theme/tokens.js";
import { tabsStyles } from "./tabs.styles.js";

/** A tab; `number` (e.g. the lesson's place in a course) is shown before the label. */
export interface TabItem { name: string; label: string; number?: number }
let uid = 0;

/**
 * Tabs per the WAI-ARIA tabs pattern: one tab stop, arrow keys move and select
 * (Left/Right, Home/End), the panel shows the child whose `slot` is the selected name.
 * Children of other tabs stay in the DOM (keeping their state) but are not rendered.
 *
 * @slot <name> - the panel content of tab `name`
 * @fires rnn-tab-change - when the user selects a tab; detail `{ name: string }`
 * @csspart tablist - the row of tabs
 * @csspart tab - each tab
 * @csspart number - the number before a tab's label
 * @csspart panel - the tab panel
 * @cssproperty --rnn-accent - selected tab underline
 */
export class RnnTabs extends LitElement {
  static override styles = [styles, tabsStyles];

  @property({ attribute: false }) tabs: TabItem[] = [];
  @property({ reflect: true }) selected = "";
  /** Accessible name of the tab list. */
  @property() label = "Views";
  private readonly ref = `t${++uid}`;

  override render() {
    const sel = this.current();
    return html`
      <div part="tablist" role="tablist" aria-label=${this.label} @keydown=${this.onKey}>
        ${this.tabs.map((t, i) => html`<button part="tab" role="tab" id="${this.ref}-${i}" type="button"
          aria-selected=${t.name === sel ? "true" : "false"} aria-controls="${this.ref}-panel" tabindex=${t.name === sel ? 0 : -1}
          data-name=${t.name} @click=${() => this.select(t.name, false)}>${t.number === undefined ? nothing
            : html`<span class="number" part="number">${t.number}</span>`}${t.label}</button>`)}
      </div>
      <div part="panel" role="tabpanel" id="${this.ref}-panel" tabindex="0"
        aria-labelledby="${this.ref}-${Math.max(0, this.tabs.findIndex((t) => t.name === sel))}">
        <slot name=${sel}></slot>
      </div>`;
  }

  override updated(changed: PropertyValues<this>) {
    // on a narrow screen the tabs are one scrolling row: keep the selected one in sight
    if (changed.has("selected") || changed.has("tabs")) {
      const row = this.renderRoot.querySelector<HTMLElement>('[role="tablist"]'), tab = this.tabButton(this.current());
      if (row && tab && row.scrollWidth > row.clientWidth) row.scrollLeft = tab.offsetLeft - (row.clientWidth - tab.offsetWidth) / 2;
    }
  }

  /** The selected name, or the first tab's when `selected` names no tab. */
  current(): string {
    return this.tabs.some((t) => t.name === this.selected) ? this.selected : this.tabs[0]?.name ?? "";
  }

  private select(name: string, focus: boolean) {
    if (name !== this.current()) {
      this.selected = name;
      emit(this, "rnn-tab-change", { name });
    }
    if (focus) this.updateComplete.then(() => this.tabButton(name)?.focus());
  }

  private tabButton(name: string) {
    return this.renderRoot.querySelector<HTMLButtonElement>(`[role="tab"][data-name="${CSS.escape(name)}"]`);
  }

  private onKey(e: KeyboardEvent) {
    const n = this.tabs.length;
    if (!n) return;
    const k = this.tabs.findIndex((t) => t.name === this.current());
    const to = e.key === "ArrowRight" ? (k + 1) % n : e.key === "ArrowLeft" ? (k - 1 + n) % n
      : e.key === "Home" ? 0 : e.key === "End" ? n - 1 : -1;
    if (to < 0) return;
    e.preventDefault();
    this.select(this.tabs[to].name, true);
  }
}

define("rnn-tabs", RnnTabs);
declare global {
  interface HTMLElementTagNameMap { "rnn-tabs": RnnTabs }
  interface HTMLElementEventMap { "rnn-tab-change": CustomEvent<{ name: string }> }
}
