import {
  DistrictCatalog,
  ElementRecord,
  IndicatorRecord,
  ProvisionRecord,
  SourceRecord,
} from '../types';

// A small hand-made district for the rules' tests: a K-5 SIS that holds
// everything, to which each test adds or breaks one thing.

/** The district the fixtures belong to. */
export const DISTRICT = 'group:default/alder-creek';

/** Its display title. */
export const DISTRICT_TITLE = 'Alder Creek Central School District';

/** Element references used by the fixtures. */
export const ID = 'dataelement:default/student-identifier';
export const ATTENDANCE = 'dataelement:default/daily-attendance-status';
export const MINUTES = 'dataelement:default/platform-minutes';
export const DISABILITY = 'dataelement:default/disability-status';
export const ELL = 'dataelement:default/english-learner-status';

/** The vocabulary the fixtures draw on. */
export const ELEMENTS: ElementRecord[] = [
  { ref: ID, title: 'Student identifier', subgroup: false },
  { ref: ATTENDANCE, title: 'Daily attendance status', subgroup: false },
  { ref: MINUTES, title: 'Minutes on platform', subgroup: false },
  { ref: DISABILITY, title: 'Students with disabilities', subgroup: true },
  { ref: ELL, title: 'English language learners', subgroup: true },
];

const K5 = ['K', '1', '2', '3', '4', '5'] as SourceRecord['grades'];
const YEARS = ['2023-24', '2024-25'];

/** One element as a source holds it, available for K-5 in both years. */
export function held(
  element: string,
  overrides: Partial<ProvisionRecord> = {},
): ProvisionRecord {
  return {
    element,
    field: element.replace(/^.*\//, '').toUpperCase(),
    status: 'available',
    grades: K5,
    years: YEARS,
    ...overrides,
  };
}

/** A linkable production source of the district, K-5, in both years. */
export function source(
  name: string,
  title: string,
  provides: ProvisionRecord[],
  overrides: Partial<SourceRecord> = {},
): SourceRecord {
  return {
    ref: `datasource:default/${name}`,
    title,
    district: DISTRICT,
    type: 'digital-platform',
    lifecycle: 'production',
    accessMethod: 'export',
    linkableByStudentId: true,
    grades: K5,
    years: YEARS,
    provides,
    ...overrides,
  };
}

/** The district's SIS, holding the identifier, attendance and subgroups. */
export function sis(overrides: Partial<SourceRecord> = {}): SourceRecord {
  return source(
    'alder-creek-sis',
    'Alder Creek SIS',
    [held(ID), held(ATTENDANCE), held(DISABILITY), held(ELL)],
    { type: 'sis', vendor: 'PowerSchool', ...overrides },
  );
}

/** A district catalog of the given sources. */
export function district(
  sources: SourceRecord[],
  overrides: Partial<DistrictCatalog> = {},
): DistrictCatalog {
  return {
    district: DISTRICT,
    districtTitle: DISTRICT_TITLE,
    sources,
    elements: ELEMENTS,
    corrections: [],
    ...overrides,
  };
}

/** An indicator for all grades, needing the identifier and attendance. */
export function indicator(
  overrides: Partial<IndicatorRecord> = {},
): IndicatorRecord {
  return {
    ref: 'indicator:default/average-attendance-rate',
    title: 'Average attendance rate',
    stage: 'outcomes',
    construct: 'engagement',
    grades: [],
    requires: [ID, ATTENDANCE],
    disaggregateBy: [DISABILITY],
    ...overrides,
  };
}
