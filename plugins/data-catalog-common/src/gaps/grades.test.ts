import { compactGrades, sortGrades } from './grades';

describe('compactGrades', () => {
  it.each([
    [['K', '1', '2', '3', '4', '5'], 'K-5'],
    [['6', '7', '8'], '6-8'],
    [['9', 'PK', '2', 'K', '1'], 'PK-2, 9'],
    [['PK', '1', '2', '9'], 'PK, 1-2, 9'],
    [['12'], '12'],
    [['5', '5', '4'], '4-5'],
    [[], ''],
  ] as const)('writes %j as "%s"', (grades, text) => {
    expect(compactGrades(grades)).toBe(text);
  });
});

describe('sortGrades', () => {
  it('puts grades in school order without repeats', () => {
    expect(sortGrades(['10', 'K', '9', 'PK', '10', '2'])).toEqual([
      'PK',
      'K',
      '2',
      '9',
      '10',
    ]);
  });
});
