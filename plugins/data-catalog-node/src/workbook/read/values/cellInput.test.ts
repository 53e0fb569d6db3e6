import { cellText, isoDate, toCellInput } from './cellInput';

describe('toCellInput', () => {
  it('trims text and turns non-breaking spaces into spaces', () => {
    expect(toCellInput('  Infinite\u00a0Campus\u00a0')).toBe('Infinite Campus');
  });

  it.each([
    ['an empty cell', null],
    ['an absent value', undefined],
    ['a cell of spaces', '   '],
    ['a cell of non-breaking spaces', '\u00a0\u00a0'],
    ['a number that is not finite', Number.NaN],
    ['an invalid date', new Date('not a date')],
  ])('treats %s as blank', (_, value) => {
    expect(toCellInput(value)).toBeUndefined();
  });

  it('keeps numbers, yes/no cells and dates as they are', () => {
    const date = new Date(Date.UTC(2024, 2, 15));

    expect(toCellInput(42)).toBe(42);
    expect(toCellInput(false)).toBe(false);
    expect(toCellInput(date)).toBe(date);
  });

  it('reads rich text as the text it shows', () => {
    const value = {
      richText: [
        { text: 'Infinite ', font: { bold: true } },
        { text: 'Campus' },
      ],
    };

    expect(toCellInput(value)).toBe('Infinite Campus');
  });

  it('reads a formula as the result Excel showed, not the formula', () => {
    expect(toCellInput({ formula: 'A1&" SIS"', result: 'Campus SIS' })).toBe(
      'Campus SIS',
    );
    expect(toCellInput({ sharedFormula: 'B2', result: 7 })).toBe(7);
    expect(toCellInput({ formula: 'A1', result: '' })).toBeUndefined();
  });

  it('reads a hyperlink as its text', () => {
    const value = { text: 'Vendor site', hyperlink: 'https://example.org' };

    expect(toCellInput(value)).toBe('Vendor site');
  });

  it('reads an error cell as the error Excel shows', () => {
    expect(toCellInput({ error: '#N/A' })).toBe('#N/A');
    expect(toCellInput({ formula: 'X1', result: { error: '#REF!' } })).toBe(
      '#REF!',
    );
  });
});

describe('cellText', () => {
  it('writes each kind of cell as text for text columns and messages', () => {
    expect(cellText('Campus')).toBe('Campus');
    expect(cellText(12)).toBe('12');
    expect(cellText(true)).toBe('TRUE');
    expect(cellText(false)).toBe('FALSE');
    expect(cellText(new Date(Date.UTC(2024, 2, 15)))).toBe('2024-03-15');
  });

  it('gives the calendar date of a date exceljs read at UTC midnight', () => {
    expect(isoDate(new Date(Date.UTC(2023, 11, 31)))).toBe('2023-12-31');
  });
});
