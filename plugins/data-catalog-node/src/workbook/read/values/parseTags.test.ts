import { parseTags } from './parseTags';

describe('parseTags', () => {
  it('writes tags in lower case with dashes for spaces', () => {
    expect(parseTags('Special Education, ELL')).toEqual({
      value: ['special-education', 'ell'],
    });
  });

  it('splits on commas, semicolons and line breaks and skips empty parts', () => {
    expect(parseTags('one; two_words,,\nthree')).toEqual({
      value: ['one', 'two-words', 'three'],
    });
  });

  it('keeps each tag once', () => {
    expect(parseTags('SIS, sis, Sis')).toEqual({ value: ['sis'] });
  });

  it('reads a blank list as no tags', () => {
    expect(parseTags(' , ')).toEqual({ value: [] });
  });

  it.each([
    ['punctuation Backstage does not allow', 'core!'],
    ['a tag longer than 63 characters', 'x'.repeat(64)],
  ])('says what it expected for %s', (_, text) => {
    expect(parseTags(text)).toEqual({
      expected:
        'tags of letters, digits and dashes, at most 63 characters each, separated by commas',
    });
  });
});
