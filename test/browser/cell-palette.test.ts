/**
 * One colour and one name per cell: the gradient-flow lesson and the character lab's
 * recall tab draw the vanilla RNN, the LSTM and the GRU in the same computed colours, their
 * tables' swatches match the chart lines, and the colours follow the dark theme.
 */
import { afterEach, beforeAll, expect, test } from "vitest";
import { $, all, loadBundle, mount, sleep, until, type View } from "./helpers.js";

type Lib = Awaited<ReturnType<typeof loadBundle>>;
let lib: Lib;
beforeAll(async () => { lib = await loadBundle(); });
afterEach(() => { document.body.replaceChildren(); });

type Chart = HTMLElement & { drawn?: { series: { label: string; color: string }[] } };

/** label → drawn stroke colour, over every line chart below `root`. */
function drawnColors(root: ShadowRoot): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  const walk = (r: ShadowRoot) => r.querySelectorAll("*").forEach((e) => {
    const d = (e as Chart).drawn;
    if (e.localName === "rnn-line-chart" && d)
      for (const s of d.series) { if (!out.has(s.label)) out.set(s.label, new Set()); out.get(s.label)!.add(s.color); }
    if (e.shadowRoot) walk(e.shadowRoot);
  });
  walk(root);
  return out;
}

/** cell name → swatch background in the tables of `root`. */
const swatches = (root: ShadowRoot) => new Map(all(root, ".cell-name").map((n) => [n.textContent!.trim(), getComputedStyle($(n, ".cell-swatch")).backgroundColor]));

test("the vanilla RNN, LSTM and GRU have one colour and one name in every view, light and dark", async () => {
  const flow = await mount(`<rnn-gradient-flow theme="light" lengths="4, 8" steps="200" seeds="1" budget="900" vocab="4"></rnn-gradient-flow>`);
  await (flow as View).updateComplete;
  all(flow.shadowRoot!, "rnn-button").find((b) => b.textContent!.includes("Run the study"))!.click(); // the study waits for the reader
  const lab = await mount(`<rnn-char-lab theme="light" section="recall" recall-lengths="5" recall-steps="200"></rnn-char-lab>`);
  await until("the recall tab", () => !!lab.shadowRoot!.querySelector("rnn-char-recall"));
  const recall = $(lab.shadowRoot!, "rnn-char-recall") as View;
  await recall.updateComplete;
  all(recall.shadowRoot!, "rnn-button").find((b) => b.textContent!.includes("Train all"))!.click();
  await until("both studies", () => (flow as unknown as { task: { status: string } }).task.status === "done"
    && ["vanilla RNN", "LSTM", "GRU"].every((n) => drawnColors(recall.shadowRoot!).has(n)) && swatches(recall.shadowRoot!).size === 3);

  const check = () => {
    const a = drawnColors(flow.shadowRoot!), b = drawnColors(recall.shadowRoot!);
    const sa = swatches(flow.shadowRoot!), sb = swatches(recall.shadowRoot!);
    const colors = ["vanilla RNN", "LSTM", "GRU"].map((name) => {
      expect(a.get(name)?.size, `${name}: one colour in gradient flow`).toBe(1);
      const c = [...a.get(name)!][0];
      expect([...b.get(name)!], `${name}: the recall tab draws it the same`).toEqual([c]);
      expect(sa.get(name), `${name}: gradient-flow table swatch`).toBe(c);
      expect(sb.get(name), `${name}: recall table swatch`).toBe(c);
      return c;
    });
    expect(new Set(colors).size, "three different colours").toBe(3);
    return colors;
  };
  const light = check();
  for (const el of [flow, lab]) el.setAttribute("theme", "dark");
  lib.notifyThemeChange();
  await sleep(100);
  await until("the dark redraw", () => [...(drawnColors(flow.shadowRoot!).get("LSTM") ?? [])][0] !== light[1]);
  const dark = check();
  dark.forEach((c, i) => expect(c, "dark differs from light").not.toBe(light[i]));
});
