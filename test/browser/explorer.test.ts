import { afterEach, beforeAll, describe, expect, onTestFinished, test } from "vitest";
import { commands, userEvent } from "vitest/browser";
import axe from "axe-core";
import { bundleURL, loadBundle, mount, origin, settle, shadow, tabsOf } from "./helpers.js";

beforeAll(async () => {
  await commands.startCapture();
  await loadBundle();
});
// a tabbed explorer keeps the lesson in the hash; each test starts without one
afterEach(() => { document.body.replaceChildren(); history.replaceState(null, "", location.pathname + location.search); });

/** Test-only views, so the shell is tested apart from the lesson views in the bundle. */
const SET = '<rnn-explorer views="test-alpha,test-beta,test-gamma"></rnn-explorer>';

describe("<rnn-explorer> from the built bundle in a plain page", () => {
  test("shows a tab for each registered view only", async () => {
    const lib = await loadBundle();
    const el = await mount("<rnn-explorer></rnn-explorer>");
    await settle(el.shadowRoot!);
    const names = tabsOf(el).map((t) => t.textContent!.trim().replace(/^\d+/, ""));
    // numbered in teaching order
    expect(tabsOf(el).map((t) => Number(t.querySelector('[part="number"]')!.textContent))).toEqual(names.map((_, i) => i + 1));
    expect(names).toEqual(lib.registeredViews().map((v) => v.title));
    expect(names).toEqual(expect.arrayContaining(["Alpha", "Beta", "Gamma"]));
    // lesson views come in the stable order of docs/design.md, views unknown to it after them
    const order = lib.registeredViews().map((v) => (lib.VIEW_NAMES as readonly string[]).indexOf(v.name)).map((k) => (k < 0 ? 99 : k));
    expect(order).toEqual([...order].sort((a, b) => a - b));
    expect(el.shadowRoot!.querySelector("rnn-message")).toBeNull();
  });

  test("shows the first view of a chosen set", async () => {
    const el = await mount('<rnn-explorer views="test-alpha,test-beta,test-gamma"></rnn-explorer>');
    await settle(el.shadowRoot!);
    expect(el.shadowRoot!.querySelector("rnn-test-alpha")!.textContent).toContain("Alpha view");
    expect(el.shadowRoot!.querySelector("rnn-test-alpha")!.assignedSlot).not.toBeNull();
  });

  test("switches tabs by mouse", async () => {
    const el = await mount(SET);
    await settle(el.shadowRoot!);
    const seen: string[] = [];
    el.addEventListener("rnn-view-change", (e) => seen.push(e.detail.view));
    await userEvent.click(tabsOf(el)[1]);
    await settle(el.shadowRoot!);
    expect(tabsOf(el)[1].getAttribute("aria-selected")).toBe("true");
    expect(el.getAttribute("tab")).toBe("test-beta");
    expect(seen).toEqual(["test-beta"]);
    const beta = el.shadowRoot!.querySelector("rnn-test-beta")!;
    expect(beta.assignedSlot).not.toBeNull();
    // the first view keeps its element (and state) but is no longer shown
    expect(el.shadowRoot!.querySelector("rnn-test-alpha")!.assignedSlot).toBeNull();
  });

  test("switches tabs by keyboard per the WAI-ARIA tabs pattern", async () => {
    const el = await mount(SET);
    await settle(el.shadowRoot!);
    const selected = () => tabsOf(el).findIndex((t) => t.getAttribute("aria-selected") === "true");
    const focused = () => tabsOf(el).findIndex((t) => t.matches(":focus"));
    tabsOf(el)[0].focus();
    expect(tabsOf(el).map((t) => t.tabIndex)).toEqual([0, -1, -1]);
    await userEvent.keyboard("{ArrowRight}"); await settle(el.shadowRoot!);
    expect([selected(), focused()]).toEqual([1, 1]);
    await userEvent.keyboard("{End}"); await settle(el.shadowRoot!);
    expect([selected(), focused()]).toEqual([2, 2]);
    await userEvent.keyboard("{ArrowRight}"); await settle(el.shadowRoot!);
    expect(selected()).toBe(0);
    await userEvent.keyboard("{ArrowLeft}"); await settle(el.shadowRoot!);
    expect(selected()).toBe(2);
    await userEvent.keyboard("{Home}"); await settle(el.shadowRoot!);
    expect([selected(), focused()]).toEqual([0, 0]);
    expect(tabsOf(el).map((t) => t.tabIndex)).toEqual([0, -1, -1]);
  });

  test("view= shows one view alone, views= a chosen set, other attributes reach the view", async () => {
    const one = await mount('<rnn-explorer view="test-beta" hidden-size="32" seed="7"></rnn-explorer>');
    await settle(one.shadowRoot!);
    expect(tabsOf(one)).toHaveLength(0);
    const beta = one.shadowRoot!.querySelector("rnn-test-beta")!;
    expect(beta.getAttribute("hidden-size")).toBe("32");
    expect(beta.getAttribute("seed")).toBe("7");
    const set = await mount('<rnn-explorer views="test-gamma,test-alpha"></rnn-explorer>');
    await settle(set.shadowRoot!);
    expect(tabsOf(set).map((t) => t.textContent!.trim())).toEqual(["1Gamma", "2Alpha"]);
  });

  test.each([
    ['view="nope"', /view="nope" is not a view name.*showing the views listed in views/],
    ['view="experiments"', /view="experiments" is not available in this build/],
    ['hidden-size="0"', /hidden-size="0" must be from 1 to 512/],
    ['hidden-size="10000"', /hidden-size="10000" must be from 1 to 512/],
    ['seed="abc"', /seed="abc" must be a whole number/],
    ['theme="purple"', /theme="purple" must be one of auto, light, dark/],
  ])("bad attribute %s shows an inline message and falls back", async (attr, msg) => {
    // a design name whose view is not in the bundle: take one out for this test
    const lib = await loadBundle(), saved = lib.getView("experiments");
    if (saved) lib.unregisterView("experiments");
    onTestFinished(() => { if (saved) lib.registerView(saved); });
    const el = await mount(`<rnn-explorer views="test-alpha,test-beta,test-gamma" ${attr}></rnn-explorer>`);
    await settle(el.shadowRoot!);
    const message = shadow(el, "rnn-message");
    expect(message).not.toBeNull();
    expect(message.shadowRoot!.textContent).toMatch(msg);
    expect(message.shadowRoot!.querySelector('[role="alert"],[role="status"]')).not.toBeNull();
    expect(tabsOf(el).length).toBe(3); // fell back to the chosen set
    const view = el.shadowRoot!.querySelector("rnn-test-alpha")!;
    expect(view.hasAttribute("hidden-size")).toBe(false);
    expect(view.hasAttribute("seed")).toBe(false);
  });

  test("fixing a bad attribute removes the message", async () => {
    const el = await mount('<rnn-explorer views="test-alpha" hidden-size="0"></rnn-explorer>');
    await settle(el.shadowRoot!);
    expect(shadow(el, "rnn-message")).not.toBeNull();
    el.setAttribute("hidden-size", "24");
    await new Promise((r) => setTimeout(r, 0));
    await settle(el.shadowRoot!);
    expect(shadow(el, "rnn-message")).toBeNull();
    expect(el.shadowRoot!.querySelector("rnn-test-alpha")!.getAttribute("hidden-size")).toBe("24");
  });

  test("share gives a link and both snippets for the current state", async () => {
    const el = await mount('<rnn-explorer views="test-alpha,test-beta,test-gamma" hidden-size="12"></rnn-explorer>');
    await settle(el.shadowRoot!);
    await userEvent.click(tabsOf(el)[2]);
    await settle(el.shadowRoot!);
    (shadow(el, 'rnn-button[aria-controls="share"]') as HTMLElement & { click(): void }).click();
    await settle(el.shadowRoot!);
    const share = shadow(el, "rnn-share") as HTMLElement & { link: string; script: string; iframe: string };
    const q = "views=test-alpha%2Ctest-beta%2Ctest-gamma&tab=test-gamma&hidden-size=12";
    expect(share.link).toBe(`${origin}/dist/embed.html?${q}`);
    expect(share.script).toContain(`<script type="module" src="${bundleURL}"></script>`);
    expect(share.script).toContain('<rnn-explorer views="test-alpha,test-beta,test-gamma" tab="test-gamma" hidden-size="12"></rnn-explorer>');
    expect(share.iframe).toContain(`<iframe src="${origin}/dist/embed.html?${q.replace(/&/g, "&amp;")}"`);
  });

  test("axe-core finds no serious or critical violation", async () => {
    const el = await mount('<rnn-explorer views="test-alpha,test-beta" hidden-size="0"></rnn-explorer>');
    await settle(el.shadowRoot!);
    (shadow(el, 'rnn-button[aria-controls="share"]') as HTMLElement & { click(): void }).click();
    await settle(el.shadowRoot!);
    for (const theme of ["light", "dark"]) {
      el.setAttribute("theme", theme);
      await settle(el.shadowRoot!);
      const r = await axe.run(el, { resultTypes: ["violations"] });
      const bad = r.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
      expect(bad.map((v) => `${theme}: ${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
    }
  });

  test("no console error and no request beyond the bundle", async () => {
    const { console: logs, requests } = await commands.readCapture();
    expect(logs.filter((m) => m.type === "error" || m.type === "pageerror")).toEqual([]);
    // the test runner's own origin serves the tests; anything else must be the bundle
    const foreign = requests.filter((u) => !u.startsWith(location.origin) && !/^(blob|data):/.test(u) && u !== bundleURL);
    expect(foreign).toEqual([]);
    expect(requests.filter((u) => u === bundleURL)).toHaveLength(1);
    expect(logs.length + requests.length).toBeGreaterThan(0);
  });
});
