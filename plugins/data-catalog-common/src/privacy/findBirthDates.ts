import { dateAtStart } from './birthDates';
import { maskDigits, maskName } from './masking';
import { nameAfter, nameBefore } from './names';
import { StudentRecordFinding } from './types';

// DOB, D.O.B., date of birth, birth date, birthdate, birthday, born.
const LABEL =
  /(?<!\p{L})(?:d\.?[ \t]?o\.?[ \t]?b\.?|date[ \t]+of[ \t]+birth|birth[ \t]?date|birthday|born)(?!\p{L})/giu;

// What may stand between a label and its date: "DOB: ", "born on ",
// "date of birth is ".
const TO_DATE = /^[ \t:=,(\-–—]{0,4}(?:(?:is|was|on|of)[ \t]+){0,2}/iu;

// How far from a label a name is looked for; a name further off is not
// beside the date.
const REACH = 80;

/**
 * Dates of birth beside a personal name: "Maria Lopez DOB 3/4/2012",
 * "Lopez, Maria (born 2012-03-04)", "DOB March 4, 2012 for Maria Lopez".
 * A date of birth alone (`DOB 01/01/1900 means unknown`) describes a
 * field's values rather than a student, and a date beside a name without a
 * label (`checked by Jordan Lee on 2026-11-30`) is no date of birth.
 */
export function findBirthDates(text: string): StudentRecordFinding[] {
  const found: StudentRecordFinding[] = [];
  for (const label of text.matchAll(LABEL)) {
    const labelEnd = label.index + label[0].length;
    const gap = TO_DATE.exec(text.slice(labelEnd))?.[0] ?? '';
    const dateStart = labelEnd + gap.length;
    const date = dateAtStart(text.slice(dateStart, dateStart + 40));
    if (!date) {
      continue;
    }
    const dateEnd = dateStart + date.length;

    const windowStart = Math.max(0, label.index - REACH);
    const before = nameBefore(text.slice(windowStart, label.index));
    if (before) {
      const nameStart = windowStart + before.index;
      const nameEnd = nameStart + before.name.length;
      found.push({
        kind: 'date-of-birth',
        masked:
          maskName(before.name) + maskDigits(text.slice(nameEnd, dateEnd)),
        index: nameStart,
      });
      continue;
    }
    const after = nameAfter(text.slice(dateEnd, dateEnd + REACH));
    if (after) {
      const nameStart = dateEnd + after.index;
      found.push({
        kind: 'date-of-birth',
        masked:
          maskDigits(text.slice(label.index, nameStart)) + maskName(after.name),
        index: label.index,
      });
    }
  }
  return found;
}
