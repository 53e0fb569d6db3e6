import { parseGrades } from './parseGrades';

const EXPECTED = {
  expected: 'grades such as K-12, PK, 3-8 or Grade 3 (PK, K and 1 to 12)',
};

describe('parseGrades', () => {
  it('reads K-12 as kindergarten through grade 12', () => {
    expect(parseGrades('K-12')).toEqual({
      value: [
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
      ],
    });
  });

  it('reads a list of a grade and a range, such as PK, 3-8', () => {
    expect(parseGrades('PK, 3-8')).toEqual({
      value: ['PK', '3', '4', '5', '6', '7', '8'],
    });
  });

  it.each([
    ['Grade 3', ['3']],
    ['Grades K-2', ['K', '1', '2']],
    ['Gr. 9-12', ['9', '10', '11', '12']],
    ['Grade levels 6-8', ['6', '7', '8']],
    ['3rd - 5th', ['3', '4', '5']],
    ['9th', ['9']],
    ['Pre-K', ['PK']],
    ['PreK-1', ['PK', 'K', '1']],
    ['UPK', ['PK']],
    ['Kindergarten', ['K']],
    ['KG', ['K']],
    ['K through 2', ['K', '1', '2']],
    ['K\u20132', ['K', '1', '2']],
    ['01-03', ['1', '2', '3']],
    ['K & 1', ['K', '1']],
    ['K and 1', ['K', '1']],
    ['6-8; 9-12', ['6', '7', '8', '9', '10', '11', '12']],
  ])('reads "%s" the way district staff mean it', (text, grades) => {
    expect(parseGrades(text)).toEqual({ value: grades });
  });

  it('gives grades in school order without repeats', () => {
    expect(parseGrades('9, K-2, 1, PK')).toEqual({
      value: ['PK', 'K', '1', '2', '9'],
    });
  });

  it('reads a grade typed as a number', () => {
    expect(parseGrades(5)).toEqual({ value: ['5'] });
  });

  it('reads back a range Excel turned into a date, 3-8 as 8 March', () => {
    const eighthOfMarch = new Date(Date.UTC(2024, 2, 8));

    expect(parseGrades(eighthOfMarch)).toEqual({
      value: ['3', '4', '5', '6', '7', '8'],
    });
  });

  it.each([
    ['a range written backwards', '12-K'],
    ['a grade above 12', '13'],
    ['a range past grade 12', 'K-13'],
    ['grade 0', '0'],
    ['a word', 'All'],
    ['transitional kindergarten', 'TK-5'],
    ['a list with one bad part', 'K-5, middle'],
  ])('says what it expected for %s', (_, text) => {
    expect(parseGrades(text)).toEqual(EXPECTED);
  });

  it.each([
    ['a fraction', 2.5],
    ['zero', 0],
    ['a yes/no', true],
    ['a date that is no range of grades', new Date(Date.UTC(2024, 2, 15))],
  ])('rejects %s', (_, input) => {
    expect(parseGrades(input)).toEqual(EXPECTED);
  });
});
