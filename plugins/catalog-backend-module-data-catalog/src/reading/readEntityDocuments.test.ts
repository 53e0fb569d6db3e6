import { billionLaughs } from '../__testUtils__/billionLaughs';
import { readEntityDocuments } from './readEntityDocuments';

const entity = (name: string) =>
  `apiVersion: backstage.io/v1alpha1\nkind: Group\nmetadata:\n  name: ${name}\nspec:\n  type: team\n  children: []\n`;

function read(text: string | Buffer) {
  return readEntityDocuments(
    typeof text === 'string' ? Buffer.from(text, 'utf8') : text,
  ).map(reading =>
    reading.type === 'entity'
      ? { name: reading.entity.metadata.name, problems: reading.problems }
      : reading,
  );
}

describe('readEntityDocuments', () => {
  it('reads every entity of a file, as the catalog does', () => {
    expect(read(`${entity('a')}---\n${entity('b')}---\n# nothing\n`)).toEqual([
      { name: 'a', problems: [] },
      { name: 'b', problems: [] },
    ]);
  });

  it('refuses a billion laughs and still reads the other documents', () => {
    expect(
      read(
        `${entity('a')}---\n${billionLaughs(entity('bomb'))}---\n${entity(
          'b',
        )}`,
      ),
    ).toEqual([
      { name: 'a', problems: [] },
      {
        type: 'unreadable',
        document: 2,
        line: 9,
        column: 1,
        message:
          'its aliases (*name) expand beyond the limit of 100, as in a "billion laughs" document; expected an entity written out with few or no aliases',
      },
      { name: 'b', problems: [] },
    ]);
  });

  it('reports a YAML error at its place', () => {
    expect(
      read(`${entity('a')}---\nkind: Group: x\n---\n${entity('b')}`),
    ).toEqual([
      { name: 'a', problems: [] },
      expect.objectContaining({
        type: 'unreadable',
        document: 2,
        line: 9,
        column: 7,
        message:
          'is not valid YAML: Nested mappings are not allowed in compact mappings; expected valid YAML',
      }),
      { name: 'b', problems: [] },
    ]);
  });

  it('names each field holding bytes that are not UTF-8', () => {
    // Saved as Latin-1, "é" is the single byte 0xE9, which is not UTF-8.
    const text = entity('cafe').replace(
      '  name: cafe\n',
      '  name: cafe\n  title: Caf\u00e9\n',
    );
    expect(read(Buffer.from(text, 'latin1'))).toEqual([
      {
        name: 'cafe',
        problems: [
          'group:default/cafe metadata.title: holds bytes that are not UTF-8, read as "\ufffd"; expected the file saved as UTF-8',
        ],
      },
    ]);
  });

  it('mentions bytes that are not UTF-8 where they break the YAML', () => {
    const text = Buffer.concat([
      Buffer.from(`${entity('a')}---\nkind: [`, 'utf8'),
      Buffer.from([0xe9]),
      Buffer.from('\n', 'utf8'),
    ]);
    expect(read(text)[1]).toEqual(
      expect.objectContaining({
        type: 'unreadable',
        message: expect.stringMatching(
          /expected valid YAML saved as UTF-8 \(it holds bytes that are not UTF-8, a likely cause\)$/,
        ),
      }),
    );
  });

  it('keeps a replacement character that a UTF-8 file really holds', () => {
    expect(read(entity('a').replace('type: team', 'type: "\ufffd"'))).toEqual([
      { name: 'a', problems: [] },
    ]);
  });

  it('refuses a file saved as UTF-16', () => {
    const utf16 = Buffer.concat([
      Buffer.from([0xff, 0xfe]),
      Buffer.from(entity('a'), 'utf16le'),
    ]);
    expect(read(utf16)).toEqual([
      {
        type: 'unreadable',
        document: 1,
        line: 1,
        column: 1,
        message: 'the file is UTF-16; expected the file saved as UTF-8',
      },
    ]);
  });

  it.each([
    ['a list', '- a\n- b\n', 'is a list, not an entity'],
    [
      'no kind',
      'apiVersion: v1\nmetadata: { name: x }\n',
      "is not an entity: <root> must have required property 'kind'",
    ],
    [
      'a document that contains itself',
      `${entity('x')}loop: &l [*l]\n`,
      'contains itself through a YAML alias',
    ],
    [
      'an alias to nothing',
      `${entity('x')}ref: *nowhere\n`,
      'could not be read: Unresolved alias',
    ],
    [
      'annotations that are a list',
      'apiVersion: v1\nkind: Group\nmetadata: { name: x, annotations: [a] }\n',
      'metadata.annotations is not a mapping',
    ],
  ])('refuses %s alone', (_, text, message) => {
    expect(read(`${text}---\n${entity('b')}`)).toEqual([
      expect.objectContaining({
        type: 'unreadable',
        document: 1,
        message: expect.stringContaining(message),
      }),
      { name: 'b', problems: [] },
    ]);
  });
});
