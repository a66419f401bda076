/**
 * Downloads and file import for charts and models: PNG from a canvas, SVG text,
 * CSV data, model JSON out and back in. Nothing here touches the network.
 */
import { fmt } from "../../bindings/format.js";
import { xScale, yScale } from "./scales.js";

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

/**
 * A standalone SVG line chart (for export; the live chart draws on canvas): the same scales and ticks as
 * the canvas (scales.ts), grid, axis titles, a legend line and one path per series.
 */
export function lineChartSVG(o: { title: string; x: number[]; ys: (number | null)[][]; labels: string[]; colors: string[];
  fg: string; bg: string; grid: string; log: boolean; xTitle?: string; yTitle?: string; yInclude?: number[]; width?: number; height?: number }): string {
  // one legend line per series above the plot, so long names never overlap
  const W = o.width ?? 640, H = (o.height ?? 320) + 14 * Math.max(0, o.labels.length - 1), L = 64, R = 16, T = 14 + 14 * Math.max(1, o.labels.length), B = 44;
  const xs = xScale(o.x, 8), ys = yScale(o.ys, o.log, 6, o.yInclude);
  const x0 = xs?.lo ?? 0, x1 = xs?.hi ?? 1, tr = (v: number) => (o.log ? Math.log10(v) : v);
  const px = (v: number) => (L + ((v - x0) / (x1 - x0)) * (W - L - R)).toFixed(1);
  const py = (v: number) => (ys ? T + (1 - (tr(v) - tr(ys.lo)) / (tr(ys.hi) - tr(ys.lo))) * (H - T - B) : 0).toFixed(1);
  const text = (x: number | string, y: number | string, s: string, anchor = "middle", extra = "") =>
    `<text x="${x}" y="${y}" text-anchor="${anchor}" fill="${o.fg}"${extra}>${esc(s)}</text>`;
  const grid = [
    ...(xs?.ticks ?? []).map((v) => `<line x1="${px(v)}" x2="${px(v)}" y1="${T}" y2="${H - B}" stroke="${o.grid}"/>${text(px(v), H - B + 14, fmt(v))}`),
    ...(ys?.ticks ?? []).map((v) => `<line x1="${L}" x2="${W - R}" y1="${py(v)}" y2="${py(v)}" stroke="${o.grid}"/>${text(L - 6, Number(py(v)) + 4, fmt(v), "end")}`),
  ].join("");
  const paths = ys ? o.ys.map((y, s) => {
    let d = "", pen = false;
    y.forEach((v, i) => { if (v === null) { pen = false; return; } d += `${pen ? "L" : "M"}${px(o.x[i])},${py(v)}`; pen = true; });
    return `<path d="${d}" fill="none" stroke="${o.colors[s % o.colors.length]}" stroke-width="1.5"><title>${esc(o.labels[s] ?? "")}</title></path>`;
  }).join("") : "";
  const legend = o.labels.map((l, s) => `<text x="${L}" y="${16 + 14 * s}" fill="${o.colors[s % o.colors.length]}">${esc(l)}</text>`).join("");
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" font-family="sans-serif" font-size="11">
<title>${esc(o.title)}</title><rect width="${W}" height="${H}" fill="${o.bg}"/>
<rect x="${L}" y="${T}" width="${W - L - R}" height="${H - T - B}" fill="none" stroke="${o.grid}"/>${grid}
${o.xTitle ? text((L + W - R) / 2, H - 6, o.xTitle) : ""}${o.yTitle ? text(14, (T + H - B) / 2, o.yTitle, "middle", ` transform="rotate(-90 14 ${(T + H - B) / 2})"`) : ""}
${legend}${paths}</svg>`;
}
