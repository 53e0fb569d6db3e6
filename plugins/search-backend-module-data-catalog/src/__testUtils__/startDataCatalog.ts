import {
  AuthService,
  coreServices,
  createBackendPlugin,
  LoggerService,
  SchedulerService,
} from '@backstage/backend-plugin-api';
import {
  mockServices,
  startTestBackend,
  TestDatabaseId,
  TestDatabases,
} from '@backstage/backend-test-utils';
import {
  CatalogService,
  catalogServiceRef,
} from '@backstage/plugin-catalog-node';
import { Entity } from '@backstage/catalog-model';
import catalogPlugin from '@backstage/plugin-catalog-backend';
import catalogModuleDataCatalog from '@internal/plugin-catalog-backend-module-data-catalog';
import searchPlugin from '@backstage/plugin-search-backend';
import path from 'node:path';
import { searchModuleDataCatalogCollator } from '../module';

/** The invented region of `src/__fixtures__/catalog.yaml`. */
export const FIXTURE_CATALOG = path.resolve(
  __dirname,
  '../__fixtures__/catalog.yaml',
);

/** The entities the fixture holds, the Location the config adds included. */
export const FIXTURE_ENTITY_COUNT = 14;

type ConfigData = NonNullable<
  Parameters<typeof mockServices.rootConfig.factory>[0]
>['data'];

/** The services a collator needs, taken from inside a running backend. */
export type CollatorServices = {
  auth: AuthService;
  catalog: CatalogService;
  logger: LoggerService;
  scheduler: SchedulerService;
};

/**
 * A real catalog backend with the data catalog's catalog module, reading
 * the fixture region; with `search`, also the search backend on its
 * default Lunr engine and this package's module. The scheduler is Backstage's
 * mock: the index is built only when a test triggers it.
 */
export async function startDataCatalog(options: {
  databases: TestDatabases;
  databaseId: TestDatabaseId;
  search?: boolean;
  config?: ConfigData;
}) {
  const knex = await options.databases.init(options.databaseId);
  let services: CollatorServices | undefined;

  // Hands the catalog service, as a plugin of this backend sees it, to the
  // tests that run the collator on their own.
  const servicesProbe = createBackendPlugin({
    pluginId: 'collator-probe',
    register(reg) {
      reg.registerInit({
        deps: {
          auth: coreServices.auth,
          catalog: catalogServiceRef,
          logger: coreServices.logger,
          scheduler: coreServices.scheduler,
        },
        async init(deps) {
          services = deps;
        },
      });
    },
  });

  const backend = await startTestBackend({
    features: [
      catalogPlugin,
      catalogModuleDataCatalog,
      servicesProbe,
      ...(options.search
        ? [searchPlugin, searchModuleDataCatalogCollator]
        : []),
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
            locations: [{ type: 'file', target: FIXTURE_CATALOG }],
          },
          ...options.config,
        },
      }),
    ],
  });

  /** Polls until the catalog serves every entity of the fixture. */
  async function waitForCatalog(timeoutMs = 120_000): Promise<Entity[]> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const { items } = await services!.catalog.getEntities(
        {},
        { credentials: await services!.auth.getOwnServiceCredentials() },
      );
      if (items.length >= FIXTURE_ENTITY_COUNT || Date.now() > deadline) {
        return items;
      }
      await new Promise(resolve => setTimeout(resolve, 500));
    }
  }

  /** Runs the search index task of one document type and waits for it. */
  async function buildIndex(type: string): Promise<void> {
    // The mock scheduler is one instance for every plugin, and its
    // triggerTask resolves when the task has run.
    const { scheduler } = services!;
    const tasks = await scheduler.getScheduledTasks();
    const task = tasks.find(t => t.id.includes(type.replace(/-/g, '_')));
    if (!task) {
      throw new Error(
        `No index task for ${type} among ${tasks.map(t => t.id).join(', ')}`,
      );
    }
    await scheduler.triggerTask(task.id);
  }

  return {
    server: backend.server,
    stop: () => backend.stop(),
    services: () => services!,
    waitForCatalog,
    buildIndex,
  };
}
