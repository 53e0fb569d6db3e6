import { InputError, NotFoundError } from '@backstage/errors';
import { findByName, NameMatching } from './findByName';

const DISTRICTS: NameMatching = {
  what: 'district',
  kind: 'group',
  listedBy: 'list-districts',
  fillerWords: ['central', 'school', 'district', 'csd'],
};

const group = (name: string, title: string) => ({
  ref: `group:default/${name}`,
  name,
  title,
});

const candidates = [
  group('alder-creek', 'Alder Creek Central School District'),
  group('alder-grove', 'Alder Grove Central School District'),
  group('birch-harbor', 'Birch Harbor Central School District'),
  group('cote-d-azur', 'Côte d’Azur School District'),
];

const find = (text: string) => findByName(text, candidates, DISTRICTS).name;

describe('findByName', () => {
  it('finds a candidate by full reference or by bare name', () => {
    expect(find('group:default/birch-harbor')).toBe('birch-harbor');
    expect(find('Group:Default/Birch-Harbor')).toBe('birch-harbor');
    expect(find('birch-harbor')).toBe('birch-harbor');
  });

  it('finds a candidate by its title in any case, spacing or punctuation', () => {
    expect(find('Birch Harbor Central School District')).toBe('birch-harbor');
    expect(find('  birch   HARBOR ')).toBe('birch-harbor');
    expect(find('Birch Harbor CSD')).toBe('birch-harbor');
    expect(find('cote d azur')).toBe('cote-d-azur');
  });

  it('finds a candidate by the start of its words when only one fits', () => {
    expect(find('birch')).toBe('birch-harbor');
    expect(find('alder cr')).toBe('alder-creek');
  });

  it('prefers an exact name over candidates that merely start the same', () => {
    const withShortName = [...candidates, group('alder', 'Alder')];
    expect(findByName('Alder', withShortName, DISTRICTS).name).toBe('alder');
  });

  it('names every candidate when several fit', () => {
    expect(() => find('alder')).toThrow(
      new InputError(
        '"alder" matches 2 districts: Alder Creek Central School District (group:default/alder-creek); Alder Grove Central School District (group:default/alder-grove). Name one by its reference',
      ),
    );
  });

  it('says what was not found and where to look', () => {
    expect(() => find('Atlantis')).toThrow(
      new NotFoundError(
        'No district matches "Atlantis"; list-districts lists every district in the catalog',
      ),
    );
  });

  it('refuses text that holds nothing but filler', () => {
    expect(() => find('Central School District')).toThrow(InputError);
    expect(() => find('--')).toThrow(
      '"--" does not name a district: give its name, title or reference',
    );
  });
});
