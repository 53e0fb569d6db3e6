import { CellInput } from './cellInput';
import { Parsed } from './parsed';

const EXPECTED_YEARS =
  'school years such as 2023-24, a range such as 2021-22 to 2024-25, or a date';

// The longest range taken as meant; more is a typing slip such as 2002-03
// for 2022-23 at the start of a range.
const MAX_RANGE = 40;

// Excel counts days from 30 December 1899.
const EXCEL_EPOCH = Date.UTC(1899, 11, 30);
const DAY = 24 * 60 * 60 * 1000;

// One school year: 2023-24, 2023-2024, 2023/24, SY 2023-24.
const YEAR = String.raw`(?:school\s*year\s*|sy\s*)?(\d{4})\s*[-\u2013\u2014/]\s*(\d{4}|\d{2})`;
const SINGLE = new RegExp(`^${YEAR}$`, 'i');
const RANGE = new RegExp(
  `^${YEAR}\\s*(?:to|through|thru|until|-|\u2013|\u2014)\\s*${YEAR}$`,
  'i',
);
const ISO_DATE = /^(\d{4})-(\d{1,2})-(\d{1,2})$/;
const US_DATE = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;

/** `2023-24` for the school year that starts in 2023. */
export function schoolYear(startYear: number): string {
  return `${startYear}-${String((startYear + 1) % 100).padStart(2, '0')}`;
}

/**
 * The school year a date falls in. School years run July to June, so
 * 15 March 2024 is in 2023-24 and 1 August 2024 in 2024-25.
 */
export function schoolYearOf(date: Date): string {
  const year = date.getUTCFullYear();
  return schoolYear(date.getUTCMonth() >= 6 ? year : year - 1);
}

/** The date of an Excel serial day number, as exceljs would give it. */
export function excelSerialDate(serial: number): Date {
  return new Date(EXCEL_EPOCH + Math.round(serial * DAY));
}

// The start year of one written school year, if it is one year long.
function startOf(first: string, second: string): number | undefined {
  const start = Number(first);
  const end = Number(second);
  const follows =
    second.length === 2 ? end === (start + 1) % 100 : end === start + 1;
  return follows ? start : undefined;
}

function dateYear(year: number, month: number, day: number) {
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCMonth() === month - 1 ? schoolYearOf(date) : undefined;
}

function parsePart(part: string): string[] | undefined {
  const single = SINGLE.exec(part);
  if (single) {
    const start = startOf(single[1], single[2]);
    return start === undefined ? undefined : [schoolYear(start)];
  }

  const range = RANGE.exec(part);
  if (range) {
    const from = startOf(range[1], range[2]);
    const to = startOf(range[3], range[4]);
    if (from === undefined || to === undefined) {
      return undefined;
    }
    if (to < from || to - from >= MAX_RANGE) {
      return undefined;
    }
    const years: string[] = [];
    for (let start = from; start <= to; start++) {
      years.push(schoolYear(start));
    }
    return years;
  }

  const iso = ISO_DATE.exec(part);
  if (iso) {
    const year = dateYear(Number(iso[1]), Number(iso[2]), Number(iso[3]));
    return year ? [year] : undefined;
  }
  const us = US_DATE.exec(part);
  if (us) {
    const year = dateYear(Number(us[3]), Number(us[1]), Number(us[2]));
    return year ? [year] : undefined;
  }
  return undefined;
}

/**
 * Reads the Years column: school years, ranges of them, lists of both, and
 * dates (as Excel dates, serial numbers or written out), each date standing
 * for the school year it falls in. Gives the years sorted, without repeats.
 */
export function parseYears(input: CellInput): Parsed<string[]> {
  if (input instanceof Date) {
    return { value: [schoolYearOf(input)] };
  }
  if (typeof input === 'number') {
    // A bare 2024 could be 2023-24 or 2024-25; people mean both.
    if (!Number.isInteger(input) || (input >= 1900 && input <= 2100)) {
      return { expected: EXPECTED_YEARS };
    }
    return input > 0 && input < 2958466
      ? { value: [schoolYearOf(excelSerialDate(input))] }
      : { expected: EXPECTED_YEARS };
  }
  if (typeof input !== 'string') {
    return { expected: EXPECTED_YEARS };
  }

  const years = new Set<string>();
  const parts = input
    .split(/[,;\n]|\band\b/i)
    .map(part => part.trim())
    .filter(part => part !== '');
  for (const part of parts) {
    const found = parsePart(part);
    if (!found) {
      return { expected: EXPECTED_YEARS };
    }
    found.forEach(year => years.add(year));
  }
  return years.size > 0
    ? { value: [...years].sort() }
    : { expected: EXPECTED_YEARS };
}
