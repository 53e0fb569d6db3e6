import { Grade, GRADES } from '../vocabulary';

const position = new Map<string, number>(GRADES.map((grade, i) => [grade, i]));

// Marks each grade in a slot of its own, which sorts and removes repeats in
// one pass; the rules call this for every problem they write.
function mark(grades: Iterable<Grade>): boolean[] {
  const marked = GRADES.map(() => false);
  for (const grade of grades) {
    const at = position.get(grade);
    if (at !== undefined) {
      marked[at] = true;
    }
  }
  return marked;
}

/** Grades in school order, PK first, without repeats. */
export function sortGrades(grades: Iterable<Grade>): Grade[] {
  const marked = mark(grades);
  return GRADES.filter((_, i) => marked[i]);
}

/**
 * Writes grades the way district staff do: runs of consecutive grades as
 * ranges, such as `PK, K-2, 9`.
 */
export function compactGrades(grades: Iterable<Grade>): string {
  const marked = mark(grades);
  const parts: string[] = [];

  for (let start = 0; start < GRADES.length; start++) {
    if (!marked[start]) {
      continue;
    }
    let end = start;
    while (marked[end + 1]) {
      end++;
    }
    parts.push(
      end === start ? GRADES[start] : `${GRADES[start]}-${GRADES[end]}`,
    );
    start = end;
  }
  return parts.join(', ');
}
