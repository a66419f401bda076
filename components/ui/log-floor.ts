/**
 * The shared line chart (uPlot, log scale) stalls for seconds and throws once its data
 * spans more than about 22 decades, and vanishing gradients easily span 40. Values below
 * LOG_FLOOR are drawn at the floor; the tables beside the charts keep the measured numbers.
 */
export const LOG_FLOOR = 1e-20;

export function floored(values: ArrayLike<number>): number[] {
  return Array.from(values, (v) => (Number.isFinite(v) && v > 0 ? Math.max(v, LOG_FLOOR) : v));
}

export const anyBelowFloor = (values: ArrayLike<number>) => Array.prototype.some.call(values, (v: number) => v > 0 && v < LOG_FLOOR);
