import {
  dataElement,
  dataSource,
  referencedEntities,
} from '@internal/plugin-data-catalog-common/testUtils';
import { Entity } from '@backstage/catalog-model';
import fs from 'node:fs';
import path from 'node:path';
import { stringify } from 'yaml';
import { cli, temporaryFolder } from '../__testUtils__/cli';

const yaml = (...entities: Entity[]) =>
  entities.map(e => stringify(JSON.parse(JSON.stringify(e)))).join('---\n');

/** A document of a few hundred bytes whose aliases expand to 9^9 items. */
function billionLaughs(): string {
  const lines = [
    'apiVersion: datacatalog.k12.dev/v1alpha1',
    'kind: DataSource',
    'a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]',
  ];
  for (let i = 1; i < 9; i++) {
    lines.push(
      `a${i}: &a${i} [${Array(9)
        .fill(`*a${i - 1}`)
        .join(', ')}]`,
    );
  }
  return `${lines.join('\n')}\n`;
}

/**
 * Runs `validate` on one file beside the entities the test fixtures refer
 * to, given as context, and gives back its problem lines without the file.
 */
async function validate(data: string | Buffer): Promise<string[]> {
  const folder = temporaryFolder('data-catalog-bad-input-');
  fs.writeFileSync(
    path.join(folder, 'shared.yaml'),
    yaml(...referencedEntities()),
  );
  const file = path.join(folder, 'checked.yaml');
  fs.writeFileSync(file, data);

  const { stdout } = await cli('validate', file, '--with', folder);
  const prefix = `${path.relative(process.cwd(), file)}:`;
  return stdout
    .split('\n')
    .filter(line => line.startsWith(prefix))
    .map(line => line.slice(prefix.length));
}

describe('validate, given bad input', () => {
  it("refuses a billion laughs in the catalog's words, and reads the rest", async () => {
    expect(
      await validate(
        `${yaml(dataSource('before'))}---\n${billionLaughs()}---\n${yaml(
          dataSource('after', { privacy: 'secret' }),
        )}`,
      ),
    ).toEqual([
      expect.stringMatching(
        /^\d+:1 {2}yaml: its aliases \(\*name\) expand beyond the limit of 100, as in a "billion laughs" document; expected an entity written out with few or no aliases$/,
      ),
      expect.stringContaining(
        'datasource:default/after  spec.privacy: must be one of',
      ),
    ]);
  });

  it('refuses an entity over 1 MiB, naming the field', async () => {
    expect(
      await validate(
        yaml(dataSource('large', { product: 'x'.repeat(1_100_000) })),
      ),
    ).toEqual([
      expect.stringMatching(
        /^\d+:\d+ {2}datasource:default\/large {2}spec\.product: holds 1,100,002 of the entity's 1,10\d,\d{3} bytes; expected an entity of at most 1,048,576 bytes \(1 MiB\) as JSON$/,
      ),
    ]);
  });

  it('refuses 10,000 elements in one source with one problem', async () => {
    const provides = Array.from({ length: 10_000 }, (_, i) => ({
      element: `dataelement:element-${i}`,
      field: `FIELD_${i}`,
    }));
    expect(await validate(yaml(dataSource('many', { provides })))).toEqual([
      expect.stringMatching(
        /^\d+:\d+ {2}datasource:default\/many {2}spec\.provides: has 10,000 elements; expected at most 1,000 in one source$/,
      ),
    ]);
  });

  it('names the field that holds bytes that are not UTF-8, at its place', async () => {
    const text = yaml(dataSource('cafe', { vendor: 'Caf\u00e9 Systems' }));
    const line = text.split('\n').findIndex(l => l.includes('vendor:')) + 1;
    expect(await validate(Buffer.from(text, 'latin1'))).toEqual([
      `${line}:11  datasource:default/cafe  spec.vendor: holds bytes that are not UTF-8, read as "\ufffd"; expected the file saved as UTF-8`,
    ]);
  });

  it('points at bytes that are not UTF-8 where they break the YAML', async () => {
    const data = Buffer.concat([
      Buffer.from('apiVersion: v1\nkind: [', 'utf8'),
      Buffer.from([0xe9]),
      Buffer.from('\n', 'utf8'),
    ]);
    expect(await validate(data)).toEqual([
      '2:8  yaml: holds bytes that are not UTF-8, read as "\ufffd" (line 2); expected the file saved as UTF-8',
      expect.stringMatching(/^3:1 {2}yaml: Flow sequence in block collection/),
    ]);
  });

  it('refuses a file saved as UTF-16 with one problem', async () => {
    const data = Buffer.concat([
      Buffer.from([0xff, 0xfe]),
      Buffer.from(yaml(dataSource('wide')), 'utf16le'),
    ]);
    expect(await validate(data)).toEqual([
      '1:1  yaml: the file is UTF-16; expected the file saved as UTF-8',
    ]);
  });

  it('accepts HTML and script in text as text', async () => {
    const entity = dataSource('markup', {
      vendor: '<script>alert("vendor")</script>',
    });
    entity.metadata.title = '<b>Bold</b>';
    entity.metadata.description = '<img src=x onerror=alert(1)>';
    expect(await validate(yaml(entity))).toEqual([]);
  });

  it('accepts a name of 63 characters and refuses one of 64, naming the limit', async () => {
    const name63 = 'n'.repeat(63);
    const name64 = 'm'.repeat(64);
    expect(
      await validate(yaml(dataSource(name63), dataSource(name64))),
    ).toEqual([
      expect.stringMatching(
        new RegExp(
          `^\\d+:\\d+ {2}datasource:default/${name64} {2}metadata\\.name: is 64 characters long; expected at most 63, the catalog's limit$`,
        ),
      ),
    ]);
  });

  it('names a look-alike letter in a reference and suggests the ASCII one', async () => {
    const source = dataSource('sis', {
      provides: [
        { element: 'dataelement:d\u0430ily-attendance', field: 'ATT' },
      ],
    });
    expect(await validate(yaml(source))).toEqual([
      expect.stringContaining(
        'datasource:default/sis  spec.provides[0].element: "dataelement:d\u0430ily-attendance" has the look-alike "\u0430" (U+0430, Cyrillic small letter a) in place of "a"; expected ASCII only, as in "dataelement:daily-attendance"',
      ),
    ]);
  });

  it('names a look-alike letter in a name that passes for an existing one', async () => {
    expect(await validate(yaml(dataElement('d\u0430ily-attendance')))).toEqual([
      expect.stringContaining(
        'dataelement:default/d\u0430ily-attendance  metadata.name: "d\u0430ily-attendance" has the look-alike "\u0430" (U+0430, Cyrillic small letter a) in place of "a"; expected ASCII only, as in "daily-attendance"',
      ),
    ]);
  });

  it('refuses a document that contains itself without crashing', async () => {
    const text = `${yaml(dataSource('loop'))}loop: &l [*l]\n`;
    expect(await validate(text)).toEqual([
      expect.stringContaining(
        'datasource:default/loop  loop: contains itself through a YAML alias',
      ),
    ]);
  });
});
