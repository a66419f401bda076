import { afterAll, afterEach, beforeAll, describe, expect, test } from "vitest";
import { page } from "vitest/browser";
import { loadBundle, mount, settle, until, type View } from "./helpers.js";

/**
 * Each lesson on a 390 px phone, inside <rnn-explorer>: nothing wider than the screen and no diagram scrolling
 * sideways (only data tables, the tab strip and the gated views' step strip may scroll inside their own box), no text
 * drawn below 11 px (SVG text counted at the size its viewBox scales it to), touch targets at least 24×24 px
 * (WCAG 2.2, 2.5.8), primary buttons at least 44 px tall, the tabs in one row, and the lesson's primary control
 * within its first two screens.
 */
const LESSONS = ["shift-register", "feedback", "state-space", "bptt", "lstm", "gru", "gradient-flow", "esn",
  "sequence-lab", "worked-example", "char-lab"];
/** Views whose pictures are SVG with text (the others draw tables, canvases and HTML): the size check must find some. */
const SVG_TEXT = new Set(["shift-register", "feedback", "state-space", "bptt", "lstm", "gru", "sequence-lab"]);
const W = 390, H = 844;
/** What may be wider than the screen inside a box that scrolls sideways: tables of numbers, the tab strip, the step strip. */
const MAY_SCROLL = "table, [role=tablist], [role=slider]";

beforeAll(async () => {
  await loadBundle(); await page.viewport(W, H);
  await until(`a ${W} px viewport`, () => innerWidth === W);
});
afterEach(() => { document.body.replaceChildren(); history.replaceState(null, "", location.pathname + location.search); });
afterAll(async () => { await page.viewport(414, 896); });

const TARGETS = "button, input:not([type=hidden]), select, textarea, summary, [role=tab], [role=slider], [role=switch], [tabindex='0']";

function deep(root: ShadowRoot | Element): Element[] {
  const out: Element[] = [];
  const walk = (r: ShadowRoot | Element) => r.querySelectorAll("*").forEach((e) => { out.push(e); if (e.shadowRoot) walk(e.shadowRoot); });
  walk(root);
  return out;
}

/** The size text is drawn at: its font size, times the viewBox scale for SVG text. */
function drawnSize(e: Element): number {
  let size = parseFloat(getComputedStyle(e).fontSize);
  const svg = e instanceof SVGElement ? e.ownerSVGElement : null, vb = svg?.viewBox?.baseVal;
  if (svg && vb && vb.width) size *= svg.getBoundingClientRect().width / vb.width;
  return size;
}

const hasText = (e: Element) => [...e.childNodes].some((c) => c.nodeType === 3 && c.textContent!.trim());
const name = (e: Element) => `<${e.localName} class="${e.getAttribute("class") ?? ""}">`;

function visibleIn(ex: View): Element[] {
  return deep(ex.shadowRoot!).filter((e) => { const r = e.getBoundingClientRect(); return r.width > 0 && r.height > 0 && getComputedStyle(e).visibility !== "hidden"; });
}

/** Elements past the screen's right edge that are not rows of a table or a strip scrolling in its own box. */
function sticking(ex: View): string[] {
  return visibleIn(ex).filter((e) => e.getBoundingClientRect().right > W + 1 && !e.closest(MAY_SCROLL))
    .map((e) => `${name(e)} to ${Math.round(e.getBoundingClientRect().right)}`);
}

async function open(view: string): Promise<{ ex: View; el: HTMLElement }> {
  document.body.style.margin = "0";
  const ex = await mount(`<rnn-explorer tab="${view}"></rnn-explorer>`);
  const el = () => ex.shadowRoot!.querySelector<HTMLElement>(`[slot="${view}"]`);
  await until(`${view}'s control and visual`, () => !!el()?.shadowRoot?.querySelector('[data-primary="control"]') && !!el()!.shadowRoot!.querySelector('[data-primary="visual"]'));
  await settle(ex.shadowRoot!);
  await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
  // a picture that sizes itself to its box (a ResizeObserver) may take a frame or two more on a loaded machine
  await until("the page to fit its width", () => document.documentElement.scrollWidth <= W && !sticking(ex).length, 5_000).catch(() => undefined);
  return { ex, el: el()! };
}

describe(`phone, ${W} px wide`, () => {
  for (const view of LESSONS) test(view, async () => {
    const { ex, el } = await open(view);
    scrollTo(0, 0);
    expect(innerWidth).toBe(W);
    const visible = visibleIn(ex);

    expect({ width: document.documentElement.scrollWidth, sticking: sticking(ex).slice(0, 5) }, "page wider than the screen").toEqual({ width: W, sticking: [] });
    const pictures = visible.filter((e) => e.localName === "svg" && e.getBoundingClientRect().width > 40);
    const outside = pictures.filter((e) => { const r = e.getBoundingClientRect(); return r.left < -1 || r.right > W + 1; })
      .map((e) => `${name(e)} ${Math.round(e.getBoundingClientRect().left)}..${Math.round(e.getBoundingClientRect().right)}`);
    expect(outside, "pictures scrolling sideways").toEqual([]);

    const texts = visible.filter(hasText);
    const svgTexts = texts.filter((e) => e instanceof SVGElement);
    expect(texts.length, "text elements checked").toBeGreaterThan(20);
    if (SVG_TEXT.has(view)) expect(svgTexts.length, "SVG text elements checked").toBeGreaterThan(5);
    const small = texts.filter((e) => drawnSize(e) < 10.95).map((e) => `${name(e)} "${e.textContent!.trim().slice(0, 20)}" at ${drawnSize(e).toFixed(1)} px`);
    expect(small, "text below 11 px").toEqual([]);

    const targets = visible.filter((e) => e.matches(TARGETS));
    expect(targets.length, "touch targets checked").toBeGreaterThan(5);
    // a visually hidden radio or checkbox is pressed through its label: measure that
    const tiny = targets.map((e) => ({ e, r: (e.matches("input") && e.closest("label") && getComputedStyle(e).opacity === "0" ? e.closest("label")! : e).getBoundingClientRect() })).filter(({ r }) => r.width < 24 || r.height < 24)
      .map(({ e, r }) => `<${e.localName} ${e.getAttribute("role") ?? e.getAttribute("type") ?? ""}> ${Math.round(r.width)}×${Math.round(r.height)}`);
    expect(tiny, "touch targets below 24×24 px").toEqual([]);

    // a number field shows its whole value (a clipped 0.002 reads as 0.00)
    const numbers = visible.filter((e): e is HTMLInputElement => e.matches("input[type=number]"));
    const clipped = numbers.filter((e) => e.scrollWidth > e.clientWidth + 1).map((e) => `${e.value} in ${e.clientWidth} px`);
    expect(clipped, "number fields too narrow for their value").toEqual([]);

    // Next (the explorer's) is always primary, so at least one is measured
    const primary = visible.filter((e) => e.localName === "rnn-button" && e.getAttribute("variant") === "primary")
      .map((b) => Math.round(b.shadowRoot!.querySelector("button")!.getBoundingClientRect().height));
    expect(primary.length, "primary buttons checked").toBeGreaterThan(0);
    expect(primary.filter((h) => h < 44), "primary buttons below 44 px tall").toEqual([]);

    const lists = visible.filter((e) => e.matches("[role=tablist]"));
    expect(lists.length, "tab strips checked").toBeGreaterThan(0);
    const rows = lists.map((l) => new Set([...l.querySelectorAll("[role=tab]")].map((t) => Math.round(t.getBoundingClientRect().top))).size);
    expect(rows.filter((n) => n !== 1), "tab strips in more than one row").toEqual([]);

    const control = el.shadowRoot!.querySelector('[data-primary="control"]')!.getBoundingClientRect();
    expect(control.top + scrollY, "primary control within the first two screens").toBeLessThan(2 * H);
  });
});
