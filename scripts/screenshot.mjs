// Screenshots of the element catalogue (and embed.html), light and dark, 1200 and 375 px wide, and with
// `course` every lesson of the course page at 1280×800 and 390×844 (first screen and whole view, with where the
// marked control and main visual landed; at 390 px the whole view in tiles of two screens, light and dark), with headless Chromium; written to screenshots/ (gitignored).
// Run `npm run build` first. `node scripts/screenshot.mjs course lstm,gru light-1280` limits the course to some lessons and one look (`all` for every lesson).
import { chromium } from "playwright-core";
import { mkdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { startServer } from "./serve.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const out = path.join(root, "screenshots");
mkdirSync(out, { recursive: true });
const { server, url } = await startServer({ port: 0 });
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking", "--disable-component-update",
    "--disable-sync", "--no-first-run"] });
const pages = (process.argv[2] ?? "gallery,embed").split(",");
const errors = [];
try {
  if (pages.includes("course")) await course(process.argv[3] && process.argv[3] !== "all" ? process.argv[3].split(",") : undefined, process.argv[4]);
  if (pages.some((p) => p === "gallery" || p === "embed")) for (const scheme of ["light", "dark"]) for (const width of [1200, 375]) {
    const page = await browser.newPage({ viewport: { width, height: 900 }, colorScheme: scheme, deviceScaleFactor: 1 });
    page.on("console", (m) => { if (m.type() === "error") errors.push(`${scheme} ${width}: ${m.text()}`); });
    page.on("pageerror", (e) => errors.push(`${scheme} ${width}: ${e}`));
    if (pages.includes("gallery")) {
      await page.goto(`${url}/gallery/catalog.html`, { waitUntil: "load" });
      await page.waitForSelector("body[data-ready]");
      // scroll through so every lazy example mounts, then back to the top
      for (let y = 0; y < (await page.evaluate(() => document.body.scrollHeight)); y += 700) {
        await page.evaluate((v) => scrollTo(0, v), y);
        await page.waitForTimeout(60);
      }
      await page.evaluate(() => scrollTo(0, 0));
      await page.waitForTimeout(800);
      await page.screenshot({ path: path.join(out, `gallery-${scheme}-${width}.png`), fullPage: true });
      await page.screenshot({ path: path.join(out, `gallery-top-${scheme}-${width}.png`) });
      // the building blocks in viewable tiles
      const box = await page.locator("#blocks").boundingBox();
      for (let y = 0, k = 0; box && y < box.height; y += 1400, k++) {
        await page.screenshot({ path: path.join(out, `blocks-${scheme}-${width}-${k}.png`), fullPage: true,
          clip: { x: 0, y: box.y + y, width, height: Math.min(1400, box.height - y) } });
      }
    }
    if (pages.includes("embed")) {
      await page.goto(`${url}/dist/embed.html?hidden-size=0&seed=abc`, { waitUntil: "load" });
      await page.waitForTimeout(800);
      await page.screenshot({ path: path.join(out, `embed-${scheme}-${width}.png`) });
    }
    await page.close();
  }
} finally {
  await browser.close();
  server.close();
}
/** Each lesson of the course page: the first screen, the whole view, and the marked boxes' positions. */
async function course(only, look /* e.g. "light-1280" */) {
  for (const scheme of ["light", "dark"]) for (const [width, height] of [[1280, 800], [390, 844]]) {
    if (look && look !== `${scheme}-${width}`) continue;
    const page = await browser.newPage({ viewport: { width, height }, colorScheme: scheme, deviceScaleFactor: 1 });
    page.on("pageerror", (e) => errors.push(`${scheme} ${width}: ${e}`));
    await page.goto(`${url}/`, { waitUntil: "load" });
    await page.waitForSelector("body[data-ready]");
    const names = await page.evaluate(() => customElements.get("rnn-explorer") && document.querySelector("rnn-explorer").lessons().map((v) => v.name));
    for (const name of names.filter((n) => !only || only.includes(n))) {
      await page.evaluate((n) => { location.hash = n; scrollTo(0, 0); }, name);
      await page.waitForTimeout(2500);
      const at = await page.evaluate((n) => {
        const ex = document.querySelector("rnn-explorer"), view = ex.shadowRoot.querySelector(`[slot="${n}"]`);
        const box = (sel) => { const e = view?.shadowRoot?.querySelector(sel); if (!e) return "missing"; const r = e.getBoundingClientRect(); return `${Math.round(r.top)}–${Math.round(r.bottom)}`; };
        return { control: box('[data-primary="control"]'), visual: box('[data-primary="visual"]'), page: document.documentElement.scrollHeight };
      }, name);
      console.log(`${scheme} ${width} ${name}: control y ${at.control}, visual y ${at.visual}, page ${at.page} px`);
      await page.screenshot({ path: path.join(out, `course-${name}-${scheme}-${width}.png`) });
      if (scheme === "light" && width > 600) await page.screenshot({ path: path.join(out, `course-${name}-${scheme}-${width}-full.png`), fullPage: true });
      // a phone's whole view in tiles of two screens, which an image viewer shows at full size
      if (width < 600) for (let y = 0, k = 0, h = at.page; y < h; y += 2 * height, k++)
        await page.screenshot({ path: path.join(out, `course-${name}-${scheme}-${width}-${k}.png`), fullPage: true,
          clip: { x: 0, y, width, height: Math.min(2 * height, h - y) } });
    }
    await page.close();
  }
}
console.log(`screenshots in ${path.relative(root, out)}/`);
if (errors.length) { console.log(`console errors:\n${errors.join("\n")}`); process.exitCode = 1; }
