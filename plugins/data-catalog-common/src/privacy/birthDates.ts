/*
 * The dates a date of birth is written in, after a label such as DOB. Only
 * whole dates count: a year alone, or a school year such as 2023-24, is not
 * a date of birth.
 */

const MONTH =
  'jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?' +
  '|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?';
const DAY = '\\d{1,2}(?:st|nd|rd|th)?';

// Month first (3/4/2012), year first (2012-03-04), or the month in words.
const DATE = new RegExp(
  '^(?:(?<usM>\\d{1,2})[/.-](?<usD>\\d{1,2})[/.-](?<usY>\\d{4}|\\d{2})' +
    '|(?<isoY>\\d{4})[/.-](?<isoM>\\d{1,2})[/.-](?<isoD>\\d{1,2})' +
    `|(?:${MONTH})\\.?[ \\t]+(?<wordD1>${DAY}),?[ \\t]+\\d{4}` +
    `|(?<wordD2>${DAY})[ \\t]+(?:${MONTH})\\.?,?[ \\t]+\\d{4})` +
    // Not the start of a longer number or date.
    '(?![\\d/.-]*\\d)',
  'iu',
);

const inRange = (value: string | undefined, max: number) =>
  value !== undefined && Number(value) >= 1 && Number(value) <= max;

const dayOf = (value: string | undefined) => value?.replace(/\D/g, '');

function isRealDate(groups: Record<string, string | undefined>): boolean {
  if (groups.usM !== undefined) {
    // 13/4/2012 is the day first, as written outside the United States.
    const [month, day] =
      Number(groups.usM) > 12
        ? [groups.usD, groups.usM]
        : [groups.usM, groups.usD];
    return inRange(month, 12) && inRange(day, 31);
  }
  if (groups.isoY !== undefined) {
    return inRange(groups.isoM, 12) && inRange(groups.isoD, 31);
  }
  return inRange(dayOf(groups.wordD1 ?? groups.wordD2), 31);
}

/** The whole date at the start of a text, or undefined. */
export function dateAtStart(text: string): string | undefined {
  const match = DATE.exec(text);
  return match && isRealDate(match.groups ?? {}) ? match[0] : undefined;
}
