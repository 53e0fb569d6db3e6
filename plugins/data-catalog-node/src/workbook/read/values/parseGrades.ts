import { Grade, GRADES } from '@internal/plugin-data-catalog-common';
import { CellInput } from './cellInput';
import { Parsed } from './parsed';

const EXPECTED_GRADES =
  'grades such as K-12, PK, 3-8 or Grade 3 (PK, K and 1 to 12)';

// One grade as people write it: PK, Pre-K, K, KG, 3, 03, 3rd, 12th.
const GRADE = String.raw`pre-?\s?kindergarten|pre-?\s?k|pk|upk|kindergarten|kg|k|\d{1,2}(?:st|nd|rd|th)?`;
const SINGLE = new RegExp(`^(${GRADE})$`, 'i');
const RANGE = new RegExp(
  `^(${GRADE})\\s*(?:-|\u2013|\u2014|to|through|thru)\\s*(${GRADE})$`,
  'i',
);
const PREFIX = /^(?:grade\s*levels?|grades?|gr\.?)\s*/i;

function toGrade(token: string): Grade | undefined {
  const word = token.toLocaleLowerCase('en-US').replace(/[\s-]/g, '');
  if (['pk', 'prek', 'prekindergarten', 'upk'].includes(word)) {
    return 'PK';
  }
  if (['k', 'kg', 'kindergarten'].includes(word)) {
    return 'K';
  }
  const number = Number(word.replace(/(st|nd|rd|th)$/, ''));
  return Number.isInteger(number) && number >= 1 && number <= 12
    ? (String(number) as Grade)
    : undefined;
}

function span(from: Grade, to: Grade): Grade[] | undefined {
  const start = GRADES.indexOf(from);
  const end = GRADES.indexOf(to);
  return start <= end ? GRADES.slice(start, end + 1) : undefined;
}

function parsePart(part: string): Grade[] | undefined {
  const text = part.replace(PREFIX, '').trim();
  const single = SINGLE.exec(text);
  if (single) {
    const grade = toGrade(single[1]);
    return grade ? [grade] : undefined;
  }
  const range = RANGE.exec(text);
  if (range) {
    const from = toGrade(range[1]);
    const to = toGrade(range[2]);
    return from && to ? span(from, to) : undefined;
  }
  return undefined;
}

/** Grades in school order, PK first, without repeats. */
function inSchoolOrder(grades: Iterable<Grade>): Grade[] {
  const found = new Set(grades);
  return GRADES.filter(grade => found.has(grade));
}

/**
 * Reads the Grades column: `K-12`, `PK, 3-8`, `Grade 3`, `9th`, `3rd-5th`,
 * or a number. Gives the grades in school order without repeats.
 */
export function parseGrades(input: CellInput): Parsed<Grade[]> {
  if (typeof input === 'number') {
    const grade = Number.isInteger(input) ? toGrade(String(input)) : undefined;
    return grade ? { value: [grade] } : { expected: EXPECTED_GRADES };
  }
  if (input instanceof Date) {
    // Excel turns a typed `3-8` into 8 March; read the date back as the
    // range it was typed as.
    const from = toGrade(String(input.getUTCMonth() + 1));
    const to = toGrade(String(input.getUTCDate()));
    const grades = from && to ? span(from, to) : undefined;
    return grades ? { value: grades } : { expected: EXPECTED_GRADES };
  }
  if (typeof input !== 'string') {
    return { expected: EXPECTED_GRADES };
  }

  const grades: Grade[] = [];
  const parts = input
    .split(/[,;/&\n]|\band\b/i)
    .map(part => part.trim())
    .filter(part => part !== '');
  for (const part of parts) {
    const found = parsePart(part);
    if (!found) {
      return { expected: EXPECTED_GRADES };
    }
    grades.push(...found);
  }
  return grades.length > 0
    ? { value: inSchoolOrder(grades) }
    : { expected: EXPECTED_GRADES };
}
