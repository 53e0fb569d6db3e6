import {
  excelSerialDate,
  parseYears,
  schoolYear,
  schoolYearOf,
} from './parseYears';

const EXPECTED = {
  expected:
    'school years such as 2023-24, a range such as 2021-22 to 2024-25, or a date',
};

describe('parseYears', () => {
  it('reads a range of school years as every year in it', () => {
    expect(parseYears('2021-22 to 2024-25')).toEqual({
      value: ['2021-22', '2022-23', '2023-24', '2024-25'],
    });
  });

  it.each([
    ['2023-24', ['2023-24']],
    ['2023-2024', ['2023-24']],
    ['2023/24', ['2023-24']],
    ['2023 - 24', ['2023-24']],
    ['SY 2023-24', ['2023-24']],
    ['School year 2023-24', ['2023-24']],
    ['1999-00', ['1999-00']],
    ['2021-22 through 2022-23', ['2021-22', '2022-23']],
    ['2021-22 - 2022-23', ['2021-22', '2022-23']],
    ['2021\u201322 \u2013 2022\u201323', ['2021-22', '2022-23']],
    ['2021-22, 2023-24', ['2021-22', '2023-24']],
    ['2021-22 and 2023-24', ['2021-22', '2023-24']],
    ['2023-24;2024-25', ['2023-24', '2024-25']],
  ])('reads "%s"', (text, years) => {
    expect(parseYears(text)).toEqual({ value: years });
  });

  it('sorts the years and drops repeats', () => {
    expect(parseYears('2024-25, 2021-22 to 2022-23, 2021-22')).toEqual({
      value: ['2021-22', '2022-23', '2024-25'],
    });
  });

  it('reads an Excel date as the school year it falls in', () => {
    expect(parseYears(new Date(Date.UTC(2024, 2, 15)))).toEqual({
      value: ['2023-24'],
    });
    expect(parseYears(new Date(Date.UTC(2024, 6, 1)))).toEqual({
      value: ['2024-25'],
    });
  });

  it('reads an Excel serial day number as the school year of its date', () => {
    // 45366 is 15 March 2024; 45505 is 1 August 2024.
    expect(parseYears(45366)).toEqual({ value: ['2023-24'] });
    expect(parseYears(45505)).toEqual({ value: ['2024-25'] });
  });

  it.each([
    ['2024-03-15', ['2023-24']],
    ['2024-08-01', ['2024-25']],
    ['3/15/2024', ['2023-24']],
  ])('reads the date written as "%s"', (text, years) => {
    expect(parseYears(text)).toEqual({ value: years });
  });

  it.each([
    ['a span of two years', '2023-25'],
    ['calendar years', '2021-2024'],
    ['a range written backwards', '2024-25 to 2021-22'],
    ['a range of 40 years or more', '2000-01 to 2040-41'],
    ['a date that does not exist', '2024-02-30'],
    ['a month that does not exist', '13/1/2024'],
    ['a fiscal year', 'FY24'],
    ['a list with one bad part', '2023-24, soon'],
  ])('says what it expected for %s', (_, text) => {
    expect(parseYears(text)).toEqual(EXPECTED);
  });

  it('rejects a bare year, which could be either school year it touches', () => {
    expect(parseYears(2024)).toEqual(EXPECTED);
  });

  it.each([
    ['a fraction of a day', 45366.5],
    ['a negative number', -5],
    ['a yes/no', true],
  ])('rejects %s', (_, input) => {
    expect(parseYears(input)).toEqual(EXPECTED);
  });
});

describe('schoolYear and schoolYearOf', () => {
  it('names a school year by its start and the next year', () => {
    expect(schoolYear(2023)).toBe('2023-24');
    expect(schoolYear(2009)).toBe('2009-10');
  });

  it('starts the school year in July', () => {
    expect(schoolYearOf(new Date(Date.UTC(2024, 5, 30)))).toBe('2023-24');
    expect(schoolYearOf(new Date(Date.UTC(2024, 6, 1)))).toBe('2024-25');
  });
});

describe('excelSerialDate', () => {
  it('counts days from 30 December 1899, as Excel does', () => {
    expect(excelSerialDate(45366).toISOString()).toBe(
      '2024-03-15T00:00:00.000Z',
    );
  });
});
