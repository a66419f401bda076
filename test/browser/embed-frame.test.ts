// embed.html as a course page uses it: it tells its parent its height, and its address follows the reader.
import { afterEach, expect, test } from "vitest";
import { commands } from "vitest/browser";
import { inFrameUntil, origin, sleep } from "./helpers.js";

const EMBED = `${origin}/dist/embed.html`;
let frame: HTMLIFrameElement | undefined;
afterEach(() => { frame?.remove(); frame = undefined; });

function open(query: string, height = 200): Promise<void> {
  frame = document.createElement("iframe");
  frame.src = `${EMBED}?${query}`;
  frame.style.cssText = `width:900px;height:${height}px;border:0`;
  const loaded = new Promise<void>((r) => frame!.addEventListener("load", () => r(), { once: true }));
  document.body.append(frame);
  return loaded;
}

/** Runs `body` (source of a function of `arg`) in the embed frame. */
const inEmbed = <T>(body: string, arg?: unknown) => commands.inFrame<T>("/dist/embed.html", body, arg);

/** Polls until `body` returns a truthy value in the frame. */
const inEmbedUntil = <T>(body: string, arg?: unknown) => inFrameUntil<T>("/dist/embed.html", body, arg);

const VIEW = `(tag) => document.querySelector("rnn-explorer").shadowRoot.querySelector(tag)`;

test("the frame posts its content height to its parent, and again when the content changes", async () => {
  // the parent applies every message, as the README's host snippet does
  const posted: number[] = [];
  const apply = (e: MessageEvent) => {
    if (e.source !== frame?.contentWindow || e.data?.type !== "rnn-explorer:resize") return;
    posted.push(e.data.height);
    frame.style.height = `${e.data.height}px`;
  };
  addEventListener("message", apply);
  try {
    await open("view=shift-register");
    // settled: the last height posted is the explorer's, and the frame has nothing left to scroll
    const settled = () => inEmbedUntil<{ rect: number; inner: number; scroll: number }>(`() => {
      const rect = Math.ceil(document.querySelector("rnn-explorer").getBoundingClientRect().height);
      return rect > 300 && innerHeight === rect && { rect, inner: innerHeight, scroll: document.documentElement.scrollHeight };
    }`);
    const a = await settled();
    expect(posted.at(-1)).toBe(a.rect);
    expect(a.scroll).toBeLessThanOrEqual(a.inner);

    // another lesson in the same frame has another height, and the parent hears of it
    const before = posted.length;
    await inEmbed(`() => document.querySelector("rnn-explorer").setAttribute("view", "bptt")`);
    await inEmbedUntil<boolean>(`() => !!document.querySelector("rnn-explorer").shadowRoot.querySelector("rnn-bptt")`);
    await sleep(300);
    const b = await settled();
    expect(posted.length).toBeGreaterThan(before);
    expect(b.rect).toBeGreaterThan(a.rect);
    expect(posted.at(-1)).toBe(b.rect);
  } finally {
    removeEventListener("message", apply);
  }
});

test("in fit mode the explorer fills the fixed frame and the lesson scrolls inside it", async () => {
  let posted = 0;
  const count = (e: MessageEvent) => { if (e.data?.type === "rnn-explorer:resize") posted++; };
  addEventListener("message", count);
  await open("view=bptt&fit", 420);
  const r = await inEmbedUntil<{ host: number; page: number; scroller: number; content: number }>(`() => {
    const el = document.querySelector("rnn-explorer"), single = el.shadowRoot.querySelector(".single");
    return single && single.scrollHeight > single.clientHeight && { host: el.getBoundingClientRect().height, page: document.documentElement.scrollHeight, scroller: single.clientHeight, content: single.scrollHeight };
  }`);
  removeEventListener("message", count);
  expect(r.host).toBe(420);
  expect(r.page).toBe(420);
  expect(r.content).toBeGreaterThan(r.scroller);
  expect(posted).toBe(0);
});

test("the address follows every setting the reader changes and reopens the same state", async () => {
  await open("view=feedback&feedback=0.5&step=3");
  await inEmbedUntil<boolean>(`() => { const v = (${VIEW})("rnn-feedback"); return !!v && !!v.shadowRoot && v.shadowRoot.querySelectorAll("rnn-button").length > 0; }`);
  // the reader presses a preset: feedback and taps change in the view, then in the address
  await inEmbed(`() => [...(${VIEW})("rnn-feedback").shadowRoot.querySelectorAll("rnn-button")].find((b) => b.textContent.includes("a = 1")).click()`);
  const search = await inEmbedUntil<string>(`() => { const q = new URLSearchParams(location.search); return q.get("feedback") === "1" && q.get("taps") === "1,0,0" && location.search; }`);
  const q = new URLSearchParams(search);
  expect(q.get("view")).toBe("feedback");
  expect(q.get("step")).toBe("3");

  // a copy of that address opens the lesson in that state
  frame!.remove();
  await open(search.slice(1));
  const attrs = await inEmbedUntil<Record<string, string | null>>(`() => { const v = (${VIEW})("rnn-feedback"); return v && { feedback: v.getAttribute("feedback"), taps: v.getAttribute("taps"), step: v.getAttribute("step") }; }`);
  expect(attrs).toEqual({ feedback: "1", taps: "1,0,0", step: "3" });
});

test("switching tabs is written to the query too, beside the lesson hash", async () => {
  await open("views=shift-register,feedback");
  await inEmbedUntil<boolean>(`() => !!document.querySelector("rnn-explorer").shadowRoot.querySelector("rnn-tabs")`);
  await inEmbed(`() => [...document.querySelector("rnn-explorer").shadowRoot.querySelector("rnn-tabs").shadowRoot.querySelectorAll('[role="tab"]')].find((b) => b.textContent.includes("Feedback") || b.dataset.name === "feedback").click()`);
  const where = await inEmbedUntil<{ search: string; hash: string }>(`() => new URLSearchParams(location.search).get("tab") === "feedback" && { search: location.search, hash: location.hash }`);
  expect(new URLSearchParams(where.search).get("views")).toBe("shift-register,feedback");
  expect(where.hash).toBe("#feedback");
});
