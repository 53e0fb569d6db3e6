import { parseFieldPath } from './parseFieldPath';

describe('parseFieldPath', () => {
  it('splits keys and list indexes', () => {
    expect(parseFieldPath('spec.provides[2].element')).toEqual([
      'spec',
      'provides',
      2,
      'element',
    ]);
  });

  it('reads nested indexes', () => {
    expect(parseFieldPath('spec.fedBy[0].elements[11]')).toEqual([
      'spec',
      'fedBy',
      0,
      'elements',
      11,
    ]);
  });

  it('gives the whole entity for an empty field', () => {
    expect(parseFieldPath('')).toEqual([]);
  });
});
