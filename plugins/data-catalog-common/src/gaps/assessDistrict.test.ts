import { assessDistrict, summarizeGaps } from './assessDistrict';
import { assessIndicator } from './assessIndicator';
import {
  district,
  ID,
  indicator,
  MINUTES,
  sis,
} from './__testUtils__/fixtures';

describe('assessDistrict', () => {
  const indicators = [
    indicator(),
    indicator({
      ref: 'indicator:default/weekly-platform-minutes',
      stage: 'participation',
      construct: 'personal-learning-paths',
      requires: [ID, MINUTES],
    }),
    indicator({ ref: 'indicator:default/regents-pass-rate', grades: ['12'] }),
  ];
  const catalog = district([sis()]);

  it('assesses every indicator, in the order given', () => {
    const results = assessDistrict(indicators, catalog);
    expect(results.map(r => [r.indicator, r.status])).toEqual([
      ['indicator:default/average-attendance-rate', 'available'],
      ['indicator:default/weekly-platform-minutes', 'missing'],
      ['indicator:default/regents-pass-rate', 'not-applicable'],
    ]);
  });

  it('gives the same answer as assessing one indicator at a time', () => {
    expect(assessDistrict(indicators, catalog)).toEqual(
      indicators.map(i => assessIndicator(i, catalog)),
    );
  });
});

describe('summarizeGaps', () => {
  it('counts statuses in total, per stage and per construct', () => {
    const summary = summarizeGaps(
      assessDistrict(
        [
          indicator(),
          indicator({ requires: [MINUTES] }),
          indicator({ stage: 'access', grades: ['12'] }),
        ],
        district([sis()]),
      ),
    );
    const zero = { available: 0, partial: 0, missing: 0, 'not-applicable': 0 };
    expect(summary.total).toEqual({
      ...zero,
      available: 1,
      missing: 1,
      'not-applicable': 1,
    });
    expect(summary.byStage).toEqual({
      access: { ...zero, 'not-applicable': 1 },
      participation: zero,
      outcomes: { ...zero, available: 1, missing: 1 },
    });
    expect(summary.byConstruct).toEqual({
      'learner-profiles': zero,
      'personal-learning-paths': zero,
      'competency-based-progression': zero,
      'flexible-learning-environments': zero,
      'student-agency': zero,
      engagement: { ...zero, available: 1, missing: 1, 'not-applicable': 1 },
    });
  });

  it('gives zeros for a district with no results', () => {
    expect(summarizeGaps([]).total).toEqual({
      available: 0,
      partial: 0,
      missing: 0,
      'not-applicable': 0,
    });
  });
});
