import {
  coreServices,
  createBackendModule,
  createServiceFactory,
  SchedulerService,
} from '@backstage/backend-plugin-api';
import {
  mockServices,
  startTestBackend,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { notificationService } from '@backstage/plugin-notifications-node';
import { smallCatalog } from '../__testUtils__/pluginBackend';
import { RecordingNotifications } from '../__testUtils__/recordingNotifications';
import { dataCatalogPlugin } from '../plugin';

jest.setTimeout(60_000);

const REFRESH = 'data-catalog-read-model-refresh';

const databases = TestDatabases.create({ ids: ['SQLITE_3'] });

describe('impact notices in the plugin', () => {
  it('sends a notice when a refresh finds a source retired, once', async () => {
    let entities = smallCatalog();
    const notifications = new RecordingNotifications();
    let scheduler: SchedulerService | undefined;

    const backend = await startTestBackend({
      features: [
        dataCatalogPlugin,
        createBackendModule({
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
        }),
        // The catalog serves whatever `entities` holds at each refresh.
        createServiceFactory({
          service: catalogServiceRef,
          deps: {},
          factory: () =>
            catalogServiceMock.mock({
              queryEntities: async () => ({
                items: entities,
                totalItems: entities.length,
                pageInfo: {},
              }),
            }),
        }),
        createServiceFactory({
          service: notificationService,
          deps: {},
          factory: () => notifications,
        }),
        mockServices.database.factory({
          knex: await databases.init('SQLITE_3'),
        }),
        mockServices.scheduler.factory({ skipTaskRunOnStartup: true }),
      ],
    });

    await scheduler!.triggerTask(REFRESH);
    entities = entities.map((entity: Entity) =>
      entity.metadata.name === 'alder-creek-sis'
        ? { ...entity, spec: { ...entity.spec, lifecycle: 'retired' } }
        : entity,
    );
    await scheduler!.triggerTask(REFRESH);
    await scheduler!.triggerTask(REFRESH);

    expect(notifications.sent).toEqual([
      {
        recipients: {
          type: 'entity',
          entityRef: ['group:default/northlake-data-services'],
        },
        payload: expect.objectContaining({
          title: 'alder-creek-sis is now retired',
          link: '/catalog/default/datasource/alder-creek-sis',
          topic: 'data-source-impact',
        }),
      },
    ]);

    await backend.stop();
  });
});
