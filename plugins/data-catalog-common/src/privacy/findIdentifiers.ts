import { maskDigits } from './masking';
import { StudentRecordFinding } from './types';

// Hyphens and the dashes word processors turn them into.
const DASH = '[-‐‑‒–—]';

/*
 * Ten digits in one run, as New York writes a NYSSIS student ID. A run
 * inside a longer run is some other number, and the digits after a decimal
 * point are a fraction. Digits next to letters or underscores still count:
 * file and field names such as `IEP_1234567890.pdf` carry students' IDs.
 * Phone numbers written in groups (518-555-0100) are not one run.
 */
const TEN_DIGITS = /(?<!\d|\d[.,])\d{10}(?!\d|[.,]\d)/g;

/*
 * A social security number written the usual way, 123-45-6789. Dashes
 * joining it to more digits make it part of some longer code.
 */
const DASHED_SSN = new RegExp(
  `(?<!\\d|\\d${DASH})\\d{3}${DASH}\\d{2}${DASH}\\d{4}(?!\\d|${DASH}\\d)`,
  'g',
);

/*
 * Nine digits are too common to refuse on their own (ZIP+4 codes, counts,
 * other IDs), so bare or spaced ones count only right after a label that
 * says they are a social security number.
 */
const LABELLED_SSN = new RegExp(
  '(?<![\\p{L}\\d])(?:ssn|s\\.s\\.n\\.?|ss ?#|ss ?no\\.?' +
    '|social[ \\t]+security(?:[ \\t]+(?:number|no\\.?|#))?' +
    '|soc\\.?[ \\t]?sec\\.?(?:[ \\t]?(?:no\\.?|#))?)' +
    '[ \\t:#=(\\-‐‑‒–—]{0,4}(?:(?:is|was|of)[ \\t]+)?' +
    `(\\d{3}(?:[ \\t]|${DASH})?\\d{2}(?:[ \\t]|${DASH})?\\d{4})(?![\\d])`,
  'giu',
);

/** Whether every digit is the same, as in placeholders like 0000000000. */
function isRepeatedDigit(digits: string): boolean {
  return /^(\d)\1*$/.test(digits);
}

/*
 * Numbers never issued as social security numbers: area 000 or 666, group
 * 00, serial 0000. They are how documentation writes "none" or "example"
 * (000-00-0000), so they are let through.
 */
function couldBeSsn(digits: string): boolean {
  const area = digits.slice(0, 3);
  return (
    area !== '000' &&
    area !== '666' &&
    digits.slice(3, 5) !== '00' &&
    digits.slice(5) !== '0000'
  );
}

/** Ten-digit runs that could be New York student IDs. */
export function findStudentIds(text: string): StudentRecordFinding[] {
  return [...text.matchAll(TEN_DIGITS)]
    .filter(match => !isRepeatedDigit(match[0]))
    .map(match => ({
      kind: 'student-id' as const,
      masked: maskDigits(match[0], 2),
      index: match.index,
    }));
}

/** Social security numbers, dashed anywhere or bare after a label. */
export function findSocialSecurityNumbers(
  text: string,
): StudentRecordFinding[] {
  const found = new Map<number, StudentRecordFinding>();
  for (const match of text.matchAll(DASHED_SSN)) {
    if (couldBeSsn(match[0].replace(/\D/g, ''))) {
      found.set(match.index, {
        kind: 'ssn',
        masked: maskDigits(match[0], 2),
        index: match.index,
      });
    }
  }
  for (const match of text.matchAll(LABELLED_SSN)) {
    const number = match[1];
    const index = match.index + match[0].length - number.length;
    const digits = number.replace(/\D/g, '');
    // A dashed number after a label was found above already.
    if (!found.has(index) && couldBeSsn(digits)) {
      found.set(index, {
        kind: 'ssn',
        masked: maskDigits(number, 2),
        index,
      });
    }
  }
  return [...found.values()];
}
