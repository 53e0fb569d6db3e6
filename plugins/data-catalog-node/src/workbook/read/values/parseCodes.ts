import {
  ACCESS_FREQUENCIES,
  ACCESS_METHODS,
  AccessFrequency,
  AccessMethod,
  DATA_SOURCE_CATEGORIES,
  DATA_SOURCE_LIFECYCLES,
  DATA_SOURCE_TYPES,
  DataSourceCategory,
  DataSourceLifecycle,
  DataSourceType,
  ELEMENT_STATUSES,
  ElementStatus,
  PRIVACY_CLASSES,
  PrivacyClass,
} from '@internal/plugin-data-catalog-common';
import { formatCode } from '../../formatValues';
import { normalizeLabel } from '../../layout';
import { cellText, CellInput } from './cellInput';
import { Parsed } from './parsed';

/** Reads one coded column: by code, by label, or by a common synonym. */
export type CodeParser<T extends string> = (input: CellInput) => Parsed<T>;

function listLabels(codes: readonly string[]): string {
  const labels = codes.map(formatCode);
  return `${labels.slice(0, -1).join(', ')} or ${labels[labels.length - 1]}`;
}

/**
 * A parser for one vocabulary. Codes and the exporter's labels compare the
 * same once normalised (`ed-fi-ods`, `Ed-Fi ODS`); synonyms are the words
 * districts' workbooks use for the same thing, keyed as people write them.
 */
function codeParser<T extends string>(
  codes: readonly T[],
  synonyms: Record<string, T>,
): CodeParser<T> {
  const known = new Map<string, T>();
  for (const [word, code] of Object.entries(synonyms)) {
    known.set(normalizeLabel(word), code);
  }
  // Codes win over synonyms that happen to normalise the same.
  for (const code of codes) {
    known.set(normalizeLabel(code), code);
  }
  const expected = `one of ${listLabels(codes)}`;

  return input => {
    const code = known.get(normalizeLabel(cellText(input)));
    return code ? { value: code } : { expected };
  };
}

/** Collection frequency: `Nightly` is daily, `Annually` yearly. */
export const parseFrequency = codeParser<AccessFrequency>(ACCESS_FREQUENCIES, {
  realtime: 'real-time',
  live: 'real-time',
  streaming: 'real-time',
  continuous: 'real-time',
  instant: 'real-time',
  nightly: 'daily',
  'every day': 'daily',
  'each night': 'daily',
  'every week': 'weekly',
  'every month': 'monthly',
  quarterly: 'term',
  semester: 'term',
  trimester: 'term',
  'each term': 'term',
  'per term': 'term',
  'marking period': 'term',
  'each marking period': 'term',
  annually: 'yearly',
  annual: 'yearly',
  'once a year': 'yearly',
  'each year': 'yearly',
  'end of year': 'yearly',
  'on demand': 'on-request',
  'ad hoc': 'on-request',
  'as needed': 'on-request',
  'upon request': 'on-request',
  'by request': 'on-request',
  none: 'never',
});

/** Access method: `SFTP/CSV` is export, `REST API` api. */
export const parseAccessMethod = codeParser<AccessMethod>(ACCESS_METHODS, {
  'rest api': 'api',
  'web api': 'api',
  'web service': 'api',
  'vendor api': 'api',
  'oneroster api': 'api',
  'ed-fi': 'ed-fi-ods',
  'ed-fi api': 'ed-fi-ods',
  'ed-fi ods/api': 'ed-fi-ods',
  'sftp/csv': 'export',
  sftp: 'export',
  csv: 'export',
  'csv export': 'export',
  'file export': 'export',
  file: 'export',
  'flat file': 'export',
  'report export': 'export',
  download: 'export',
  'manual entry': 'manual',
  'hand entered': 'manual',
  'copy and paste': 'manual',
  'no access': 'none',
  'not accessible': 'none',
});

/** Privacy class: `Sensitive` is sensitive PII, `Anonymized` de-identified. */
export const parsePrivacy = codeParser<PrivacyClass>(PRIVACY_CLASSES, {
  'public data': 'public',
  'directory information': 'public',
  aggregated: 'aggregate',
  'aggregate only': 'aggregate',
  anonymized: 'de-identified',
  anonymised: 'de-identified',
  deidentified: 'de-identified',
  'personally identifiable': 'pii',
  'personally identifiable information': 'pii',
  identifiable: 'pii',
  confidential: 'pii',
  sensitive: 'sensitive-pii',
  restricted: 'sensitive-pii',
  'highly sensitive': 'sensitive-pii',
});

/** Availability: `not collected`, `not usable`, `missing` and so on. */
export const parseAvailability = codeParser<ElementStatus>(ELEMENT_STATUSES, {
  yes: 'available',
  full: 'available',
  complete: 'available',
  'fully available': 'available',
  partially: 'partial',
  'partially available': 'partial',
  incomplete: 'partial',
  some: 'partial',
  missing: 'not-collected',
  'not available': 'not-collected',
  'not captured': 'not-collected',
  'not tracked': 'not-collected',
  no: 'not-collected',
  none: 'not-collected',
  'not usable': 'unusable',
  unreliable: 'unusable',
  'poor quality': 'unusable',
});

/** Data category: `Admin`, `Assessments`, `Digital`, `EdTech`. */
export const parseCategory = codeParser<DataSourceCategory>(
  DATA_SOURCE_CATEGORIES,
  {
    admin: 'administrative',
    operational: 'administrative',
    'administrative data': 'administrative',
    assessments: 'assessment',
    testing: 'assessment',
    'assessment data': 'assessment',
    digital: 'digital-platform',
    'digital platforms': 'digital-platform',
    'digital learning': 'digital-platform',
    edtech: 'digital-platform',
    'instructional platform': 'digital-platform',
  },
);

/** Source type: `Student information system` is sis, `ENL` english-learner. */
export const parseSourceType = codeParser<DataSourceType>(DATA_SOURCE_TYPES, {
  'student information system': 'sis',
  'learning management system': 'lms',
  'assessment platform': 'assessment',
  'digital learning platform': 'digital-platform',
  platform: 'digital-platform',
  sped: 'special-education',
  'special ed': 'special-education',
  ell: 'english-learner',
  enl: 'english-learner',
  'english language learner': 'english-learner',
  'data warehouse': 'warehouse',
  'state reporting system': 'state-reporting',
  'google sheet': 'spreadsheet',
  'excel workbook': 'spreadsheet',
});

/** Lifecycle: `Active` is production, `Decommissioned` retired. */
export const parseLifecycle = codeParser<DataSourceLifecycle>(
  DATA_SOURCE_LIFECYCLES,
  {
    pilot: 'planned',
    proposed: 'planned',
    active: 'production',
    live: 'production',
    'in use': 'production',
    current: 'production',
    'phasing out': 'deprecated',
    sunsetting: 'deprecated',
    decommissioned: 'retired',
    discontinued: 'retired',
    inactive: 'retired',
  },
);
