import {
  AccessFrequency,
  AccessMethod,
  DataSourceCategory,
  DataSourceLifecycle,
  DataSourceType,
  PrivacyClass,
} from '@internal/plugin-data-catalog-common';

// Plain words for each value of the DataSource spec, as district staff say
// them; the card never shows a bare code.

/** Each source type by name. */
export const TYPE_LABELS: Record<DataSourceType, string> = {
  sis: 'Student information system',
  assessment: 'Assessment',
  lms: 'Learning management system',
  'digital-platform': 'Digital learning platform',
  survey: 'Survey',
  'special-education': 'Special education',
  'english-learner': 'English learner',
  'state-reporting': 'State reporting',
  warehouse: 'Data warehouse',
  spreadsheet: 'Spreadsheet',
  other: 'Other',
};

/** The workbook categories. */
export const CATEGORY_LABELS: Record<DataSourceCategory, string> = {
  administrative: 'Administrative',
  assessment: 'Assessment',
  'digital-platform': 'Digital platform',
};

/** Each lifecycle, saying what deprecated and retired mean for users. */
export const LIFECYCLE_LABELS: Record<DataSourceLifecycle, string> = {
  planned: 'Planned, not in use yet',
  production: 'In production',
  deprecated: 'Deprecated: being phased out, do not build new reports on it',
  retired: 'Retired: no longer in use, kept to explain past data',
};

/** How data can be got out; `none` says so plainly. */
export const ACCESS_METHOD_LABELS: Record<AccessMethod, string> = {
  api: 'API',
  'ed-fi-ods': 'Ed-Fi ODS',
  export: 'File export',
  manual: 'Manual copy',
  none: 'No way to get data out',
};

/** How often, in lower case to follow the method in a sentence. */
export const FREQUENCY_LABELS: Record<AccessFrequency, string> = {
  'real-time': 'real time',
  daily: 'daily',
  weekly: 'weekly',
  monthly: 'monthly',
  term: 'each term',
  yearly: 'yearly',
  'on-request': 'on request',
  never: 'never',
};

/** What the privacy class means for the records in the source. */
export const PRIVACY_LABELS: Record<PrivacyClass, string> = {
  public: 'Public',
  aggregate: 'Aggregate counts only',
  'de-identified': 'De-identified student records',
  pii: 'Personally identifiable student records',
  'sensitive-pii':
    'Sensitive personally identifiable records (such as disability or health)',
};

/**
 * School years as a range when they run without a break (`2020-21 to
 * 2024-25, 5 years`), otherwise as a list. `count: false` leaves out the
 * number of years, for narrow table cells.
 */
export function compactYears(
  years: string[],
  options: { count?: boolean } = {},
): string {
  const sorted = [...new Set(years)].sort();
  if (sorted.length === 0) {
    return '';
  }
  if (sorted.length === 1) {
    return sorted[0];
  }

  const starts = sorted.map(year => Number(year.slice(0, 4)));
  const consecutive = starts.every(
    (start, i) => i === 0 || start === starts[i - 1] + 1,
  );
  if (!consecutive) {
    return sorted.join(', ');
  }
  const range = `${sorted[0]} to ${sorted[sorted.length - 1]}`;
  return options.count === false ? range : `${range}, ${sorted.length} years`;
}
