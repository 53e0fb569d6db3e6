import { parseDocument } from 'yaml';
import {
  fieldsWithReplacementCharacter,
  isAliasLimitError,
  notAnEntityMessage,
  YAML_ALIAS_LIMIT,
} from './documentProblems';

describe('documentProblems', () => {
  it('recognises the yaml library refusing a billion laughs', () => {
    const lines = ['a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]'];
    for (let i = 1; i < 9; i++) {
      lines.push(
        `a${i}: &a${i} [${Array(9)
          .fill(`*a${i - 1}`)
          .join(', ')}]`,
      );
    }
    let thrown: unknown;
    try {
      parseDocument(lines.join('\n')).toJS({ maxAliasCount: YAML_ALIAS_LIMIT });
    } catch (error) {
      thrown = error;
    }
    expect(isAliasLimitError(thrown)).toBe(true);
    expect(isAliasLimitError(new Error('something else'))).toBe(false);
  });

  it('finds every key and value holding a replacement character', () => {
    expect(
      fieldsWithReplacementCharacter({
        metadata: { name: 'ok', title: 'Caf\ufffd' },
        spec: {
          provides: [{ field: 'x' }, { field: '\ufffd' }],
          ['k\ufffd']: 1,
        },
      }),
    ).toEqual(['metadata.title', 'spec.provides[1].field', 'spec.k\ufffd']);
  });

  it('visits a value that contains itself once', () => {
    const loop: Record<string, unknown> = { text: '\ufffd' };
    loop.self = loop;
    expect(fieldsWithReplacementCharacter({ spec: loop })).toEqual([
      'spec.text',
    ]);
  });

  it('says what a document is when it is no entity', () => {
    expect(notAnEntityMessage(['a'])).toBe(
      'is a list, not an entity; expected a mapping with apiVersion, kind and metadata',
    );
    expect(notAnEntityMessage('x'.repeat(50))).toContain(
      `is the text "${'x'.repeat(37)}...", not an entity`,
    );
    expect(notAnEntityMessage(42)).toContain('is a number, not an entity');
  });
});
