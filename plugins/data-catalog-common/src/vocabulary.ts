/** The apiVersion of every kind this project adds to the catalog. */
export const DATA_CATALOG_API_VERSION = 'datacatalog.k12.dev/v1alpha1';

/** Kind of a system or file that holds student data. */
export const DATA_SOURCE_KIND = 'DataSource';

/** Kind of an entry in the shared vocabulary of data elements. */
export const DATA_ELEMENT_KIND = 'DataElement';

/** Kind of a measure of personalized-learning access, participation or outcome. */
export const INDICATOR_KIND = 'Indicator';

/** The three kinds, in the order people usually meet them. */
export const DATA_CATALOG_KINDS = [
  DATA_SOURCE_KIND,
  DATA_ELEMENT_KIND,
  INDICATOR_KIND,
] as const;

/** What kind of system a data source is. */
export const DATA_SOURCE_TYPES = [
  'sis',
  'assessment',
  'lms',
  'digital-platform',
  'survey',
  'special-education',
  'english-learner',
  'state-reporting',
  'warehouse',
  'spreadsheet',
  'other',
] as const;
export type DataSourceType = (typeof DATA_SOURCE_TYPES)[number];

/** The three categories the original district workbooks sorted sources by. */
export const DATA_SOURCE_CATEGORIES = [
  'administrative',
  'assessment',
  'digital-platform',
] as const;
export type DataSourceCategory = (typeof DATA_SOURCE_CATEGORIES)[number];

/** Where a source is in its life: retired sources still explain old data. */
export const DATA_SOURCE_LIFECYCLES = [
  'planned',
  'production',
  'deprecated',
  'retired',
] as const;
export type DataSourceLifecycle = (typeof DATA_SOURCE_LIFECYCLES)[number];

/** How data can be got out of a source. */
export const ACCESS_METHODS = [
  'api',
  'ed-fi-ods',
  'export',
  'manual',
  'none',
] as const;
export type AccessMethod = (typeof ACCESS_METHODS)[number];

/** How often data can be got out of a source. */
export const ACCESS_FREQUENCIES = [
  'real-time',
  'daily',
  'weekly',
  'monthly',
  'term',
  'yearly',
  'on-request',
  'never',
] as const;
export type AccessFrequency = (typeof ACCESS_FREQUENCIES)[number];

/**
 * How sensitive the data are. The catalog itself holds no student records;
 * this class describes the records kept in the source.
 */
export const PRIVACY_CLASSES = [
  'public',
  'aggregate',
  'de-identified',
  'pii',
  'sensitive-pii',
] as const;
export type PrivacyClass = (typeof PRIVACY_CLASSES)[number];

/** The state of one data element inside one source, as its owner reports it. */
export const ELEMENT_STATUSES = [
  'available',
  'partial',
  'not-collected',
  'unusable',
] as const;
export type ElementStatus = (typeof ELEMENT_STATUSES)[number];

/** Grade levels as New York reports them, pre-kindergarten to grade 12. */
export const GRADES = [
  'PK',
  'K',
  '1',
  '2',
  '3',
  '4',
  '5',
  '6',
  '7',
  '8',
  '9',
  '10',
  '11',
  '12',
] as const;
export type Grade = (typeof GRADES)[number];

/** School years are written `2023-24`. */
export const SCHOOL_YEAR_PATTERN = '^[0-9]{4}-[0-9]{2}$';

/** What one data element describes. */
export const ELEMENT_DOMAINS = [
  'enrollment',
  'demographics',
  'program',
  'attendance',
  'assessment',
  'course',
  'digital-learning',
  'access',
  'learner-profile',
  'survey',
  'discipline',
] as const;
export type ElementDomain = (typeof ELEMENT_DOMAINS)[number];

/** The level at which one value of a data element is recorded. */
export const ELEMENT_GRAINS = [
  'student',
  'student-year',
  'student-term',
  'student-day',
  'student-course',
  'student-assessment',
  'student-session',
  'school-year',
] as const;
export type ElementGrain = (typeof ELEMENT_GRAINS)[number];

/** The type of one value of a data element. */
export const ELEMENT_VALUE_TYPES = [
  'boolean',
  'code',
  'integer',
  'decimal',
  'percent',
  'string',
  'date',
  'duration',
] as const;
export type ElementValueType = (typeof ELEMENT_VALUE_TYPES)[number];

/** The stages of personalized learning an indicator can measure. */
export const INDICATOR_STAGES = [
  'access',
  'participation',
  'outcomes',
] as const;
export type IndicatorStage = (typeof INDICATOR_STAGES)[number];

/**
 * Personalized-learning constructs: the four most districts start from, and
 * two that districts in the region added.
 */
export const INDICATOR_CONSTRUCTS = [
  'learner-profiles',
  'personal-learning-paths',
  'competency-based-progression',
  'flexible-learning-environments',
  'student-agency',
  'engagement',
] as const;
export type IndicatorConstruct = (typeof INDICATOR_CONSTRUCTS)[number];
