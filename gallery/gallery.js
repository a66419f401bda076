// The gallery: renders every registered lesson view and every building block from the
// bundle, with live examples, copy-paste snippets and the API from custom-elements.json.
const lib = await import("/dist/rnn-explorer.js");
const manifest = await fetch("/custom-elements.json").then((r) => (r.ok ? r.json() : { modules: [] }), () => ({ modules: [] }));
const origin = location.origin;
const scriptURL = `${origin}/dist/rnn-explorer.js`, embedURL = `${origin}/dist/embed.html`;

const decls = new Map(manifest.modules.flatMap((m) => m.declarations.map((d) => [d.tagName, { ...d, module: m.path }])));
const h = (tag, props = {}, ...kids) => { const e = document.createElement(tag); Object.assign(e, props); e.append(...kids.filter((k) => k != null)); return e; };
const code = (text) => h("pre", {}, h("code", { textContent: text }));

function snippets(html, query) {
  const iframe = query === null
    ? h("p", { className: "note", textContent: "Building blocks live inside views; to use one without scripts, embed a view." })
    : code(`<iframe src="${embedURL}${query ? "?" + query : ""}" title="RNN explorer" width="100%" height="760" style="border:0;max-width:100%" loading="lazy" allow="clipboard-write"></iframe>`);
  return h("div", { className: "snips" },
    h("div", { className: "snip" }, h("h4", { textContent: "On a page you control (script tag)" }), code(`<script type="module" src="${scriptURL}"></script>\n${html}`)),
    h("div", { className: "snip" }, h("h4", { textContent: "In an LMS that strips scripts (iframe)" }), iframe));
}

function apiTable(tag) {
  const d = decls.get(tag);
  if (!d) return null;
  const rows = (items, cols) => h("div", { className: "table-wrap" }, h("table", {},
    h("thead", {}, h("tr", {}, ...cols.map((c) => h("th", { textContent: c[0] })))),
    h("tbody", {}, ...items.map((it) => h("tr", {}, ...cols.map((c) => { const td = h("td"); const v = c[1](it) ?? ""; if (c[2]) td.append(h("code", { textContent: v })); else td.textContent = v; return td; }))))));
  const parts = [];
  if (d.attributes?.length) parts.push(h("h4", { textContent: "Attributes" }), rows(d.attributes, [["attribute", (a) => a.name, true], ["type", (a) => a.type?.text, true], ["default", (a) => a.default, true], ["description", (a) => a.description]]));
  for (const [title, list] of [["Events", d.events], ["CSS parts", d.cssParts], ["CSS custom properties", d.cssProperties], ["Slots", d.slots]]) {
    if (list?.length) parts.push(h("h4", { textContent: title }), rows(list, [["name", (x) => x.name || "(default)", true], ["description", (x) => x.description]]));
  }
  return parts.length ? h("details", { className: "api" }, h("summary", { textContent: `API of <${tag}>` }), ...parts) : null;
}

/** Mounts a live example when it scrolls into view, so thirteen lessons do not all start at once. */
const lazy = new IntersectionObserver((entries) => {
  for (const e of entries) {
    if (!e.isIntersecting) continue;
    lazy.unobserve(e.target);
    try { e.target.mount(); } catch (err) { e.target.textContent = `This example failed to start: ${err?.message ?? err}`; }
  }
}, { rootMargin: "300px" });

function card(title, tag, description, html, query, build) {
  const live = h("div", { className: "live", role: "group", ariaLabel: `Live example of ${title}` });
  live.mount = () => build(live);
  lazy.observe(live);
  return h("article", { className: "card" },
    h("h3", {}, title + " ", tag ? h("code", { textContent: `<${tag}>` }) : null),
    description ? h("p", { textContent: description }) : null, live, snippets(html, query), tag ? apiTable(tag) : null);
}

/** A live explorer; `url-state` keeps its settings in this page's address under its own prefix. */
function explorer(attrs) {
  const el = h("rnn-explorer");
  for (const [k, v] of Object.entries({ ...attrs, theme: themeAttr() })) el.setAttribute(k, v);
  return el;
}

function themeAttr() { const t = document.documentElement.dataset.theme; return t && t !== "auto" ? t : "auto"; }

// --- the explorer
document.querySelector("#explorer .slot").append(card("All lessons in tabs", "rnn-explorer", decls.get("rnn-explorer")?.description,
  "<rnn-explorer></rnn-explorer>", "", (live) => live.append(explorer({ "url-state": "all" }))));

// --- lesson views
const views = lib.registeredViews();
const viewSlot = document.querySelector("#views .slot");
if (!views.length) viewSlot.append(h("p", { className: "note", textContent: "No lesson views are registered in this build yet." }));
for (const v of views) {
  viewSlot.append(card(v.title, v.tag, v.description ?? decls.get(v.tag)?.description?.split("\n")[0],
    `<rnn-explorer view="${v.name}"></rnn-explorer>`, `view=${v.name}`,
    (live) => live.append(explorer({ view: v.name, "url-state": v.name }))));
}

// --- building blocks, with sample data
const loss = Array.from({ length: 4000 }, (_, i) => 3.2 * Math.exp(-i / 700) + 1.1 + 0.15 * Math.sin(i / 9) * Math.exp(-i / 2000));
const held = loss.map((v, i) => v + 0.05 + i / 40000);
const wh = Array.from({ length: 24 * 24 }, (_, i) => Math.sin(i * 12.9898) * 0.8 * Math.exp(-Math.abs((i % 24) - Math.floor(i / 24)) / 6));
const demos = {
  "rnn-line-chart": ['<rnn-line-chart label="Loss" y-label="nats per char" log></rnn-line-chart>', (el) => Object.assign(el, { series: [{ label: "training", values: loss }, { label: "held-out", values: held }] })],
  "rnn-bar-chart": ['<rnn-bar-chart label="Gate activations at t = 7"></rnn-bar-chart>', (el) => Object.assign(el, { bars: [["input", 0.62], ["forget", 0.91], ["candidate", -0.34], ["output", 0.48]].map(([label, value]) => ({ label, value })) })],
  "rnn-heat-map": ['<rnn-heat-map label="W_h (24 × 24)" rows="24" cols="24"></rnn-heat-map>', (el) => Object.assign(el, { values: wh })],
  "rnn-small-multiples": ['<rnn-small-multiples label="Loss by learning rate" log></rnn-small-multiples>', (el) => Object.assign(el, { charts: [0.3, 0.1, 0.03, 0.01].map((lr, k) => ({ label: `lr = ${lr}`, series: [{ label: "loss", values: loss.map((v, i) => v * (1 + 0.3 * Math.sin(i / 50 + k)) ** (k === 0 ? 2 : 1)) }] })) })],
  "rnn-slider": ['<rnn-slider label="Learning rate" min="0.0001" max="1" value="0.01" scale="log"></rnn-slider>'],
  "rnn-select": ['<rnn-select label="Cell" options="rnn,lstm,gru" value="lstm"></rnn-select>'],
  "rnn-toggle": ['<rnn-toggle label="Clip gradients" checked></rnn-toggle>'],
  "rnn-button": ['<rnn-button variant="primary">Train</rnn-button> <rnn-button>Step</rnn-button> <rnn-button variant="quiet">Reset</rnn-button>'],
  "rnn-progress": ['<rnn-progress label="Training" value="0.42" remaining="12500" status="1 850 steps/s"></rnn-progress>'],
  "rnn-message": ['<rnn-message variant="warning" heading="Some settings were not understood and were replaced by defaults:"></rnn-message>', (el) => Object.assign(el, { items: ['hidden-size="0" must be from 1 to 512; using the default.'] })],
  "rnn-tabs": ['<rnn-tabs label="Panels"><p slot="a">First panel</p><p slot="b">Second panel</p></rnn-tabs>', (el) => Object.assign(el, { tabs: [{ name: "a", label: "First" }, { name: "b", label: "Second" }] })],
};
const blockSlot = document.querySelector("#blocks .slot");
const viewTags = new Set(views.map((v) => v.tag));
for (const [tag, d] of decls) {
  if (viewTags.has(tag) || tag === "rnn-explorer" || tag === "rnn-share") continue;
  const [html, setup] = demos[tag] ?? [`<${tag}></${tag}>`];
  blockSlot.append(card(tag.replace(/^rnn-/, "").replace(/-/g, " "), tag, d.description?.split("\n\n")[0], html, null,
    (live) => { live.innerHTML = html; const el = live.querySelector(tag); if (el && setup) setup(el); }));
}

// --- theme switch for the page and every explorer on it
const sel = document.getElementById("theme");
sel.addEventListener("change", () => {
  document.documentElement.dataset.theme = sel.value;
  document.querySelectorAll("rnn-explorer").forEach((e) => e.setAttribute("theme", sel.value));
  document.querySelectorAll(".live").forEach((l) => { l.style.colorScheme = sel.value === "auto" ? "" : sel.value; });
});

document.body.dataset.ready = "true";
