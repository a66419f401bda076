/**
 * The experiments lab view from the built bundle in real Chromium: it runs a study in the
 * worker pool and shows what it measured, keeps bad input from losing state, caches by
 * configuration, cancels, works by keyboard, and has no serious accessibility problems.
 */
import { afterEach, beforeAll, describe, expect, test } from "vitest";
import { commands, userEvent } from "vitest/browser";
import axe from "axe-core";
import { all, loadBundle, mount, settle, sleep, until } from "./helpers.js";
import type { StudyResult } from "../../lab/types.js";

type Lib = Awaited<ReturnType<typeof loadBundle>>;
type Lab = HTMLElement & { updateComplete: Promise<boolean>; result?: StudyResult };
let lib: Lib;

beforeAll(async () => {
  await commands.startCapture();
  await new Promise((r) => { const q = indexedDB.deleteDatabase("rnn-explorer-lab"); q.onsuccess = q.onerror = q.onblocked = r; });
  lib = await loadBundle();
});
afterEach(() => { document.body.replaceChildren(); });

const button = (root: ShadowRoot, text: string | RegExp) => {
  const b = all(root, "rnn-button").find((x) => (typeof text === "string" ? x.textContent!.trim() === text : text.test(x.textContent!)));
  if (!b) throw new Error(`no button ${text}`);
  return b.shadowRoot!.querySelector("button") as HTMLButtonElement;
};
async function open(html: string): Promise<[Lab, ShadowRoot]> {
  const el = await mount(html) as Lab;
  await until("the lab's settings", () => el.shadowRoot!.querySelector("rnn-lab-field"));
  await sleep(50);
  await settle(el.shadowRoot!);
  return [el, el.shadowRoot!];
}
async function runToEnd(el: Lab, root: ShadowRoot) {
  button(root, /^Run/).click();
  await until("the study's result", () => el.result);
  await settle(root);
}

describe("<rnn-experiments>", () => {
  test("is the experiments view of <rnn-explorer>, which forwards its settings", async () => {
    expect(lib.getView("experiments")?.tag).toBe("rnn-experiments");
    const ex = await mount('<rnn-explorer view="experiments" study="tbptt" seeds="2"></rnn-explorer>');
    await settle(ex.shadowRoot!);
    const lab = (ex.shadowRoot!.querySelector("rnn-experiments") ?? ex.querySelector("rnn-experiments")) as Lab;
    expect(lab.getAttribute("study")).toBe("tbptt");
    await until("the study title", () => lab.shadowRoot?.querySelector("#study-title"));
    expect(lab.shadowRoot!.querySelector("#study-title")!.textContent).toMatch(/Truncated BPTT/);
  });

  test("runs a study in workers and shows what it measured: the table agrees with the seeds' numbers", async () => {
    const [el, root] = await open('<rnn-experiments study="clipping" values="0, 50" steps="60" seeds="2"></rnn-experiments>');
    let done: { study: string; verdict: string } | undefined;
    el.addEventListener("rnn-lab-done", (e) => { done = e.detail; });
    expect(root.textContent).toMatch(/2 variants × 2 seeds = 4 runs/);
    await runToEnd(el, root);
    expect(done).toMatchObject({ study: "clipping", verdict: expect.stringMatching(/supported|contradicted|unclear/) });
    const r = el.result!;
    expect(r.runs.map((x) => x.label)).toEqual(["clip=0", "clip=50"]);
    // a threshold of 0 clips every step
    expect(r.runs[0].metrics.clip_fraction).toBe(1);
    const rows = all(root, "table.results tbody tr");
    expect(rows).toHaveLength(2);
    for (const [i, run] of r.runs.entries()) {
      const seeds = run.metrics.final_loss_seeds as number[];
      const mean = (seeds[0] + seeds[1]) / 2, sd = Math.abs(seeds[0] - seeds[1]) / Math.SQRT2;
      expect(rows[i].textContent).toContain(`${mean.toFixed(3)} ± ${sd.toFixed(3)}`);
      const buckets = (run.metrics.clip_curve as [number, number][]).map(([, f]) => f);
      expect(run.metrics.clip_fraction as number).toBeCloseTo(buckets.reduce((a, b) => a + b, 0) / buckets.length, 9);
    }
    expect(all(root, ".observations li").length).toBeGreaterThan(3);
    expect(root.querySelector(".observations")!.textContent).toContain(r.observations[0]);
    expect(root.textContent).toMatch(/Measures and their formulas/);
    expect(root.querySelectorAll("math").length).toBeGreaterThan(3);
  });

  test("results are saved by configuration: the same study shows at once, a changed list runs only the new variant", async () => {
    const [el, root] = await open('<rnn-experiments study="learning-rate" values="0.01" steps="50" seeds="1"></rnn-experiments>');
    await runToEnd(el, root);
    el.remove();
    const [again, root2] = await open('<rnn-experiments study="learning-rate" values="0.01" steps="50" seeds="1"></rnn-experiments>');
    await until("the saved result", () => again.result);
    expect(button(root2, "All runs saved").disabled).toBe(true);
    again.setAttribute("values", "0.01, 0.02");
    await until("the saved-runs count", () => /2 runs, 1 already saved/.test(root2.textContent!));
    expect(button(root2, "Run the 1 missing")).toBeTruthy();
  });

  test("bad settings show inline messages and keep the previous state", async () => {
    const [el, root] = await open('<rnn-experiments study="clipping" steps="abc" values="1, x"></rnn-experiments>');
    const msg = root.querySelector("rnn-message") as HTMLElement & { items: string[] };
    expect(msg.items.join(" ")).toMatch(/steps="abc" must be a whole number.*keeping 3000/);
    const field = root.querySelector("rnn-lab-field")!;
    expect((field as unknown as { error: string }).error).toMatch(/"x" is not a number.*Keeping 0.5, 1, 5, 10, 50/);
    // a bad edit by the reader: the attribute keeps its last good value
    el.setAttribute("values", "1, 5");
    await until("the field's error to clear", () => !(field as unknown as { error: string }).error);
    const input = field.shadowRoot!.querySelector("input")!;
    input.focus(); input.select();
    await userEvent.keyboard("1, 5, 5{Enter}");
    await settle(root);
    expect((field as unknown as { error: string }).error).toMatch(/each value may appear once/);
    expect(el.getAttribute("values")).toBe("1, 5");
    // the similarity study refuses a made-up word with letters the corpus never uses
    el.setAttribute("study", "similarity");
    el.setAttribute("nonce", "zog");
    const nonceError = () => ((all(root, "rnn-lab-field").find((f) => (f as unknown as { label: string }).label === "Made-up word") as unknown as { error?: string })?.error ?? "");
    await until("the made-up word's error", () => /"z" never occurs/.test(nonceError()));
    expect(nonceError()).toMatch(/Keeping "wug"/);
  });

  test("Cancel stops a long run; the keyboard reaches every control", async () => {
    const [el, root] = await open('<rnn-experiments study="init" values="orthogonal" steps="30000" seeds="1"></rnn-experiments>');
    button(root, /^Run/).focus();
    await userEvent.keyboard("{Enter}");
    const status = () => (root.querySelector("rnn-progress") as unknown as { status?: string } | null)?.status ?? "";
    await until("the run to start", () => /0 of 1 runs done, 1 running/.test(status()));
    button(root, "Cancel").focus();
    await userEvent.keyboard(" ");
    await until("the cancelled status", () => status() === "cancelled");
    await until("the pool's workers to be free", () => lib.poolStats().busy === 0);
    expect(el.result).toBeUndefined();
    // Tab walks from the study picker through the settings to the Run button
    const select = root.querySelector("rnn-select")!.shadowRoot!.querySelector("select")!;
    select.focus();
    const seen: string[] = [];
    for (let k = 0; k < 14; k++) {
      await userEvent.keyboard("{Tab}");
      let a: Element | null = document.activeElement, host: Element | null = null;
      while (a?.shadowRoot?.activeElement) { host = a; a = a.shadowRoot.activeElement; }
      const text = a?.tagName === "BUTTON" && host?.tagName === "RNN-BUTTON" ? host.textContent!.trim() : a?.getAttribute("type") ?? "";
      seen.push(`${a?.tagName.toLowerCase()}:${text}`);
    }
    expect(seen.join(" ")).toMatch(/button:.*input:text.*input:range.*input:number.*select/);
    expect(seen.some((s) => /Run/.test(s))).toBe(true);
  });

  test("the grid hides its answer until the reader locks a prediction and reveals it", async () => {
    const [el, root] = await open('<rnn-experiments study="grid" values="8, 16; tanh; 5" steps="40" seeds="1"></rnn-experiments>');
    const grid = root.querySelector("rnn-lab-grid")!;
    const gbutton = (t: RegExp) => [...grid.shadowRoot!.querySelectorAll("rnn-button")].find((b) => t.test(b.textContent!))!.shadowRoot!.querySelector("button")!;
    gbutton(/Lock in/).click();
    await runToEnd(el, root);
    expect(root.querySelector(".observations")).toBeNull();
    expect(grid.shadowRoot!.querySelector("rnn-heat-map")).toBeNull();
    gbutton(/Reveal the grid/).click();
    await settle(root);
    expect(grid.shadowRoot!.querySelectorAll("rnn-heat-map")).toHaveLength(1);
    expect(grid.shadowRoot!.querySelector(".verdict")!.textContent).toMatch(/Your pick, H=16 tanh seq=5, ranks [12] of 2/);
    const best = /Best cell: (H=(8|16) tanh seq=5)/.exec(root.querySelector(".observations")!.textContent!)!;
    expect(best).not.toBeNull();
    // the pair table opens on the best cell's (H, activation) and marks its row as best
    const rows = [...grid.shadowRoot!.querySelectorAll("[data-testid=pair-table] tbody tr")];
    expect(rows).toHaveLength(1);
    expect(rows[0].getAttribute("data-best")).toBe("true");
    expect(grid.shadowRoot!.querySelector("#pair-caption")!.textContent).toContain(`H = ${best[2]}, tanh`);
  });

  test("no serious axe violations and no console errors, light and dark", async () => {
    const [el, root] = await open('<rnn-experiments study="clipping" values="1, 50" steps="40" seeds="1"></rnn-experiments>');
    await runToEnd(el, root);
    for (const theme of ["light", "dark"]) {
      el.setAttribute("theme", theme);
      await settle(root);
      const r = await axe.run(el, { resultTypes: ["violations"], rules: { "color-contrast": { enabled: true } } });
      const bad = r.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
      expect(bad.map((v) => `${theme}: ${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
    }
    const { console: log } = await commands.readCapture();
    expect(log.filter((m) => m.type === "error" || m.type === "pageerror").map((m) => m.text)).toEqual([]);
  });
});
