import { LitElement, html, nothing, type TemplateResult } from "lit";
import { state } from "lit/decorators.js";
import { KeptAttributes } from "../attributes.js";
import { define } from "../define.js";
import { emit, emitMainAction } from "../events.js";
import { registerView } from "../registry.js";
import { styles, themeRoot } from "../theme/tokens.js";
import { downloadBlob, fileName } from "../charts/export.js";
import { curvesCSV, studyCSV } from "../../lab/columns.js";
import { BASE_SEED, describeConvention } from "../../lab/config.js";
import { runKey } from "../../lab/cache.js";
import { ranked } from "../../lab/observe.js";
import { studyDef, type PlannedVariant, type StudyRequest } from "../../lab/run-study.js";
import type { Atom, StudyDef } from "../../lab/study.js";
import { STUDIES } from "../../lab/studies/index.js";
import type { StudyResult } from "../../lab/types.js";
import { resultTable, studyCharts } from "./charts.js";
import { formula } from "./formulas.js";
import { GUIDES } from "./guides.js";
import { trainCurve, valCurve, variantCurves } from "./live.js";
import { LabSession } from "./session.js";
import { EXPERIMENTS_ATTRIBUTES, FULL_STEPS, QUICK_STEPS, parseValuesText, valuesText } from "./settings.js";
import { lessonStyles } from "../theme/lesson.styles.js";
import { experimentsStyles } from "./experiments.styles.js";
import type { RnnLabGrid } from "./grid.js";
import "./field.js";
import "./grid.js";
import "../charts/line-chart/line-chart.js";
import "../ui/button/button.js";
import "../ui/message/message.js";
import "../ui/progress/progress.js";
import "../ui/select/select.js";
import "../ui/slider/slider.js";

type SettingName = keyof typeof EXPERIMENTS_ATTRIBUTES;

/**
 * The experiments lab: ten controlled studies of a character RNN on a template-grammar
 * corpus, each changing one setting of a baseline (vanilla RNN, H = 64, chunks of 25,
 * SGD lr 0.01, global-norm clip 5, orthogonal W_hh, tanh). A study states its
 * hypothesis, trains every variant with several seeds in the worker pool with live
 * curves, then writes its observations from the measured numbers, saying when the
 * result contradicts the hypothesis. Results are saved in IndexedDB by configuration.
 *
 * Attributes (reflected as the reader changes them, so a link reproduces the setup):
 * `study` (init | hidden-size | tbptt | activation | clipping | teacher-forcing | reservoir |
 * similarity | learning-rate | grid), `steps` (per run, 20–100000; quick 3000, full 30000),
 * `seeds` (1–5), `loss` (sum | mean: the loss convention), `values` (the study's value
 * lists, e.g. "0.5, 1, 5" or for the grid "16, 64; tanh, relu; 10, 25"), `nonce` (the
 * made-up word of the similarity study), `engine` (wasm | ts).
 *
 * @fires rnn-change - when the reader changes a setting; detail `{ value: { name, value } }`
 * @fires rnn-lab-done - when a study's runs finish; detail `{ study, verdict, observations }`
 * @csspart study - the study description card
 * @csspart controls - the settings card
 * @csspart results - observations, table and charts
 * @cssproperty --rnn-accent - primary buttons, the hypothesis bar
 * @cssproperty --rnn-surface - card background
 * @cssproperty --rnn-success - "supported" verdicts
 * @cssproperty --rnn-error - "contradicted" verdicts and input errors
 * @fires rnn-main-action - a study the reader ran has finished; detail `{ view, action: "run" }`
 * @fires rnn-score - the reader's locked prediction was scored against the run; detail `{ view, raw, min: 0, max: 100 }`
 */
export class RnnExperiments extends LitElement {
  static override styles = [styles, themeRoot, lessonStyles, experimentsStyles];

  private readonly settings = new KeptAttributes(this, EXPERIMENTS_ATTRIBUTES, () => void this.refresh());
  private readonly session = new LabSession(this, (r) => {
    emit(this, "rnn-lab-done", { study: r.study, verdict: r.hypothesis_verdict, observations: r.observations });
    emitMainAction(this, "experiments", "run");
  });
  /** the value lists in use (the last good ones) */
  @state() private lists: Atom[][] = [];
  /** the study `lists` belong to */
  private listsStudy = "";
  @state() private valuesError = "";
  @state() private nonceError = "";
  @state() private note = "";
  @state() private revealed = false;
  @state() private focusLabel = "";
  private shownKey = "";
  private refreshes = 0;

  /** The open study's result (the same JSON as `rnn-explorer lab` writes), once all its runs are in. */
  get result(): StudyResult | undefined { return this.session.result; }

  private get def(): StudyDef { return studyDef(this.settings.values.study); }

  /** The lists in use, or the study's defaults before the first plan. */
  private get shownLists(): Atom[][] {
    const def = this.def;
    return this.listsStudy === def.id ? this.lists : def.variables.map((x) => [...x.defaults]);
  }

  private request(lists: Atom[][]): StudyRequest {
    const v = this.settings.values;
    return { study: v.study, settings: { steps: v.steps, seeds: v.seeds, lossConvention: v.loss, engine: v.engine }, values: lists, option: v.nonce };
  }

  /** Re-plans after a settings change; a bad list or word keeps the previous one and says why. */
  private async refresh() {
    const def = this.def, v = this.settings.values, token = ++this.refreshes;
    let lists = this.shownLists;
    try {
      lists = parseValuesText(def, v.values);
      this.valuesError = "";
    } catch (e) {
      this.valuesError = `${(e as Error).message}. Keeping ${valuesText(def, this.shownLists)}.`;
    }
    const key = JSON.stringify([this.request(lists)]);
    if (key === this.shownKey) return;
    try {
      await this.session.show(this.request(lists));
      this.nonceError = "";
    } catch (e) {
      // only the made-up word can fail here (the lists were checked above): keep the last good one
      const kept = [this.session.request?.option, def.option?.default].find((w) => w && w !== v.nonce) ?? "";
      this.nonceError = `${(e as Error).message}. Keeping "${kept}".`;
      try { await this.session.show({ ...this.request(lists), option: kept }); } catch { /* the previous request stays */ }
    }
    if (token !== this.refreshes) return;
    if (JSON.stringify(lists) !== JSON.stringify(this.lists) && def.id === "grid") this.renderRoot.querySelector<RnnLabGrid>("rnn-lab-grid")?.reset();
    this.lists = lists;
    this.listsStudy = def.id;
    this.shownKey = key;
    if (def.id !== "grid" || !this.session.result) this.revealed = false;
    this.note = this.session.store.problem;
  }

  private set(name: SettingName, value: string | number | undefined) {
    const changes: Partial<Record<SettingName, string | number | null>> = { [name]: value ?? null };
    if (name === "study") { changes.values = null; this.focusLabel = ""; this.revealed = false; }
    this.settings.set(changes);
    emit(this, "rnn-change", { value: { name, value } });
  }

  // ---------------------------------------------------------------- render

  override render() {
    const def = this.def, v = this.settings.values, s = this.session, idx = STUDIES.indexOf(def);
    return html`
      <h2>Experiments lab</h2>
      <p class="lead">Ten controlled studies of a character-level RNN, run live in your browser. Each changes one setting of the same baseline,
        trains every variant with ${v.seeds} seed${v.seeds > 1 ? "s" : ""}, and writes its observations from what it measured.</p>
      ${this.settings.problems.length ? html`<rnn-message variant="warning" heading="Some settings were not understood" .items=${this.settings.problems}></rnn-message>` : nothing}
      <div class="picker">
        <rnn-select label="Study" .value=${def.id} ?disabled=${s.running}
          .options=${STUDIES.map((d, i) => ({ value: d.id, label: `${i + 1}. ${d.title}` }))}
          @rnn-change=${(e: CustomEvent<{ value: string }>) => this.set("study", e.detail.value)}></rnn-select>
        <div class="nav">
          <rnn-button ?disabled=${idx <= 0 || s.running} @click=${() => this.set("study", STUDIES[idx - 1].id)}>Previous study</rnn-button>
          <rnn-button ?disabled=${idx >= STUDIES.length - 1 || s.running} @click=${() => this.set("study", STUDIES[idx + 1].id)}>Next study</rnn-button>
        </div>
      </div>
      <section class="card" part="study" aria-labelledby="study-title">
        <h3 id="study-title">${idx + 1}. ${def.title}</h3>
        <p>${def.description}</p>
        <p class="statement"><strong>Hypothesis</strong> (to be tested, not a result): ${def.hypothesis}</p>
      </section>
      ${this.renderControls()}
      ${this.renderLive()}
      ${def.id === "grid" ? html`<section class="card"><rnn-lab-grid .lists=${this.shownLists} .result=${s.result}
        @rnn-lab-reveal=${() => { this.revealed = true; }}></rnn-lab-grid></section>` : nothing}
      ${s.result && (def.id !== "grid" || this.revealed) ? this.renderResults(s.result) : nothing}
      ${this.renderDefinitions()}
      ${this.renderGuide()}`;
  }

  private renderControls(): TemplateResult {
    const def = this.def, v = this.settings.values, s = this.session;
    const variants = s.planned.length, runs = s.total, saved = s.records.size;
    return html`<section class="card" part="controls" aria-label="Settings and run">
      <div class="controls">
        ${def.variables.map((x, i) => html`<rnn-lab-field .label=${x.label} .value=${valuesText(def, this.shownLists).split("; ")[i] ?? ""} ?disabled=${s.running}
          .hint=${x.kind === "choice" ? `any of: ${x.choices!.join(", ")}` : `comma-separated numbers from ${x.min} to ${x.max}${x.allowNone ? ', or "none"' : ""}`}
          .error=${i === 0 ? this.valuesError : ""} @rnn-change=${(e: CustomEvent<{ value: string }>) => this.onList(i, e.detail.value)}></rnn-lab-field>`)}
        ${def.option ? html`<rnn-lab-field .label=${def.option.label} .value=${v.nonce} ?disabled=${s.running} .error=${this.nonceError}
          hint="lowercase letters that occur in the corpus, not a word of the grammar" @rnn-change=${(e: CustomEvent<{ value: string }>) => this.set("nonce", e.detail.value.trim())}></rnn-lab-field>` : nothing}
        <rnn-slider label="Steps per run" scale="log" .min=${100} .max=${FULL_STEPS} .value=${v.steps} ?disabled=${s.running}
          @rnn-change=${(e: CustomEvent<{ value: number }>) => this.set("steps", Math.round(e.detail.value))}></rnn-slider>
        <rnn-slider label="Seeds per variant" .min=${1} .max=${5} .step=${1} .value=${v.seeds} ?disabled=${s.running}
          @rnn-change=${(e: CustomEvent<{ value: number }>) => this.set("seeds", e.detail.value)}></rnn-slider>
        <rnn-select label="Loss convention" .value=${v.loss} ?disabled=${s.running}
          .options=${[{ value: "sum", label: "summed over each chunk" }, { value: "mean", label: "mean per character" }]}
          @rnn-change=${(e: CustomEvent<{ value: string }>) => this.set("loss", e.detail.value)}></rnn-select>
      </div>
      <div class="buttons">
        <rnn-button ?disabled=${s.running || v.steps === QUICK_STEPS} @click=${() => this.set("steps", QUICK_STEPS)}>Quick: 3,000 steps</rnn-button>
        <rnn-button ?disabled=${s.running || v.steps === FULL_STEPS} @click=${() => this.set("steps", FULL_STEPS)}>Full: 30,000 steps</rnn-button>
      </div>
      <p class="note">Baseline: vanilla RNN, H = 64, chunks of 25 characters, SGD at lr 0.01, global-norm clipping at 5, orthogonal W_hh, tanh, ${v.seeds > 1 ? `seeds ${BASE_SEED}–${BASE_SEED + v.seeds - 1}` : `seed ${BASE_SEED}`};
        a template-grammar corpus of 4,000 sentences, the last 10% held out. Loss convention: ${describeConvention(v.loss)}.</p>
      <p class="note">${variants} variant${variants === 1 ? "" : "s"} × ${v.seeds} seed${v.seeds > 1 ? "s" : ""} = ${runs} run${runs === 1 ? "" : "s"}${saved ? `, ${saved} already saved in this browser` : ""}.</p>
      <div class="buttons">
        ${s.running
          ? html`<rnn-button @click=${() => this.session.cancel()}>Cancel</rnn-button>`
          : html`<rnn-button variant="primary" ?disabled=${saved === runs && runs > 0} @click=${() => void this.session.run()}>${saved === runs && runs > 0 ? "All runs saved" : saved ? `Run the ${runs - saved} missing` : "Run"}</rnn-button>`}
        <rnn-button variant="quiet" ?disabled=${s.running} @click=${this.forget}>Forget saved results</rnn-button>
      </div>
      ${s.running || s.status === "cancelled" || s.status === "error" ? html`<rnn-progress label="Training" .value=${s.running ? s.fraction : NaN}
        .remaining=${s.running ? s.remaining : NaN} .status=${s.running ? `${s.records.size} of ${runs} runs done, ${s.live.size} running` : s.status === "error" ? `failed: ${s.error}` : "cancelled"}></rnn-progress>` : nothing}
      ${this.note ? html`<rnn-message variant="info">${this.note}</rnn-message>` : nothing}
    </section>`;
  }

  private onList(i: number, text: string) {
    const def = this.def, parts = valuesText(def, this.shownLists).split("; ");
    parts[i] = text;
    const joined = parts.join("; ");
    try {
      parseValuesText(def, joined);
      this.valuesError = "";
      this.set("values", joined);
    } catch (e) {
      this.valuesError = `${(e as Error).message}. Keeping ${valuesText(def, this.shownLists)}.`;
    }
  }

  private async forget() {
    await this.session.store.clear();
    this.shownKey = "";
    await this.refresh();
  }

  private renderLive(): TemplateResult | typeof nothing {
    const s = this.session;
    if (!s.running && !s.result && !s.live.size && !s.records.size) return nothing;
    const grid = this.def.id === "grid";
    // the grid has dozens of cells: while running show the runs in flight; after the reveal the six best
    const best = new Set(s.result ? ranked(s.result.runs).slice(0, 6).map((r) => r.label) : []);
    const only = grid ? (p: PlannedVariant) => (s.running ? p.specs.some((x) => s.live.has(runKey(x))) : this.revealed && best.has(p.label)) : undefined;
    const train = variantCurves(s.planned, s.records, s.live, trainCurve, only), val = variantCurves(s.planned, s.records, s.live, valCurve, only);
    if (grid && !s.running && !this.revealed) return nothing;
    const which = grid ? (s.running ? " (runs in progress)" : " (the six best cells)") : "";
    return html`<section class="grid two" aria-label="Loss curves">
      <div class="card"><rnn-line-chart label=${`Training loss, mean over seeds${which}`} y-label="nats/char" .x=${train.x} .series=${train.series}></rnn-line-chart></div>
      <div class="card"><rnn-line-chart label=${`Held-out loss, mean over seeds${which}`} y-label="nats/char" .x=${val.x} .series=${val.series}></rnn-line-chart></div>
    </section>`;
  }

  private renderResults(r: StudyResult): TemplateResult {
    const verdictText = r.hypothesis_verdict === "supported" ? "The hypothesis held" : r.hypothesis_verdict === "contradicted" ? "The hypothesis was contradicted" : "Not settled by these runs";
    return html`<section class="results" part="results" aria-label="Results">
      <div class="card">
        <h3>What the runs showed</h3>
        <p class="verdict ${r.hypothesis_verdict}"><strong>${verdictText}.</strong> ${r.steps.toLocaleString("en-US")} steps per run, ${r.seeds.length > 1 ? "seeds" : "seed"} ${r.seeds.join(", ")}.</p>
        <ul class="observations">${r.observations.map((o) => html`<li>${o}</li>`)}</ul>
      </div>
      <div class="card">${resultTable(r)}
        <div class="buttons exports" role="group" aria-label="Export this study">
          <rnn-button @click=${() => this.exportJSON(r)}>Export JSON</rnn-button>
          <rnn-button @click=${() => downloadBlob(new Blob([studyCSV(r)], { type: "text/csv" }), fileName(`${r.study} results`, "csv"))}>Export table (CSV)</rnn-button>
          <rnn-button @click=${() => downloadBlob(new Blob([curvesCSV(r)], { type: "text/csv" }), fileName(`${r.study} curves`, "csv"))}>Export curves (CSV)</rnn-button>
        </div>
        <p class="note">Each chart has its own PNG (line charts, heat maps) or SVG export and a data table.</p>
      </div>
      ${studyCharts(r)}
    </section>`;
  }

  /** The study's JSON (as the CLI writes it) plus every seed's own record. */
  private exportJSON(r: StudyResult) {
    const records = this.session.specs.map((s) => this.session.records.get(runKey(s))).filter(Boolean);
    downloadBlob(new Blob([JSON.stringify({ ...r, records }, null, 1)], { type: "application/json" }), fileName(`${r.study} lab`, "json"));
  }

  private renderDefinitions(): TemplateResult {
    const def = this.def, r = this.session.result;
    const runs = r ? ranked(r.runs) : [];
    const run = runs.find((x) => x.label === this.focusLabel) ?? runs[0];
    const defs = r?.definitions ?? [];
    if (!r) return html`<section class="card"><h3>Measures</h3><p class="note">Each measure is defined here, with the numbers of a run filled in, once the study has results.</p></section>`;
    return html`<section class="card definitions" aria-labelledby="defs-title">
      <h3 id="defs-title">Measures and their formulas</h3>
      ${runs.length > 1 ? html`<rnn-select label="Fill in the numbers of" .value=${run?.label ?? ""} .options=${runs.map((x) => x.label)}
        @rnn-change=${(e: CustomEvent<{ value: string }>) => { e.stopPropagation(); this.focusLabel = e.detail.value; }}></rnn-select>` : nothing}
      <dl>${defs.map((d) => {
        const fm = formula(d.name, r, run);
        return html`<dt>${d.name}</dt><dd>${d.text}.${fm ? html`${fm.math}${fm.live ?? nothing}` : html` <code>${d.formula}</code>`}</dd>`;
      })}</dl>
      <p class="note">Study: ${def.title}; losses are natural-log cross-entropy per character (nats; divide by ln 2 ≈ 0.693 for bits).</p>
    </section>`;
  }

  private renderGuide(): TemplateResult {
    const g = GUIDES[this.def.id];
    return html`<details class="guide card" open>
      <summary>Guide: try this, and what to look for</summary>
      <h3>Try this</h3><ul>${g.tryThis.map((t) => html`<li>${t}</li>`)}</ul>
      <h3>What to look for</h3><ul>${g.lookFor.map((t) => html`<li>${t}</li>`)}</ul>
      <p class="note">Differences between settings are often smaller than the spread between seeds. An observation calls a difference real only
        when it is larger than the two seed spreads added; with one seed it calls nothing real.</p>
    </details>`;
  }
}

define("rnn-experiments", RnnExperiments);
registerView({
  name: "experiments", title: "Experiments", tag: "rnn-experiments", attributes: EXPERIMENTS_ATTRIBUTES,
  description: "Ten controlled studies of a character RNN, run live: each states a hypothesis, measures, and says whether it held.",
});
declare global {
  interface HTMLElementTagNameMap { "rnn-experiments": RnnExperiments }
  interface HTMLElementEventMap { "rnn-lab-done": CustomEvent<{ study: string; verdict: string; observations: string[] }> }
}
