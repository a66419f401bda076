/**
 * Vanishing gradients reach 1e-40 and below; over that many decades a log axis shows the
 * floor of float32 noise, not the lesson. Values below LOG_FLOOR are drawn at the floor;
 * the tables beside the charts keep the measured numbers.
 */
export const LOG_FLOOR = 1e-20;

export function floored(values: ArrayLike<number>): number[] {
  return Array.from(values, (v) => (Number.isFinite(v) && v > 0 ? Math.max(v, LOG_FLOOR) : v));
}

export const anyBelowFloor = (values: ArrayLike<number>) => Array.prototype.some.call(values, (v: number) => v > 0 && v < LOG_FLOOR);
