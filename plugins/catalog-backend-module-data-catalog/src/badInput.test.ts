import { TestDatabases } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import {
  ALIAS_LIMIT_MESSAGE,
  UTF16_MESSAGE,
} from '@internal/plugin-data-catalog-common';
import {
  dataElement,
  dataSource,
  referencedEntities,
} from '@internal/plugin-data-catalog-common/testUtils';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { stringify } from 'yaml';
import { billionLaughs } from './__testUtils__/billionLaughs';
import { startCatalog } from './__testUtils__/startCatalog';

jest.setTimeout(300_000);

const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });

const yaml = (...entities: Entity[]) =>
  entities.map(e => stringify(JSON.parse(JSON.stringify(e)))).join('---\n');

const MARKUP = '<b>Bold</b> <script>alert("title")</script>';
const NAME_63 = `${'n'.repeat(62)}3`;
const NAME_64 = `${'n'.repeat(63)}4`;
const CYRILLIC_A = '\u0430';

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * A region's folder as districts keep it, read with one glob, as the demo
 * is: every bad input of the issue in its own file, each beside entities
 * that must load, some in the same file.
 */
function writeRegion(dir: string) {
  const write = (name: string, data: string | Buffer) =>
    fs.writeFileSync(path.join(dir, 'catalog-info', name), data);
  fs.mkdirSync(path.join(dir, 'catalog-info'));
  fs.writeFileSync(
    path.join(dir, 'catalog-info.yaml'),
    yaml({
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Location',
      metadata: { name: 'bad-input-region' },
      spec: { targets: ['./catalog-info/**/*.yaml'] },
    }),
  );

  const good = [
    ...referencedEntities(),
    dataSource('alder-creek-sis'),
    dataSource('before-the-laughs'),
    dataSource('after-the-laughs'),
    dataSource('after-bad-yaml'),
    dataSource('ascii-beside-latin-1'),
    dataSource(NAME_63),
    {
      ...dataSource('markup-source', {
        vendor: '<img src=x onerror=alert("vendor")>',
      }),
      metadata: {
        name: 'markup-source',
        title: MARKUP,
        description: '<script>alert("description")</script> & <i>more</i>',
      },
    },
  ];

  write(
    'org.yaml',
    yaml(...referencedEntities(), dataSource('alder-creek-sis')),
  );
  write(
    'billion-laughs.yaml',
    [
      yaml(dataSource('before-the-laughs')),
      billionLaughs(
        'apiVersion: datacatalog.k12.dev/v1alpha1\nkind: DataSource',
      ),
      yaml(dataSource('after-the-laughs')),
    ].join('---\n'),
  );
  write(
    'bad-yaml.yaml',
    `kind: DataSource: x\n---\n${yaml(dataSource('after-bad-yaml'))}`,
  );
  write(
    'large.yaml',
    yaml(dataSource('large-source', { product: 'x'.repeat(1_100_000) })),
  );
  write(
    'many-elements.yaml',
    yaml(
      dataSource('many-elements', {
        provides: Array.from({ length: 10_000 }, (_, i) => ({
          element: `dataelement:element-${i}`,
          field: `FIELD_${i}`,
        })),
      }),
    ),
  );
  // Saved as Latin-1, as an old editor might: "é" is the byte 0xE9.
  write(
    'latin-1.yaml',
    Buffer.from(
      yaml(
        dataSource('latin-1-source', { vendor: 'Caf\u00e9 Systems' }),
        dataSource('ascii-beside-latin-1'),
      ),
      'latin1',
    ),
  );
  write(
    'utf-16.yaml',
    Buffer.concat([
      Buffer.from([0xff, 0xfe]),
      Buffer.from(yaml(dataSource('utf-16-source')), 'utf16le'),
    ]),
  );
  write('markup.yaml', yaml(good[good.length - 1]));
  write('names.yaml', yaml(dataSource(NAME_63), dataSource(NAME_64)));
  write(
    'lookalikes.yaml',
    yaml(
      dataSource('lookalike-reference', {
        provides: [
          {
            element: `dataelement:d${CYRILLIC_A}ily-attendance`,
            field: 'ATT',
          },
        ],
      }),
      dataElement(`d${CYRILLIC_A}ily-attendance`),
    ),
  );
  return good;
}

describe.each(databases.eachSupportedId())(
  'bad input read by the catalog, on %p',
  databaseId => {
    it('rejects each bad input with a clear error and serves the rest', async () => {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'data-catalog-bad-'));
      const good = writeRegion(dir);
      const catalog = await startCatalog({
        databases,
        databaseId,
        location: path.join(dir, 'catalog-info.yaml'),
      });

      try {
        // The root Location and the one the config generates come on top.
        await catalog.waitForEntities(good.length + 2);
        // Give the rejected ones a chance to slip in, had they been let in.
        await new Promise(resolve => setTimeout(resolve, 3000));
        const served = await catalog.entities();

        expect(
          served
            .filter(e => e.kind !== 'Location')
            .map(e => e.metadata.name)
            .sort(),
        ).toEqual(good.map(e => e.metadata.name).sort());
        expect(served.filter(e => e.kind === 'Location')).toHaveLength(2);

        // Markup is text: kept byte for byte, for the frontend to show.
        const markup = served.find(e => e.metadata.name === 'markup-source')!;
        expect(markup.metadata.title).toBe(MARKUP);
        expect(markup.metadata.description).toBe(
          '<script>alert("description")</script> & <i>more</i>',
        );
        expect(markup.spec?.vendor).toBe('<img src=x onerror=alert("vendor")>');

        const errors = await catalog.processingErrors();
        const file = (name: string) =>
          `file:${path.join(dir, 'catalog-info', name)}`;
        const standIns = Object.entries(errors)
          .filter(([ref]) => ref.startsWith('location:default/unreadable-'))
          .map(([, messages]) => messages.join())
          .sort();

        // In the order of their messages, which begin with the file.
        expect(standIns).toEqual([
          expect.stringContaining(
            `${file(
              'bad-yaml.yaml',
            )}, document 1 at line 1, column 7: is not valid YAML: Nested mappings are not allowed in compact mappings; expected valid YAML`,
          ),
          expect.stringMatching(
            new RegExp(
              `${escape(
                file('billion-laughs.yaml'),
              )}, document 2 at line \\d+, column 1: ${escape(
                ALIAS_LIMIT_MESSAGE,
              )}`,
            ),
          ),
          expect.stringContaining(
            `${file(
              'utf-16.yaml',
            )}, document 1 at line 1, column 1: ${UTF16_MESSAGE}`,
          ),
        ]);

        const own = Object.fromEntries(
          Object.entries(errors)
            .filter(([ref]) => !ref.startsWith('location:'))
            .map(([ref, messages]) => [ref, messages.join()]),
        );
        expect(Object.keys(own).sort()).toEqual(
          [
            'datasource:default/large-source',
            'datasource:default/many-elements',
            'datasource:default/latin-1-source',
            `datasource:default/${NAME_64}`,
            'datasource:default/lookalike-reference',
            `dataelement:default/d${CYRILLIC_A}ily-attendance`,
          ].sort(),
        );
        expect(own['datasource:default/large-source']).toMatch(
          /datasource:default\/large-source spec\.product: holds 1,100,002 of the entity's 1,10\d,\d{3} bytes; expected an entity of at most 1,048,576 bytes \(1 MiB\) as JSON$/,
        );
        expect(own['datasource:default/many-elements']).toMatch(
          /datasource:default\/many-elements spec\.provides: has 10,000 elements; expected at most 1,000 in one source$/,
        );
        expect(own['datasource:default/latin-1-source']).toContain(
          'datasource:default/latin-1-source spec.vendor: holds bytes that are not UTF-8, read as "\ufffd"; expected the file saved as UTF-8',
        );
        // The catalog's own rule, and its own message, which names the limit.
        expect(own[`datasource:default/${NAME_64}`]).toContain(
          `"metadata.name" is not valid; expected a string that is sequences of [a-zA-Z0-9] separated by any of [-_.], at most 63 characters in total but found "${NAME_64}"`,
        );
        expect(own['datasource:default/lookalike-reference']).toContain(
          `spec.provides[0].element: "dataelement:d${CYRILLIC_A}ily-attendance" has the look-alike "${CYRILLIC_A}" (U+0430, Cyrillic small letter a) in place of "a"; expected ASCII only, as in "dataelement:daily-attendance"`,
        );
        expect(
          own[`dataelement:default/d${CYRILLIC_A}ily-attendance`],
        ).toContain(
          `metadata.name: "d${CYRILLIC_A}ily-attendance" has the look-alike "${CYRILLIC_A}" (U+0430, Cyrillic small letter a) in place of "a"; expected ASCII only, as in "daily-attendance"`,
        );

        // A file going bad while the catalog runs stops neither the rest of
        // its folder from updating nor anything from being served.
        fs.writeFileSync(
          path.join(dir, 'catalog-info', 'billion-laughs.yaml'),
          billionLaughs('apiVersion: datacatalog.k12.dev/v1alpha1'),
        );
        fs.writeFileSync(
          path.join(dir, 'catalog-info', 'markup.yaml'),
          yaml({
            ...good.find(e => e.metadata.name === 'markup-source')!,
            metadata: { name: 'markup-source', title: 'Now' },
          }),
        );
        const deadline = Date.now() + 60_000;
        let now = markup;
        while (now.metadata.title !== 'Now' && Date.now() < deadline) {
          await new Promise(resolve => setTimeout(resolve, 500));
          now = (await catalog.entities()).find(
            e => e.metadata.name === 'markup-source',
          )!;
        }
        expect(now.metadata.title).toBe('Now');
        const names = (await catalog.entities()).map(e => e.metadata.name);
        expect(names).toEqual(
          expect.arrayContaining(['alder-creek-sis', NAME_63]),
        );
      } finally {
        await catalog.stop();
        fs.rmSync(dir, { recursive: true, force: true });
      }
    });
  },
);
