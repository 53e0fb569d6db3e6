import { compactGrades, Grade } from '@internal/plugin-data-catalog-common';

// Words that stay in capitals when a coded value becomes a label.
const ACRONYMS: Record<string, string> = {
  api: 'API',
  sis: 'SIS',
  lms: 'LMS',
  pii: 'PII',
  ods: 'ODS',
  fi: 'Fi',
  ed: 'Ed',
};

// Codes whose words keep their hyphen as a label.
const LABELS: Record<string, string> = {
  'ed-fi-ods': 'Ed-Fi ODS',
  'de-identified': 'De-identified',
};

/**
 * Writes a coded value as people read it: `digital-platform` becomes
 * `Digital platform`, `ed-fi-ods` becomes `Ed-Fi ODS`. The importer reads
 * both forms back.
 */
export function formatCode(code: string): string {
  if (LABELS[code]) {
    return LABELS[code];
  }
  const words = code.split('-').map(word => ACRONYMS[word] ?? word);
  const label = words.join(' ');
  return label.charAt(0).toLocaleUpperCase('en-US') + label.slice(1);
}

/** Grades as district staff write them: `PK, K-2, 9`. */
export function formatGrades(grades: readonly Grade[]): string {
  return compactGrades(grades);
}

function startYear(year: string): number {
  return Number(year.slice(0, 4));
}

/**
 * School years as a range when they follow each other, such as
 * `2020-21 to 2024-25`, and as a list otherwise.
 */
export function formatYears(years: readonly string[]): string {
  const sorted = [...new Set(years)].sort();
  if (sorted.length < 3) {
    return sorted.join(', ');
  }
  const consecutive = sorted.every(
    (year, i) => i === 0 || startYear(year) === startYear(sorted[i - 1]) + 1,
  );
  return consecutive
    ? `${sorted[0]} to ${sorted[sorted.length - 1]}`
    : sorted.join(', ');
}

/** Yes or No, the way the districts' workbooks say it. */
export function formatBoolean(value: boolean): string {
  return value ? 'Yes' : 'No';
}
