/**
 * The sequence lab and the worked example from the built bundle in real Chromium:
 * the golden worked examples read back from the view, edits by keyboard, bad input
 * refused with a message while the previous state stays, training in a worker, and
 * no console errors or serious accessibility violations.
 */
import { afterEach, beforeAll, describe, expect, test } from "vitest";
import { commands, userEvent } from "vitest/browser";
import axe from "axe-core";
import { all, drawn, loadBundle, mount, settle, until, type View } from "./helpers.js";
import goldenH1 from "../golden/worked-example-h1.json";
import goldenH2 from "../golden/worked-example-h2.json";
import { traceExample, withParam, example } from "../../lessons/worked-example.js";

beforeAll(async () => {
  await commands.startCapture();
  await loadBundle();
});
afterEach(() => { document.body.replaceChildren(); });


function button(root: ShadowRoot, text: string): HTMLButtonElement {
  const b = all(root, "rnn-button").find((x) => x.textContent!.trim() === text);
  if (!b) throw new Error(`no button ${text}`);
  return b.shadowRoot!.querySelector("button")!;
}

/** Full-precision values of the read-outs whose key starts with `prefix`, in document order. */
const readout = (root: ShadowRoot, key: string) => Number(root.querySelector<HTMLElement>(`[data-key="${key}"]`)!.dataset.value);
const readouts = (root: ShadowRoot, prefix: string) => all(root, `[data-key^="${prefix}"]`).map((n) => Number(n.dataset.value));

function close(got: number[], want: number[], name: string) {
  expect(got.length, `${name}: count`).toBe(want.length);
  const scale = Math.max(0, ...want.map(Math.abs));
  got.forEach((g, k) => expect(Math.abs(g - want[k]), `${name}[${k}]: got ${g}, want ${want[k]}`).toBeLessThanOrEqual(1e-4 * scale + 1e-6));
}

async function noSeriousAxeViolations(el: Element) {
  const r = await axe.run(el, { resultTypes: ["violations"] });
  const serious = r.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join("; ")}`)).toEqual([]);
}

async function noConsoleErrors() {
  const c = await commands.readCapture();
  expect(c.console.filter((m) => m.type === "error" || m.type === "pageerror").map((m) => m.text)).toEqual([]);
}

describe("<rnn-worked-example>", () => {
  test.each([["h1", goldenH1], ["h2", goldenH2]] as const)("the %s golden case through the view's read-outs", async (name, g) => {
    const el = await mount(`<rnn-worked-example example="${name}"></rnn-worked-example>`) as View;
    const root = await drawn(el, "[data-key='loss']");
    const e = g.expected;
    close([readout(root, "loss")], [e.loss], "loss");
    close(readouts(root, "hidden."), e.hidden.flat(), "hidden");
    close(readouts(root, "outputs."), e.outputs.flat(), "outputs");
    for (const k of ["W_x", "W_h", "b", "W_y", "b_y", "h0"] as const) close(readouts(root, `grads.${k}.`), (e.grads[k] as number[] | number[][]).flat(), `grads.${k}`);
    expect(root.querySelector(".agree")!.textContent).toMatch(/agree to within/);
    await noSeriousAxeViolations(el);
    await noConsoleErrors();
  });

  test("editing a weight by keyboard recomputes everything and reflects the weights; bad text keeps the page", async () => {
    const el = await mount(`<rnn-worked-example></rnn-worked-example>`) as View;
    const root = await drawn(el, "[data-key='loss']");
    const editor = all(root, "rnn-matrix-input").find((m) => (m as unknown as { label: string }).label.startsWith("W_h"))!;
    const cells = [...editor.shadowRoot!.querySelectorAll("input")];
    expect(cells.map((c) => c.tabIndex)).toEqual([0, -1, -1, -1]);
    cells[0].focus();
    await userEvent.keyboard("{ArrowDown}");
    await settle(editor.shadowRoot!);
    const cell = editor.shadowRoot!.activeElement as HTMLInputElement;
    expect(cell.getAttribute("aria-label")).toMatch(/W_h .*h₂, h₁/);
    await userEvent.keyboard("{Control>}a{/Control}-1.5{Enter}");
    await settle(root);
    const want = traceExample(withParam(example("h2"), "W_h", 1, 0, -1.5));
    close([readout(root, "loss")], [want.loss], "loss after the edit");
    close(readouts(root, "grads.W_h."), want.grads.W_h.flat(), "∂L/∂W_h after the edit");
    expect(el.getAttribute("weights")!.split(",").map(Number)[10]).toBe(-1.5);

    const before = readout(root, "loss"), weights = el.getAttribute("weights");
    cell.focus();
    await userEvent.keyboard("{Control>}a{/Control}abc{Enter}");
    await settle(root);
    expect(editor.shadowRoot!.querySelector(".message")!.textContent).toMatch(/"abc" is not a number/);
    expect(el.getAttribute("weights")).toBe(weights);
    expect(readout(root, "loss")).toBe(before);

    button(root, "Undo").click();
    await settle(root);
    close([readout(root, "loss")], [goldenH2.expected.loss], "loss after undo");
  });

  test("one gradient step lowers the loss and its weights can be adopted", async () => {
    const el = await mount(`<rnn-worked-example example="h1" lr="0.5"></rnn-worked-example>`) as View;
    const root = await drawn(el, "[data-key='loss']");
    const L0 = readout(root, "loss");
    button(root, "Take one step").click();
    await settle(root);
    const L1 = readout(root, "update.loss");
    expect(L1).toBeLessThan(L0);
    const g = goldenH1.expected.grads;
    close(readouts(root, "update.W_h."), [0.2 - 0.5 * g.W_h[0][0]], "new W_h");
    button(root, "Use the new weights").click();
    await settle(root);
    close([readout(root, "loss")], [L1], "loss with the new weights");
  });

  test("numbers are one tab stop per card; arrow keys walk them and show full precision", async () => {
    const el = await mount(`<rnn-worked-example></rnn-worked-example>`) as View;
    const root = await drawn(el, "[data-key='loss']");
    const card = root.querySelector(".step.nums")!;
    const nums = [...card.querySelectorAll<HTMLElement>(".num")];
    expect(nums.filter((n) => n.tabIndex === 0)).toHaveLength(1);
    nums[0].focus();
    await userEvent.keyboard("{ArrowRight}{ArrowRight}");
    expect(card.querySelector(":focus")).toBe(nums[2]);
    expect(nums[2].dataset.tip).toBe(`${nums[2].dataset.value} (float64)`);
    const h = root.querySelector<HTMLElement>("[data-key='hidden.1.0']")!;
    expect(h.dataset.tip).toMatch(/^0\.537\d{8,} \(engine, float32\)$/);
    expect(h.textContent).toContain(h.dataset.tip);
    await userEvent.keyboard("{End}");
    expect(card.querySelector(":focus")).toBe(nums[nums.length - 1]);
  });

  test("a bad attribute is reported and the previous sentence kept", async () => {
    const el = await mount(`<rnn-worked-example words="hi there" targets="there class"></rnn-worked-example>`) as View;
    const root = await drawn(el, "[data-key='loss']");
    const L = readout(root, "loss");
    el.setAttribute("words", "hi banana");
    await settle(root);
    expect(root.querySelector("rnn-message")!.textContent + JSON.stringify((root.querySelector("rnn-message") as unknown as { items: string[] }).items)).toMatch(/banana/);
    expect(readout(root, "loss")).toBe(L);
    el.setAttribute("words", "hi there class");
    await settle(root);
    expect(root.textContent).toMatch(/targets must list one word per input word/);
    expect(readout(root, "loss")).toBe(L);
  });
});

describe("<rnn-sequence-lab>", () => {
  const firstRow = (root: ShadowRoot) => all(root, ".history tbody tr")[0]?.textContent?.replace(/\s+/g, " ").trim();

  test("malformed sequences give a message and keep the previous state", async () => {
    const el = await mount(`<rnn-sequence-lab sequence="custom" values="2, 4, 6, 8"></rnn-sequence-lab>`) as View;
    const root = await drawn(el, ".history");
    const row = firstRow(root), input = root.querySelector<HTMLInputElement>("#sl-values")!;
    const cases: Array<[string, RegExp]> = [
      ["", /at least 3 numbers/], ["5", /at least 2 numbers|at least 3/], ["1, 2, three", /"three" is not a number/],
      [Array.from({ length: 1_000_000 }, (_, k) => k % 7).join(","), /at most 200 numbers, got 1000000/],
      ["1, Infinity, 2", /not a finite number/], ["-Infinity, 1, 2", /not a finite number/],
    ];
    for (const [text, message] of cases) {
      input.value = text;
      input.dispatchEvent(new Event("change"));
      await settle(root);
      expect(root.querySelector("#sl-values-m")!.textContent, text.slice(0, 30)).toMatch(message);
      expect(input.getAttribute("aria-invalid")).toBe("true");
      expect(el.getAttribute("values")).toBe("2, 4, 6, 8");
      expect(firstRow(root)).toBe(row);
    }
    input.value = "1 3 5 7 9";
    input.dispatchEvent(new Event("change"));
    await settle(root);
    expect(el.getAttribute("values")).toBe("1 3 5 7 9");
    expect(all(root, ".history tbody tr")).toHaveLength(4);
    await noConsoleErrors();
  });

  test("steps by keyboard, with the cell's numbers and the history growing", async () => {
    const el = await mount(`<rnn-sequence-lab sequence="linear" length="6"></rnn-sequence-lab>`) as View;
    const root = await drawn(el, ".history");
    expect(all(root, ".history tbody tr")).toHaveLength(5);
    button(root, "Reset").focus();
    await userEvent.keyboard("{Enter}");
    await settle(root);
    expect(el.getAttribute("step")).toBe("0");
    expect(root.querySelector(".history tbody")).toBeNull();
    button(root, "Step forward").focus();
    await userEvent.keyboard("{Enter}");
    await userEvent.keyboard(" ");
    await settle(root);
    expect(el.getAttribute("step")).toBe("2");
    expect(all(root, ".history tbody tr")).toHaveLength(2);
    // step 2 by hand: h1 = tanh(x1), h2 = tanh(x2 + 0.5 h1), y = h2 with the default weights on the normalised inputs
    const x = [1, 2, 3, 4, 5, 6].map((v) => (2 * (v - 1)) / 5 - 1), h1 = Math.tanh(x[0]), h2 = Math.tanh(x[1] + 0.5 * h1);
    expect(Number(root.querySelector<HTMLElement>("[data-key='step.h.0']")!.dataset.value)).toBeCloseTo(h2, 5);
    expect(Number(root.querySelector<HTMLElement>("[data-key='step.y']")!.dataset.value)).toBeCloseTo(h2, 5);
    await noSeriousAxeViolations(el);
  });

  test("names an exploding hidden state from the run", async () => {
    const el = await mount(`<rnn-sequence-lab sequence="linear" activation="linear" weights="1,3,0,1,0"></rnn-sequence-lab>`) as View;
    const root = await drawn(el, ".history");
    const health = root.querySelector("rnn-message.health") as HTMLElement & { heading: string };
    expect(health.heading).toMatch(/exploding/);
    expect(health.textContent).toMatch(/\|W_hidden\| = 3\b/);
  });

  test("exports the history table as CSV", async () => {
    const el = await mount(`<rnn-sequence-lab sequence="fibonacci" length="8"></rnn-sequence-lab>`) as View;
    const root = await drawn(el, ".history");
    const made: Blob[] = [], original = URL.createObjectURL;
    URL.createObjectURL = (b: Blob | MediaSource) => { made.push(b as Blob); return original.call(URL, b); };
    try { button(root, "Export CSV").click(); } finally { URL.createObjectURL = original; }
    const lines = (await made[0].text()).trim().split("\n");
    expect(lines[0]).toBe("step,input x_t,expected next,output y_t,error,expected Δ,actual Δ");
    expect(lines).toHaveLength(8);
    expect(lines[3].split(",").slice(0, 3)).toEqual(["3", "2", "3"]);
  });

  test("Compare both: BPTT and random search in a worker, BPTT ends lower on the linear sequence", async () => {
    const el = await mount(`<rnn-sequence-lab sequence="linear" budget="400" seed="3"></rnn-sequence-lab>`) as View;
    const root = await drawn(el, ".history");
    const progress: number[] = [];
    el.addEventListener("rnn-train-progress", (e) => {
      const d = e.detail as typeof e.detail & { evaluation: number; budget: number };
      expect(d.step).toBe(d.evaluation); // the shared fields agree with the lab's own
      expect(d.fraction).toBe(d.evaluation / d.budget);
      progress.push(d.evaluation);
    });
    const done: { method: string; startLoss: number; finalLoss: number; status: string; loss: number }[] = [];
    el.addEventListener("rnn-train-done", (e) => done.push((e as CustomEvent).detail));
    button(root, "Compare both").click();
    await until("the comparison's statement", () => root.querySelector(".compare .statement"));
    expect(done.map((d) => d.method)).toEqual(["bptt", "random"]);
    expect(done.map((d) => d.status)).toEqual(["done", "done"]);
    expect(done.map((d) => d.loss)).toEqual(done.map((d) => d.finalLoss));
    expect(done[0].finalLoss).toBeLessThan(done[0].startLoss / 10);
    expect(done[0].finalLoss).toBeLessThan(done[1].finalLoss);
    expect(progress.length).toBeGreaterThan(0);
    expect(root.querySelector(".compare .statement")!.textContent).toMatch(/After 400 loss evaluations each, BPTT reached .* BPTT ended .*× lower/);
    expect(el.hasAttribute("weights")).toBe(false); // comparing leaves the weights as they were
    await noConsoleErrors();
  });

  test("Train (BPTT) adopts the trained weights, Undo restores them, Cancel stops a run", async () => {
    const el = await mount(`<rnn-sequence-lab sequence="alternating" budget="300"></rnn-sequence-lab>`) as View;
    const root = await drawn(el, ".history");
    button(root, "Train (BPTT)").click();
    await until("the trained weights attribute", () => el.hasAttribute("weights"));
    await settle(root);
    expect(root.querySelector(".readouts")!.textContent).toMatch(/300 evaluations: loss/);
    button(root, "Undo").click();
    await settle(root);
    expect(el.hasAttribute("weights")).toBe(false);
    // a long run to cancel: 199 steps, 16 units, 10 000 evaluations
    el.setAttribute("length", "200"); el.setAttribute("hidden-size", "16"); el.setAttribute("budget", "10000");
    await settle(root);
    button(root, "Random search").click();
    await until("the Cancel button", () => all(root, "rnn-button").some((b) => b.textContent!.trim() === "Cancel"));
    button(root, "Cancel").click();
    await settle(root);
    expect(el.hasAttribute("weights")).toBe(false);
    expect(button(root, "Random search").disabled).toBe(false);
  });

  test("a bad attribute is reported and the previous value kept; works inside <rnn-explorer>", async () => {
    const el = await mount(`<rnn-sequence-lab hidden-size="2"></rnn-sequence-lab>`) as View;
    const root = await drawn(el, ".history");
    el.setAttribute("hidden-size", "99");
    await settle(root);
    expect((root.querySelector("rnn-message") as unknown as { items: string[] }).items.join(" ")).toMatch(/hidden-size="99".*keeping 2/);
    expect(all(root, "rnn-matrix-input").length).toBeGreaterThan(0);
    document.body.replaceChildren();
    const ex = await mount(`<rnn-explorer view="sequence-lab"></rnn-explorer>`) as View;
    await settle(ex.shadowRoot!);
    expect(ex.shadowRoot!.querySelector("rnn-sequence-lab")).not.toBeNull();
  });
});
