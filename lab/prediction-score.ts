/**
 * The score of a reader's prediction in the design grid (which cell ends with the lowest loss):
 * 100 for the cell that ranked first, 0 for the last, evenly between, so a near miss earns
 * most of the marks. An LMS records it as the lesson's score (cmi.core.score.raw).
 */
export function predictionScore(rank: number, count: number): number {
  if (!Number.isInteger(count) || count < 1 || !Number.isInteger(rank) || rank < 1 || rank > count) {
    throw new RangeError(`rank must be an integer in [1, ${count}], got ${rank}`);
  }
  return count === 1 ? 100 : (100 * (count - rank)) / (count - 1);
}
