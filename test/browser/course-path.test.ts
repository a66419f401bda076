import { afterEach, beforeAll, describe, expect, test } from "vitest";
import { userEvent } from "vitest/browser";
import { loadBundle, mount, settle, shadow, tabsOf, until, type View } from "./helpers.js";

/** The course path of <rnn-explorer>: numbered lessons, Previous/Next, and the lesson in the URL hash. */
beforeAll(async () => { await loadBundle(); });
const clearHash = () => history.replaceState(null, "", location.pathname + location.search);
afterEach(() => { document.body.replaceChildren(); clearHash(); });

const SET = '<rnn-explorer views="test-alpha,test-beta,test-gamma"></rnn-explorer>';
const selected = (el: View) => tabsOf(el).find((t) => t.getAttribute("aria-selected") === "true")?.dataset.name;
const pathButtons = (el: View, which: "previous" | "next") => [...el.shadowRoot!.querySelectorAll<HTMLElement>(`[data-path="${which}"]`)];

describe("the course path", () => {
  test("Next and Previous name their lesson, move to it and write the hash", async () => {
    const el = await mount(SET);
    await settle(el.shadowRoot!);
    expect(shadow(el, ".position").textContent).toBe("1 of 3");
    expect(pathButtons(el, "previous")).toHaveLength(0);                 // the first lesson has nothing before it
    expect(pathButtons(el, "next").map((b) => b.textContent!.trim())).toEqual(["Next: Beta →", "Next: Beta →"]); // top and end of the lesson
    const seen: string[] = [];
    el.addEventListener("rnn-view-change", (e) => seen.push(e.detail.view));
    await userEvent.click(pathButtons(el, "next")[1]);
    await settle(el.shadowRoot!);
    expect(selected(el)).toBe("test-beta");
    expect(location.hash).toBe("#test-beta");
    expect(shadow(el, ".position").textContent).toBe("2 of 3");
    expect(pathButtons(el, "previous")[0].textContent).toContain("Alpha");
    await userEvent.click(pathButtons(el, "next")[0]);
    await settle(el.shadowRoot!);
    expect(selected(el)).toBe("test-gamma");
    expect(pathButtons(el, "next")).toHaveLength(0);                     // the last lesson ends the path
    await userEvent.click(pathButtons(el, "previous")[0]);
    await settle(el.shadowRoot!);
    expect([selected(el), location.hash]).toEqual(["test-beta", "#test-beta"]);
    expect(seen).toEqual(["test-beta", "test-gamma", "test-beta"]);
  });

  test("the back button returns to the previous lesson, forward again", async () => {
    const el = await mount(SET);
    await settle(el.shadowRoot!);
    await userEvent.click(tabsOf(el)[2]);                                // a tab click is a step of the path too
    await settle(el.shadowRoot!);
    expect(location.hash).toBe("#test-gamma");
    await userEvent.click(pathButtons(el, "previous")[0]);
    await settle(el.shadowRoot!);
    expect(selected(el)).toBe("test-beta");
    history.back();
    await until("back to gamma", () => selected(el) === "test-gamma");
    expect(location.hash).toBe("#test-gamma");
    history.back();
    await until("back to the start", () => selected(el) === "test-alpha" || location.hash === "");
    history.forward();
    await until("forward to gamma", () => selected(el) === "test-gamma");
  });

  test("a hash naming a lesson opens it on load (reload, shared #link); other hashes are left to the page", async () => {
    history.replaceState(null, "", "#test-gamma");
    const el = await mount(SET);
    await settle(el.shadowRoot!);
    expect(selected(el)).toBe("test-gamma");
    location.hash = "#not-a-lesson";                                     // e.g. a section link of the page around it
    await new Promise((r) => setTimeout(r, 50));
    expect(selected(el)).toBe("test-gamma");
    location.hash = "#test-alpha";                                       // a link to a lesson
    await until("the linked lesson", () => selected(el) === "test-alpha");
  });

  test("no-hash leaves the URL alone; a single view has no path", async () => {
    const el = await mount('<rnn-explorer no-hash views="test-alpha,test-beta"></rnn-explorer>');
    await settle(el.shadowRoot!);
    await userEvent.click(pathButtons(el, "next")[0]);
    await settle(el.shadowRoot!);
    expect([selected(el), location.hash]).toEqual(["test-beta", ""]);
    const one = await mount('<rnn-explorer view="test-beta"></rnn-explorer>');
    await settle(one.shadowRoot!);
    expect(pathButtons(one, "next").concat(pathButtons(one, "previous"))).toHaveLength(0);
  });
});
