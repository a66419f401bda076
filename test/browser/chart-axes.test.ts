/**
 * Charts as a reader sees them in the views. Log axes: every tick label of every log axis is
 * a number (no blank or "–" decade), the labels are distinct decades, and the y axis is wide
 * enough for its widest label, at full width and in a 390 px column. Every line chart of every
 * lesson view titles both axes with a unit (a counting unit such as steps, or a unit in
 * parentheses, "dimensionless" included), and every chart of more than one series shows its legend.
 */
import { afterEach, beforeAll, describe, expect, test } from "vitest";
import { parseNumber } from "../../bindings/format.js";
import { $, all, loadBundle, mount, settle, until, type View } from "./helpers.js";

type Chart = HTMLElement & { log: boolean; label: string; xLabel: string; yLabel: string; compact: boolean;
  series: { label: string }[]; tickLabels(): string[][] };

beforeAll(async () => { await loadBundle(); });
afterEach(() => { document.body.replaceChildren(); });

/** Every line chart below `root`, through nested shadow roots. */
function charts(root: Element | ShadowRoot): Chart[] {
  const out: Chart[] = [];
  const walk = (r: Element | ShadowRoot) => r.querySelectorAll("*").forEach((e) => {
    if (e.localName === "rnn-line-chart") out.push(e as Chart);
    if (e.shadowRoot) walk(e.shadowRoot);
  });
  walk(root instanceof Element && root.shadowRoot ? root.shadowRoot : root);
  return out;
}

/** The log charts of a view that have drawn their axes. */
const logCharts = (el: Element) => charts(el).filter((c) => c.log && (c.tickLabels()[1]?.length ?? 0) > 0);

function expectNumericLogAxes(el: Element, atLeast: number) {
  const cs = logCharts(el);
  expect(cs.length, "log charts drawn").toBeGreaterThanOrEqual(atLeast);
  for (const c of cs) {
    const y = c.tickLabels()[1];
    expect(y.length, `${c.label}: decades labelled`).toBeGreaterThanOrEqual(2);
    for (const t of y) {
      const v = parseNumber(t);
      expect(Number.isFinite(v) && v > 0, `${c.label}: tick "${t}" of [${y.join(", ")}] is a positive number`).toBe(true);
      expect(Math.log10(v) % 1, `${c.label}: "${t}" is a whole decade`).toBeCloseTo(0, 9);
    }
    expect(new Set(y).size, `${c.label}: distinct labels`).toBe(y.length);
  }
}

/** What the chart reports of its last draw. */
type Drawn = { axes: { title: string; font: string; room: number }[] };

/** A unit in parentheses at the end ("accuracy (%)"), or a counting unit in the title ("training step", "bits per character"). */
const UNIT = /\([^()]+\)\s*$|\b(steps?|iterations?|evaluations?|sequences?|characters?)\b/;

/** Every line chart of `el` titles both axes with a unit, draws the titles, and names its series in a legend. */
function expectReadable(el: Element, atLeast: number) {
  const cs = charts(el);
  expect(cs.length, "line charts").toBeGreaterThanOrEqual(atLeast);
  for (const c of cs) {
    expect(c.xLabel, `${c.label}: x axis "${c.xLabel}" has a unit`).toMatch(UNIT);
    expect(c.yLabel, `${c.label}: y axis "${c.yLabel}" has a unit`).toMatch(UNIT);
    const root = c.shadowRoot!;
    const drawn = (c as unknown as { drawn?: Drawn }).drawn;
    if (drawn && (c.tickLabels()[0]?.length ?? 0) > 0) {
      // the titles are drawn (on the canvas) along the plot's width (x) or the canvas's full height (y):
      // a longer title would be cut off at the canvas edge
      expect(drawn.axes.map((a) => a.title), `${c.label}: axis titles drawn`).toEqual([c.xLabel, c.yLabel]);
      const ctx = root.querySelector("canvas")!.getContext("2d")!;
      for (const a of drawn.axes) {
        ctx.save();
        ctx.font = a.font;
        expect(ctx.measureText(a.title).width, `${c.label}: "${a.title}" fits its axis`).toBeLessThanOrEqual(a.room);
        ctx.restore();
      }
      if (c.series.length > 1) {
        const legend = root.querySelector<HTMLElement>(".legend");
        expect(legend && getComputedStyle(legend).display !== "none", `${c.label}: legend shown`).toBe(true);
        const names = [...legend!.querySelectorAll(".key .name")].map((e) => e.textContent!.trim());
        for (const s of c.series) expect(names, `${c.label}: legend names "${s.label}"`).toContain(s.label);
      }
    }
  }
}

/** Mounts `html` in a column of `width` px. */
async function mountIn(width: number | null, markup: string): Promise<View> {
  const el = await mount(markup);
  if (width) el.parentElement!.style.width = `${width}px`;
  return el;
}

const button = (root: ShadowRoot, text: string) => all(root, "rnn-button").find((b) => b.textContent!.trim().startsWith(text))!;

describe.each([null, 390])("log axes label every decade with a number (column %s px)", (width) => {
  test("BPTT: |∂L/∂h[k]| and the training loss", async () => {
    const el = await mountIn(width, `<rnn-bptt steps="50" wr="0.5" iterations="300"></rnn-bptt>`);
    await until("the gradient chart", () => logCharts(el).length >= 1);
    button(el.shadowRoot!, "Train").click();
    await until("the loss chart", () => logCharts(el).length >= 2);
    await settle(el.shadowRoot!);
    expectNumericLogAxes(el, 2);
    expectReadable(el, 2);
  });

  test("GRU: the direct-path gain", async () => {
    const el = await mountIn(width, `<rnn-gru></rnn-gru>`);
    await until("training", () => !!el.shadowRoot!.querySelector("[data-testid=train-info]") && logCharts(el).length >= 1);
    expectNumericLogAxes(el, 1);
    expectReadable(el, 1);
  });

  test("gradient flow: ‖∂L/∂h_t‖ against distance", async () => {
    const el = await mountIn(width, `<rnn-gradient-flow lengths="4, 12" steps="200" seeds="1" budget="900" vocab="4"></rnn-gradient-flow>`);
    await el.updateComplete;
    button(el.shadowRoot!, "Run the study").click(); // the study waits for the reader
    await until("the study", () => (el as unknown as { task: { status: string } }).task.status === "done" && logCharts(el).length >= 1);
    expectNumericLogAxes(el, 1);
    await settle(el.shadowRoot!);
    expectReadable(el, 2);
  });

  test("ESN: BPTT loss and test error", async () => {
    const el = await mountIn(width, `<rnn-esn size="40" rnn-steps="200"></rnn-esn>`);
    const view = el as unknown as { task: { status: string }; probeTask: { status: string } };
    await until("the first look", () => view.probeTask.status === "done");
    await settle(el.shadowRoot!);
    button(el.shadowRoot!, "Run the full comparison").click();
    await until("the full run", () => view.task.status === "done" && logCharts(el).length >= 2);
    expectNumericLogAxes(el, 2);
    await settle(el.shadowRoot!);
    expectReadable(el, 6);
  });

  test("character lab, vanishing gradients: the gradient reaching d steps back", async () => {
    const el = await mountIn(width, `<rnn-char-lab section="recall" recall-lengths="5, 20" recall-steps="200"></rnn-char-lab>`);
    await until("the recall tab", () => !!charts(el).length || !!el.shadowRoot!.querySelector("rnn-char-recall"));
    const recall = $(el.shadowRoot!, "rnn-char-recall") as View;
    await recall.updateComplete;
    button(recall.shadowRoot!, "Train all").click();
    await until("six models", () => logCharts(el).length >= 2 && !/Cancel/.test(all(recall.shadowRoot!, "rnn-button").filter((b) => !b.hasAttribute("disabled")).map((b) => b.textContent).join()));
    await until("the curves", () => logCharts(el).every((c) => c.tickLabels()[1].length >= 2));
    expectNumericLogAxes(el, 2);
    expectReadable(el, 4);
  });
});

describe("the other lesson views: every chart titles its axes with units and shows its legend", () => {
  const drawn = (el: Element, n: number) => charts(el).length >= n && charts(el).every((c) => (c.tickLabels()[0]?.length ?? 0) > 0);

  test("feedback and LSTM", async () => {
    const fb = await mount(`<rnn-feedback></rnn-feedback>`);
    await until("the impulse response", () => drawn(fb, 1));
    expectReadable(fb, 1);
    document.body.replaceChildren();
    const lstm = await mount(`<rnn-lstm></rnn-lstm>`);
    await until("training", () => !!lstm.shadowRoot!.querySelector("[data-testid=train-info]") && drawn(lstm, 1));
    expectReadable(lstm, 1);
  });

  test("sequence lab: the step charts, and loss and gradient norm after Compare both", async () => {
    const el = await mount(`<rnn-sequence-lab budget="200"></rnn-sequence-lab>`);
    await until("the training controls", () => !!button(el.shadowRoot!, "Compare both"));
    button(el.shadowRoot!, "Compare both").click();
    const v = el as unknown as { busy: boolean };
    await until("both runs", () => !v.busy && drawn(el, 4));
    await settle(el.shadowRoot!);
    expectReadable(el, 4);
  });

  test("character lab: the loss chart of a short run, and the hidden-size sweep", async () => {
    const el = await mount(`<rnn-char-lab steps="200" sample-every="100" hidden-size="16" sweep-sizes="8, 16" sweep-steps="100"></rnn-char-lab>`);
    await until("the train button", () => !!button(el.shadowRoot!, "Train a new model"));
    button(el.shadowRoot!, "Train a new model").click();
    const lab = el as unknown as { task: { status: string } };
    await until("the run", () => lab.task.status === "done" && drawn(el, 1));
    await settle(el.shadowRoot!);
    expectReadable(el, 1);
    el.setAttribute("section", "sweep");
    await settle(el.shadowRoot!);
    const sweep = $(el.shadowRoot!, "rnn-char-sweep") as View;
    await until("the sweep button", () => !!button(sweep.shadowRoot!, "Run the sweep"));
    button(sweep.shadowRoot!, "Run the sweep").click();
    await until("the sweep", () => !(sweep as unknown as { busy: boolean }).busy && drawn(el, 2));
    await settle(sweep.shadowRoot!);
    expectReadable(el, 2);
  });

  test("views drawn without line charts have none to check", async () => {
    for (const tag of ["rnn-shift-register", "rnn-state-space", "rnn-worked-example"]) {
      const el = await mount(`<${tag}></${tag}>`);
      await el.updateComplete;
      expectReadable(el, 0);
      document.body.replaceChildren();
    }
  });
});
