/**
 * The fewest students a count may show unless configured otherwise: New
 * York suppresses public counts of fewer than 5 students.
 */
export const DEFAULT_MINIMUM_CELL_SIZE = 5;

/** A count of students as it may be shown. */
export type StudentCount =
  | { suppressed: false; count: number; text: string }
  | { suppressed: true; text: string };

/**
 * Applies the minimum cell size to a count of students. A count below it,
 * zero included, is suppressed: a small count can point at the students
 * it counts, and a zero tells something about every student in the group
 * (none of them passed). The count itself is left out of a suppressed
 * result, so that it cannot be shown by mistake.
 *
 * This is the rule for one cell. A table that shows a total beside
 * suppressed cells must also keep the total from giving them away.
 */
export function suppressStudentCount(
  count: number,
  minimumCellSize: number = DEFAULT_MINIMUM_CELL_SIZE,
): StudentCount {
  if (!Number.isInteger(count) || count < 0) {
    throw new RangeError(
      `A count of students must be a whole number 0 or more, got ${count}`,
    );
  }
  if (!Number.isInteger(minimumCellSize) || minimumCellSize < 1) {
    throw new RangeError(
      `The minimum cell size must be a whole number 1 or more, got ${minimumCellSize}`,
    );
  }
  return count < minimumCellSize
    ? { suppressed: true, text: `fewer than ${minimumCellSize}` }
    : { suppressed: false, count, text: String(count) };
}
