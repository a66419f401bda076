/**
 * Lesson views 1–4 from the built bundle in real Chromium: each renders without console
 * errors, its controls work by keyboard, and a read-out agrees with a computation made
 * here, independently of the engine.
 */
import { afterEach, beforeAll, describe, expect, test } from "vitest";
import { commands, userEvent } from "vitest/browser";
import axe from "axe-core";
import { fmt, parseNumber } from "../../bindings/format.js";
import { $, all, drawn, loadBundle, mount, settle, sleep, until, type View } from "./helpers.js";

beforeAll(async () => {
  await commands.startCapture();
  await loadBundle();
});
afterEach(() => { document.body.replaceChildren(); });

/** Waits until the view's engine has started and the lesson is drawn. */
const ready = (el: View, probe = "rnn-stem-plot, .graph") => drawn(el, probe);

/** The time-plot slider's value text, e.g. "k = 3: x[k] = 2, y[k] = 4.5". */
const plotText = (root: ShadowRoot) => $($(root, "rnn-stem-plot").shadowRoot!, ".plot").getAttribute("aria-valuetext")!;

async function focusPlot(root: ShadowRoot) {
  $($(root, "rnn-stem-plot").shadowRoot!, ".plot").focus();
}

async function press(el: View, keys: string) {
  await userEvent.keyboard(keys);
  await settle(el.shadowRoot!);
}

/** The native control inside a platform control (slider range, select, button, toggle). */
function inner(host: Element, sel: string): HTMLElement {
  return host.shadowRoot!.querySelector(sel) as HTMLElement;
}

function sliderLabelled(root: ShadowRoot, label: string): Element {
  const s = all(root, "rnn-slider").find((x) => x.getAttribute("label") === label || (x as unknown as { label: string }).label === label);
  if (!s) throw new Error(`no slider ${label}`);
  return s;
}

function button(root: ShadowRoot, text: string): HTMLButtonElement {
  const b = all(root, "rnn-button").find((x) => x.textContent!.trim() === text);
  if (!b) throw new Error(`no button ${text}`);
  return inner(b, "button") as HTMLButtonElement;
}

async function noSeriousAxeViolations(el: Element) {
  const r = await axe.run(el, { resultTypes: ["violations"], rules: { "color-contrast": { enabled: true } } });
  const serious = r.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join("; ")}`)).toEqual([]);
}

describe("<rnn-shift-register>", () => {
  test("the output at the cursor equals the FIR sum by hand; arrow keys move the cursor and reflect it", async () => {
    const x = [1, 2, -1, 0.5, 3, 0], w = [0.5, -0.25, 2];
    const el = await mount(`<rnn-shift-register inputs="${x}" taps="${w}"></rnn-shift-register>`) as View;
    const root = await ready(el);
    await focusPlot(root);
    await press(el, "{ArrowRight}{ArrowRight}{ArrowRight}");
    expect(el.getAttribute("step")).toBe("3");
    const y3 = w[0] * x[3] + w[1] * x[2] + w[2] * x[1]; // 0.25 + 0.25 + 4
    expect(plotText(root)).toContain(`y[k] = ${fmt(y3)}`);
    expect(root.textContent).toContain(`y[3] = ${fmt(y3)}`);
    await press(el, "{End}");
    expect(el.getAttribute("step")).toBe("5");
    await noSeriousAxeViolations(el);
  });

  test("Step ▸ walks through time k = 0, 1, 2, 3 on the reader's input and never changes it", async () => {
    const x = [0, 1, 0, 0, 0, 2], w = [1, 0.5, 0.25];
    const el = await mount(`<rnn-shift-register inputs="${x}" taps="${w}"></rnn-shift-register>`) as View;
    const root = await ready(el);
    const fwd = () => inner($(root, '[data-testid="step-forward"]'), "button") as HTMLButtonElement;
    const ys: string[] = [];
    for (let k = 1; k <= 3; k++) {
      fwd().click();
      await settle(root);
      expect(el.getAttribute("step")).toBe(String(k));
      ys.push(plotText(root));
    }
    expect(el.getAttribute("inputs")).toBe(x.join(","));
    // the impulse at k = 1 reads out the taps at k = 1, 2, 3
    expect(ys.map((t) => /y\[k\] = (-?[\d.]+)/.exec(t)![1])).toEqual(w.map((v) => fmt(v)));
    inner($(root, '[data-testid="step-back"]'), "button").click();
    await settle(root);
    expect(el.getAttribute("step")).toBe("2");
    button(root, "Impulse").click();
    await settle(root);
    expect(el.getAttribute("step")).toBe("0");
  });

  test("malformed taps show an inline error and keep the previous state", async () => {
    const el = await mount(`<rnn-shift-register taps="1,0.5,0.25"></rnn-shift-register>`) as View;
    const root = await ready(el);
    const input = all(root, ".field input")[1] as HTMLInputElement;
    input.focus();
    input.select();
    await press(el, "1, two{Enter}");
    expect($(root, ".field .error").textContent).toMatch(/taps number 2 "two" is not a number/);
    expect(el.getAttribute("taps")).toBe("1,0.5,0.25");
    // a bad attribute from the page is reported and the last good value kept
    el.setAttribute("taps", "1,2");
    await sleep(10); await settle(root);
    expect($(root, "rnn-message").textContent + JSON.stringify((($(root, "rnn-message") as unknown) as { items: string[] }).items)).toMatch(/exactly 3.*keeping 1,0.5,0.25/);
  });

  test("the Impulse button works from the keyboard and the output spells out the taps", async () => {
    const el = await mount(`<rnn-shift-register taps="0.7,-0.2,0.4"></rnn-shift-register>`) as View;
    const root = await ready(el);
    button(root, "Impulse").focus();
    await press(el, "{Enter}");
    expect(el.getAttribute("inputs")!.split(",").map(Number).slice(0, 4)).toEqual([1, 0, 0, 0]);
    await focusPlot(root);
    await press(el, "{Home}{ArrowRight}{ArrowRight}");
    expect(plotText(root)).toContain(`y[k] = ${fmt(0.4)}`);
  });
});

describe("<rnn-feedback>", () => {
  test("space toggles an input at the cursor; the echo follows y[k] = x[k] + a·y[k−1] by hand", async () => {
    const el = await mount(`<rnn-feedback taps="1,0,0" feedback="0.5" inputs="1,0,0,0,0,0,0,0"></rnn-feedback>`) as View;
    const root = await ready(el);
    expect(root.textContent).toMatch(/ρ\(A\) = max \|λ\|\s*0\.5\b/);
    await focusPlot(root);
    await press(el, "{ArrowRight}{ArrowRight} ");
    expect(el.getAttribute("inputs")).toBe("1,0,1,0,0,0,0,0");
    let y = 0;
    const ys = [1, 0, 1].map((xk) => (y = xk + 0.5 * y));
    expect(plotText(root)).toContain(`y[k] = ${fmt(ys[2])}`); // 1.25
    await noSeriousAxeViolations(el);
  });

  test("the feedback slider moves by arrow key and ρ follows a", async () => {
    const el = await mount(`<rnn-feedback taps="1,0,0" feedback="0.9"></rnn-feedback>`) as View;
    const root = await ready(el);
    inner(sliderLabelled(root, "Feedback weight a"), 'input[type="range"]').focus();
    await press(el, "{ArrowRight}{ArrowRight}");
    expect(el.getAttribute("feedback")).toBe("0.92");
    expect(root.textContent).toMatch(/ρ\(A\) = max \|λ\|\s*0\.92\b/);
    expect(root.textContent).toContain("dies out");
  });
});

describe("<rnn-state-space>", () => {
  test("ρ of each preset matches its known eigenvalues; the preset select works by keyboard", async () => {
    const el = await mount(`<rnn-state-space preset="unstable"></rnn-state-space>`) as View;
    const root = await ready(el);
    const rho = () => Number(/ρ\(A\)\s*([0-9.]+)/.exec(root.querySelector(".readouts")!.textContent!)![1]);
    expect(rho()).toBeCloseTo(1.08, 3); // 1.08·R(π/10): |λ| = 1.08
    expect(root.textContent).toContain("echo state property is lost");
    const select = inner($(root, "rnn-select"), "select") as HTMLSelectElement;
    select.focus();
    // the options run —, oscillatory, decaying, jordan, …; from "unstable" (last) go up to "jordan"
    await press(el, "{ArrowUp}{ArrowUp}{ArrowUp}");
    expect(el.getAttribute("preset")).toBe("jordan");
    expect(rho()).toBeCloseTo(0.9, 3); // [[0.9, 1], [0, 0.9]]: λ = 0.9 twice
    expect(root.textContent).toContain("only one eigenvector");
    await noSeriousAxeViolations(el);
  });

  test("the tanh toggle works by keyboard and bounds the state; clicking x[k] by key edits the input", async () => {
    const el = await mount(`<rnn-state-space preset="unstable" signal="step"></rnn-state-space>`) as View;
    const root = await ready(el);
    inner($(root, "rnn-toggle"), "button").focus();
    await press(el, " ");
    expect(el.hasAttribute("tanh")).toBe(true);
    const table = [...$($(root, "rnn-stem-plot").shadowRoot!, "table").querySelectorAll("tbody tr")];
    const hs = table.flatMap((r) => [...r.querySelectorAll("td")].slice(2, 4).map((td) => Number(td.textContent)));
    expect(Math.max(...hs.map(Math.abs))).toBeLessThan(1);
    await focusPlot(root);
    await press(el, "{ArrowRight}{ArrowRight}{ArrowRight} ");
    expect(el.getAttribute("inputs")!.split(",").map(Number)[3]).toBe(0);
    expect(el.hasAttribute("preset")).toBe(false); // leaving the preset keeps its matrices as explicit settings
    expect(el.getAttribute("mode")).toBe("free");
  });

  test("a rotation's ρ is α, and the forgetting measured over 50 steps is √2·αᵏ", async () => {
    const el = await mount(`<rnn-state-space mode="rotation" alpha="0.8" theta="45"></rnn-state-space>`) as View;
    const root = await ready(el);
    expect(root.querySelector(".readouts")!.textContent).toMatch(/ρ\(A\)\s*0\.8\b/);
    const m = /ends (\S+) apart/.exec(root.textContent!)!;
    const got = parseNumber(m[1]);
    expect(got / (Math.SQRT2 * 0.8 ** 50)).toBeCloseTo(1, 1);
  });
});

describe("<rnn-bptt>", () => {
  // an independent float64 forward pass of the scalar RNN for finite differences
  const loss = (wr: number, wx: number, wy: number, x: number[], target: number) => {
    let h = 0;
    for (const v of x) h = Math.tanh(wr * h + wx * v);
    return 0.5 * (wy * h - target) ** 2;
  };

  test("Full pass by keyboard: ∂L/∂w_r of the engine matches the chain-rule sum and a finite difference computed here", async () => {
    const x = [0.5, -1, 0.25, 0.8], net = { wr: 0.9, wx: 0.7, wy: -1.2, target: 0.3 };
    const el = await mount(`<rnn-bptt steps="4" inputs="${x}" wr="${net.wr}" wx="${net.wx}" wy="${net.wy}" target="${net.target}"></rnn-bptt>`) as View;
    const root = await ready(el, ".graph");
    button(root, "Step backward").focus();
    await press(el, "{Enter}{Enter}");
    expect(el.getAttribute("revealed")).toBe("2");
    // reaching node k adds the row for step k−1 (its e[k]): nodes 4 and 3 give rows 3 and 2
    expect(all(root, "table.accumulation tbody tr th").map((t) => t.textContent)).toEqual(["3", "2"]);
    button(root, "Full pass").focus();
    await press(el, "{Enter}");
    expect(all(root, "table.accumulation tbody tr")).toHaveLength(4);
    const cells = all(root, "table.totals tbody tr")[0].querySelectorAll("td");
    const [chain, engine, fd] = [...cells].map((c) => Number(c.textContent!.replace("−", "-")));
    const eps = 1e-6;
    const mine = (loss(net.wr + eps, net.wx, net.wy, x, net.target) - loss(net.wr - eps, net.wx, net.wy, x, net.target)) / (2 * eps);
    expect(Math.abs(engine - mine)).toBeLessThan(2e-5 + 1e-4 * Math.abs(mine));
    expect(Math.abs(chain - mine)).toBeLessThan(2e-5 + 1e-4 * Math.abs(mine));
    expect(Math.abs(fd - mine)).toBeLessThan(2e-5);
    await noSeriousAxeViolations(el);
  });

  test("the T slider moves by arrow key up to 50, and the |∂L/∂h| plot gets T + 1 points", async () => {
    const el = await mount(`<rnn-bptt steps="49"></rnn-bptt>`) as View;
    const root = await ready(el, ".graph");
    inner(sliderLabelled(root, "Steps T"), 'input[type="range"]').focus();
    await press(el, "{ArrowRight}{ArrowRight}");
    expect(el.getAttribute("steps")).toBe("50");
    const chart = all(root, "rnn-line-chart")[0] as unknown as { series: { values: ArrayLike<number> }[] };
    expect(chart.series[0].values.length).toBe(51);
  });

  test("Train lowers the loss, writes the trained weights back and can be stopped", async () => {
    const el = await mount(`<rnn-bptt iterations="60" lr="0.2"></rnn-bptt>`) as View;
    const root = await ready(el, ".graph");
    const before = el.getAttribute("wr");
    const done = new Promise<CustomEvent>((r) => el.addEventListener("rnn-train-done", (e) => r(e as CustomEvent), { once: true }));
    button(root, "Train").focus();
    await press(el, "{Enter}");
    const d = (await done).detail as { iterations: number; loss: number; diverged: boolean; status: string };
    await settle(root);
    expect(d.iterations).toBe(60);
    expect(d.diverged).toBe(false);
    expect(d.status).toBe("done");
    expect(el.getAttribute("wr")).not.toBe(before);
    const chart = all(root, "rnn-line-chart").find((c) => c.getAttribute("label")?.startsWith("Loss"))! as unknown as { series: { values: number[] }[] };
    const ls = chart.series[0].values;
    expect(ls).toHaveLength(60);
    expect(ls[59]).toBeLessThan(ls[0]);
    // a long run stops on request
    el.setAttribute("iterations", "5000");
    await settle(root);
    button(root, "Train").click();
    await sleep(50); await settle(root);
    button(root, "Stop").click();
    await settle(root);
    expect(root.textContent).toMatch(/Stopped after \d+ of 5000 iterations/);
  });
});

describe("as views of <rnn-explorer>", () => {
  test("each view opens by name with its attributes forwarded", async () => {
    for (const [view, tag] of [["shift-register", "rnn-shift-register"], ["feedback", "rnn-feedback"], ["state-space", "rnn-state-space"], ["bptt", "rnn-bptt"]]) {
      const ex = await mount(`<rnn-explorer view="${view}" seed="3"></rnn-explorer>`) as View;
      await settle(ex.shadowRoot!);
      const el = ex.shadowRoot!.querySelector(tag) as View;
      expect(el, view).not.toBeNull();
      await ready(el, view === "bptt" ? ".graph" : "rnn-stem-plot");
      document.body.replaceChildren();
    }
  });

  test("nothing was logged as an error", async () => {
    const { console: logs } = await commands.readCapture();
    const bad = logs.filter((l) => l.type === "error" || l.type === "pageerror").filter((l) => !/favicon/.test(l.text));
    expect(bad).toEqual([]);
  });
});

describe("the engine attribute", () => {
  for (const tag of ["rnn-shift-register", "rnn-feedback", "rnn-state-space"]) {
    test(`${tag} follows a change of engine after it started, and its numbers stay the same`, async () => {
      const el = await mount(`<${tag}></${tag}>`) as View & { engines: { engine?: { kind: string } } };
      const root = await ready(el);
      const before = plotText(root);
      expect(el.engines.engine?.kind).toBe("wasm");
      el.setAttribute("engine", "ts");
      await until("the TS twin engine", () => el.engines.engine?.kind === "ts");
      await settle(root);
      expect(plotText(root)).toBe(before);
    });
  }
});
