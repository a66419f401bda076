/**
 * Log axes as a reader sees them in the views: every tick label of every log axis is a
 * number (no blank or "–" decade), the labels are distinct decades, and the y axis is wide
 * enough for its widest label. Checked at full width and in a 390 px column.
 */
import { afterEach, beforeAll, describe, expect, test } from "vitest";
import { parseNumber } from "../../bindings/format.js";
import { $, all, loadBundle, mount, settle, until, type View } from "./helpers.js";

type Chart = HTMLElement & { log: boolean; label: string; tickLabels(): string[][] };

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
  });

  test("GRU: the direct-path gain", async () => {
    const el = await mountIn(width, `<rnn-gru></rnn-gru>`);
    await until("training", () => !!el.shadowRoot!.querySelector("[data-testid=train-info]") && logCharts(el).length >= 1);
    expectNumericLogAxes(el, 1);
  });

  test("gradient flow: ‖∂L/∂h_t‖ against distance", async () => {
    const el = await mountIn(width, `<rnn-gradient-flow lengths="4, 12" steps="200" seeds="1" budget="900" vocab="4"></rnn-gradient-flow>`);
    await el.updateComplete;
    button(el.shadowRoot!, "Run the study").click(); // the study waits for the reader
    await until("the study", () => (el as unknown as { task: { status: string } }).task.status === "done" && logCharts(el).length >= 1);
    expectNumericLogAxes(el, 1);
  });

  test("ESN: BPTT loss and test error", async () => {
    const el = await mountIn(width, `<rnn-esn size="40" rnn-steps="200"></rnn-esn>`);
    const view = el as unknown as { task: { status: string }; probeTask: { status: string } };
    await until("the first look", () => view.probeTask.status === "done");
    await settle(el.shadowRoot!);
    button(el.shadowRoot!, "Run the full comparison").click();
    await until("the full run", () => view.task.status === "done" && logCharts(el).length >= 2);
    expectNumericLogAxes(el, 2);
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
  });
});
