/**
 * Every lesson view fires rnn-main-action once the reader ran its main action (trained, ran the
 * study, stepped through time or the backward pass), and not merely because it was opened: the
 * SCORM run-time marks a lesson completed on it. Each view is driven through its own main control,
 * with small settings where the action trains.
 */
import { afterEach, beforeAll, describe, expect, test } from "vitest";
import { userEvent } from "vitest/browser";
import { VIEW_NAMES, VIEW_TITLES, type ViewName } from "../../lessons/views.js";
import { $, all, loadBundle, mount, settle, sleep, until, type View } from "./helpers.js";

type Lib = Awaited<ReturnType<typeof loadBundle>>;
let lib: Lib;
beforeAll(async () => { lib = await loadBundle(); });
afterEach(() => { document.body.replaceChildren(); });

/** Clicks the view's button whose text matches, once it is drawn and enabled. */
async function click(root: ShadowRoot, label: RegExp) {
  let button: HTMLElement | undefined;
  await until(`a button ${label}`, () => !!(button = all(root, "rnn-button").find((b) => label.test(b.textContent!.trim()) && !b.hasAttribute("disabled"))), 60_000);
  button!.click();
}

/** Focuses a keyboard-driven control (the time plot, the gated timeline) and steps it once. */
async function stepWithKeys(root: ShadowRoot, find: (r: ShadowRoot) => HTMLElement | null | undefined) {
  let target: HTMLElement | null | undefined;
  await until("the stepping control", () => !!(target = find(root)), 60_000);
  target!.focus();
  await userEvent.keyboard("{ArrowRight}");
}

const plot = (r: ShadowRoot) => $(r, "rnn-stem-plot")?.shadowRoot?.querySelector<HTMLElement>(".plot");
const timeline = (r: ShadowRoot) => $(r, "[data-testid=timeline]");

/** How to mount each view small and run its main action. */
const CASES: Record<ViewName, { html: string; action: string; drive: (root: ShadowRoot) => Promise<void> }> = {
  "shift-register": { html: "<rnn-shift-register></rnn-shift-register>", action: "step", drive: (r) => click(r, /^Step ▸$/) },
  feedback: { html: "<rnn-feedback></rnn-feedback>", action: "step", drive: (r) => stepWithKeys(r, plot) },
  "state-space": { html: "<rnn-state-space></rnn-state-space>", action: "step", drive: (r) => stepWithKeys(r, plot) },
  bptt: { html: "<rnn-bptt></rnn-bptt>", action: "backward", drive: (r) => click(r, /^Step backward$/) },
  lstm: { html: '<rnn-lstm train-steps="100"></rnn-lstm>', action: "step", drive: (r) => stepWithKeys(r, timeline) },
  gru: { html: '<rnn-gru train-steps="100"></rnn-gru>', action: "step", drive: (r) => stepWithKeys(r, timeline) },
  "gradient-flow": { html: '<rnn-gradient-flow lengths="4" steps="100" seeds="1" budget="300" vocab="4"></rnn-gradient-flow>', action: "run", drive: (r) => click(r, /^Run the study$/) },
  esn: { html: '<rnn-esn size="20" rnn-steps="20"></rnn-esn>', action: "run", drive: (r) => click(r, /^Run the full comparison$/) },
  // it opens with the whole sequence processed: back to the start, then one step
  "sequence-lab": { html: "<rnn-sequence-lab></rnn-sequence-lab>", action: "step", drive: async (r) => { await click(r, /^Reset$/); await settle(r); await click(r, /^Step forward$/); } },
  "worked-example": { html: "<rnn-worked-example></rnn-worked-example>", action: "step", drive: (r) => click(r, /^Take one step$/) },
  "char-lab": { html: '<rnn-char-lab steps="100" hidden-size="8" sample-every="100"></rnn-char-lab>', action: "train", drive: (r) => click(r, /^Train a new model$/) },
  experiments: { html: '<rnn-experiments study="clipping" values="0, 50" steps="40" seeds="1"></rnn-experiments>', action: "run", drive: (r) => click(r, /^Run/) },
  bench: { html: '<rnn-bench workloads="W1" engines="wasm" reps="1" steps="3"></rnn-bench>', action: "run", drive: (r) => click(r, /^Run the bench$/) },
};

describe("rnn-main-action", () => {
  test("every registered view has a case here, under the title the CLI packs it with", () => {
    expect(lib.registeredViews().map((v) => v.name).filter((n) => !n.startsWith("test-"))).toEqual([...VIEW_NAMES]);
    for (const name of VIEW_NAMES) expect(lib.getView(name)?.title).toBe(VIEW_TITLES[name]);
  });

  test.each([...VIEW_NAMES])("%s fires it after its main action, not on opening", async (name) => {
    const seen: { view: string; action: string }[] = [];
    // heard on the document: the event bubbles out of the view's shadow root
    const listen = (e: Event) => seen.push((e as CustomEvent).detail);
    document.addEventListener("rnn-main-action", listen);
    try {
      const el: View = await mount(CASES[name].html);
      await settle(el.shadowRoot!);
      await sleep(300);
      expect(seen, "fired on opening").toEqual([]);
      await CASES[name].drive(el.shadowRoot!);
      await until(`rnn-main-action from ${name}`, () => seen.length > 0, 120_000);
      expect(seen[0]).toEqual({ view: name, action: CASES[name].action });
    } finally {
      document.removeEventListener("rnn-main-action", listen);
    }
  });
});
