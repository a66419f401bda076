/**
 * A packed SCORM 1.2 lesson in a real SCORM run-time: an LMS page (scorm-again's Scorm12API as
 * window.API) frames the SCO page from the unpacked zip, as an LMS player does. The lesson
 * initialises, reports incomplete, completed once the reader ran its main action, commits, and
 * finishes when the LMS removes its frame. Opened without an LMS, it is a plain lesson page.
 */
import { afterEach, beforeAll, expect, test } from "vitest";
import { commands } from "vitest/browser";
import { inFrameUntil, origin, sleep } from "./helpers.js";

let frame: HTMLIFrameElement | undefined;
beforeAll(() => commands.startCapture());
afterEach(() => { frame?.remove(); frame = undefined; });

function open(src: string): Promise<void> {
  frame = document.createElement("iframe");
  frame.src = src;
  frame.style.cssText = "width:1000px;height:700px;border:0";
  const loaded = new Promise<void>((r) => frame!.addEventListener("load", () => r(), { once: true }));
  document.body.append(frame);
  return loaded;
}

/** Polls `body` (a function's source, of `arg`) in the frame at `url` until it returns a truthy value. */
const until = inFrameUntil;

const LMS = "/fixtures/lms.html";
type Call = string[];
const log = () => commands.inFrame<Call[]>(LMS, "() => window.lmsLog");
const status = () => commands.inFrame<string>(LMS, "() => window.API.cmi.core.lesson_status");

/** Clicks the button labelled `label` inside the view the SCO page shows. */
const CLICK = `(label) => {
  const view = document.querySelector("rnn-explorer").shadowRoot.querySelector("[data-view], rnn-bptt");
  const button = [...view.shadowRoot.querySelectorAll("rnn-button")].find((b) => b.textContent.trim() === label);
  if (!button) return false;
  button.click();
  return true;
}`;

test("the lesson reports incomplete, completed after its main action, and finishes when the LMS closes it", async () => {
  await open(`${origin}${LMS}?sco=view-bptt.html`);
  const sco = "/scorm/view-bptt.html";
  // the SCO found window.API in its parent and started the attempt
  await until(LMS, `() => window.lmsLog.some((c) => c[0] === "LMSInitialize")`);
  await until(LMS, `() => window.API.cmi.core.lesson_status === "incomplete"`);
  expect(await commands.inFrame<boolean>(LMS, "() => window.API.isInitialized()")).toBe(true);
  const started = await log();
  expect(started.map((c) => c[0])).toEqual(["LMSInitialize", "LMSSetValue", "LMSCommit"]);
  expect(started[1]).toEqual(["LMSSetValue", "cmi.core.lesson_status", "incomplete"]);

  // opening it is not completing it: the view is drawn and the status stays
  await until(sco, `() => !!document.querySelector("rnn-explorer")?.shadowRoot?.querySelector("rnn-bptt")?.shadowRoot?.querySelector("rnn-button")`);
  await sleep(300);
  expect(await status()).toBe("incomplete");

  // the reader steps the backward pass once: the lesson's main action
  expect(await until<boolean>(sco, CLICK, "Step backward")).toBe(true);
  await until(LMS, `() => window.API.cmi.core.lesson_status === "completed"`);
  const done = await log();
  const k = done.findIndex((c) => c[0] === "LMSSetValue" && c[2] === "completed");
  expect(done.slice(k + 1).map((c) => c[0])).toContain("LMSCommit");

  // the LMS closes the activity: the SCO records its time and finishes
  await commands.inFrame(LMS, `() => document.querySelector("iframe").remove()`);
  await until(LMS, `() => window.lmsLog.some((c) => c[0] === "LMSFinish")`);
  const end = await log();
  const time = end.find((c) => c[1] === "cmi.core.session_time");
  expect(time?.[2]).toMatch(/^\d{4}:\d{2}:\d{2}\.\d{2}$/);
  expect(end.at(-1)![0]).toBe("LMSFinish");
  expect(end.filter((c) => c[0] === "LMSFinish")).toHaveLength(1);
  expect(await commands.inFrame<boolean>(LMS, "() => window.API.isTerminated()")).toBe(true);
  expect(await commands.inFrame<string>(LMS, "() => window.API.cmi.core.lesson_status")).toBe("completed");
  // where the learner left off is kept for the next visit: the backward pass stood at one node
  expect(new URLSearchParams(await commands.inFrame<string>(LMS, "() => window.API.cmi.suspend_data")).get("revealed")).toBe("1");

  // nothing was fetched from outside the package, and the strict policy blocked nothing
  const { requests, console: messages } = await commands.readCapture();
  const scoRequests = requests.filter((u) => u.startsWith(`${origin}/scorm/`));
  expect(scoRequests.map((u) => u.slice(`${origin}/scorm/`.length)).sort()).toEqual(["rnn-explorer.js", "scorm.js", "view-bptt.html"]);
  expect(requests.filter((u) => !u.startsWith(origin) && !u.startsWith(location.origin) && !u.startsWith("blob:") && !u.startsWith("data:"))).toEqual([]);
  expect(messages.filter((m) => m.type === "error" || m.type === "pageerror")).toEqual([]);
});

test("a score the view reports is recorded as cmi.core.score.raw out of 0–100", async () => {
  await open(`${origin}${LMS}?sco=view-experiments.html`);
  await until(LMS, `() => window.API.cmi.core.lesson_status === "incomplete"`);
  const sco = "/scorm/view-experiments.html";
  await until(sco, `() => !!document.querySelector("rnn-explorer")?.shadowRoot?.querySelector("rnn-experiments")`);
  // the grid exercise fires this when a locked prediction is revealed (its rank, scored in lab/prediction-score.ts)
  await commands.inFrame(sco, `() => document.querySelector("rnn-explorer").shadowRoot.querySelector("rnn-experiments")
    .dispatchEvent(new CustomEvent("rnn-score", { detail: { view: "experiments", raw: 62.5, min: 0, max: 100 }, bubbles: true, composed: true }))`);
  await until(LMS, `() => window.API.cmi.core.score.raw !== ""`);
  const score = await commands.inFrame<string[]>(LMS, "() => [window.API.cmi.core.score.raw, window.API.cmi.core.score.min, window.API.cmi.core.score.max]");
  expect(score.map(Number)).toEqual([63, 0, 100]);
  // a score alone does not complete the lesson: its main action does
  expect(await status()).toBe("incomplete");
});

test("opened without an LMS, the page is a plain lesson and says nothing about SCORM", async () => {
  await open(`${origin}/scorm/view-shift-register.html`);
  const sco = "/scorm/view-shift-register.html";
  await until(sco, `() => !!document.querySelector("rnn-explorer")?.shadowRoot?.querySelector("rnn-shift-register")?.shadowRoot?.querySelector("rnn-stem-plot")`);
  const before = (await commands.readCapture()).console.length;
  expect(await until<boolean>(sco, CLICK.replace("rnn-bptt", "rnn-shift-register"), "Step ▸")).toBe(true);
  await sleep(200);
  const messages = (await commands.readCapture()).console.slice(before);
  expect(messages.filter((m) => m.type === "error" || m.type === "pageerror" || m.type === "warning")).toEqual([]);
  expect(await commands.inFrame<string>(sco, `() => document.querySelector("rnn-explorer").getAttribute("view")`)).toBe("shift-register");
});

test("the manifest is well-formed XML in the SCORM 1.2 namespaces, and every file it lists is served from the package", async () => {
  const res = await fetch(`${origin}/scorm/imsmanifest.xml`);
  expect(res.status).toBe(200);
  const doc = new DOMParser().parseFromString(await res.text(), "application/xml");
  expect(doc.getElementsByTagName("parsererror")).toHaveLength(0);
  const IMSCP = "http://www.imsproject.org/xsd/imscp_rootv1p1p2", ADLCP = "http://www.adlnet.org/xsd/adlcp_rootv1p2";
  expect(doc.documentElement.namespaceURI).toBe(IMSCP);
  expect(doc.getElementsByTagNameNS(IMSCP, "schemaversion")[0].textContent).toBe("1.2");
  const resources = [...doc.getElementsByTagNameNS(IMSCP, "resource")];
  const scos = resources.filter((r) => r.getAttributeNS(ADLCP, "scormtype") === "sco");
  expect(scos).toHaveLength(13);
  const items = [...doc.getElementsByTagNameNS(IMSCP, "item")];
  expect(items.map((i) => i.getAttribute("identifierref"))).toEqual(scos.map((r) => r.getAttribute("identifier")));
  const files = [...doc.getElementsByTagNameNS(IMSCP, "file")].map((f) => f.getAttribute("href")!);
  for (const href of new Set([...files, ...scos.map((r) => r.getAttribute("href")!)])) {
    expect((await fetch(`${origin}/scorm/${href}`, { method: "HEAD" })).status, href).toBe(200);
  }
});

test("a returning learner gets the settings they left, never another view nor a setting that could run code", async () => {
  const resume = new URLSearchParams({ steps: "12", revealed: "3", view: "lstm", onclick: "alert(1)" }).toString();
  await open(`${origin}${LMS}?sco=view-bptt.html&resume=${encodeURIComponent(resume)}`);
  const sco = "/scorm/view-bptt.html";
  const state = await until<{ steps: string; revealed: string; view: string; onclick: boolean }>(sco, `() => {
    const ex = document.querySelector("rnn-explorer"), view = ex?.shadowRoot?.querySelector("rnn-bptt");
    return view && { steps: view.getAttribute("steps"), revealed: view.getAttribute("revealed"), view: ex.getAttribute("view"), onclick: ex.hasAttribute("onclick") };
  }`);
  expect(state).toEqual({ steps: "12", revealed: "3", view: "bptt", onclick: false });
  // resuming is not completing
  expect(await status()).toBe("incomplete");
});
