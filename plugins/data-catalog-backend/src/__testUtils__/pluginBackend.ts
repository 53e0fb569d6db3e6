import {
  coreServices,
  createBackendModule,
  SchedulerService,
} from '@backstage/backend-plugin-api';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import {
  dataSource,
  indicator,
  referencedEntities,
} from '@internal/plugin-data-catalog-common/testUtils';
import { dataCatalogPlugin } from '../plugin';

/** Alder Creek with its SIS and one indicator, and what they refer to. */
export function smallCatalog(): Entity[] {
  return [
    ...referencedEntities(),
    dataSource('alder-creek-sis'),
    indicator('chronic-absence'),
  ];
}

/**
 * The plugin alone on a SQLite database, with the given catalog (by
 * default {@link smallCatalog}), every permission allowed and the read
 * model refreshed once: for tests of what the routes accept, which is
 * checked before any permission or write.
 */
export async function startPluginBackend(options: {
  databases: TestDatabases;
  entities?: Entity[];
}) {
  let scheduler: SchedulerService | undefined;
  const schedulerOfThePlugin = createBackendModule({
    pluginId: 'data-catalog',
    moduleId: 'test-scheduler',
    register(env) {
      env.registerInit({
        deps: { pluginScheduler: coreServices.scheduler },
        async init({ pluginScheduler }) {
          scheduler = pluginScheduler;
        },
      });
    },
  });

  const backend = await startTestBackend({
    features: [
      dataCatalogPlugin,
      schedulerOfThePlugin,
      catalogServiceMock.factory({
        entities: options.entities ?? smallCatalog(),
      }),
      mockServices.database.factory({
        knex: await options.databases.init('SQLITE_3'),
      }),
      mockServices.scheduler.factory({ skipTaskRunOnStartup: true }),
      mockServices.permissions.factory({ result: AuthorizeResult.ALLOW }),
      mockServices.httpAuth.factory({
        defaultCredentials: mockCredentials.none(),
      }),
    ],
  });
  await scheduler!.triggerTask('data-catalog-read-model-refresh');
  return backend;
}
