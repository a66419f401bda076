/**
 * Downloads and file import for charts and models: PNG from a canvas, SVG text,
 * CSV data, model JSON out and back in. Nothing here touches the network.
 */
import { fmt } from "../../bindings/format.js";

/** Saves a blob under a file name via a temporary object URL. */
export function downloadBlob(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement("a");
  a.href = url; a.download = filename; a.rel = "noopener";
  a.style.display = "none";
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function canvasToPNG(canvas: HTMLCanvasElement): Promise<Blob> {
  return new Promise((resolve, reject) => canvas.toBlob((b) => (b ? resolve(b) : reject(new Error("the canvas could not be encoded"))), "image/png"));
}

export async function downloadPNG(canvas: HTMLCanvasElement, filename: string): Promise<void> {
  downloadBlob(await canvasToPNG(canvas), filename);
}

export function downloadSVG(svg: string, filename: string): void {
  downloadBlob(new Blob([svg], { type: "image/svg+xml" }), filename);
}

const csvCell = (v: unknown) => {
  const s = typeof v === "number" ? (Number.isFinite(v) ? String(v) : "") : String(v ?? "");
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

/** CSV text with a header row; columns may differ in length (short ones are padded empty). */
export function toCSV(columns: Record<string, ArrayLike<unknown>>): string {
  const names = Object.keys(columns), rows = Math.max(0, ...names.map((n) => columns[n].length));
  const lines = [names.map(csvCell).join(",")];
  for (let r = 0; r < rows; r++) lines.push(names.map((n) => csvCell(columns[n][r])).join(","));
  return lines.join("\n") + "\n";
}

export function downloadCSV(columns: Record<string, ArrayLike<unknown>>, filename: string): void {
  downloadBlob(new Blob([toCSV(columns)], { type: "text/csv" }), filename);
}

/** Saves a model (Model.exportJSON output, or any JSON value). */
export function downloadJSON(value: unknown, filename: string): void {
  downloadBlob(new Blob([JSON.stringify(value)], { type: "application/json" }), filename);
}

/** Parses a JSON file the reader chose; rejects with a readable message. */
export async function readJSONFile(file: Blob & { name?: string }): Promise<unknown> {
  if (file.size > 200 * 2 ** 20) throw new Error(`${file.name ?? "the file"} is larger than 200 MB`);
  const text = await file.text();
  try { return JSON.parse(text); } catch (e) { throw new Error(`${file.name ?? "the file"} is not valid JSON: ${(e as Error).message}`); }
}

/** Opens a file picker for .json files; resolves with the parsed value, or undefined if none was chosen. */
export function pickJSONFile(): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const input = document.createElement("input");
    input.type = "file"; input.accept = ".json,application/json";
    input.addEventListener("change", () => {
      const f = input.files?.[0];
      if (!f) resolve(undefined); else readJSONFile(f).then(resolve, reject);
    }, { once: true });
    input.addEventListener("cancel", () => resolve(undefined), { once: true });
    input.click();
  });
}

/** A file name from a title: lowercase, dashes, no odd characters. */
export function fileName(title: string, ext: string): string {
  const base = title.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "") || "chart";
  return `${base}.${ext}`;
}

const esc = (s: string) => s.replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c]!);

/** A standalone SVG line chart (for export; the live chart draws on canvas). */
export function lineChartSVG(o: { title: string; x: number[]; ys: (number | null)[][]; labels: string[]; colors: string[];
  fg: string; bg: string; grid: string; log: boolean; width?: number; height?: number }): string {
  const W = o.width ?? 640, H = o.height ?? 320, L = 56, R = 12, T = 28, B = 32;
  const tr = (v: number) => (o.log ? Math.log10(v) : v);
  let xmin = Infinity, xmax = -Infinity, ymin = Infinity, ymax = -Infinity;
  for (const v of o.x) { xmin = Math.min(xmin, v); xmax = Math.max(xmax, v); }
  for (const y of o.ys) for (const v of y) if (v !== null) { ymin = Math.min(ymin, tr(v)); ymax = Math.max(ymax, tr(v)); }
  if (!(ymax > ymin)) { ymin -= 1; ymax += 1; }
  if (!(xmax > xmin)) xmax = xmin + 1;
  const px = (v: number) => L + ((v - xmin) / (xmax - xmin)) * (W - L - R);
  const py = (v: number) => T + (1 - (tr(v) - ymin) / (ymax - ymin)) * (H - T - B);
  const label = (v: number) => fmt(o.log ? 10 ** v : v);
  const paths = o.ys.map((y, s) => {
    let d = "", pen = false;
    y.forEach((v, i) => { if (v === null) { pen = false; return; } d += `${pen ? "L" : "M"}${px(o.x[i]).toFixed(1)},${py(v).toFixed(1)}`; pen = true; });
    return `<path d="${d}" fill="none" stroke="${o.colors[s % o.colors.length]}" stroke-width="1.5"><title>${esc(o.labels[s] ?? "")}</title></path>`;
  }).join("");
  const legend = o.labels.map((l, s) => `<text x="${L + s * 120}" y="18" fill="${o.colors[s % o.colors.length]}">${esc(l)}</text>`).join("");
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" font-family="sans-serif" font-size="11">
<title>${esc(o.title)}</title><rect width="${W}" height="${H}" fill="${o.bg}"/>
<rect x="${L}" y="${T}" width="${W - L - R}" height="${H - T - B}" fill="none" stroke="${o.grid}"/>
<text x="${L - 4}" y="${T + 4}" text-anchor="end" fill="${o.fg}">${label(ymax)}</text>
<text x="${L - 4}" y="${H - B}" text-anchor="end" fill="${o.fg}">${label(ymin)}</text>
<text x="${L}" y="${H - B + 14}" fill="${o.fg}">${xmin}</text><text x="${W - R}" y="${H - B + 14}" text-anchor="end" fill="${o.fg}">${xmax}</text>
${legend}${paths}</svg>`;
}
