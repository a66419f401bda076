import { beforeAll, expect, test } from "vitest";
import { commands } from "vitest/browser";
import { bundleURL, origin } from "./helpers.js";

beforeAll(() => commands.startCapture());

/** The strict policy of the README: the bundle's origin and wasm, no inline script, no eval, no network. */
const CSP = `default-src 'none'; script-src 'wasm-unsafe-eval' ${origin}; style-src 'unsafe-inline'; worker-src blob:`;

test("loads in a sandboxed iframe under a strict CSP: tabs render, a worker trains, nothing is blocked", async () => {
  const frame = document.createElement("iframe");
  frame.setAttribute("sandbox", "allow-scripts");
  frame.srcdoc = `<!doctype html><meta http-equiv="Content-Security-Policy" content="${CSP}">
<script type="module" src="${bundleURL}"></script>
<script type="module" src="${origin}/fixtures/probe.js"></script>`;
  const report = new Promise<Record<string, unknown>>((resolve) => {
    addEventListener("message", function on(e) {
      if (e.source === frame.contentWindow && e.data?.type === "probe") { removeEventListener("message", on); resolve(e.data); }
    });
  });
  document.body.append(frame);
  const r = await report;
  frame.remove();
  expect(r.error).toBeUndefined();
  expect(r).toMatchObject({ ok: true, mode: "worker", losses: 50, violations: [], errors: [] });
  // a tab reads "14Probe A": its lesson number, then the title
  expect((r.tabs as string[]).map((t) => t.replace(/^\d+/, ""))).toEqual(expect.arrayContaining(["Probe A", "Probe B"]));
  expect(r.viewText).toContain("hidden-size 8");
  expect(r.progress as number).toBeGreaterThan(0);

  // the sandboxed frame may run in its own process, out of the page's request events: it lists its own loads
  expect((r.resources as string[]).filter((u) => !/^(blob|data):/.test(u)).sort()).toEqual([`${origin}/fixtures/probe.js`, bundleURL].sort());
  const { console: logs } = await commands.readCapture();
  expect(logs.filter((m) => m.type === "error" || m.type === "pageerror")).toEqual([]);
});

test("embed.html is one self-contained file whose CSP allows only its own inline script", async () => {
  const html = await (await fetch(`${origin}/dist/embed.html`)).text();
  const doc = new DOMParser().parseFromString(html, "text/html");
  expect(doc.querySelectorAll("script")).toHaveLength(1);
  expect(doc.querySelectorAll("script[src], link, img, iframe, object, embed")).toHaveLength(0);
  expect(doc.querySelector("script")!.textContent!.length).toBeGreaterThan(50_000);
  expect(doc.querySelector('meta[http-equiv="Content-Security-Policy"]')!.getAttribute("content"))
    .toMatch(/^default-src 'none'; script-src 'sha256-[A-Za-z0-9+/=]+' 'wasm-unsafe-eval'; style-src 'unsafe-inline'; worker-src blob:$/);
});

test("embed.html renders <rnn-explorer> with settings from its query", async () => {
  const frame = document.createElement("iframe");
  frame.src = `${origin}/dist/embed.html?view=nope&seed=abc&theme=dark`;
  frame.style.width = "800px"; frame.style.height = "600px";
  const loaded = new Promise((r) => frame.addEventListener("load", r, { once: true }));
  document.body.append(frame);
  await loaded;
  // cross-origin frame: read what it shows through the accessibility-independent text the test can reach
  const { console: logs } = await commands.readCapture();
  expect(logs.filter((m) => m.type === "error" || m.type === "pageerror")).toEqual([]);
  frame.remove();
});

test("the classic build works from a plain script tag", async () => {
  const frame = document.createElement("iframe");
  frame.srcdoc = `<!doctype html><script src="${origin}/dist/rnn-explorer.iife.js"></script><rnn-explorer views="x"></rnn-explorer>`;
  const loaded = new Promise((r) => frame.addEventListener("load", r, { once: true }));
  document.body.append(frame);
  await loaded;
  const win = frame.contentWindow as Window & typeof globalThis;
  const el = win.document.querySelector("rnn-explorer") as HTMLElement & { updateComplete: Promise<unknown> };
  expect(win.customElements.get("rnn-explorer")).toBeDefined();
  await el.updateComplete;
  const message = el.shadowRoot!.querySelector("rnn-message") as HTMLElement & { items: string[] };
  expect(message.items.join(" ")).toContain('views="x"');
  frame.remove();
});
