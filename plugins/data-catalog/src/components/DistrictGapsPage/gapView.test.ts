import {
  ageInWords,
  filterGaps,
  gapCsvRows,
  groupGaps,
  subgroupOptions,
} from './gapView';
import {
  chronicAbsenteeism,
  deviceAccess,
  ganandaResults,
  goalConferences,
  homeInternet,
  platformMinutes,
  regentsPassing,
} from './testData';

const titles = (results: { indicatorTitle: string }[]) =>
  results.map(r => r.indicatorTitle);

describe('filterGaps', () => {
  it('lets everything through without filters', () => {
    expect(filterGaps(ganandaResults, {})).toEqual(ganandaResults);
  });

  it('narrows by stage, construct and status together', () => {
    expect(filterGaps(ganandaResults, { stage: 'access' })).toEqual([
      homeInternet,
      deviceAccess,
    ]);
    expect(
      filterGaps(ganandaResults, { stage: 'access', status: 'missing' }),
    ).toEqual([homeInternet]);
    expect(filterGaps(ganandaResults, { construct: 'student-agency' })).toEqual(
      [goalConferences],
    );
  });

  it('keeps indicators that cannot be broken down by the subgroup', () => {
    expect(
      filterGaps(ganandaResults, {
        subgroup: 'dataelement:default/ell-status',
      }),
    ).toEqual([platformMinutes]);
    expect(
      filterGaps(ganandaResults, {
        subgroup: 'dataelement:default/econ-disadvantaged',
      }),
    ).toEqual([regentsPassing]);
  });

  it('finds every word of the search in the title, in any case', () => {
    expect(
      titles(filterGaps(ganandaResults, { search: '  RATE regents ' })),
    ).toEqual(['Regents exam passing rate']);
    expect(filterGaps(ganandaResults, { search: 'rate' })).toHaveLength(2);
  });
});

describe('subgroupOptions', () => {
  it('lists each subgroup element once, by title', () => {
    expect(subgroupOptions(ganandaResults)).toEqual([
      {
        element: 'dataelement:default/swd-status',
        title: 'Disability status (IEP)',
      },
      {
        element: 'dataelement:default/econ-disadvantaged',
        title: 'Economically disadvantaged status',
      },
      {
        element: 'dataelement:default/ell-status',
        title: 'English language learner status',
      },
    ]);
  });
});

describe('groupGaps', () => {
  it('groups by stage, then construct, in the vocabulary order', () => {
    const groups = groupGaps(ganandaResults);

    expect(
      groups.map(g => [
        g.stage,
        g.count,
        g.constructs.map(c => [c.construct, titles(c.results)]),
      ]),
    ).toEqual([
      [
        'access',
        2,
        [
          [
            'flexible-learning-environments',
            ['Home internet access', 'Students with a school-issued device'],
          ],
        ],
      ],
      [
        'participation',
        2,
        [
          [
            'personal-learning-paths',
            ['Weekly minutes on the personalized learning platform'],
          ],
          ['student-agency', ['Goal-setting conferences held']],
        ],
      ],
      [
        'outcomes',
        2,
        [
          ['competency-based-progression', ['Regents exam passing rate']],
          ['engagement', ['Chronic absenteeism rate']],
        ],
      ],
    ]);
  });

  it('keeps a construct it does not know, after the known ones', () => {
    const unknown = {
      ...chronicAbsenteeism,
      indicator: 'indicator:default/sense-of-belonging',
      indicatorTitle: 'Sense of belonging',
      construct: 'belonging' as 'engagement',
    };

    const [outcomes] = groupGaps([unknown, chronicAbsenteeism]);

    expect(outcomes.constructs.map(c => c.construct)).toEqual([
      'engagement',
      'belonging',
    ]);
  });
});

describe('gapCsvRows', () => {
  it('writes a header and one row per indicator with every reason', () => {
    const rows = gapCsvRows('Gananda Central School District', [
      platformMinutes,
      homeInternet,
    ]);

    expect(rows).toEqual([
      ['District', 'Indicator', 'Stage', 'Construct', 'Status', 'Reasons'],
      [
        'Gananda Central School District',
        'Home internet access',
        'Access',
        'Flexible learning environments',
        'Missing',
        'No Gananda Central School District source provides Home internet access',
      ],
      [
        'Gananda Central School District',
        'Weekly minutes on the personalized learning platform',
        'Participation',
        'Personal learning paths',
        'Partial',
        `${platformMinutes.reasons[0]}\n${platformMinutes.reasons[1]}`,
      ],
    ]);
  });
});

describe('ageInWords', () => {
  const now = new Date('2025-03-03T12:00:00Z');
  const ago = (ms: number) => ageInWords(new Date(now.getTime() - ms), now);

  it('words the age in the largest whole unit', () => {
    expect(ago(10_000)).toBe('just now');
    expect(ago(2 * 60_000)).toBe('2 minutes ago');
    expect(ago(90 * 60_000)).toBe('1 hour ago');
    expect(ago(3 * 3_600_000)).toBe('3 hours ago');
    expect(ago(26 * 3_600_000)).toBe('yesterday');
    expect(ago(3 * 86_400_000)).toBe('3 days ago');
  });
});
