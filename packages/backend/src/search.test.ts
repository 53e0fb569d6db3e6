import {
  coreServices,
  createBackendPlugin,
  SchedulerService,
} from '@backstage/backend-plugin-api';
import {
  mockServices,
  startTestBackend,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { ConfigSources, FileConfigSource } from '@backstage/config-loader';
import { JsonObject } from '@backstage/types';
import catalogPlugin from '@backstage/plugin-catalog-backend';
import searchPlugin from '@backstage/plugin-search-backend';
import searchModuleCatalogCollator from '@backstage/plugin-search-backend-module-catalog';
import catalogModuleDataCatalog from '@internal/plugin-catalog-backend-module-data-catalog';
import searchModuleDataCatalogCollator from '@internal/plugin-search-backend-module-data-catalog';
import {
  DEMO_CATALOG_ROOT,
  loadDemoCatalog,
} from '@internal/plugin-data-catalog-common/testUtils';
import { AddressInfo } from 'node:net';
import path from 'node:path';

jest.setTimeout(240_000);

const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });

/** The `search` section of the portal's own app-config.yaml. */
async function searchConfig(): Promise<JsonObject> {
  const config = await ConfigSources.toConfig(
    FileConfigSource.create({
      path: path.resolve(__dirname, '../../../app-config.yaml'),
      watch: false,
      substitutionFunc: async () => undefined,
    }),
  );
  config.close();
  return config.getConfig('search').get<JsonObject>();
}

type Result = { type: string; document: { location: string } };

describe.each(databases.eachSupportedId())(
  'searching the demo region with both collators as app-config.yaml sets them, on %p',
  databaseId => {
    let backend: Awaited<ReturnType<typeof startTestBackend>>;
    let scheduler: SchedulerService | undefined;

    async function search(term: string): Promise<Result[]> {
      const { port } = backend.server.address() as AddressInfo;
      const response = await fetch(
        `http://localhost:${port}/api/search/query?${new URLSearchParams({
          term,
          pageLimit: '100',
        })}`,
      );
      expect(response.status).toBe(200);
      return (await response.json()).results;
    }

    beforeAll(async () => {
      const knex = await databases.init(databaseId);
      // Hands the test the scheduler, to run each index task when the
      // catalog is full rather than on a timer.
      const schedulerProbe = createBackendPlugin({
        pluginId: 'scheduler-probe',
        register(reg) {
          reg.registerInit({
            deps: { taskScheduler: coreServices.scheduler },
            async init({ taskScheduler }) {
              scheduler = taskScheduler;
            },
          });
        },
      });

      backend = await startTestBackend({
        features: [
          catalogPlugin,
          catalogModuleDataCatalog,
          searchPlugin,
          searchModuleCatalogCollator,
          searchModuleDataCatalogCollator,
          schedulerProbe,
          mockServices.database.factory({ knex }),
          mockServices.scheduler.factory({ skipTaskRunOnStartup: true }),
          mockServices.rootConfig.factory({
            data: {
              catalog: {
                processingInterval: { seconds: 2 },
                rules: [
                  {
                    allow: [
                      'Location',
                      'Group',
                      'User',
                      'DataSource',
                      'DataElement',
                      'Indicator',
                    ],
                  },
                ],
                locations: [
                  {
                    type: 'file',
                    target: path.join(DEMO_CATALOG_ROOT, 'catalog-info.yaml'),
                  },
                ],
              },
              search: await searchConfig(),
            },
          }),
        ],
      });

      // The demo's entities, its root Location and the one config adds.
      const expected = loadDemoCatalog().length + 2;
      const { port } = backend.server.address() as AddressInfo;
      const deadline = Date.now() + 180_000;
      for (;;) {
        const response = await fetch(
          `http://localhost:${port}/api/catalog/entities?fields=kind`,
        );
        const served = (await response.json()) as unknown[];
        if (served.length >= expected) {
          break;
        }
        if (Date.now() > deadline) {
          throw new Error(
            `The catalog served ${served.length} of ${expected} entities`,
          );
        }
        await new Promise(resolve => setTimeout(resolve, 500));
      }

      await scheduler!.triggerTask('search_index_software_catalog');
      await scheduler!.triggerTask('search_index_data_catalog');
    });

    afterAll(async () => {
      await backend?.stop();
    });

    it('finds each data source once, as a data catalog result', async () => {
      const results = await search('Google');
      const sources = results.filter(r =>
        r.document.location.includes('/datasource/'),
      );

      expect(sources.length).toBeGreaterThan(0);
      expect(new Set(sources.map(r => r.type))).toEqual(
        new Set(['data-catalog']),
      );
      const locations = results.map(r => r.document.location);
      expect(new Set(locations).size).toBe(locations.length);
    });

    it('still finds the other kinds through the catalog collator', async () => {
      const results = await search('Alder Creek');
      const types = (kind: string) =>
        new Set(
          results
            .filter(r => r.document.location.includes(`/${kind}/`))
            .map(r => r.type),
        );

      expect(types('group')).toEqual(new Set(['software-catalog']));
      expect(types('datasource')).toEqual(new Set(['data-catalog']));
    });
  },
);
