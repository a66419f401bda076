/**
 * The canvas drawing of <rnn-line-chart>: axes with nice or whole-decade ticks, grid, axis titles
 * and the (already decimated) lines. A pure function of its options, so the element can redraw on
 * resize, theme change or new data, and report what it drew (tick labels, titles) to tests.
 */
import { fmt } from "../../../bindings/format.js";
import { xScale, yScale } from "../scales.js";

export interface PlotOptions {
  width: number; height: number; log: boolean; compact: boolean;
  /** Values the y axis always shows (a 0–100 % scale), besides the data's own range. */
  yInclude?: number[];
  xTitle: string; yTitle: string;
  x: number[]; ys: (number | null)[][]; labels: string[]; colors: string[];
  font: string; fg: string; grid: string;
}

/** One axis as drawn: its title, title font, tick labels and the length its title has to fit in. */
export interface DrawnAxis { title: string; font: string; labels: string[]; room: number }

/** What a draw put on the canvas, and where: the plot area and the two scales. */
export interface Drawn {
  axes: [DrawnAxis, DrawnAxis];
  /** Each line's name and the colour it was drawn in. */
  series: { label: string; color: string }[];
  area: { left: number; top: number; width: number; height: number };
  xAt(v: number): number;
  /** The x value at a horizontal pixel position (the inverse of xAt). */
  xOf(px: number): number;
  yAt(v: number): number;
}

const TITLE = 18, GAP = 6, TOP = 8, RIGHT = 12;

/** Draws the chart into `ctx` (already scaled to CSS pixels) and returns what it drew. */
export function drawPlot(ctx: CanvasRenderingContext2D, o: PlotOptions): Drawn {
  ctx.clearRect(0, 0, o.width, o.height);
  ctx.font = o.font;
  const titled = !o.compact, xBand = (o.compact ? 18 : 22) + (titled ? TITLE : 0);
  const hasX = o.x.some(Number.isFinite);
  const ys = hasX ? yScale(o.ys, o.log, Math.max(2, Math.floor((o.height - xBand - TOP) / 28)), o.yInclude ?? []) : null;
  const yLabels = ys ? ys.ticks.map((v) => fmt(v)) : [];
  // the y axis is as wide as its widest label, so a label never runs into the axis title or the plot
  const yBand = Math.max(o.compact ? 30 : 40, Math.ceil(Math.max(0, ...yLabels.map((s) => ctx.measureText(s).width))) + 14);
  const left = (titled ? TITLE : 0) + yBand, width = Math.max(1, o.width - left - RIGHT), height = Math.max(1, o.height - TOP - xBand);
  const xs = xScale(o.x, Math.max(2, Math.floor(width / 80))), x0 = xs?.lo ?? 0, x1 = xs?.hi ?? 1;
  const tr = (v: number) => (o.log ? Math.log10(v) : v);
  const xAt = (v: number) => left + ((v - x0) / (x1 - x0)) * width;
  const yAt = (v: number) => (ys ? TOP + (1 - (tr(v) - tr(ys.lo)) / (tr(ys.hi) - tr(ys.lo))) * height : NaN);
  const xTicks = xs?.ticks ?? [];
  const xLabels = xTicks.map((v) => fmt(v));

  // grid and tick labels
  ctx.lineWidth = 1;
  ctx.strokeStyle = o.grid;
  ctx.fillStyle = o.fg;
  ctx.beginPath();
  ctx.rect(left + 0.5, TOP + 0.5, width - 1, height - 1);
  ctx.textAlign = "right"; ctx.textBaseline = "middle";
  ys?.ticks.forEach((v, i) => {
    const y = Math.round(yAt(v)) + 0.5;
    ctx.moveTo(left - 4, y); ctx.lineTo(left + width, y);
    ctx.fillText(yLabels[i], left - GAP, y);
  });
  ctx.textAlign = "center"; ctx.textBaseline = "top";
  xTicks.forEach((v, i) => {
    const x = Math.round(xAt(v)) + 0.5, half = ctx.measureText(xLabels[i]).width / 2;
    ctx.moveTo(x, TOP); ctx.lineTo(x, TOP + height + 4);
    // a label at the right end stays inside the canvas
    ctx.fillText(xLabels[i], Math.min(x, o.width - half - 1), TOP + height + GAP);
  });
  ctx.stroke();

  // axis titles: x centred under the plot, y turned along the left edge
  if (titled) {
    ctx.textBaseline = "bottom";
    ctx.fillText(o.xTitle, left + width / 2, o.height - 2);
    ctx.save();
    ctx.translate(2, TOP + height / 2);
    ctx.rotate(-Math.PI / 2);
    ctx.textBaseline = "top";
    ctx.fillText(o.yTitle, 0, 0);
    ctx.restore();
  }

  // the lines, cut by gaps (null) and kept inside the plot area; a lone point is a dot
  if (ys) {
    ctx.save();
    ctx.beginPath(); ctx.rect(left, TOP, width, height); ctx.clip();
    ctx.lineWidth = 1.5; ctx.lineJoin = "round";
    o.ys.forEach((y, s) => {
      ctx.strokeStyle = ctx.fillStyle = o.colors[s];
      ctx.beginPath();
      let pen = false;
      y.forEach((v, i) => {
        if (v === null) { pen = false; return; }
        const px = xAt(o.x[i]), py = yAt(v);
        if (pen) ctx.lineTo(px, py);
        else if (y[i + 1] == null) { ctx.moveTo(px + 2, py); ctx.arc(px, py, 2, 0, 2 * Math.PI); }
        else ctx.moveTo(px, py);
        pen = true;
      });
      ctx.stroke();
    });
    ctx.restore();
  }
  return {
    axes: [{ title: titled ? o.xTitle : "", font: o.font, labels: xLabels, room: width }, { title: titled ? o.yTitle : "", font: o.font, labels: yLabels, room: o.height }],
    series: o.labels.map((label, i) => ({ label, color: o.colors[i] })),
    area: { left, top: TOP, width, height }, xAt, yAt, xOf: (px) => x0 + ((px - left) / width) * (x1 - x0),
  };
}

/** Index of the x value nearest to `v` (-1 when empty); x need not be sorted. */
export function nearest(x: ArrayLike<number>, v: number): number {
  let best = -1;
  for (let i = 0; i < x.length; i++) if (best < 0 || Math.abs(x[i] - v) < Math.abs(x[best] - v)) best = i;
  return best;
}
