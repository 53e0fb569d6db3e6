import { dataSource } from '../testUtils';
import { describeNonAscii } from './lookalikes';
import { formatProblem } from './problems';
import { validateDataCatalogEntity } from './validateEntity';

const anything = () => true;

describe('describeNonAscii', () => {
  it('says nothing of ASCII text', () => {
    expect(describeNonAscii('dataelement:daily-attendance', anything)).toBe(
      undefined,
    );
  });

  it('names a Cyrillic look-alike and suggests the ASCII', () => {
    expect(describeNonAscii('d\u0430ily', anything)).toBe(
      '"d\u0430ily" has the look-alike "\u0430" (U+0430, Cyrillic small letter a) in place of "a"; expected ASCII only, as in "daily"',
    );
  });

  it('names each look-alike once, Greek and dashes included', () => {
    expect(describeNonAscii('\u03bf\u0430\u2013\u0430', anything)).toBe(
      '"\u03bf\u0430\u2013\u0430" has the look-alike "\u03bf" (U+03BF, Greek small letter omicron) in place of "o", the look-alike "\u0430" (U+0430, Cyrillic small letter a) in place of "a" and the look-alike "\u2013" (U+2013, en dash) in place of "-"; expected ASCII only, as in "oa-a"',
    );
  });

  it('suggests ASCII for full-width and accented letters too', () => {
    expect(describeNonAscii('\uff44aily-caf\u00e9', anything)).toBe(
      '"\uff44aily-caf\u00e9" has the look-alike "\uff44" (U+FF44) in place of "d" and the look-alike "\u00e9" (U+00E9) in place of "e"; expected ASCII only, as in "daily-cafe"',
    );
  });

  it('names an invisible character and suggests the text without it', () => {
    expect(describeNonAscii('daily\u200b-attendance', anything)).toBe(
      '"daily\u200b-attendance" has an invisible U+200B (zero width space); expected ASCII only, as in "daily-attendance"',
    );
  });

  it('suggests nothing when a character has no ASCII counterpart', () => {
    expect(describeNonAscii('\u51fa\u5e2d', anything)).toBe(
      '"\u51fa\u5e2d" has "\u51fa" (U+51FA), which is not ASCII and "\u5e2d" (U+5E2D), which is not ASCII; expected ASCII letters, digits, -, _ and . only',
    );
  });

  it('suggests nothing the caller would reject', () => {
    expect(describeNonAscii('d\u0430ily', () => false)).toMatch(
      /; expected ASCII letters, digits, -, _ and \. only$/,
    );
  });

  it('lists at most five characters', () => {
    const message = describeNonAscii(
      '\u0430\u0435\u043e\u0440\u0441\u0443\u0445',
      anything,
    );
    expect(message).toContain('and 2 more characters that are not ASCII');
    expect(message).toContain('as in "aeopcyx"');
  });
});

describe('look-alike characters in references', () => {
  it('rejects a reference with a Cyrillic letter, suggesting the ASCII one', () => {
    const source = dataSource('alder-creek-sis', {
      provides: [
        { element: 'dataelement:d\u0430ily-attendance', field: 'ATT_CODE' },
      ],
    });
    expect(validateDataCatalogEntity(source).map(formatProblem)).toEqual([
      'datasource:default/alder-creek-sis spec.provides[0].element: "dataelement:d\u0430ily-attendance" has the look-alike "\u0430" (U+0430, Cyrillic small letter a) in place of "a"; expected ASCII only, as in "dataelement:daily-attendance"',
    ]);
  });

  it('finds look-alikes in the kind and the namespace too', () => {
    const source = dataSource('alder-creek-sis', {
      owner: 'gr\u043eup:d\u0435fault/alder-creek-it',
    });
    expect(validateDataCatalogEntity(source).map(formatProblem)).toEqual([
      expect.stringContaining(
        'spec.owner: "gr\u043eup:d\u0435fault/alder-creek-it" has the look-alike "\u043e" (U+043E, Cyrillic small letter o) in place of "o" and the look-alike "\u0435" (U+0435, Cyrillic small letter ie) in place of "e"; expected ASCII only, as in "group:default/alder-creek-it"',
      ),
    ]);
  });
});
