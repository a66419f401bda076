import { LitElement, html, nothing, type PropertyValues } from "lit";
import { property, state } from "lit/decorators.js";
import { int, isSafeAttributeName, listOf, looseName, oneOf, readAttributes, type Spec } from "../attributes.js";
import { define } from "../define.js";
import { emit } from "../events.js";
import { getView, registeredViews, registryEvents, VIEW_NAMES, type ViewEntry } from "../registry.js";
import { defaultEmbedURL, defaultScriptURL, iframeSnippet, linkFor, ownURL, scriptSnippet } from "../share/links.js";
import { styles, themeRoot } from "../theme/tokens.js";
import { notifyThemeChange } from "../theme/theme-controller.js";
import "../share/share.js";
import { UrlStateController } from "../share/url-state.js";
import "../ui/button/button.js";
import "../ui/message/message.js";
import "../ui/tabs/tabs.js";
import { explorerStyles } from "./explorer.styles.js";

/** Settings many views share; checked here before they are passed on. Defaults belong to each view. */
export const COMMON_ATTRIBUTES: Spec = {
  hiddenSize: int(1, 512, undefined as unknown as number),
  seed: int(0, 0xffffffff, undefined as unknown as number),
  cell: oneOf(["rnn", "lstm", "gru"], undefined as unknown as "rnn"),
  engine: oneOf(["wasm", "ts"], undefined as unknown as "wasm"),
};

/** The explorer's own attributes; everything else goes to the view. */
const OWN = new Set(["view", "views", "tab", "theme", "embed-src", "script-src", "no-share", "no-hash", "label", "url-state", "fit"]);
const NOT_STATE = new Set(["slot", "class", "style", "id", "role", "tabindex", "hidden", "theme", "lang", "dir"]);

/**
 * The RNN explorer: a numbered tab for every lesson view in the bundle, in teaching order, with
 * Previous/Next buttons, or one view alone. The selected lesson is kept in the URL hash (`#lstm`),
 * so a reload reopens it and the back button returns to the previous lesson (`no-hash` turns this off).
 * Other attributes (hidden-size, seed, cell, each view's own settings) are checked and
 * passed on to the view; a bad value is reported inline and the view's default is used.
 *
 * With `url-state`, settings are read from the page's query string and every change the reader makes is
 * written back to it (see components/share/url-state.ts). With `fit`, it fills its container's height:
 * the title and tabs stay put and the lesson scrolls below them (for fixed-height frames).
 *
 * @fires rnn-view-change - when the reader switches tabs; detail `{ view: string }`
 * @csspart bar - the top row (title and share button)
 * @csspart tabs - the tab strip element (rnn-tabs)
 * @csspart path - the Previous/Next buttons (in the top row and below the lesson)
 * @csspart message - the inline message about bad settings
 * @csspart share - the share panel
 * @cssproperty --rnn-bg - background
 * @cssproperty --rnn-fg - text color
 * @cssproperty --rnn-accent - accent (selected tab, primary buttons)
 * @cssproperty --rnn-font - font family
 * @cssproperty --rnn-radius - corner radius
 */
export class RnnExplorer extends LitElement {
  static override styles = [styles, themeRoot, explorerStyles];

  /** Show this view alone (no tabs), e.g. "bptt". */
  @property() view = "";
  /** Comma-separated views to offer as tabs; default all registered views. */
  @property() views = "";
  /** The selected tab (reflected, so a share link reopens it). */
  @property({ reflect: true }) tab?: string;
  /** "auto" (follow the OS), "light" or "dark". */
  @property() theme = "auto";
  /** Where embed.html lives, for share links; default next to the script. */
  @property({ attribute: "embed-src" }) embedSrc = "";
  /** Script URL used in the script-tag snippet; default this bundle's URL. */
  @property({ attribute: "script-src" }) scriptSrc = "";
  /** Hides the share button. */
  @property({ type: Boolean, attribute: "no-share" }) noShare = false;
  /** Leaves the URL hash alone (by default a tabbed explorer keeps the lesson in it, e.g. `#lstm`). */
  @property({ type: Boolean, attribute: "no-hash" }) noHash = false;
  /** Title shown above the tabs. */
  @property() label = "RNN explorer";
  /** Follow the page URL: read settings from its query and write the reader's changes back; the value prefixes the keys ("" for none). */
  @property({ attribute: "url-state" }) urlState?: string;
  /** Fill the container's height (e.g. a fixed-height iframe): title and tabs stay, the lesson scrolls below them. */
  @property({ type: Boolean, reflect: true }) fit = false;

  @state() private shareOpen = false;
  @state() private revision = 0;
  private readonly elements = new Map<string, HTMLElement>();
  private readonly loading = new Map<string, Promise<void>>();
  private loadErrors: string[] = [];
  private readonly onRegistry = () => { this.revision++; this.followHash(); };
  private readonly onHash = () => this.followHash();
  private observer?: MutationObserver;

  constructor() {
    super();
    new UrlStateController(this);
  }

  override connectedCallback() {
    super.connectedCallback();
    registryEvents.addEventListener("change", this.onRegistry);
    addEventListener("hashchange", this.onHash);
    addEventListener("popstate", this.onHash);
    this.followHash();
    // forwarded settings are plain attributes, not properties: watch them too
    this.observer = new MutationObserver(() => { this.revision++; });
    this.observer.observe(this, { attributes: true });
  }

  override disconnectedCallback() {
    super.disconnectedCallback();
    registryEvents.removeEventListener("change", this.onRegistry);
    removeEventListener("hashchange", this.onHash);
    removeEventListener("popstate", this.onHash);
    this.observer?.disconnect();
  }

  /** The lessons offered, in teaching order, numbered from 1 (one entry when a single view is shown). */
  lessons(): { name: string; title: string; number: number }[] {
    return this.plan().shown.map((v, i) => ({ name: v.name, title: v.title, number: i + 1 }));
  }

  /** Opens the lesson the URL hash names (reload, back button, a `#lstm` link); other hashes are the page's. */
  private followHash() {
    if (this.noHash || !this.isConnected) return;
    let name = "";
    try { name = decodeURIComponent(location.hash.slice(1)); } catch { return; }
    const { shown, single, active } = this.plan();
    if (single || !name || name === active || !shown.some((v) => v.name === name)) return;
    this.tab = name;
    emit(this, "rnn-view-change", { view: name });
  }

  /** Moves to lesson `name` as the reader asked: a new history entry, and the lesson's top in sight. */
  private go(name: string, scroll: boolean) {
    if (name === this.plan().active) return;
    this.tab = name;
    if (!this.noHash && location.hash !== `#${name}`) history.pushState(history.state, "", `#${encodeURIComponent(name)}`);
    emit(this, "rnn-view-change", { view: name });
    if (scroll && this.getBoundingClientRect().top < 0) this.scrollIntoView({ block: "start" });
  }

  override willUpdate(changed: PropertyValues<this>) {
    if (changed.has("theme") && changed.get("theme") !== undefined) notifyThemeChange();
  }

  /** Works out what to show from the attributes; never throws, collects problems instead. */
  private plan() {
    const problems: string[] = [];
    const all = registeredViews(), names = all.map((v) => v.name);
    const describe = (n: string) => (VIEW_NAMES as readonly string[]).includes(n) && !names.includes(n)
      ? `is not available in this build` : `is not a view name`;
    const available = names.length ? `available: ${names.join(", ")}` : "no views are registered";
    const theme = readAttributes(this, { theme: oneOf(["auto", "light", "dark"], "auto") });
    problems.push(...theme.problems);
    let shown: ViewEntry[] = all, single = false;
    const view = this.view.trim();
    if (view) {
      const v = getView(view);
      if (v) { shown = [v]; single = true; }
      else problems.push(`view="${view.slice(0, 40)}" ${describe(view)} (${available}); showing ${this.views.trim() ? "the views listed in views" : "all views"}.`);
    }
    if (!single && this.views.trim()) {
      const wanted = this.views.split(",").map((s) => s.trim()).filter(Boolean);
      const bad = wanted.filter((n) => !getView(n));
      if (bad.length) problems.push(`views="${this.views.slice(0, 60)}": ${bad.map((b) => `"${b.slice(0, 30)}" ${describe(b)}`).join("; ")} (${available}).`);
      const ok = wanted.filter((n) => getView(n));
      if (ok.length) shown = [...new Set(ok)].map((n) => getView(n)!);
      else if (wanted.length) problems.push("Showing all views instead.");
    }
    const tab = shown.some((v) => v.name === this.tab) ? this.tab! : shown[0]?.name ?? "";
    if (this.tab && !single && shown.length && tab !== this.tab) problems.push(`tab="${this.tab!.slice(0, 40)}" is not one of the tabs; opening "${tab}".`);
    return { shown, single, active: single ? shown[0].name : tab, problems };
  }

  /** Attributes to pass to view `entry`, after validation. */
  private forwarded(entry: ViewEntry, problems: string[]): Map<string, string> {
    const spec: Spec = { ...COMMON_ATTRIBUTES, ...entry.attributes };
    const reading = readAttributes(this, spec);
    problems.push(...reading.problems);
    const bad = new Set(Object.keys(spec).filter((k) => !reading.given.has(k)).map(looseName));
    const out = new Map<string, string>();
    for (const a of Array.from(this.attributes)) {
      if (OWN.has(a.name) || NOT_STATE.has(a.name) || !isSafeAttributeName(a.name) || a.name.startsWith("aria-") || a.name.startsWith("data-")) continue;
      if (bad.has(looseName(a.name))) continue;
      const known = Object.keys(spec).find((k) => looseName(k) === looseName(a.name));
      out.set(known ? known.replace(/[A-Z]/g, (c) => "-" + c.toLowerCase()) : a.name, a.value);
    }
    return out;
  }

  private element(entry: ViewEntry, attrs: Map<string, string>): HTMLElement | string {
    if (entry.load && !customElements.get(entry.tag) && !this.loading.has(entry.name)) {
      this.loading.set(entry.name, entry.load().then(() => { this.revision++; }, (e) => {
        this.loadErrors.push(`The ${entry.title} view failed to load: ${(e as Error)?.message ?? e}.`);
        this.revision++;
      }));
    }
    if (!customElements.get(entry.tag) && entry.load) return "loading";
    let el = this.elements.get(entry.name);
    if (!el || el.localName !== entry.tag) {
      try { el = document.createElement(entry.tag); } catch (e) { this.loadErrors.push(`Could not create <${entry.tag}>: ${(e as Error).message}`); return "failed"; }
      this.elements.set(entry.name, el);
    }
    for (const a of Array.from(el.attributes)) if (!attrs.has(a.name) && !NOT_STATE.has(a.name) && this.forwardedBefore.has(`${entry.name}:${a.name}`)) el.removeAttribute(a.name);
    for (const [k, v] of attrs) { if (el.getAttribute(k) !== v) el.setAttribute(k, v); this.forwardedBefore.add(`${entry.name}:${k}`); }
    el.setAttribute("theme", this.theme === "light" || this.theme === "dark" ? this.theme : "auto");
    return el;
  }
  private readonly forwardedBefore = new Set<string>();

  override render() {
    void this.revision;
    const { shown, single, active, problems } = this.plan();
    const entry = shown.find((v) => v.name === active);
    const attrs = entry ? this.forwarded(entry, problems) : new Map<string, string>();
    const panel = (v: ViewEntry) => {
      if (v.name !== active && !this.elements.has(v.name)) return nothing;
      const el = this.element(v, v.name === active ? attrs : new Map());
      if (el === "loading") return html`<div class="loading" slot=${v.name}>Loading ${v.title}…</div>`;
      if (typeof el === "string") return nothing;
      if (!single) el.slot = v.name; else el.removeAttribute("slot");
      return el;
    };
    const allProblems = [...problems, ...this.loadErrors];
    const at = shown.findIndex((v) => v.name === active);
    const path = (where: string) => single || at < 0 ? nothing : this.renderPath(shown[at - 1], shown[at + 1], where);
    return html`
      <div class="bar" part="bar">
        <span class="brand">${this.label}${single && entry ? html`<small>${entry.title}</small>`
          : entry ? html`<small class="position">${at + 1} of ${shown.length}</small>` : nothing}</span>
        ${path("Lesson path")}
        ${this.noShare || !shown.length ? nothing : html`<rnn-button class="share" variant="quiet" aria-controls="share" pressed=${this.shareOpen ? "true" : "false"}
          @click=${() => { this.shareOpen = !this.shareOpen; }}>Share</rnn-button>`}
      </div>
      ${allProblems.length ? html`<rnn-message part="message" variant="warning" heading="Some settings were not understood and were replaced by defaults:" .items=${allProblems}></rnn-message>` : nothing}
      ${this.shareOpen ? this.renderShare(single, active) : nothing}
      ${!shown.length
        ? html`<div class="empty" role="note">No lesson views are included in this build yet.</div>`
        : single
          ? html`<div class="single" role="region" aria-label=${entry!.title}>${panel(entry!)}</div>`
          : html`<rnn-tabs part="tabs" label=${this.label} .tabs=${shown.map((v, i) => ({ name: v.name, label: v.title, number: i + 1 }))} .selected=${active}
              @rnn-tab-change=${this.onTab}>${shown.map(panel)}</rnn-tabs>
              <div class="path-end">${path("Lesson path, end of lesson")}</div>`}`;
  }

  /** Previous and Next, named after the lessons they open ("Next: LSTM cell"). */
  private renderPath(prev: ViewEntry | undefined, next: ViewEntry | undefined, label: string) {
    return html`<nav class="path" part="path" aria-label=${label}>
      ${prev ? html`<rnn-button data-path="previous" @click=${() => this.go(prev.name, true)}><span class="long">← Previous: ${prev.title}</span><span class="short">← Previous</span></rnn-button>` : nothing}
      ${next ? html`<rnn-button data-path="next" variant="primary" @click=${() => this.go(next.name, true)}>Next: ${next.title} →</rnn-button>` : nothing}
    </nav>`;
  }

  private onTab(e: CustomEvent<{ name: string }>) {
    e.stopPropagation();
    this.go(e.detail.name, false);
  }

  /** The state a link should reproduce: explorer settings plus the active view's reflected attributes. */
  shareState(): Record<string, string> {
    const { single, active } = this.plan();
    const state: Record<string, string> = {};
    if (single) state.view = active;
    else { if (this.views) state.views = this.views; if (active) state.tab = active; }
    if (this.theme !== "auto") state.theme = this.theme;
    if (this.fit) state.fit = "";
    for (const a of Array.from(this.attributes)) {
      if (!OWN.has(a.name) && !NOT_STATE.has(a.name) && isSafeAttributeName(a.name) && !a.name.startsWith("aria-") && !a.name.startsWith("data-")) state[a.name] = a.value;
    }
    const el = this.elements.get(active);
    if (el) for (const a of Array.from(el.attributes)) {
      if (!NOT_STATE.has(a.name) && isSafeAttributeName(a.name) && !a.name.startsWith("aria-") && !a.name.startsWith("data-")) state[a.name] = a.value;
    }
    return state;
  }

  private renderShare(_single: boolean, _active: string) {
    const state = this.shareState();
    const link = linkFor(ownURL(this.embedSrc, defaultEmbedURL()), state);
    return html`<rnn-share id="share" part="share" .link=${link} .script=${scriptSnippet(ownURL(this.scriptSrc, defaultScriptURL()), state)}
      .iframe=${iframeSnippet(link, this.label)}></rnn-share>`;
  }
}

define("rnn-explorer", RnnExplorer);
declare global {
  interface HTMLElementTagNameMap { "rnn-explorer": RnnExplorer }
  interface HTMLElementEventMap { "rnn-view-change": CustomEvent<{ view: string }> }
}
