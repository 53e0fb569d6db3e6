import { dataElement, dataSource } from '../testUtils';
import { nameProblems, nonAsciiNameProblems } from './names';
import { formatProblem } from './problems';
import { validateDataCatalogEntity } from './validateEntity';

function problems(entity: Parameters<typeof validateDataCatalogEntity>[0]) {
  return validateDataCatalogEntity(entity).map(formatProblem);
}

describe('names', () => {
  it('accepts a name of exactly 63 characters', () => {
    expect(problems(dataSource('a'.repeat(63)))).toEqual([]);
  });

  it('rejects a name of 64 characters, naming the limit', () => {
    const name = `${'a'.repeat(62)}-b`;
    expect(problems(dataElement(name))).toEqual([
      `dataelement:default/${name} metadata.name: is 64 characters long; expected at most 63, the catalog's limit`,
    ]);
  });

  it('rejects a reference to a name of 64 characters, naming the limit', () => {
    expect(
      problems(
        dataSource('alder-creek-sis', { steward: `user:${'u'.repeat(64)}` }),
      ),
    ).toEqual([
      `datasource:default/alder-creek-sis spec.steward: "user:${'u'.repeat(
        64,
      )}" has a name of 64 characters; expected at most 63, the catalog's limit`,
    ]);
  });

  it('names a look-alike letter in a name, and the ASCII name to use', () => {
    expect(nonAsciiNameProblems(dataSource('\u0430lder-creek-sis'))).toEqual([
      {
        field: 'metadata.name',
        message:
          '"\u0430lder-creek-sis" has the look-alike "\u0430" (U+0430, Cyrillic small letter a) in place of "a"; expected ASCII only, as in "alder-creek-sis"',
      },
    ]);
  });

  it('checks the namespace with its own rules', () => {
    const entity = dataSource('x');
    entity.metadata.namespace = 'North_Lake';
    expect(nameProblems(entity)).toEqual([
      {
        field: 'metadata.namespace',
        message:
          '"North_Lake" is not valid; expected lower-case letters, digits and - only, starting and ending with a letter or digit',
      },
    ]);
  });

  it('rejects characters the catalog does not allow', () => {
    expect(problems(dataSource('alder creek'))).toEqual([
      'datasource:default/alder creek metadata.name: "alder creek" is not valid; expected letters, digits, -, _ and . only, starting and ending with a letter or digit',
    ]);
  });

  it('reports a missing name with the other problems of the entity', () => {
    const entity = dataSource('x', { privacy: 'secret' });
    entity.metadata = {} as typeof entity.metadata;
    expect(problems(entity)).toEqual([
      expect.stringContaining('metadata.name: is required'),
      expect.stringContaining('spec.privacy: must be one of'),
    ]);
  });
});
