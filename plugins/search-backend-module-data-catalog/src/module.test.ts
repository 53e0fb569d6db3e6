import { TestDatabases } from '@backstage/backend-test-utils';
import { AddressInfo } from 'node:net';
import { startDataCatalog } from './__testUtils__/startDataCatalog';

jest.setTimeout(180_000);

const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });

describe.each(databases.eachSupportedId())(
  'searching the data catalog through the search backend, catalog on %p',
  databaseId => {
    let backend: Awaited<ReturnType<typeof startDataCatalog>>;

    /** The pages of the results for a term and filters, best first. */
    async function search(
      term: string,
      filters: Record<string, string> = {},
    ): Promise<string[]> {
      const query = new URLSearchParams({ term, 'types[0]': 'data-catalog' });
      for (const [field, value] of Object.entries(filters)) {
        query.set(`filters[${field}]`, value);
      }
      // Over HTTP, as the search page asks it.
      const { port } = backend.server.address() as AddressInfo;
      const response = await fetch(
        `http://localhost:${port}/api/search/query?${query}`,
      );
      expect(response.status).toBe(200);
      const body = await response.json();
      return body.results.map(
        (result: { document: { location: string } }) =>
          result.document.location,
      );
    }

    beforeAll(async () => {
      backend = await startDataCatalog({ databases, databaseId, search: true });
      await backend.waitForCatalog();
      await backend.buildIndex('data-catalog');
    });

    afterAll(async () => {
      await backend?.stop();
    });

    it('finds the sources of a vendor', async () => {
      const found = await search('Brightfield');

      expect(found.sort()).toEqual([
        '/catalog/default/datasource/fernwood-sis',
        '/catalog/default/datasource/larkspur-sis',
      ]);
    });

    it('finds by CEDS identifier the element and the sources that hold it', async () => {
      const found = await search('000076');

      expect(found).toEqual(
        expect.arrayContaining([
          '/catalog/default/dataelement/daily-attendance',
          '/catalog/default/datasource/fernwood-sis',
          '/catalog/default/datasource/larkspur-sis',
          '/catalog/default/indicator/chronic-absence-rate',
        ]),
      );
      // The platform lists attendance as not collected.
      expect(found).not.toContain(
        '/catalog/default/datasource/fernwood-math-platform',
      );
    });

    it('narrows results by district', async () => {
      const found = await search('Brightfield', {
        district: 'group:default/larkspur',
      });

      expect(found).toEqual(['/catalog/default/datasource/larkspur-sis']);
    });

    it('narrows results by kind, stage and construct', async () => {
      expect(await search('students', { kind: 'Indicator' })).toEqual(
        expect.arrayContaining([
          '/catalog/default/indicator/chronic-absence-rate',
          '/catalog/default/indicator/weekly-platform-use',
        ]),
      );
      expect(await search('students', { stage: 'participation' })).toEqual([
        '/catalog/default/indicator/weekly-platform-use',
      ]);
      expect(
        await search('students', { construct: 'personal-learning-paths' }),
      ).toEqual(['/catalog/default/indicator/weekly-platform-use']);
    });

    it('answers a filter on a field it does not know with no results', async () => {
      expect(await search('Brightfield', { colour: 'green' })).toEqual([]);
    });
  },
);

describe('the data catalog collator module', () => {
  it('refuses to start with a batch size it cannot use, naming the setting', async () => {
    await expect(
      startDataCatalog({
        databases,
        databaseId: 'SQLITE_3',
        search: true,
        config: { search: { collators: { dataCatalog: { batchSize: 0 } } } },
      }),
    ).rejects.toThrow(
      'Invalid search.collators.dataCatalog.batchSize 0: expected a whole number from 1 to 1000',
    );
  });

  it('refuses to start with a schedule it cannot read, naming the setting', async () => {
    await expect(
      startDataCatalog({
        databases,
        databaseId: 'SQLITE_3',
        search: true,
        config: {
          search: {
            collators: {
              dataCatalog: {
                schedule: { frequency: 'often', timeout: 'PT1M' },
              },
            },
          },
        },
      }),
    ).rejects.toThrow(
      /Invalid schedule at search\.collators\.dataCatalog\.schedule/,
    );
  });
});
