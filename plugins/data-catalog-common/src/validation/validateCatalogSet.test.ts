import {
  dataElement,
  dataSource,
  group,
  indicator,
  referencedEntities,
} from '../testUtils';
import { formatProblem } from './problems';
import { validateCatalogSet } from './validateCatalogSet';

function problems(...extra: Parameters<typeof validateCatalogSet>[0]) {
  return validateCatalogSet([...referencedEntities(), ...extra]).map(
    formatProblem,
  );
}

describe('validateCatalogSet', () => {
  it('accepts a set whose references all resolve', () => {
    expect(
      problems(dataSource('alder-creek-sis'), indicator('chronic-absenteeism')),
    ).toEqual([]);
  });

  it('names a reference that resolves to nothing in the set', () => {
    expect(
      problems(indicator('reading-growth', { requires: ['ela-scale-score'] })),
    ).toEqual([
      'indicator:default/reading-growth spec.requires[0]: "ela-scale-score" refers to dataelement:default/ela-scale-score, which is not defined; expected an existing dataelement',
    ]);
  });

  it('finds an entity defined twice', () => {
    expect(
      problems(dataSource('alder-creek-sis'), dataSource('alder-creek-sis')),
    ).toEqual([
      'datasource:default/alder-creek-sis metadata.name: "alder-creek-sis" is defined more than once; expected one entity per kind, namespace and name',
    ]);
  });

  it('requires a district to be a district or BOCES group', () => {
    expect(
      problems(dataSource('x', { district: 'group:alder-creek-it' })),
    ).toEqual([
      'datasource:default/x spec.district: group:default/alder-creek-it is a group of type "team"; expected a group of type district or boces',
    ]);
  });

  it('breaks indicators down by subgroup elements only', () => {
    expect(
      problems(
        indicator('x', { disaggregateBy: ['dataelement:daily-attendance'] }),
      ),
    ).toEqual([
      'indicator:default/x spec.disaggregateBy[0]: dataelement:default/daily-attendance is not a subgroup element; expected an element with spec.subgroup true',
    ]);
  });

  it('lets a feed carry only elements its upstream source provides', () => {
    const upstream = dataSource('platform', {
      provides: [{ element: 'daily-attendance', field: 'minutes' }],
    });
    const downstream = dataSource('sis', {
      fedBy: [
        {
          source: 'platform',
          elements: ['daily-attendance', 'dataelement:disability-status'],
        },
      ],
    });
    expect(problems(upstream, downstream)).toEqual([
      'datasource:default/sis spec.fedBy[0].elements[1]: dataelement:default/disability-status is not provided by datasource:default/platform; expected an element the upstream source lists in spec.provides',
    ]);
  });

  it('reports problems of single entities too, and keeps going', () => {
    expect(
      problems(
        dataElement('bad', { grain: 'classroom' }),
        group('orphan-team', 'team'),
        dataSource('ok'),
      ),
    ).toEqual([
      'dataelement:default/bad spec.grain: must be one of student, student-year, student-term, student-day, student-course, student-assessment, student-session, school-year; got "classroom"',
    ]);
  });
});
